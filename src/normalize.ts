import { either as E } from 'fp-ts'

import { eventsOrThrow, toSafeParseResult, type SafeParseResult } from './api.js'
import type { NormalizeError } from './errors/error.js'
import { invalidOption } from './internal/pipeline.js'
import type { DefaultOptions, EventsFor } from './model/options.js'
import { VENDORS, isVendor, type Vendor } from './model/vendor.js'
import type { InboundEvent } from './model/inbound.js'
import { VENDOR_DEFINITIONS, type InboundOptions, type OptionsFor } from './registry.js'

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
 * const result = normalize('octopush', JSON.parse(requestBody))
 * if (E.isLeft(result)) console.error(formatError(result.left))
 * else for (const event of result.right) console.log(event.classification, event.status)
 * ```
 * @category Normalize
 */
export const normalize = <V extends Vendor, O extends OptionsFor<V> = DefaultOptions>(
  vendor: V,
  body: unknown,
  options?: O,
): E.Either<NormalizeError, EventsFor<O>> => {
  if (!isVendor(vendor)) {
    return E.left(invalidOption(String(vendor), body, 'vendor', `one of ${VENDORS.join(', ')}`, vendor))
  }
  const definition = VENDOR_DEFINITIONS[vendor]
  // Safe: without unknownStatus 'keep', a vendor's normalize lets no unknown event through.
  return definition.normalize(body, options) as E.Either<NormalizeError, EventsFor<O>>
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
export const safeParse = <V extends Vendor, O extends OptionsFor<V> = DefaultOptions>(
  vendor: V,
  body: unknown,
  options?: O,
): SafeParseResult<EventsFor<O>> => toSafeParseResult(normalize(vendor, body, options))

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
export const parse = <V extends Vendor, O extends OptionsFor<V> = DefaultOptions>(
  vendor: V,
  body: unknown,
  options?: O,
): EventsFor<O> => eventsOrThrow(normalize(vendor, body, options))

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
  if (!isVendor(vendor)) return E.left(invalidOption(String(vendor), body, 'vendor', `one of ${VENDORS.join(', ')}`, vendor))
  const decode = VENDOR_DEFINITIONS[vendor].normalizeInbound
  if (decode === undefined) {
    const which = VENDORS.filter((v) => VENDOR_DEFINITIONS[v].normalizeInbound !== undefined)
    return E.left(invalidOption(vendor, body, 'vendor', `a vendor that sends opt-out or inbound callbacks (${which.join(', ')})`, vendor))
  }
  return decode(body, options)
}
