import type { AnyEvent, DeliveryEvent } from './event.js'
import type { InboundEvent } from './inbound.js'

/**
 * What a callback reports: a delivery status, an opt-out (STOP) or an inbound message.
 * Every event carries it as `kind`.
 *
 * @category Webhook
 */
export type CallbackKind = 'delivery' | 'opt_out' | 'inbound'

/**
 * Any event a webhook entry (`normalizeWebhook`, `safeParseWebhook`, `parseWebhook`)
 * returns: a union on `kind`, so one exhaustive `switch (event.kind)` handles delivery
 * statuses, opt-outs and inbound messages; inside `case 'delivery'` the `classification`
 * and `status` switches work as on {@link DeliveryEvent}.
 *
 * @example
 * ```ts
 * import { absurd, type WebhookEvent } from 'deliverykit'
 *
 * const handle = (event: WebhookEvent): string => {
 *   switch (event.kind) {
 *     case 'delivery': return `${event.recipient}: ${event.status}`
 *     case 'opt_out': return `suppress ${event.from}`
 *     case 'inbound': return `reply from ${event.from}: ${event.text}`
 *     default: return absurd(event)
 *   }
 * }
 * ```
 * @category Webhook
 */
export type WebhookEvent = DeliveryEvent | InboundEvent

/**
 * A {@link WebhookEvent}, or with `unknownStatus: 'keep'` an `UnknownStatusEvent`.
 *
 * @category Webhook
 */
export type AnyWebhookEvent = AnyEvent | InboundEvent
