import type { either } from 'fp-ts'
import * as E from './either.js'

import { DeliveryKitError } from '../errors/DeliveryKitError.js'
import type { NormalizeError } from '../errors/error.js'
import type { InboundEvent } from '../model/inbound.js'
import type { DefaultOptions, EventsFor, WebhookEventsFor } from '../model/options.js'
import type { AnyWebhookEvent } from '../model/webhook.js'
import { schemaEntry, type EntrySpec, type RegisteredVendor } from './engine.js'
import { eventsSchema, type EventsSchema } from './standardSchema.js'

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

/**
 * An entry as a Standard Schema, for one vendor: a schema whose input is a body and whose
 * output is its events, made once per route with the options every body gets. `options`
 * may be left out as for {@link Normalizer}.
 *
 * @category Standard Schema
 */
export type SchemaFactory<Entry extends EntryName, Options> = Partial<Options> extends Options
  ? <O extends Options = DefaultOptions & Options>(options?: O) => EventsSchema<EntryEvents<Entry, O>>
  : <O extends Options>(options: O) => EventsSchema<EntryEvents<Entry, O>>

/** The `safeParse` form of a result. */
export const toSafeParseResult = <Events>(result: either.Either<NormalizeError, Events>): SafeParseResult<Events> =>
  E.isRight(result) ? { success: true, events: result.right } : { success: false, error: result.left }

/** The `parse` form of a result: the events, or a thrown `DeliveryKitError`. */
export const eventsOrThrow = <Events>(result: either.Either<NormalizeError, Events>): Events => {
  if (E.isLeft(result)) throw new DeliveryKitError(result.left)
  return result.right
}

/** One entry's forms, typed by the vendor's options. */
export interface EntryForms<Entry extends EntryName, Options> {
  readonly normalize: Normalizer<Entry, Options>
  readonly safeParse: SafeParser<Entry, Options>
  readonly parse: Parser<Entry, Options>
  /** The entry as a Standard Schema (`webhookSchema` for the webhook entry). */
  readonly schema: SchemaFactory<Entry, Options>
}

// One builder per form, each called with /*#__PURE__*/ by the vendor's entry module: a
// bundle that imports `normalize` alone keeps neither `parse` nor the error class it throws.
// The types narrow the events to the options given, which is safe: without
// `unknownStatus: 'keep'` no unknown event passes `settleUnknownStatuses`, and an entry
// returns only the kinds its spec accepts.

/** An entry of a vendor in its fp-ts form. */
export const normalizer = <Entry extends EntryName, Options>(vendor: RegisteredVendor, entry: EntrySpec): Normalizer<Entry, Options> => {
  const normalize = (body: unknown, options?: unknown): either.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>> => vendor.run(entry, body, options)
  return normalize as unknown as Normalizer<Entry, Options>
}

/** An entry of a vendor in its `safeParse` form. */
export const safeParser = <Entry extends EntryName, Options>(vendor: RegisteredVendor, entry: EntrySpec): SafeParser<Entry, Options> => {
  const safeParse = (body: unknown, options?: unknown) => toSafeParseResult(vendor.run(entry, body, options))
  return safeParse as unknown as SafeParser<Entry, Options>
}

/** An entry of a vendor in its `parse` form. */
export const parser = <Entry extends EntryName, Options>(vendor: RegisteredVendor, entry: EntrySpec): Parser<Entry, Options> => {
  const parse = (body: unknown, options?: unknown) => eventsOrThrow(vendor.run(entry, body, options))
  return parse as unknown as Parser<Entry, Options>
}

/** An entry of a vendor as a Standard Schema factory (`webhookSchema`). */
export const schemaFactory = <Entry extends EntryName, Options>(vendor: RegisteredVendor, entry: EntrySpec): SchemaFactory<Entry, Options> => {
  // A schema validates what a framework parsed: a string is a JSON string, not text to parse again.
  const parsed = schemaEntry(entry)
  const schema = (options?: unknown) => eventsSchema((body) => vendor.run(parsed, body, options))
  return schema as unknown as SchemaFactory<Entry, Options>
}
