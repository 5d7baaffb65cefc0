/**
 * `eventId`, made in one place for every vendor, shape and kind. An id is the digest
 * (src/util/digest.ts, an encoding that reads back into exactly one value list) of:
 *
 * 1. {@link EVENT_ID_FORMAT}, the format of ids;
 * 2. the vendor, the event's kind and the body shape it was read from;
 * 3. everything the event reports but `raw` and what the options decide about the
 *    vendor's time (`occurredAt`, and `occurredAt` in `history`): those are the vendor's
 *    time text (`vendorTime`, which is in) read in the caller's `timeZone`;
 * 4. the body fields that tell events apart but that the event keeps in `raw` only (a
 *    Messangi MO's `id`, a Masstack record's `id`): the shape's `rawIdentity`.
 *
 * So two events that report anything different (with the same options) never share an
 * id, whatever the vendor, kind or shape, and an absent field never reads as an empty
 * one. The same callback keeps its id on every redelivery, in any encoding (an object,
 * JSON, a form, bytes): the decoders read them all to the same fields. The channel is
 * in, even where the `channel` option chose it (a body that does not name its channel),
 * since an event on another channel is another event; `timeZone` is not.
 */
import type { Channel } from '../model/channel.js'
import type { Cost, EventDetails, HistoryEntry } from '../model/event.js'
import type { Vendor } from '../model/vendor.js'
import type { CallbackKind } from '../model/webhook.js'
import { digest, type DigestValue } from '../util/digest.js'

/**
 * The format of ids, hashed first: a new number whenever what goes into an id changes, so
 * that an id of one format cannot equal an id of another. 0.1.0 pre-release builds hashed
 * a list of text with no format, kind or shape; this is the second format. A number
 * rather than a name: it takes two bytes, and each 64 bytes more is one more SHA-256 block
 * (a bare SMS receipt's id takes two blocks; the documented SMS receipt, with a price and
 * a list name, three; a voice call's or an e-mail recipient's with its history, four).
 */
export const EVENT_ID_FORMAT = 2

/** Where an event was read from: its vendor, its kind and the shape of its body. */
export interface EventSource {
  readonly vendor: Vendor
  /**
   * The body shape the event was read from: the shape's name in its vendor's definition
   * (`phone`, `legacyMo`, …), `record` for a Masstack record (alone, in a list or in an
   * envelope: the event is the record's), `statusReport` for `eventFromStatus`.
   */
  readonly shape: string
  /**
   * The body's fields that tell events apart but that the event keeps in `raw` only, in
   * an order the shape fixes, absent ones as `undefined`; `[]` for a shape whose events
   * report every field that tells them apart. Required, so that each shape says.
   */
  readonly rawIdentity: ReadonlyArray<DigestValue>
}

/** What goes into an id: the source, the kind, and the event's own fields in an order its kind fixes. */
export interface EventIdInput extends EventSource {
  readonly kind: CallbackKind
  readonly fields: ReadonlyArray<DigestValue>
}

/** The id of an event: see the module's comment. */
export const eventIdOf = (input: EventIdInput): string => digest([EVENT_ID_FORMAT, input.vendor, input.kind, input.shape, input.fields, input.rawIdentity])

/** What a delivery event reports, as {@link deliveryIdFields} reads it. */
export interface DeliveryIdFields {
  readonly channel: Channel
  readonly messageId: string
  readonly recipient: string
  readonly vendorStatus: string
  readonly vendorTime: string | undefined
  readonly reference?: string | undefined
  readonly cost?: Cost | undefined
  readonly history: ReadonlyArray<HistoryEntry>
  readonly details: EventDetails
}

/**
 * A delivery event's fields, in a fixed order. `description`, `classification`,
 * `status` and `failure` are not listed: the catalog gives them from the vendor, shape,
 * channel and code, all in.
 */
export const deliveryIdFields = (event: DeliveryIdFields): ReadonlyArray<DigestValue> => [
  event.channel,
  event.messageId,
  event.recipient,
  event.vendorStatus,
  event.vendorTime,
  event.reference,
  event.cost === undefined ? undefined : [event.cost.amount, event.cost.currency],
  event.history.map((entry) => [entry.vendorStatus, entry.vendorTime]),
  detailsValue(event.details),
]

/** What an opt-out or inbound event reports, as {@link inboundIdFields} reads it. */
export interface InboundIdFields {
  readonly channel: Channel
  readonly from: string
  readonly to: string | undefined
  readonly text: string | undefined
  readonly messageId: string | undefined
  readonly vendorTime: string | undefined
}

/** An opt-out or inbound event's fields, in a fixed order. */
export const inboundIdFields = (event: InboundIdFields): ReadonlyArray<DigestValue> => [event.channel, event.from, event.to, event.text, event.messageId, event.vendorTime]

/**
 * Every key of {@link EventDetails}, in the order ids list them: a `Record` over the keys,
 * so a key added to `EventDetails` and not here does not compile.
 */
const DETAIL_ORDER: Readonly<Record<keyof EventDetails, null>> = {
  listName: null,
  templateName: null,
  pressedKeys: null,
  callDurationSeconds: null,
  chargedDurationSeconds: null,
  sender: null,
  campaignId: null,
}
const DETAIL_KEYS = /*#__PURE__*/ Object.keys(DETAIL_ORDER) as ReadonlyArray<keyof EventDetails>

/** The details an event has, as a list of key and value pairs (most events have none: an empty list). */
const detailsValue = (details: EventDetails): ReadonlyArray<DigestValue> => {
  const pairs: Array<DigestValue> = []
  for (const key of DETAIL_KEYS) {
    const value = details[key]
    if (value !== undefined) pairs.push(key, value)
  }
  return pairs
}
