import * as t from 'io-ts'

import { describeValue } from '../../errors/format.js'
import { dispatch, NumberFromNumberOrText, oneOf, struct, textFormat, TextFromTextOrNumber } from '../../internal/codecs.js'
import { isLocalDateTime } from '../../internal/time.js'
import { isRecord } from '../../internal/records.js'

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
export const OctopushDateTime = t.brand(
  t.string,
  (s): s is t.Branded<string, OctopushDateTimeBrand> => isLocalDateTime(s),
  'OctopushDateTime',
)

/** @category Codecs */
export type OctopushDateTime = t.TypeOf<typeof OctopushDateTime>

/** The same codec, with a message that says which format was expected (internal: the catalog of codecs users see is {@link OctopushDateTime}). */
export const DateTimeText = textFormat('date-time "YYYY-MM-DD HH:mm:ss"', OctopushDateTime, '"YYYY-MM-DD HH:mm:ss" (Octopush local time)')

/**
 * The phone channels Octopush names in a delivery callback's `channel` field.
 *
 * @category Codecs
 */
export const OctopushPhoneChannel = oneOf('OctopushPhoneChannel', 'an Octopush phone channel deliverykit supports', {
  sms: null,
  voice_sms: null,
  rcs: null,
  whatsapp: null,
})

/** @category Codecs */
export type OctopushPhoneChannel = t.TypeOf<typeof OctopushPhoneChannel>

// ---------------------------------------------------------------------------------------
// phone channels: sms, voice_sms, rcs, whatsapp
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

const VoiceExtras = struct('OctopushVoiceExtras', {}, VOICE_EXTRAS)

/**
 * A delivery receipt for one phone recipient (SMS, voice SMS, RCS, WhatsApp).
 *
 * `channel` is absent in the 2020 SMS format: such bodies are SMS unless the caller says
 * otherwise. `list_name`, `unit_price` and `meta_data` appear only in the current
 * documents. Unknown extra fields are kept.
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
export const OctopushPhoneCallback = struct(
  'OctopushPhoneCallback',
  { message_id: t.string, number: t.string, status: t.string, delivery_date: DateTimeText },
  {
    channel: OctopushPhoneChannel,
    list_name: t.string,
    unit_price: NumberFromNumberOrText,
    meta_data: VoiceExtras,
    ...VOICE_EXTRAS,
  },
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
export const OctopushStatusHistoryItem = struct('OctopushStatusHistoryItem', { status: t.string, delivery_date: DateTimeText }, {})

/** @category Codecs */
export type OctopushStatusHistoryItem = t.TypeOf<typeof OctopushStatusHistoryItem>

/**
 * One recipient of an e-mail callback (`deliveries[]`): its current status and the
 * earlier ones.
 *
 * @category Codecs
 */
export const OctopushEmailDelivery = struct(
  'OctopushEmailDelivery',
  { email: t.string, status: t.string, delivery_date: DateTimeText },
  { unit_price: NumberFromNumberOrText, status_history: t.readonlyArray(OctopushStatusHistoryItem) },
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
export const OctopushEmailCallback = struct(
  'OctopushEmailCallback',
  { message_id: t.string, deliveries: t.readonlyArray(OctopushEmailDelivery) },
  { channel: t.literal('email'), list_name: t.string, meta_data: struct('OctopushEmailMetaData', {}, { template_name: t.string }) },
)

/** @category Codecs */
export type OctopushEmailCallback = t.TypeOf<typeof OctopushEmailCallback>

// ---------------------------------------------------------------------------------------
// any delivery callback
// ---------------------------------------------------------------------------------------

/** @category Codecs */
export type OctopushDeliveryCallback = OctopushPhoneCallback | OctopushEmailCallback


const isEmailBody = (body: Readonly<Record<string, unknown>>): boolean =>
  body['channel'] === 'email' || (body['channel'] === undefined && body['deliveries'] !== undefined)

/**
 * Any Octopush delivery callback. Octopush sends no type tag: a body with
 * `channel: "email"` (or, without `channel`, with `deliveries`) is an e-mail callback, any
 * other is a phone callback. Dispatching on that, instead of trying both shapes, keeps
 * error messages about the shape the body meant to have.
 *
 * @example
 * ```ts
 * import { OctopushDeliveryCallback } from 'deliverykit/octopush'
 * import { either as E } from 'fp-ts'
 * E.isRight(OctopushDeliveryCallback.decode(JSON.parse(requestBody)))
 * ```
 * @category Codecs
 */
export const OctopushDeliveryCallback = dispatch<OctopushDeliveryCallback>(
  'OctopushDeliveryCallback',
  (u, c) => {
    if (!isRecord(u)) {
      return t.failure(u, c, `expected an Octopush delivery callback (a JSON object), received ${describeValue(u)}`)
    }
    const channel = u['channel']
    if (typeof channel === 'string' && channel !== 'email' && !OctopushPhoneChannel.is(channel)) {
      return t.failure(
        channel,
        t.appendContext(c, 'channel', OctopushPhoneChannel, channel),
        `${describeValue(channel)} is not an Octopush channel deliverykit supports; expected one of sms, voice_sms, rcs, whatsapp, email`,
      )
    }
    return isEmailBody(u) ? OctopushEmailCallback : OctopushPhoneCallback
  },
)
