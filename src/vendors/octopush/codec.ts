import * as t from 'io-ts'

import { describeValue } from '../../errors/format.js'
import { cappedList, emptyAsObject, emptyListInForm, NumberFromNumberOrText, oneOf, PhoneNumberText, struct, textFormat, TextFromTextOrNumber, withAliases } from '../../kit/codecs.js'
import { isRecord } from '../../util/values.js'
import { withStructure } from '../../kit/codecStructure.js'
import { isLocalDateTime, isOffsetDateTime } from '../../util/time.js'

// Where each shape comes from (the Octopush guide lists them with their sources):
// - the current API reference's "Examples of Callback Payloads for Delivery" (sms,
//   voice_sms, rcs, email with deliveries[] and status_history);
// - the 2020 developer site: the acknowledge-receipt page (no `channel`; its channel column
//   lists sms, voice_sms, facebook, instagram, rcs, email, whatsapp), the voice receipt page
//   (top-level durations as text), the opt-out page (stop_date), the inbound page
//   (reception_date, sim_card_number), and the callbacks page ("answer_date, DELIVERY_DATE
//   or stop_date", in capitals);
// - integrations in the wild: PHP's json_encode sends an empty meta_data as [], forms send
//   it as "", and a form whose `+` was not percent-encoded turns it into a space; a reply
//   handler fixed after logging a production body reads the sender and message_id from a
//   `metadata` node (promathieuthiry/oui_client, commit bddda3fa); a developer's simulation
//   posts an ISO-8601 instant as delivery_date (the same repository, commit a48bfc7).

// ---------------------------------------------------------------------------------------
// primitives
// ---------------------------------------------------------------------------------------

/**
 * The brand of {@link OctopushDateTime}: text checked to be a real `YYYY-MM-DD HH:mm:ss`,
 * or an ISO-8601 instant with `Z` or an offset.
 *
 * @category Codecs
 */
export interface OctopushDateTimeBrand {
  readonly OctopushDateTime: unique symbol
}

/** An ISO-8601 instant: `T` between date and time, then `Z` or an offset (`2026-03-08T17:01:23.000Z`, `…23+01:00`). */
const isInstant = (s: string): boolean => s[10] === 'T' && isOffsetDateTime(s)

/**
 * Octopush's date-time text, `YYYY-MM-DD HH:mm:ss`, with no zone ("Date of acknowledgment
 * in format Y-m-d H:i:s"), read in the vendor's zone. An ISO-8601 instant with `Z` or an
 * offset (`2026-03-08T17:01:23.000Z`) is taken too, as the instant it names: it is
 * unambiguous, and a developer's simulation of an Octopush receipt posts one. Impossible
 * dates (`2025-02-30 25:61:00`) are rejected, never rolled over. Decodes to the same text,
 * branded.
 *
 * @category Codecs
 */
export const OctopushDateTime = /*#__PURE__*/ t.brand(
  t.string,
  (s): s is t.Branded<string, OctopushDateTimeBrand> => isLocalDateTime(s) || isInstant(s),
  'OctopushDateTime',
)

/** @category Codecs */
export type OctopushDateTime = t.TypeOf<typeof OctopushDateTime>

/** The same codec, with a message that says which format was expected (internal: the catalog of codecs users see is {@link OctopushDateTime}). */
export const DateTimeText = /*#__PURE__*/ textFormat(
  'date-time "YYYY-MM-DD HH:mm:ss"',
  OctopushDateTime.is,
  '"YYYY-MM-DD HH:mm:ss" (Octopush local time) or an ISO-8601 instant with Z or an offset',
)

/** `DELIVERY_DATE`, as the English callbacks page spells it, reads as `delivery_date`. */
const DELIVERY_DATE_ALIAS = { DELIVERY_DATE: 'delivery_date' } as const

/** Octopush's phone channel names, written once for both channel codecs. */
const PHONE_CHANNEL_NAMES = { sms: null, voice_sms: null, rcs: null, whatsapp: null, facebook: null, instagram: null } as const

/**
 * The phone channels Octopush names in a delivery callback's `channel` field: those of its
 * receipt's channel column (`facebook` and `instagram` included) but e-mail, whose
 * callback has its own shape.
 *
 * @category Codecs
 */
export const OctopushPhoneChannel = /*#__PURE__*/ oneOf('OctopushPhoneChannel', 'an Octopush phone channel', PHONE_CHANNEL_NAMES)

/** @category Codecs */
export type OctopushPhoneChannel = t.TypeOf<typeof OctopushPhoneChannel>

/**
 * Every channel name Octopush documents for a callback's `channel` field (its receipt
 * page's channel column: `sms`, `voice_sms`, `rcs`, `whatsapp`, `facebook`, `instagram`,
 * `email`). One reading for every kind of callback: a STOP or a reply that names its
 * channel is read with it, as a receipt is.
 *
 * @category Codecs
 */
export const OctopushChannel = /*#__PURE__*/ oneOf('OctopushChannel', 'an Octopush channel', { ...PHONE_CHANNEL_NAMES, email: null })

/** @category Codecs */
export type OctopushChannel = t.TypeOf<typeof OctopushChannel>

/**
 * Every channel name deliverykit knows in an Octopush callback, as Octopush writes it:
 * what an `unknown_channel` error lists as expected.
 *
 * @category Codecs
 */
export const OCTOPUSH_CHANNEL_NAMES: ReadonlyArray<OctopushChannel> = ['sms', 'voice_sms', 'rcs', 'whatsapp', 'facebook', 'instagram', 'email']

// ---------------------------------------------------------------------------------------
// phone channels
// ---------------------------------------------------------------------------------------

/**
 * Voice extras. The current documents nest them in `meta_data` as numbers; older pages
 * put `call_duration` and `charged_duration` at the top level as text. Both are accepted.
 */
const VOICE_EXTRAS = {
  pressed_keys_code: TextFromTextOrNumber,
  call_duration: NumberFromNumberOrText,
  charged_duration: NumberFromNumberOrText,
}

/** The names of the voice extras: a body without `channel` that has one of them is a voice call's. */
export const VOICE_FIELDS: ReadonlyArray<keyof typeof VOICE_EXTRAS> = ['pressed_keys_code', 'call_duration', 'charged_duration']

export const PhoneMetaData = /*#__PURE__*/ emptyAsObject(struct('OctopushPhoneMetaData', {}, VOICE_EXTRAS))

/**
 * A delivery receipt for one phone recipient (SMS, voice SMS, RCS, WhatsApp, Facebook,
 * Instagram).
 *
 * `channel` is absent in the 2020 format: such a body is a voice call's when it has a
 * voice field (`call_duration`, `charged_duration`, `pressed_keys_code`, at the top level
 * or in `meta_data`), and SMS otherwise unless the caller says. `delivery_date` may be
 * spelled `DELIVERY_DATE`; Octopush documents it on every receipt, but an integration in
 * the wild expects receipts without it, so it is optional (its event then has no
 * `occurredAt`). `meta_data` may be `[]` or `""` for an empty one; a `number` whose `+` a
 * form turned into a space gets it back. Unknown extra fields are kept.
 *
 * @example
 * ```ts
 * import { OctopushPhoneCallback } from 'deliverykit/octopush'
 * OctopushPhoneCallback.is({
 *   message_id: 'sms_5fa275dbf21dc', number: '+33600000000',
 *   status: 'DELIVERED', delivery_date: '2020-11-04 11:11:45',
 * }) // true
 * ```
 * @category Codecs
 */
export const OctopushPhoneCallback = /*#__PURE__*/ withAliases(
  DELIVERY_DATE_ALIAS,
  struct(
    'OctopushPhoneCallback',
    { message_id: t.string, number: PhoneNumberText, status: t.string },
    {
      delivery_date: DateTimeText,
      channel: OctopushPhoneChannel,
      list_name: t.string,
      unit_price: NumberFromNumberOrText,
      meta_data: PhoneMetaData,
      ...VOICE_EXTRAS,
    },
  ),
)

/** @category Codecs */
export type OctopushPhoneCallback = t.TypeOf<typeof OctopushPhoneCallback>

// ---------------------------------------------------------------------------------------
// e-mail: one callback per message, one entry per recipient
// ---------------------------------------------------------------------------------------

/**
 * An earlier status of one e-mail recipient (`status_history[]`).
 *
 * @category Codecs
 */
export const OctopushStatusHistoryItem = /*#__PURE__*/ withAliases(
  DELIVERY_DATE_ALIAS,
  struct('OctopushStatusHistoryItem', { status: t.string, delivery_date: DateTimeText }, {}),
)

/** @category Codecs */
export type OctopushStatusHistoryItem = t.TypeOf<typeof OctopushStatusHistoryItem>

/**
 * One recipient of an e-mail callback (`deliveries[]`): its current status and the
 * earlier ones. In a form body decoded by the entry points, an empty `status_history`
 * field is the empty list (a form cannot write one otherwise); in JSON, `""` is refused.
 *
 * @category Codecs
 */
export const OctopushEmailDelivery = /*#__PURE__*/ withAliases(
  DELIVERY_DATE_ALIAS,
  struct(
    'OctopushEmailDelivery',
    { email: t.string, status: t.string, delivery_date: DateTimeText },
    { unit_price: NumberFromNumberOrText, status_history: emptyListInForm(cappedList(OctopushStatusHistoryItem, 'Array<OctopushStatusHistoryItem>')) },
  ),
)

/** @category Codecs */
export type OctopushEmailDelivery = t.TypeOf<typeof OctopushEmailDelivery>

/**
 * An e-mail delivery callback: `channel: "email"` and one `deliveries[]` entry per
 * recipient. Known only from the example in Octopush's current documents; a body with
 * `deliveries` and no `channel` is read as e-mail too. In a form body decoded by the
 * entry points, an empty `deliveries` field is the empty list.
 *
 * @category Codecs
 */
export const OctopushEmailCallback = /*#__PURE__*/ struct(
  'OctopushEmailCallback',
  { message_id: t.string, deliveries: emptyListInForm(cappedList(OctopushEmailDelivery, 'Array<OctopushEmailDelivery>')) },
  {
    channel: t.literal('email'),
    list_name: t.string,
    meta_data: emptyAsObject(struct('OctopushEmailMetaData', {}, { template_name: t.string })),
  },
)

/** @category Codecs */
export type OctopushEmailCallback = t.TypeOf<typeof OctopushEmailCallback>

// ---------------------------------------------------------------------------------------
// opt-outs and inbound messages
// ---------------------------------------------------------------------------------------

/**
 * The nodes a STOP or a reply may carry its sender in: `metadata`, as a reply handler
 * fixed after logging a production body reads it (promathieuthiry/oui_client, commit
 * bddda3fa: "Octopush sends inbound SMS webhooks with a nested structure where phone and
 * message_id are inside the 'metadata' object"), and `meta_data`, the spelling of every
 * other Octopush node (the account setting that moves inbound fields into a node is
 * named `use_metadata_node_for_inbound`).
 */
type SenderNodeName = 'metadata' | 'meta_data'

/**
 * Where a STOP or reply may carry the sender's number, as dotted paths, in the order they
 * are read: what `detectVendor` looks for. The same places as `PLACES.number` below
 * (test/api/detect-decodable.test.ts checks that a body with its sender in any of them is
 * detected as the codec decodes it).
 */
export const SENDER_NUMBER_PATHS: ReadonlyArray<string> = ['number', 'metadata.number', 'meta_data.number']

/** A sender's node (`metadata` or `meta_data`): the sender's number and the message id, either optional; `[]` or `""` is an empty one. */
export const SenderNode = /*#__PURE__*/ emptyAsObject(struct('OctopushSenderNode', {}, { number: PhoneNumberText, message_id: t.string }))

/** What a STOP or reply codec checks before the sender is read from where it is. */
type SenderFields = { readonly number?: string; readonly message_id?: string } & Partial<Readonly<Record<SenderNodeName, t.TypeOf<typeof SenderNode>>>>

/** The places a sender's field may be, in the order they are read: the root first, then each node of the sender's nodes (`metadata`, `meta_data`). */
const PLACES: Readonly<Record<'number' | 'message_id', ReadonlyArray<ReadonlyArray<string>>>> = {
  number: [['number'], ['metadata', 'number'], ['meta_data', 'number']],
  message_id: [['message_id'], ['metadata', 'message_id'], ['meta_data', 'message_id']],
}

/** The value at a path of a body, if every step is an own field of a record. */
const valueAt = (u: unknown, path: ReadonlyArray<string>): unknown => {
  let node: unknown = u
  for (const key of path) {
    if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined
    node = node[key]
  }
  return node
}

/** Every place a field is given in (not `undefined`), in reading order, with its value as sent. */
const foundAt = (u: unknown, field: 'number' | 'message_id'): ReadonlyArray<readonly [ReadonlyArray<string>, unknown]> =>
  PLACES[field].flatMap((path) => {
    const value = valueAt(u, path)
    return value === undefined ? [] : [[path, value] as const]
  })

/**
 * A STOP or reply codec that also reads the sender from a node (the sender's nodes (`metadata`, `meta_data`)).
 * `number` and `message_id` are taken from the root, else from `metadata`, else from
 * `meta_data`, and the decoded body has them at the root (the node is kept as sent).
 * Where two places carry a number, they must be the same text: a body whose root and
 * node name two senders is refused, never guessed, since an opt-out filed under the wrong
 * number would both miss the person who asked and suppress one who did not. A body with
 * no number anywhere is refused as missing `number`. `message_id` links the message only,
 * so the first place that has one wins.
 */
const withSenderNode = <A extends SenderFields>(codec: t.Type<A, A>): t.Type<A & { readonly number: string }, A & { readonly number: string }> => {
  const conflict = (u: unknown): readonly [ReadonlyArray<string>, unknown, unknown] | undefined => {
    const [first, ...others] = foundAt(u, 'number')
    if (first === undefined) return undefined
    for (const [path, value] of others) if (value !== first[1]) return [path, value, first[1]]
    return undefined
  }
  // In decoded form: the number and any message id are at the root, and no node contradicts them.
  const is = (u: unknown): u is A & { readonly number: string } =>
    codec.is(u) && typeof u.number === 'string' && (u.message_id !== undefined || foundAt(u, 'message_id').length === 0) && conflict(u) === undefined
  const withSender = new t.Type<A & { readonly number: string }, A & { readonly number: string }>(
    codec.name,
    is,
    (u, c) => {
      const missing = (): t.ValidationError => ({ value: undefined, context: t.appendContext(c, 'number', PhoneNumberText, undefined) })
      const decoded = codec.validate(u, c)
      // A body without a number anywhere says so first, as when number was a required field.
      if (decoded._tag === 'Left') return foundAt(u, 'number').length === 0 && isRecord(u) ? t.failures([missing(), ...decoded.left]) : decoded
      const body = decoded.right
      const contradiction = conflict(u)
      if (contradiction !== undefined) {
        const [path, value, first] = contradiction
        const at = path.reduce<t.Context>((context, key) => t.appendContext(context, key, PhoneNumberText, value), c)
        return t.failure(value, at, `${describeValue(value)} is not the number the body gives first (${describeValue(first)}): a body that names two senders is refused rather than guessed`)
      }
      const number = body.number ?? body.metadata?.number ?? body.meta_data?.number
      if (number === undefined) return t.failures([missing()])
      const messageId = body.message_id ?? body.metadata?.message_id ?? body.meta_data?.message_id
      if (body.number !== undefined && messageId === body.message_id) return t.success(body as A & { readonly number: string })
      // Copied with spread: every key stays plain data.
      return t.success({ ...body, number, ...(messageId !== undefined && { message_id: messageId }) })
    },
    t.identity,
  )
  return withStructure(withSender, { kind: 'narrowed', of: codec })
}

/**
 * A STOP (opt-out) callback, sent to `callback_url_for_blacklisted_numbers` "as we receive
 * unsubscribe requests from your recipients". The page documents `text` ("Text of the
 * response"); an integration in the wild expects STOPs without it, and an opt-out must
 * never be lost, so it is optional. The sender's `number` and `message_id` may sit in a
 * `metadata` (or `meta_data`) node instead of the root, as replies do: they are read from
 * there, and the decoded body has them at the root. A root and a node that name two
 * different numbers are refused.
 *
 * `channel`: Octopush's STOP page ("Callback Stop SMS") shows no `channel` field, and no
 * page says whether a STOP can carry one. A STOP without one is an SMS opt-out, as the page
 * says; one that names a channel is read with it, exactly as a receipt's `channel` is (any
 * name of {@link OctopushChannel}), so an opt-out is never filed under the wrong channel.
 *
 * @category Codecs
 */
export const OctopushStopCallback = /*#__PURE__*/ withSenderNode(
  struct(
    'OctopushStopCallback',
    { stop_date: DateTimeText },
    { number: PhoneNumberText, text: t.string, message_id: t.string, channel: OctopushChannel, metadata: SenderNode, meta_data: SenderNode },
  ),
)

/** @category Codecs */
export type OctopushStopCallback = t.TypeOf<typeof OctopushStopCallback>

/**
 * An inbound SMS (a reply, or a message to one of your virtual numbers). The current page
 * names the date `reception_date`; older pages and the legacy API say `answer_date`: both
 * are accepted. `message_id` is there only "if it's found". The sender's `number` and
 * `message_id` may sit in a `metadata` node, with `text` and `reception_date` at the root,
 * as a reply handler fixed after logging a production body reads them; `meta_data` (the
 * node of the account setting `use_metadata_node_for_inbound`) is read the same way. The
 * decoded body has them at the root; a root and a node that name two different numbers
 * are refused.
 *
 * `channel`: the inbound page ("Webhook SMS Inbounds") shows no `channel` field and speaks
 * of SMS only. A reply without one is an SMS; one that names a channel is read with it, as
 * a receipt's `channel` is (any name of {@link OctopushChannel}).
 *
 * @category Codecs
 */
export const OctopushInboundCallback = /*#__PURE__*/ withSenderNode(
  struct(
    'OctopushInboundCallback',
    { text: t.string },
    {
      number: PhoneNumberText,
      reception_date: DateTimeText,
      answer_date: DateTimeText,
      message_id: t.string,
      channel: OctopushChannel,
      sim_card_number: PhoneNumberText,
      metadata: SenderNode,
      meta_data: SenderNode,
    },
  ),
)

/** @category Codecs */
export type OctopushInboundCallback = t.TypeOf<typeof OctopushInboundCallback>
