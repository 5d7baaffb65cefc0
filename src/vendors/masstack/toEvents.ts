import type { IssuePath, UnknownStatusIssue } from '../../errors/issue.js'
import { digest } from '../../internal/digest.js'
import { makeEvent } from '../../internal/events.js'
import { unknownStatusIssue } from '../../internal/statuses.js'
import type { Zone } from '../../internal/time.js'
import { lookupStatus } from '../../model/catalog.js'
import type { AnyEvent } from '../../model/event.js'
import { MASSTACK_CATALOGS } from './catalog.js'
import { isMasstackEnvelope, isMasstackSmsCommunication, type MasstackBody, type MasstackCommunication } from './codec.js'
import { masstackOccurredAt } from './time.js'

/** What `toEvents` needs besides the body. */
export interface ToEventsContext {
  /** The zone zone-less times are read in (Masstack's documented times carry an offset). */
  readonly zone: Zone
}

/** Events, and the status codes the catalog did not know, with where they were. */
export interface ToEventsResult {
  readonly events: ReadonlyArray<AnyEvent>
  readonly unknownStatuses: ReadonlyArray<UnknownStatusIssue>
}

/** `Array.isArray`, which does not narrow a readonly array out of a union. */
const isList = <A extends object>(value: A | ReadonlyArray<A>): value is ReadonlyArray<A> => Array.isArray(value)

/** Each record of a body with its path, so issues point into the body as it was sent. */
const recordsOf = (body: MasstackBody): ReadonlyArray<readonly [MasstackCommunication, IssuePath]> => {
  if (isList(body)) return body.map((record, index) => [record, [index]] as const)
  if (!isMasstackEnvelope(body)) return [[body, []]]
  const { data } = body
  if (isList(data)) return data.map((record, index) => [record, ['data', index]] as const)
  return [[data, ['data']]]
}

/**
 * The time the status is dated by. Masstack does not say which field carries the time of
 * the status: `updatedTime` (when the record last changed) is the closest; without it,
 * `requestTime` or `createdTime` (when the communication was asked for) is the only time
 * there is, a lower bound of when the status happened.
 */
const vendorTimeOf = (record: MasstackCommunication): string | undefined => record.updatedTime ?? record.requestTime ?? record.createdTime

/**
 * Turns a decoded Masstack body into canonical events, one per communication record.
 * Cannot fail: codes the channel's catalog does not know become `unknown` events and are
 * listed in `unknownStatuses`, for the caller to reject or keep.
 *
 * @category Normalize
 */
export const toEvents = (body: MasstackBody, { zone }: ToEventsContext): ToEventsResult => {
  const events: Array<AnyEvent> = []
  const unknownStatuses: Array<UnknownStatusIssue> = []
  for (const [record, path] of recordsOf(body)) {
    const sms = isMasstackSmsCommunication(record)
    const channel = sms ? 'sms' : 'email'
    // Phone numbers stay as sent: Masstack sends them without country code, and
    // deliverykit does not invent one (countryCode, when sent, is in raw).
    const recipient = sms ? record.terminatingNumber : record.destinationEmail
    const messageId = record.id ?? record.externalId
    const entry = lookupStatus(MASSTACK_CATALOGS, channel, record.status)
    if (entry === undefined) {
      unknownStatuses.push(unknownStatusIssue('masstack', MASSTACK_CATALOGS, channel, record.status, [...path, 'status']))
    }
    const vendorTime = vendorTimeOf(record)
    events.push(
      makeEvent({
        vendor: 'masstack',
        channel,
        messageId,
        recipient,
        vendorStatus: record.status,
        entry,
        occurredAt: vendorTime === undefined ? undefined : masstackOccurredAt(vendorTime, zone),
        vendorTime,
        reference: record.externalId,
        history: [],
        details: {},
        raw: record,
        eventId: digest(['masstack', messageId, recipient, record.status, vendorTime ?? '']),
      }),
    )
  }
  return { events, unknownStatuses }
}
