import type { either } from 'fp-ts'

import * as E from './util/either.js'

import type { NormalizeError } from './errors/error.js'
import { DELIVERY_ENTRY, INBOUND_ENTRY, WEBHOOK_ENTRY, type EntrySpec, type RegisteredVendor } from './runtime/run.js'
import { eventsOrThrow, toSafeParseResult } from './runtime/entryForms.js'
import { type EntryEvents, type EntryName, type SafeParseResult } from './types/entries.js'
import { invalidOption } from './runtime/options.js'
import type { InboundEvent } from './model/inbound.js'
import type { DefaultOptions } from './model/options.js'
import { VENDORS, isVendor, type Vendor } from './model/vendor.js'
import type { AnyWebhookEvent, CallbackKind } from './model/webhook.js'
import { REGISTRY, type CallOptions, type InboundOptions, type InboundVendor, type VendorWithRequiredOptions, type VendorWithoutOptions } from './options.js'

// Two overloads. Without options: a vendor whose options are all optional, or a vendor
// known only at run time (a union); a vendor named in the code that requires an option
// (Messangi's channel) is checked against MissingOptions, a string type whose text is the
// compile error and names the option to add. With options: a vendor's own options, or for
// a run-time vendor the options every vendor accepts (CallOptions); `O | undefined` is
// accepted where the options may be left out. The overloads narrow the events to the
// options, which is safe: without unknownStatus 'keep', no unknown event passes, and an
// entry returns only the kinds it decodes.

/**
 * A root entry in its fp-ts form: the vendor first, then the body and its options.
 *
 * @category Normalize
 */
export interface RootNormalizer<Entry extends EntryName> {
  /** Without options: for a vendor that requires one (Messangi's `channel`), a compile error naming it. */
  <V extends Vendor>(vendor: VendorWithoutOptions<V>, body: unknown, options?: undefined): either.Either<NormalizeError, EntryEvents<Entry, DefaultOptions>>
  /** With options: the vendor's own, or {@link CallOptions} for a vendor known at run time. */
  <V extends Vendor, O extends CallOptions<V> = DefaultOptions & CallOptions<V>>(vendor: V, body: unknown, options: O | OptionalFor<V>): either.Either<NormalizeError, EntryEvents<Entry, O>>
}

/**
 * A root entry in its `safeParse` form.
 *
 * @category Normalize
 */
export interface RootSafeParser<Entry extends EntryName> {
  /** Without options: for a vendor that requires one (Messangi's `channel`), a compile error naming it. */
  <V extends Vendor>(vendor: VendorWithoutOptions<V>, body: unknown, options?: undefined): SafeParseResult<EntryEvents<Entry, DefaultOptions>>
  /** With options: the vendor's own, or {@link CallOptions} for a vendor known at run time. */
  <V extends Vendor, O extends CallOptions<V> = DefaultOptions & CallOptions<V>>(vendor: V, body: unknown, options: O | OptionalFor<V>): SafeParseResult<EntryEvents<Entry, O>>
}

/**
 * A root entry in its `parse` form.
 *
 * @category Normalize
 */
export interface RootParser<Entry extends EntryName> {
  /** Without options: for a vendor that requires one (Messangi's `channel`), a compile error naming it. */
  <V extends Vendor>(vendor: VendorWithoutOptions<V>, body: unknown, options?: undefined): EntryEvents<Entry, DefaultOptions>
  /** With options: the vendor's own, or {@link CallOptions} for a vendor known at run time. */
  <V extends Vendor, O extends CallOptions<V> = DefaultOptions & CallOptions<V>>(vendor: V, body: unknown, options: O | OptionalFor<V>): EntryEvents<Entry, O>
}

/**
 * What the options argument may be besides the options: `undefined`, except for a vendor
 * named in the code that requires an option.
 *
 * @category Normalize
 */
export type OptionalFor<V extends Vendor> = [V] extends [VendorWithRequiredOptions] ? never : undefined

/** A registry: every vendor, registered with the shapes an entry decodes. */
type Registry = Readonly<Record<Vendor, RegisteredVendor>>

const KIND_WORDS: Readonly<Record<CallbackKind, string>> = { delivery: 'delivery', opt_out: 'opt-out', inbound: 'inbound' }

/**
 * Runs an entry for a vendor named at run time: an unknown vendor, or one that sends no
 * callback of the entry's kinds, is an `invalid_options` error.
 */
export const runEntry = (
  registry: Registry,
  entry: EntrySpec,
  vendor: unknown,
  body: unknown,
  options?: unknown,
): either.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>> => {
  if (!isVendor(vendor)) return E.left(invalidOption(vendor, body, 'vendor', `one of ${VENDORS.join(', ')}`, vendor, VENDORS))
  const registered = registry[vendor]
  if (!entry.accepts.some((kind) => registered.kinds.includes(kind))) {
    const which = VENDORS.filter((v) => entry.accepts.some((kind) => registry[v].kinds.includes(kind)))
    const kinds = entry.accepts.map((kind) => KIND_WORDS[kind]).join(' or ')
    return E.left(invalidOption(vendor, body, 'vendor', `a vendor that sends ${kinds} callbacks (${which.join(', ')})`, vendor))
  }
  return registered.run(entry, body, options)
}

const rootNormalizer = <Entry extends EntryName>(entry: EntrySpec, registry: Registry): RootNormalizer<Entry> => {
  const normalize = (vendor: Vendor, body: unknown, options?: unknown) => runEntry(registry, entry, vendor, body, options)
  return normalize as RootNormalizer<Entry>
}

const rootSafeParser = <Entry extends EntryName>(entry: EntrySpec, registry: Registry): RootSafeParser<Entry> => {
  const safeParse = (vendor: Vendor, body: unknown, options?: unknown) => toSafeParseResult(runEntry(registry, entry, vendor, body, options))
  return safeParse as RootSafeParser<Entry>
}

const rootParser = <Entry extends EntryName>(entry: EntrySpec, registry: Registry): RootParser<Entry> => {
  const parse = (vendor: Vendor, body: unknown, options?: unknown) => eventsOrThrow(runEntry(registry, entry, vendor, body, options))
  return parse as RootParser<Entry>
}

/**
 * Decodes a vendor's delivery receipt into canonical events. Pure: never throws, never
 * mutates the body, reads no clock and no network. The error names the JSON path, what
 * was found and what was expected, and keeps the input. An opt-out or inbound body is an
 * `unexpected_callback` error that names the function that decodes it: use
 * {@link normalizeWebhook} where one URL receives them all.
 *
 * @example
 * ```ts
 * import { normalize, formatError } from 'deliverykit'
 * import { either as E } from 'fp-ts'
 *
 * const result = normalize('octopush', requestBody) // text (JSON or form), bytes or an object
 * if (E.isLeft(result)) console.error(formatError(result.left))
 * else for (const event of result.right) console.log(event.classification, event.status)
 * ```
 * @category Normalize
 */
export const normalize: RootNormalizer<'delivery'> = /*#__PURE__*/ rootNormalizer(DELIVERY_ENTRY, REGISTRY)

/**
 * Like {@link normalize}, for code that does not use fp-ts: `{ success: true, events }` or
 * `{ success: false, error }`.
 *
 * @example
 * ```ts
 * import { safeParse, formatError } from 'deliverykit'
 * const result = safeParse('octopush', body)
 * if (result.success) save(result.events)
 * else reply(400, formatError(result.error))
 * ```
 * @category Normalize
 */
export const safeParse: RootSafeParser<'delivery'> = /*#__PURE__*/ rootSafeParser(DELIVERY_ENTRY, REGISTRY)

/**
 * Like {@link normalize}, returning the events or throwing a `DeliveryKitError` whose
 * `error` is the same plain error `normalize` would return.
 *
 * @example
 * ```ts
 * import { parse } from 'deliverykit'
 * const events = parse('octopush', body, { timeZone: 'Europe/Paris' })
 * ```
 * @category Normalize
 */
export const parse: RootParser<'delivery'> = /*#__PURE__*/ rootParser(DELIVERY_ENTRY, REGISTRY)

/**
 * Decodes any callback a vendor sends to a URL: a delivery receipt, an opt-out (STOP) or an
 * inbound reply. Every event carries `kind: 'delivery' | 'opt_out' | 'inbound'`, so one
 * exhaustive `switch (event.kind)` handles them all, and inside `case 'delivery'` the
 * `classification` and `status` switches work as with {@link normalize}. Never throws,
 * never mutates the body.
 *
 * @example
 * ```ts
 * import { normalizeWebhook } from 'deliverykit'
 * import { either as E } from 'fp-ts'
 *
 * const result = normalizeWebhook('octopush', requestBody)
 * if (E.isRight(result)) for (const event of result.right) if (event.kind === 'opt_out') await suppress(event.from)
 * ```
 * @category Webhook
 */
export const normalizeWebhook: RootNormalizer<'webhook'> = /*#__PURE__*/ rootNormalizer(WEBHOOK_ENTRY, REGISTRY)

/**
 * Like {@link normalizeWebhook}, returning `{ success: true, events }` or
 * `{ success: false, error }`.
 *
 * @example
 * ```ts
 * import { safeParseWebhook } from 'deliverykit'
 * const result = safeParseWebhook('octopush', await request.text())
 * if (result.success) for (const event of result.events) console.log(event.kind)
 * ```
 * @category Webhook
 */
export const safeParseWebhook: RootSafeParser<'webhook'> = /*#__PURE__*/ rootSafeParser(WEBHOOK_ENTRY, REGISTRY)

/**
 * Like {@link normalizeWebhook}, returning the events or throwing a `DeliveryKitError`.
 *
 * @category Webhook
 */
export const parseWebhook: RootParser<'webhook'> = /*#__PURE__*/ rootParser(WEBHOOK_ENTRY, REGISTRY)

/**
 * Decodes an opt-out (STOP) or inbound-message callback into `opt_out` and `inbound`
 * events: not delivery statuses, but an opt-out must reach your suppression list. Never
 * throws. A delivery receipt is an `unexpected_callback` error. `vendor` is one that sends
 * such callbacks ({@link InboundVendor}): Masstack does not compile, and from JavaScript it
 * is an `invalid_options` error.
 *
 * @example
 * ```ts
 * import { normalizeInbound } from 'deliverykit'
 * import { either as E } from 'fp-ts'
 *
 * const result = normalizeInbound('octopush', body)
 * if (E.isRight(result)) for (const event of result.right) if (event.kind === 'opt_out') await suppress(event.from)
 * ```
 * @category Inbound
 */
export const normalizeInbound = (vendor: InboundVendor, body: unknown, options?: InboundOptions): either.Either<NormalizeError, ReadonlyArray<InboundEvent>> =>
  // Safe: the inbound entry returns only opt-out and inbound events.
  runEntry(REGISTRY, INBOUND_ENTRY, vendor, body, options) as either.Either<NormalizeError, ReadonlyArray<InboundEvent>>

/**
 * Like {@link normalizeInbound}, returning `{ success: true, events }` or
 * `{ success: false, error }`.
 *
 * @category Inbound
 */
export const safeParseInbound = (vendor: InboundVendor, body: unknown, options?: InboundOptions): SafeParseResult<ReadonlyArray<InboundEvent>> =>
  toSafeParseResult(normalizeInbound(vendor, body, options))

/**
 * Like {@link normalizeInbound}, returning the events or throwing a `DeliveryKitError`.
 *
 * @category Inbound
 */
export const parseInbound = (vendor: InboundVendor, body: unknown, options?: InboundOptions): ReadonlyArray<InboundEvent> =>
  eventsOrThrow(normalizeInbound(vendor, body, options))
