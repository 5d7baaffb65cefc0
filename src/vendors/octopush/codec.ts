import * as t from 'io-ts'

import { cappedList, emptyAsObject, NumberFromNumberOrText, oneOf, PhoneNumberText, struct, textFormat, TextFromTextOrNumber, withAliases } from '../../internal/codecs.js'
import { isLocalDateTime } from '../../internal/time.js'

// Where each shape comes from (the Octopush guide lists them with their sources):
// - the current API reference's "Examples of Callback Payloads for Delivery" (sms,
//   voice_sms, rcs, email with deliveries[] and status_history);
// - the 2020 developer site: the acknowledge-receipt page (no `channel`; its channel column
//   lists sms, voice_sms, facebook, instagram, rcs, email, whatsapp), the voice receipt page
//   (top-level durations as text), the opt-out page (stop_date), the inbound page
//   (reception_date, sim_card_number), and the callbacks page ("answer_date, DELIVERY_DATE
//   or stop_date", in capitals);
// - integrations in the wild: PHP's json_encode sends an empty meta_data as [], forms send
//   it as "", and a form whose `+` was not percent-encoded turns it into a space.

// ---------------------------------------------------------------------------------------
// primitives
// ---------------------------------------------------------------------------------------

/**
 * The brand of {@link OctopushDateTime}: text checked to be a real `YYYY-MM-DD HH:mm:ss`.
 *
 * @category Codecs
 */
export interface OctopushDateTimeBrand {
  readonly OctopushDateTime: unique symbol
}

/**
 * Octopush's date-time text, `YYYY-MM-DD HH:mm:ss`, with no zone ("Date of acknowledgment
 * in format Y-m-d H:i:s"). Impossible dates (`2025-02-30 25:61:00`) are rejected, never
 * rolled over. Decodes to the same text, branded.
 *
 * @category Codecs
 */
export const OctopushDateTime = /*#__PURE__*/ t.brand(
  t.string,
  (s): s is t.Branded<string, OctopushDateTimeBrand> => isLocalDateTime(s),
  'OctopushDateTime',
)

/** @category Codecs */
export type OctopushDateTime = t.TypeOf<typeof OctopushDateTime>

/** The same codec, with a message that says which format was expected (internal: the catalog of codecs users see is {@link OctopushDateTime}). */
export const DateTimeText = /*#__PURE__*/ textFormat('date-time "YYYY-MM-DD HH:mm:ss"', OctopushDateTime.is, '"YYYY-MM-DD HH:mm:ss" (Octopush local time)')

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

const PhoneMetaData = /*#__PURE__*/ emptyAsObject(struct('OctopushPhoneMetaData', {}, VOICE_EXTRAS))

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
 * earlier ones.
 *
 * @category Codecs
 */
export const OctopushEmailDelivery = /*#__PURE__*/ withAliases(
  DELIVERY_DATE_ALIAS,
  struct(
    'OctopushEmailDelivery',
    { email: t.string, status: t.string, delivery_date: DateTimeText },
    { unit_price: NumberFromNumberOrText, status_history: cappedList(OctopushStatusHistoryItem, 'Array<OctopushStatusHistoryItem>') },
  ),
)

/** @category Codecs */
export type OctopushEmailDelivery = t.TypeOf<typeof OctopushEmailDelivery>

/**
 * An e-mail delivery callback: `channel: "email"` and one `deliveries[]` entry per
 * recipient. Known only from the example in Octopush's current documents; a body with
 * `deliveries` and no `channel` is read as e-mail too.
 *
 * @category Codecs
 */
export const OctopushEmailCallback = /*#__PURE__*/ struct(
  'OctopushEmailCallback',
  { message_id: t.string, deliveries: cappedList(OctopushEmailDelivery, 'Array<OctopushEmailDelivery>') },
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
 * A STOP (opt-out) callback, sent to `callback_url_for_blacklisted_numbers` "as we receive
 * unsubscribe requests from your recipients". The page documents `text` ("Text of the
 * response"); an integration in the wild expects STOPs without it, and an opt-out must
 * never be lost, so it is optional.
 *
 * `channel`: Octopush's STOP page ("Callback Stop SMS") shows no `channel` field, and no
 * page says whether a STOP can carry one. A STOP without one is an SMS opt-out, as the page
 * says; one that names a channel is read with it, exactly as a receipt's `channel` is (any
 * name of {@link OctopushChannel}), so an opt-out is never filed under the wrong channel.
 *
 * @category Codecs
 */
export const OctopushStopCallback = /*#__PURE__*/ struct(
  'OctopushStopCallback',
  { number: PhoneNumberText, stop_date: DateTimeText },
  { text: t.string, message_id: t.string, channel: OctopushChannel },
)

/** @category Codecs */
export type OctopushStopCallback = t.TypeOf<typeof OctopushStopCallback>

/**
 * An inbound SMS (a reply, or a message to one of your virtual numbers). The current page
 * names the date `reception_date`; older pages and the legacy API say `answer_date`: both
 * are accepted. `message_id` is there only "if it's found"; with the account option
 * `use_metadata_node_for_inbound` it sits in `meta_data`.
 *
 * `channel`: the inbound page ("Webhook SMS Inbounds") shows no `channel` field and speaks
 * of SMS only. A reply without one is an SMS; one that names a channel is read with it, as
 * a receipt's `channel` is (any name of {@link OctopushChannel}).
 *
 * @category Codecs
 */
export const OctopushInboundCallback = /*#__PURE__*/ struct(
  'OctopushInboundCallback',
  { number: PhoneNumberText, text: t.string },
  {
    reception_date: DateTimeText,
    answer_date: DateTimeText,
    message_id: t.string,
    channel: OctopushChannel,
    sim_card_number: PhoneNumberText,
    meta_data: emptyAsObject(struct('OctopushInboundMetaData', {}, { message_id: t.string })),
  },
)

/** @category Codecs */
export type OctopushInboundCallback = t.TypeOf<typeof OctopushInboundCallback>
