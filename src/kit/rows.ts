/**
 * Catalog rows as `normalize` reads them: the vendor's description and the canonical
 * mapping of each code, and nothing else. The reasons for each mapping (`rationale`) and
 * where a code or its words come from (`source`, `descriptionBy`) are kept apart, in the
 * vendor's catalog modules, and joined to the rows only in the public `*_CATALOG(S)`
 * exports: a bundle that decodes bodies and never reads a public catalog carries none of
 * those strings.
 */
import type { CatalogEntry } from '../model/catalog.js'
import type { Channel } from '../model/channel.js'
import type { StatusMapping } from '../model/status.js'

/**
 * One row: the description of a code and its canonical mapping. The description is the
 * vendor's own words unless `descriptionBy` says deliverykit wrote it (kept with the words
 * it qualifies, so no table shows deliverykit's text as the vendor's).
 */
export type StatusRow = StatusMapping & Pick<CatalogEntry, 'description' | 'descriptionBy'>

/** What the public catalog adds to a row: why it maps so, and where it comes from. */
export type RowNotes = Pick<CatalogEntry, 'rationale' | 'source'>

/** A vendor's rows by channel, shaped as its public `ChannelCatalogs`. */
export type ChannelRows = Readonly<Partial<Record<Channel, Readonly<Record<string, StatusRow>>>>>

/**
 * The public catalog of some rows: each row with its notes, fields in the order
 * `description`, mapping, `rationale`, `source`, `descriptionBy`. Call it with
 * `/*#__PURE__*\/`, so that a bundle that never reads the catalog drops it and the notes.
 */
export const withNotes = <K extends string>(rows: Readonly<Record<K, StatusRow>>, notes: Readonly<Record<K, RowNotes>>): Readonly<Record<K, CatalogEntry>> => {
  const catalog = {} as Record<K, CatalogEntry>
  for (const code of Object.keys(rows) as Array<K>) {
    const { descriptionBy, ...row }: StatusRow = rows[code]
    const note: RowNotes = notes[code]
    catalog[code] = { ...row, ...note, ...(descriptionBy !== undefined && { descriptionBy }) }
  }
  return catalog
}

/**
 * The row of a code on a channel, or `undefined`: own keys only, so `constructor` or
 * `__proto__` are never codes. For the library's own rows and codes it decoded as text
 * (the public `lookupStatus` also guards a JavaScript caller's arguments).
 */
export const rowOf = (rows: ChannelRows, channel: Channel, code: string): StatusRow | undefined => {
  const catalog = rows[channel]
  return catalog !== undefined && Object.prototype.hasOwnProperty.call(catalog, code) ? catalog[code] : undefined
}

/** A failure that sending again does not change (`failure.permanent`), as rows write it. */
export const permanent = true

/** A failure a later sending may overcome (`failure.permanent: false`), as rows write it. */
export const temporary = false
