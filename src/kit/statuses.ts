import { unknownStatusIssue } from '../errors/build.js'
import type { IssuePath, UnknownStatusIssue } from '../errors/issue.js'
import { CHANNELS, type Channel } from '../model/channel.js'
import { VENDOR_NAMES } from '../model/names.js'
import type { StatusMapping } from '../model/status.js'
import type { Vendor } from '../model/vendor.js'
import { didYouMean } from '../util/didYouMean.js'
import { rowOf, type ChannelRows, type StatusRow } from './rows.js'

/** The mapping fields of a catalog entry alone: events do not carry the rationale. */
export const mappingOf = (entry: StatusRow): StatusMapping => {
  switch (entry.classification) {
    case 'failure':
      return { classification: 'failure', status: entry.status, failure: entry.failure }
    case 'final':
      return { classification: 'final', status: entry.status }
    case 'transient':
      return { classification: 'transient', status: entry.status }
  }
}

/** Whether every channel shares one catalog, so that messages need not name the channel. */
const isSingleCatalog = (catalogs: ChannelRows): boolean => new Set(Object.values(catalogs)).size === 1

/**
 * The issue for a code that is not in the catalog of its channel. It lists the codes the
 * channel knows and, where the code belongs to other channels, names them; otherwise it
 * suggests the known code it is most likely a typo of, where one is (in the words of
 * `unknownStatusIssue`).
 */
export const statusNotInCatalog = (
  vendor: Vendor,
  catalogs: ChannelRows,
  channel: Channel,
  status: string,
  path: IssuePath,
  /** Whose catalog it is, where not the vendor's current one: "Messangi legacy". */
  owner: string = VENDOR_NAMES[vendor],
): UnknownStatusIssue => {
  const expected = Object.keys(catalogs[channel] ?? {})
  const single = isSingleCatalog(catalogs)
  const knownOn = single ? [] : CHANNELS.filter((c) => rowOf(catalogs, c, status) !== undefined)
  // A code of another channel is not a typo. Bounded: a status longer than a code is not compared.
  const suggestion = knownOn.length > 0 ? undefined : didYouMean(status, expected)
  return unknownStatusIssue(vendor, channel, status, path, expected, knownOn, suggestion, owner, !single)
}
