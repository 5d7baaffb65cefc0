import type { either } from 'fp-ts'
import * as E from './either.js'

import { DeliveryKitError } from '../errors/DeliveryKitError.js'
import type { NormalizeError } from '../errors/error.js'
import type { InboundEvent } from '../model/inbound.js'
import type { DefaultOptions, EventsFor, WebhookEventsFor } from '../model/options.js'
import type { AnyWebhookEvent } from '../model/webhook.js'
import { DELIVERY_ENTRY, INBOUND_ENTRY, WEBHOOK_ENTRY, type EntrySpec, type RegisteredVendor } from './engine.js'

/**
 * What `safeParse` returns: the events, or the error, told apart by `success`.
 *
 * @category Normalize
 */
export type SafeParseResult<Events> =
  | { readonly success: true; readonly events: Events }
  | { readonly success: false; readonly error: NormalizeError }

/**
 * The three entries a vendor has: `'delivery'` (`normalize`: delivery receipts),
 * `'webhook'` (`normalizeWebhook`: every callback) and `'inbound'` (`normalizeInbound`:
 * opt-outs and inbound messages).
 *
 * @category Normalize
 */
export type EntryName = 'delivery' | 'webhook' | 'inbound'

/**
 * The events an entry returns for the options it was given.
 *
 * @category Normalize
 */
export type EntryEvents<Entry extends EntryName, O> = Entry extends 'delivery'
  ? EventsFor<O>
  : Entry extends 'webhook'
    ? WebhookEventsFor<O>
    : ReadonlyArray<InboundEvent>

/**
 * An entry in its fp-ts form, for one vendor: `options` may be left out when all of the
 * vendor's options are optional, and must be given when one is required (Messangi's
 * `channel`).
 *
 * @category Normalize
 */
export type Normalizer<Entry extends EntryName, Options> = Partial<Options> extends Options
  ? <O extends Options = DefaultOptions & Options>(body: unknown, options?: O) => either.Either<NormalizeError, EntryEvents<Entry, O>>
  : <O extends Options>(body: unknown, options: O) => either.Either<NormalizeError, EntryEvents<Entry, O>>

/**
 * An entry in its `safeParse` form: `{ success: true, events }` or
 * `{ success: false, error }`.
 *
 * @category Normalize
 */
export type SafeParser<Entry extends EntryName, Options> = Partial<Options> extends Options
  ? <O extends Options = DefaultOptions & Options>(body: unknown, options?: O) => SafeParseResult<EntryEvents<Entry, O>>
  : <O extends Options>(body: unknown, options: O) => SafeParseResult<EntryEvents<Entry, O>>

/**
 * An entry in its `parse` form: the events, or a thrown `DeliveryKitError`.
 *
 * @category Normalize
 */
export type Parser<Entry extends EntryName, Options> = Partial<Options> extends Options
  ? <O extends Options = DefaultOptions & Options>(body: unknown, options?: O) => EntryEvents<Entry, O>
  : <O extends Options>(body: unknown, options: O) => EntryEvents<Entry, O>

/** The `safeParse` form of a result. */
export const toSafeParseResult = <Events>(result: either.Either<NormalizeError, Events>): SafeParseResult<Events> =>
  E.isRight(result) ? { success: true, events: result.right } : { success: false, error: result.left }

/** The `parse` form of a result: the events, or a thrown `DeliveryKitError`. */
export const eventsOrThrow = <Events>(result: either.Either<NormalizeError, Events>): Events => {
  if (E.isLeft(result)) throw new DeliveryKitError(result.left)
  return result.right
}

/** One entry's three forms, typed by the vendor's options. */
export interface EntryForms<Entry extends EntryName, Options> {
  readonly normalize: Normalizer<Entry, Options>
  readonly safeParse: SafeParser<Entry, Options>
  readonly parse: Parser<Entry, Options>
}

/**
 * The three forms of one entry of a vendor. The types narrow the events to the options
 * given, which is safe: without `unknownStatus: 'keep'` no unknown event passes
 * `settleUnknownStatuses`, and an entry returns only the kinds its spec accepts.
 */
export const entryForms = <Entry extends EntryName, Options>(vendor: RegisteredVendor, entry: EntrySpec): EntryForms<Entry, Options> => {
  const normalize = (body: unknown, options?: unknown): either.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>> => vendor.run(entry, body, options)
  const forms = {
    normalize,
    safeParse: (body: unknown, options?: unknown) => toSafeParseResult(normalize(body, options)),
    parse: (body: unknown, options?: unknown) => eventsOrThrow(normalize(body, options)),
  }
  return forms as unknown as EntryForms<Entry, Options>
}

/** Every entry of a vendor, typed by its options. */
export interface VendorEntries<Options, InboundOptions> {
  readonly delivery: EntryForms<'delivery', Options>
  readonly webhook: EntryForms<'webhook', Options>
  readonly inbound: EntryForms<'inbound', InboundOptions>
}

/** A vendor's entry points, built from its definition. */
export const vendorEntries = <Options, InboundOptions>(vendor: RegisteredVendor): VendorEntries<Options, InboundOptions> => ({
  delivery: entryForms(vendor, DELIVERY_ENTRY),
  webhook: entryForms(vendor, WEBHOOK_ENTRY),
  inbound: entryForms(vendor, INBOUND_ENTRY),
})
