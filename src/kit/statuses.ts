import { describeValue, formatPath } from '../errors/format.js'
import type { IssuePath, UnknownStatusIssue } from '../errors/issue.js'
import { CHANNELS, type Channel } from '../model/channel.js'
import { CHANNEL_NAMES, VENDOR_NAMES } from '../model/names.js'
import type { StatusMapping } from '../model/status.js'
import type { Vendor } from '../model/vendor.js'
import { didYouMean, didYouMeanText } from '../util/didYouMean.js'
import { rowOf, type ChannelRows, type StatusRow } from './rows.js'
import { article } from '../errors/format.js'

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

/** `a`, `a and b`, `a, b and c`. */
const listed = (names: ReadonlyArray<string>): string =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.slice(-1).join('')}`

/**
 * The issue for a code that is not in the catalog of its channel. It lists the codes the
 * channel knows and, where the code belongs to other channels, names them; otherwise it
 * suggests the known code it is most likely a typo of, where one is.
 */
export const unknownStatusIssue = (
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
  const what = single ? `${owner} status` : `${owner} ${CHANNEL_NAMES[channel]} status`
  const elsewhere = knownOn.length > 0 ? ` (it is a status on ${listed(knownOn.map((c) => CHANNEL_NAMES[c]))})` : ''
  // A code of another channel is not a typo. Bounded: a status longer than a code is not compared.
  const suggestion = knownOn.length > 0 ? undefined : didYouMean(status, expected)
  return {
    code: 'unknown_status',
    vendor,
    channel,
    status,
    path,
    expected,
    ...(knownOn.length > 0 && { knownOn }),
    ...(suggestion !== undefined && { didYouMean: suggestion }),
    message: `${formatPath(path)}: ${describeValue(status)} is not ${article(what)} ${what}${elsewhere}; expected one of ${expected.join(', ')}${didYouMeanText(suggestion)}`,
  }
}
