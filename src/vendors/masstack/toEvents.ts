import type { IssuePath } from '../../errors/issue.js'
import type { Built, CommonSettings } from '../../kit/definition.js'
import { collector, makeEvent } from '../../kit/events.js'
import { rowOf } from '../../kit/rows.js'
import { statusNotInCatalog } from '../../kit/statuses.js'
import { MASSTACK_ROW_CATALOGS } from './rows.js'
import type { ChannelRecord } from './codec.js'
import { masstackOccurredAt } from './time.js'

/** A record of a body with its path, so issues point into the body as it was sent. */
type Located = readonly [ChannelRecord, IssuePath]

/** The records of a record body, a list or an envelope, with their paths. */
export const located = {
  record: (record: ChannelRecord): ReadonlyArray<Located> => [[record, []]],
  list: (list: ReadonlyArray<ChannelRecord>): ReadonlyArray<Located> => list.map((record, index) => [record, [index]] as const),
  envelope: (envelope: { readonly data: ChannelRecord | ReadonlyArray<ChannelRecord> }): ReadonlyArray<Located> => {
    const { data } = envelope
    return isList(data) ? data.map((record, index) => [record, ['data', index]] as const) : [[data, ['data']]]
  },
}

/** `Array.isArray`, which does not narrow a readonly array out of a union. */
const isList = (value: ChannelRecord | ReadonlyArray<ChannelRecord>): value is ReadonlyArray<ChannelRecord> => Array.isArray(value)

/**
 * Canonical events, one per communication record. A record's channel is the one it was
 * decoded as. `occurredAt` comes from `updatedTime`, when the record last changed, the
 * only time a status can have: `requestTime` and `createdTime` say when the communication
 * was asked for, not when it reached this status, so they are kept in `raw` only. Codes
 * the channel's catalog does not know are listed for the caller to reject or keep.
 */
export const recordEvents = (records: ReadonlyArray<Located>, settings: CommonSettings): Built => {
  const events = collector(settings.keepUnknown)
  for (const [tagged, path] of records) {
    const { channel, record } = tagged
    // Phone numbers stay as sent: Masstack sends them without country code, and
    // deliverykit does not invent one (countryCode, when sent, is in raw).
    const recipient = tagged.channel === 'sms' ? tagged.record.terminatingNumber : tagged.record.destinationEmail
    const messageId = record.id ?? record.externalId
    const entry = rowOf(MASSTACK_ROW_CATALOGS, channel, record.status)
    if (entry === undefined) events.unknown(() => statusNotInCatalog('masstack', MASSTACK_ROW_CATALOGS, channel, record.status, [...path, 'status']))
    if (!events.wanted()) continue
    const vendorTime = record.updatedTime
    events.add(
      makeEvent({
        vendor: 'masstack',
        shape: 'record',
        // messageId is id, else externalId, and reference externalId: whether id was sent tells `{ externalId }` from `{ id, externalId }` with one value.
        rawIdentity: [record.id],
        channel,
        messageId,
        recipient,
        vendorStatus: record.status,
        entry,
        occurredAt: vendorTime === undefined ? undefined : masstackOccurredAt(vendorTime, settings.zone),
        vendorTime,
        reference: record.externalId,
        history: [],
        details: {},
        raw: record,
      }),
    )
  }
  return events.built()
}
