/**
 * Messangi (SMS, e-mail, push, RCS, WhatsApp): codecs of its status callback, its send
 * API response, its legacy form callbacks and its inbound callbacks, its per-channel
 * status catalogs, and the entry points for its bodies alone. Import this entry point
 * instead of the root to keep other vendors out of your bundle.
 *
 * @example
 * ```ts
 * import { parse } from 'deliverykit/messangi'
 * // The endpoint you registered for WhatsApp status callbacks:
 * for (const event of parse(await request.text(), { channel: 'whatsapp' })) console.log(event.recipient, event.status)
 * ```
 * @module messangi
 */
import { normalizer, parser, safeParser, schemaFactory } from '../../runtime/entryForms.js'
import { DELIVERY_ENTRY, INBOUND_ENTRY, WEBHOOK_ENTRY } from '../../runtime/run.js'
import { LEGACY_ENTRY, MESSANGI_DELIVERY_VENDOR, MESSANGI_VENDOR, type MessangiInboundOptions, type MessangiLegacyOptions, type MessangiOptions } from './definition.js'

export * from './catalog/index.js'
export {
  MessangiAddress,
  MessangiDateTime,
  type MessangiDateTimeBrand,
  MessangiId,
  MessangiLegacyCallback,
  MessangiLegacyFacebookCallback,
  MessangiLegacyInboundForm,
  MessangiLegacyMoCallback,
  MessangiLegacyType,
  MessangiMoCallback,
  MessangiSendResponse,
  MessangiStatusCallback,
} from './codec.js'
export { MessangiBody, MessangiCallback, MessangiInboundCallback } from './callback.js'
export { type MessangiInboundOptions, type MessangiLegacyOptions, type MessangiOptions, type MessangiOptOutOptions } from './definition.js'
export { MESSANGI_CHANNELS, isMessangiChannel, type MessangiChannel } from './channel.js'
export { DEFAULT_OPT_OUT_KEYWORDS, isOptOutKeyword } from '../../kit/optOutKeywords.js'


/**
 * Decodes a Messangi delivery body into its canonical event: the status callback (SMS MT
 * or WhatsApp), the send API's `{ meta, data }` response, or a legacy form callback. The
 * channel is required because the first two do not name it, and a body whose `to`
 * contradicts it (an e-mail address with `'sms'`) is an `invalid_body` error with a
 * `channel_mismatch` issue. An inbound body is an
 * `unexpected_callback` error; {@link normalizeWebhook} decodes both. Never throws, never
 * mutates the body.
 *
 * @example
 * ```ts
 * import { normalize } from 'deliverykit/messangi'
 * import { either as E } from 'fp-ts'
 *
 * const result = normalize(
 *   { id: 'wa-1', status: 'READ', to: '+5588999999999', date: '2024-01-01T12:00:00.000Z' },
 *   { channel: 'whatsapp' },
 * )
 * if (E.isRight(result)) result.right[0]?.status // 'read'
 * ```
 * @category Normalize
 */
export const normalize = /*#__PURE__*/ normalizer<'delivery', MessangiOptions>(MESSANGI_DELIVERY_VENDOR, DELIVERY_ENTRY)

/**
 * Like {@link normalize}, for code that does not use fp-ts: `{ success: true, events }`
 * or `{ success: false, error }`.
 *
 * @category Normalize
 */
export const safeParse = /*#__PURE__*/ safeParser<'delivery', MessangiOptions>(MESSANGI_DELIVERY_VENDOR, DELIVERY_ENTRY)

/**
 * Like {@link normalize}, returning the events or throwing a `DeliveryKitError`.
 *
 * @category Normalize
 */
export const parse = /*#__PURE__*/ parser<'delivery', MessangiOptions>(MESSANGI_DELIVERY_VENDOR, DELIVERY_ENTRY)

/**
 * Decodes any Messangi callback: a delivery status (as {@link normalize}) or an inbound
 * message. Messangi documents no opt-out callback and forwards a `STOP` as an inbound
 * message: one whose whole text is one of `optOutKeywords` (default
 * {@link DEFAULT_OPT_OUT_KEYWORDS}) is an `opt_out` event, any other an `inbound` one.
 * Every event carries `kind`. Never throws, never mutates the body.
 *
 * @example
 * ```ts
 * import { normalizeWebhook } from 'deliverykit/messangi'
 * const result = normalizeWebhook({ user: '+5588999999999', text: 'STOP', origin: '12345' }, { channel: 'sms' })
 * ```
 * @category Webhook
 */
export const normalizeWebhook = /*#__PURE__*/ normalizer<'webhook', MessangiOptions>(MESSANGI_VENDOR, WEBHOOK_ENTRY)

/**
 * Like {@link normalizeWebhook}, returning `{ success: true, events }` or
 * `{ success: false, error }`.
 *
 * @category Webhook
 */
export const safeParseWebhook = /*#__PURE__*/ safeParser<'webhook', MessangiOptions>(MESSANGI_VENDOR, WEBHOOK_ENTRY)

/**
 * Like {@link normalizeWebhook}, returning the events or throwing a `DeliveryKitError`.
 *
 * @category Webhook
 */
export const parseWebhook = /*#__PURE__*/ parser<'webhook', MessangiOptions>(MESSANGI_VENDOR, WEBHOOK_ENTRY)

/**
 * {@link normalizeWebhook} as a Standard Schema (`~standard`, v1), for a framework's route
 * validator: the input is a Messangi body, the output its events. `channel` is required,
 * as for {@link normalizeWebhook}: one schema per endpoint you registered.
 *
 * @example
 * ```ts
 * import { webhookSchema } from 'deliverykit/messangi'
 * const whatsapp = webhookSchema({ channel: 'whatsapp', unknownStatus: 'keep' })
 * whatsapp['~standard'].validate({ id: 'wa-1', status: 'READ', to: '+5588999999999' }) // { value: [{ kind: 'delivery', status: 'read', … }] }
 * ```
 * @category Standard Schema
 */
export const webhookSchema = /*#__PURE__*/ schemaFactory<'webhook', MessangiOptions>(MESSANGI_VENDOR, WEBHOOK_ENTRY)

/**
 * Decodes a Messangi inbound message: the MO callback (JSON), the legacy MO and Facebook
 * form callbacks, or the legacy inbound form (`mo`, `mobile`), into an `inbound` event, or
 * an `opt_out` event where its whole text is one of `optOutKeywords` (default
 * {@link DEFAULT_OPT_OUT_KEYWORDS}; `[]` turns it off): Messangi documents no opt-out
 * callback, and forwards a `STOP` as an inbound message. Never throws.
 *
 * @example
 * ```ts
 * import { normalizeInbound } from 'deliverykit/messangi'
 * const result = normalizeInbound({ user: '+5588999999999', text: 'STOP', origin: '12345', date: '2025-05-23T14:30:00Z' })
 * // result.right[0].kind === 'opt_out'; with { optOutKeywords: [] } it is 'inbound'
 * ```
 * @category Inbound
 */
export const normalizeInbound = /*#__PURE__*/ normalizer<'inbound', MessangiInboundOptions>(MESSANGI_VENDOR, INBOUND_ENTRY)

/**
 * Like {@link normalizeInbound}, returning `{ success: true, events }` or
 * `{ success: false, error }`.
 *
 * @category Inbound
 */
export const safeParseInbound = /*#__PURE__*/ safeParser<'inbound', MessangiInboundOptions>(MESSANGI_VENDOR, INBOUND_ENTRY)

/**
 * Like {@link normalizeInbound}, returning the events or throwing a `DeliveryKitError`.
 *
 * @category Inbound
 */
export const parseInbound = /*#__PURE__*/ parser<'inbound', MessangiInboundOptions>(MESSANGI_VENDOR, INBOUND_ENTRY)

/**
 * Decodes a legacy form callback (`FROM`, `TO`, `MESSAGE_BODY`, `TYPE`, `CLIENT_ID`,
 * `MESSANGI_ID`, `STATUS`; every value text) into its event. No channel option: `TYPE`
 * names it. Any other body is an error that names the function that decodes it.
 *
 * @example
 * ```ts
 * import { normalizeLegacy } from 'deliverykit/messangi'
 * const result = normalizeLegacy('TYPE=SMS&MESSANGI_ID=-8174720676710228700&STATUS=DELIVRD&TO=584141234567')
 * ```
 * @category Normalize
 */
export const normalizeLegacy = /*#__PURE__*/ normalizer<'delivery', MessangiLegacyOptions>(MESSANGI_DELIVERY_VENDOR, LEGACY_ENTRY)

/**
 * Like {@link normalizeLegacy}, returning `{ success: true, events }` or
 * `{ success: false, error }`.
 *
 * @category Normalize
 */
export const safeParseLegacy = /*#__PURE__*/ safeParser<'delivery', MessangiLegacyOptions>(MESSANGI_DELIVERY_VENDOR, LEGACY_ENTRY)

/**
 * Like {@link normalizeLegacy}, returning the events or throwing a `DeliveryKitError`.
 *
 * @category Normalize
 */
export const parseLegacy = /*#__PURE__*/ parser<'delivery', MessangiLegacyOptions>(MESSANGI_DELIVERY_VENDOR, LEGACY_ENTRY)
