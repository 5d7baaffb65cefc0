/**
 * Octopush (SMS, voice SMS, RCS, WhatsApp, Facebook, Instagram, e-mail): codecs of its
 * callbacks, its status catalog, and the entry points for its bodies alone. Import this
 * entry point instead of the root to keep other vendors out of your bundle.
 *
 * Octopush may post delivery receipts, STOPs and replies to one URL, "told apart by their
 * fields": `normalizeWebhook` decodes all of them.
 *
 * @example
 * ```ts
 * import { parseWebhook } from 'deliverykit/octopush'
 * for (const event of parseWebhook(await request.text())) {
 *   if (event.kind === 'delivery') console.log(event.recipient, event.status)
 * }
 * ```
 * @module octopush
 */
import { normalizer, parser, safeParser, schemaFactory } from '../../runtime/entryForms.js'
import { DELIVERY_ENTRY, INBOUND_ENTRY, WEBHOOK_ENTRY } from '../../runtime/run.js'
import { OCTOPUSH_VENDOR, type OctopushInboundOptions, type OctopushOptions } from './definition.js'

export {
  OCTOPUSH_CATALOG,
  OCTOPUSH_CATALOGS,
  OCTOPUSH_STATUS_CODES,
  OctopushStatus,
  isOctopushStatusCode,
  type OctopushStatusCode,
} from './catalog.js'
export {
  OCTOPUSH_CHANNEL_NAMES,
  OctopushChannel,
  OctopushDateTime,
  type OctopushDateTimeBrand,
  OctopushEmailCallback,
  OctopushEmailDelivery,
  OctopushInboundCallback,
  OctopushPhoneCallback,
  OctopushPhoneChannel,
  OctopushStatusHistoryItem,
  OctopushStopCallback,
} from './codec.js'
export { OctopushCallback, OctopushDeliveryCallback, OctopushInteractionCallback } from './callback.js'
export { OCTOPUSH_DEFAULT_TIME_ZONE, type OctopushInboundOptions, type OctopushOptions } from './definition.js'
export type { OctopushPhoneChannelOption } from './toEvents.js'


/**
 * Decodes an Octopush delivery receipt (SMS, voice SMS, RCS, WhatsApp, Facebook,
 * Instagram or e-mail) into canonical events: one per phone receipt, one per recipient of
 * an e-mail receipt. A STOP or inbound body is an `unexpected_callback` error that names
 * the function to use; {@link normalizeWebhook} decodes every callback. Never throws,
 * never mutates the body.
 *
 * @example
 * ```ts
 * import { normalize } from 'deliverykit/octopush'
 * import { either as E } from 'fp-ts'
 *
 * const result = normalize({
 *   channel: 'sms', message_id: 'sms_0000000000000000000000', number: '+33600112233',
 *   status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06',
 * })
 * if (E.isRight(result)) result.right[0]?.occurredAt // '2025-01-22T11:46:06+01:00'
 * ```
 * @category Normalize
 */
export const normalize = /*#__PURE__*/ normalizer<'delivery', OctopushOptions>(OCTOPUSH_VENDOR, DELIVERY_ENTRY)

/**
 * Like {@link normalize}, for code that does not use fp-ts: `{ success: true, events }`
 * or `{ success: false, error }`.
 *
 * @category Normalize
 */
export const safeParse = /*#__PURE__*/ safeParser<'delivery', OctopushOptions>(OCTOPUSH_VENDOR, DELIVERY_ENTRY)

/**
 * Like {@link normalize}, returning the events or throwing a `DeliveryKitError`.
 *
 * @category Normalize
 */
export const parse = /*#__PURE__*/ parser<'delivery', OctopushOptions>(OCTOPUSH_VENDOR, DELIVERY_ENTRY)

/**
 * Decodes any Octopush callback: a delivery receipt, a STOP (an `opt_out` event) or an
 * inbound SMS (an `inbound` event). Octopush may send all three to one URL, told apart by
 * their fields; every event carries `kind`, so one `switch (event.kind)` handles them.
 * Never throws, never mutates the body.
 *
 * @example
 * ```ts
 * import { normalizeWebhook } from 'deliverykit/octopush'
 * import { either as E } from 'fp-ts'
 *
 * const result = normalizeWebhook({ number: '+33600000000', text: 'STOP', stop_date: '2020-11-04 11:11:45' })
 * if (E.isRight(result)) result.right[0]?.kind // 'opt_out'
 * ```
 * @category Webhook
 */
export const normalizeWebhook = /*#__PURE__*/ normalizer<'webhook', OctopushOptions>(OCTOPUSH_VENDOR, WEBHOOK_ENTRY)

/**
 * Like {@link normalizeWebhook}, returning `{ success: true, events }` or
 * `{ success: false, error }`.
 *
 * @category Webhook
 */
export const safeParseWebhook = /*#__PURE__*/ safeParser<'webhook', OctopushOptions>(OCTOPUSH_VENDOR, WEBHOOK_ENTRY)

/**
 * Like {@link normalizeWebhook}, returning the events or throwing a `DeliveryKitError`.
 *
 * @category Webhook
 */
export const parseWebhook = /*#__PURE__*/ parser<'webhook', OctopushOptions>(OCTOPUSH_VENDOR, WEBHOOK_ENTRY)

/**
 * {@link normalizeWebhook} as a Standard Schema (`~standard`, v1), for a framework's route
 * validator: the input is an Octopush body, the output its events. The same as the root
 * `webhookSchema('octopush', options)`.
 *
 * @example
 * ```ts
 * import { sValidator } from '@hono/standard-validator'
 * import { webhookSchema } from 'deliverykit/octopush'
 * import { Hono } from 'hono'
 *
 * const app = new Hono().post('/webhooks/octopush', sValidator('json', webhookSchema({ unknownStatus: 'keep' })), (c) => {
 *   for (const event of c.req.valid('json')) if (event.kind === 'opt_out') console.log('STOP from', event.from)
 *   return c.body(null, 204)
 * })
 * ```
 * @category Standard Schema
 */
export const webhookSchema = /*#__PURE__*/ schemaFactory<'webhook', OctopushOptions>(OCTOPUSH_VENDOR, WEBHOOK_ENTRY)

/**
 * Decodes an Octopush STOP (opt-out) or inbound SMS callback into an `opt_out` or
 * `inbound` event; a delivery receipt is an `unexpected_callback` error. Never throws.
 *
 * @example
 * ```ts
 * import { normalizeInbound } from 'deliverykit/octopush'
 * const result = normalizeInbound({ message_id: 'sms_5fa275dbf21dc', number: '+33600000000', text: 'stop', stop_date: '2020-11-04 11:11:45' })
 * // Right([{ kind: 'opt_out', from: '+33600000000', … }])
 * ```
 * @category Inbound
 */
export const normalizeInbound = /*#__PURE__*/ normalizer<'inbound', OctopushInboundOptions>(OCTOPUSH_VENDOR, INBOUND_ENTRY)

/**
 * Like {@link normalizeInbound}, returning `{ success: true, events }` or
 * `{ success: false, error }`.
 *
 * @category Inbound
 */
export const safeParseInbound = /*#__PURE__*/ safeParser<'inbound', OctopushInboundOptions>(OCTOPUSH_VENDOR, INBOUND_ENTRY)

/**
 * Like {@link normalizeInbound}, returning the events or throwing a `DeliveryKitError`.
 *
 * @category Inbound
 */
export const parseInbound = /*#__PURE__*/ parser<'inbound', OctopushInboundOptions>(OCTOPUSH_VENDOR, INBOUND_ENTRY)
