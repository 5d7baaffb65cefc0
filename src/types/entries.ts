/**
 * The public types of the entry points: the four forms an entry takes (fp-ts, safeParse,
 * parse, Standard Schema) and what each returns. Types only; runtime/entryForms.ts builds them.
 */
import type { either } from 'fp-ts'

import type { NormalizeError } from '../errors/error.js'
import type { InboundEvent } from '../model/inbound.js'
import type { DefaultOptions, EventsFor, WebhookEventsFor } from '../model/options.js'
import type { EventsSchema } from './standardSchema.js'

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

/** One entry's forms, typed by the vendor's options. */
export interface EntryForms<Entry extends EntryName, Options> {
  readonly normalize: Normalizer<Entry, Options>
  readonly safeParse: SafeParser<Entry, Options>
  readonly parse: Parser<Entry, Options>
  /** The entry as a Standard Schema (`webhookSchema` for the webhook entry). */
  readonly schema: SchemaFactory<Entry, Options>
}
