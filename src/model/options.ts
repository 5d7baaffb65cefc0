import type { DeliveryEvent, UnknownStatusEvent } from './event.js'
import type { InboundEvent } from './inbound.js'

/**
 * The events a call returns for the options it was given. Unless the options rule out
 * `unknownStatus: 'keep'`, the union also holds {@link UnknownStatusEvent}, so an
 * exhaustive switch must handle it.
 *
 * @category Model
 */
export type EventsFor<Options> =
  // The unknownStatus values the options type allows (undefined when it has none). A plain
  // `Options extends { unknownStatus?: 'error' }` would fail for options without that key.
  'keep' extends (Options extends { readonly unknownStatus?: infer Choice } ? Choice : undefined)
    ? ReadonlyArray<DeliveryEvent | UnknownStatusEvent>
    : ReadonlyArray<DeliveryEvent>

/**
 * The events a webhook entry returns for the options it was given: delivery events (as
 * {@link EventsFor}), opt-outs and inbound messages.
 *
 * @category Webhook
 */
export type WebhookEventsFor<Options> = ReadonlyArray<EventsFor<Options>[number] | InboundEvent>

/**
 * Options that keep the default `unknownStatus: 'error'`: what a call without options is
 * typed as.
 *
 * @category Model
 */
export interface DefaultOptions {
  readonly unknownStatus?: 'error' | undefined
}
