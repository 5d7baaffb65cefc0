import { either as E } from 'fp-ts'

import { eventsOrThrow, toSafeParseResult, type SafeParseResult } from './api.js'
import type { NormalizeError } from './errors/error.js'
import { invalidOption, type AnyEvents } from './internal/pipeline.js'
import type { DefaultOptions, EventsFor } from './model/options.js'
import { VENDORS, isVendor, type Vendor } from './model/vendor.js'
import type { InboundEvent } from './model/inbound.js'
import { VENDOR_DEFINITIONS, type InboundOptions, type OptionsFor, type VendorWithOptionalOptions, type VendorWithRequiredOptions } from './registry.js'

/**
 * {@link normalize} without the overloads, for callers whose vendor and options are only
 * known at run time (the CLI): each vendor checks its options at run time.
 */
export const normalizeUnchecked = (vendor: Vendor, body: unknown, options?: OptionsFor<Vendor>): E.Either<NormalizeError, AnyEvents> => {
  if (!isVendor(vendor)) {
    return E.left(invalidOption(vendor, body, 'vendor', `one of ${VENDORS.join(', ')}`, vendor))
  }
  // The overloads tie the options to the vendor; the vendor checks them at run time.
  const definition = VENDOR_DEFINITIONS[vendor] as { readonly normalize: (body: unknown, options: OptionsFor<Vendor> | undefined) => E.Either<NormalizeError, AnyEvents> }
  return definition.normalize(body, options)
}

// Overloads, not one signature: `options` may be left out for a vendor whose options are
// all optional (Octopush), and must be given for one with a required option (Messangi's
// channel), so that forgetting it is a compile error rather than a run-time one. The
// overloads narrow the events to EventsFor<O>, which is safe: without unknownStatus
// 'keep', a vendor's normalize lets no unknown event through.

/**
 * Decodes a vendor's delivery-status webhook body into canonical events. Pure: never
 * throws, never mutates the body, reads no clock and no network. The error names the
 * JSON path, what was found and what was expected, and keeps the input.
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
export function normalize<V extends VendorWithOptionalOptions, O extends OptionsFor<V> = DefaultOptions>(
  vendor: V,
  body: unknown,
  options?: O,
): E.Either<NormalizeError, EventsFor<O>>
/**
 * For a vendor with a required option, the options are required too: Messangi's bodies
 * do not name their channel.
 *
 * @example
 * ```ts
 * import { normalize } from 'deliverykit'
 * const result = normalize('messangi', requestBody, { channel: 'whatsapp' })
 * ```
 */
export function normalize<V extends VendorWithRequiredOptions, O extends OptionsFor<V>>(
  vendor: V,
  body: unknown,
  options: O,
): E.Either<NormalizeError, EventsFor<O>>
export function normalize(vendor: Vendor, body: unknown, options?: OptionsFor<Vendor>): E.Either<NormalizeError, AnyEvents> {
  return normalizeUnchecked(vendor, body, options)
}

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
export function safeParse<V extends VendorWithOptionalOptions, O extends OptionsFor<V> = DefaultOptions>(
  vendor: V,
  body: unknown,
  options?: O,
): SafeParseResult<EventsFor<O>>
/** For a vendor with a required option (Messangi's `channel`), the options are required too. */
export function safeParse<V extends VendorWithRequiredOptions, O extends OptionsFor<V>>(
  vendor: V,
  body: unknown,
  options: O,
): SafeParseResult<EventsFor<O>>
export function safeParse(vendor: Vendor, body: unknown, options?: OptionsFor<Vendor>): SafeParseResult<AnyEvents> {
  return toSafeParseResult(normalizeUnchecked(vendor, body, options))
}

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
export function parse<V extends VendorWithOptionalOptions, O extends OptionsFor<V> = DefaultOptions>(
  vendor: V,
  body: unknown,
  options?: O,
): EventsFor<O>
/** For a vendor with a required option (Messangi's `channel`), the options are required too. */
export function parse<V extends VendorWithRequiredOptions, O extends OptionsFor<V>>(vendor: V, body: unknown, options: O): EventsFor<O>
export function parse(vendor: Vendor, body: unknown, options?: OptionsFor<Vendor>): AnyEvents {
  return eventsOrThrow(normalizeUnchecked(vendor, body, options))
}

/**
 * Decodes an opt-out (STOP) or inbound-message callback into `opt_out` and `inbound`
 * events: not delivery statuses, but an opt-out must reach your suppression list. Never
 * throws. A vendor that sends no such callback gives an `invalid_options` error.
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
export const normalizeInbound = (vendor: Vendor, body: unknown, options?: InboundOptions): E.Either<NormalizeError, ReadonlyArray<InboundEvent>> => {
  if (!isVendor(vendor)) return E.left(invalidOption(vendor, body, 'vendor', `one of ${VENDORS.join(', ')}`, vendor))
  const decode = VENDOR_DEFINITIONS[vendor].normalizeInbound
  if (decode === undefined) {
    const which = VENDORS.filter((v) => VENDOR_DEFINITIONS[v].normalizeInbound !== undefined)
    return E.left(invalidOption(vendor, body, 'vendor', `a vendor that sends opt-out or inbound callbacks (${which.join(', ')})`, vendor))
  }
  return decode(body, options)
}
