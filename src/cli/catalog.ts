import { CHANNELS, type Channel } from '../model/channel.js'
import * as DELIVERYKIT from '../index.js'
import type { CatalogEntry, ChannelCatalogs } from '../model/catalog.js'
import { CHANNEL_NAMES, VENDOR_NAMES } from '../model/names.js'
import { VENDORS, type Vendor } from '../model/vendor.js'
import { VENDOR_MANIFESTS } from '../options.js'
import { escapeUnsafe } from './terminal.js'

/**
 * A vendor's public catalogs, rows with their notes, or its legacy callbacks' (`catalog
 * --legacy`: their own codes and words): read from the vendor's entry, the root's
 * namespace of that name, under the export its manifest names.
 */
const catalogsOf = (vendor: Vendor, legacy: boolean): ChannelCatalogs | undefined => {
  const exports = VENDOR_MANIFESTS[vendor].catalogExports
  const name = legacy ? exports.legacy : exports.current
  const entry: Readonly<Record<string, unknown>> = DELIVERYKIT[vendor]
  return name === undefined ? undefined : (entry[name] as ChannelCatalogs)
}

/** Whether a vendor has legacy tables. */
export const hasLegacyCatalogs = (vendor: Vendor): boolean => catalogsOf(vendor, true) !== undefined

/** The vendors with legacy tables. */
export const LEGACY_VENDORS: ReadonlyArray<Vendor> = VENDORS.filter(hasLegacyCatalogs)

interface Row {
  readonly channel: Channel | 'all'
  readonly code: string
  readonly entry: CatalogEntry
}

/**
 * The catalog's rows (with `legacy`, the legacy tables'; none for a vendor without them):
 * once for a vendor whose channels share one list, per channel otherwise.
 */
export const catalogRows = (vendor: Vendor, only: Channel | undefined, legacy = false): ReadonlyArray<Row> => {
  const catalogs = catalogsOf(vendor, legacy) ?? {}
  const used = CHANNELS.flatMap((channel) => {
    const catalog = catalogs[channel]
    return catalog !== undefined && (only === undefined || channel === only) ? [{ channel, catalog }] : []
  })
  const rowsOf = (channel: Channel | 'all', catalog: Readonly<Record<string, CatalogEntry>>): ReadonlyArray<Row> => Object.entries(catalog).map(([code, entry]) => ({ channel, code, entry }))
  const [first, ...others] = used
  if (first !== undefined && others.length > 0 && others.every(({ catalog }) => catalog === first.catalog)) return rowsOf('all', first.catalog)
  return used.flatMap(({ channel, catalog }) => rowsOf(channel, catalog))
}

/** The catalog as an aligned text table, titled with the vendor's name (and `legacy`). */
export const catalogTable = (vendor: Vendor, rows: ReadonlyArray<Row>, legacy = false): string => {
  // Vendors' codes and words, escaped as every other output is (they are not ours).
  const lines = rows.map(({ channel, code, entry }) =>
    [
      channel === 'all' ? 'all' : CHANNEL_NAMES[channel],
      code,
      entry.status,
      entry.classification,
      entry.classification === 'failure' ? `${entry.failure.reason}, ${entry.failure.permanent ? 'permanent' : 'temporary'}` : '',
      entry.descriptionBy === 'deliverykit' ? `(written by deliverykit) ${entry.description}` : entry.description,
    ].map(escapeUnsafe),
  )
  const header = ['channel', 'code', 'status', 'classification', 'failure', 'vendor description']
  // A loop, not Math.max(...lengths): a spread puts every row on the stack.
  const widths = header.map((title, column) => lines.reduce((width, line) => Math.max(width, (line[column] ?? '').length), title.length))
  const render = (cells: ReadonlyArray<string>): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd()
  return [`${VENDOR_NAMES[vendor]}${legacy ? ' legacy' : ''} status catalog (${String(rows.length)} rows)`, '', render(header), ...lines.map(render)].join('\n')
}
