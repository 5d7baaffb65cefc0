import { CHANNELS, type Channel } from './channel.js'
import type { StatusMapping } from './status.js'

/**
 * One row of a vendor's status catalog: the vendor's description, what the code means
 * canonically, and why deliverykit decided so.
 *
 * Where a row's code or words do not come from the vendor's status table, the row says so:
 * `source` names where the code comes from, and `descriptionBy` marks a description that
 * deliverykit wrote.
 *
 * @category Model
 */
export type CatalogEntry = StatusMapping & {
  /**
   * The description of the code. Unless `descriptionBy` says otherwise, the vendor's own
   * words, verbatim from the page the catalog names (or from the page `source` names);
   * words that no stored copy of the page kept are marked in square brackets.
   */
  readonly description: string
  /** One line on why the code maps as it does (the judgement call, where there is one). */
  readonly rationale: string
  /**
   * Where the code comes from when it is not in the vendor's status table that the catalog
   * is built from: another page of the vendor (with its address), an example response in
   * the vendor's documents, or the code of an integration. Absent for the codes of that
   * table.
   */
  readonly source?: string
  /**
   * Who wrote `description`. Absent: the vendor (its words, verbatim). `'deliverykit'`:
   * the vendor gives no description of the code (or none that survives), so deliverykit
   * wrote one; it is never passed off as the vendor's.
   */
  readonly descriptionBy?: 'deliverykit'
}

/**
 * A vendor's catalogs, one per channel it uses: a code is looked up by (channel, code),
 * never by code alone, because the same code can mean different things per channel.
 * A vendor with a single list for every channel points each channel at the same object.
 *
 * @category Model
 */
export type ChannelCatalogs = Readonly<Partial<Record<Channel, Readonly<Record<string, CatalogEntry>>>>>

/**
 * The catalog entry of a code on a channel, or `undefined`. Only own keys count, so
 * `constructor` or `__proto__` are never codes (nor channels). Never throws: catalogs that
 * cannot be read have no entry.
 *
 * @example
 * ```ts
 * import { lookupStatus, octopush } from 'deliverykit'
 * lookupStatus(octopush.OCTOPUSH_CATALOGS, 'sms', 'EXPIRED')?.status // 'expired'
 * ```
 * @category Model
 */
export const lookupStatus = (catalogs: ChannelCatalogs, channel: Channel, code: string): CatalogEntry | undefined => {
  // Typed callers pass text; a JavaScript caller's object key could run its toString.
  const given: unknown = code
  if (typeof given !== 'string' || typeof (channel as unknown) !== 'string') return undefined
  try {
    const catalog = Object.prototype.hasOwnProperty.call(catalogs, channel) ? catalogs[channel] : undefined
    // Stryker disable next-line ConditionalExpression: equivalent, hasOwnProperty.call(undefined) throws and the catch answers undefined too
    return catalog !== undefined && Object.prototype.hasOwnProperty.call(catalog, code) ? catalog[code] : undefined
  } catch {
    // Catalogs that cannot be read (a revoked Proxy, an accessor that throws) hold no entry.
  }
  return undefined
}

/**
 * The channels whose catalog has a code, in the order of {@link CHANNELS}.
 *
 * @category Model
 */
export const channelsWithStatus = (catalogs: ChannelCatalogs, code: string): ReadonlyArray<Channel> =>
  CHANNELS.filter((channel) => lookupStatus(catalogs, channel, code) !== undefined)
