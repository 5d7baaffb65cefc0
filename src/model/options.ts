import type { DeliveryEvent, UnknownStatusEvent } from './event.js'

/**
 * The events a call returns for the options it was given. Unless the options rule out
 * `unknownStatus: 'keep'`, the union also holds {@link UnknownStatusEvent}, so an
 * exhaustive switch must handle it.
 *
 * @category Model
 */
export type EventsFor<Options> = 'keep' extends UnknownStatusChoice<Options>
  ? ReadonlyArray<DeliveryEvent | UnknownStatusEvent>
  : ReadonlyArray<DeliveryEvent>

/** The `unknownStatus` values an options type allows (`undefined` when it has none). */
type UnknownStatusChoice<Options> = Options extends { readonly unknownStatus?: infer Choice } ? Choice : undefined

/**
 * Options that keep the default `unknownStatus: 'error'`: what a call without options is
 * typed as.
 *
 * @category Model
 */
export interface DefaultOptions {
  readonly unknownStatus?: 'error'
}
