import type { NormalizeError } from './error.js'
import { formatError } from './format.js'

/**
 * What `parse` throws: an `Error` whose message is `formatError(error)` and which carries
 * the same plain {@link NormalizeError} as `error`.
 *
 * Tell it apart with {@link isDeliveryKitError} rather than `instanceof`: a CommonJS
 * build copies this class into each entry point, so `instanceof` can fail across
 * `deliverykit` and `deliverykit/octopush`.
 *
 * @category Errors
 */
export class DeliveryKitError extends Error {
  override readonly name = 'DeliveryKitError'
  /** The error as data: kind, vendor, issues with paths, and the input. */
  readonly error: NormalizeError

  constructor(error: NormalizeError) {
    super(formatError(error))
    this.error = error
  }
}

/**
 * Whether a thrown value is the error `parse` throws, from any copy of deliverykit. Never
 * throws: a value that cannot be read is not one.
 *
 * @example
 * ```ts
 * import { isDeliveryKitError, parse } from 'deliverykit'
 * try {
 *   parse('octopush', body)
 * } catch (thrown) {
 *   if (isDeliveryKitError(thrown)) store(thrown.error.input, thrown.message)
 *   else throw thrown
 * }
 * ```
 * @category Errors
 */
export const isDeliveryKitError = (value: unknown): value is DeliveryKitError => {
  // instanceof and the property reads throw on a revoked Proxy or a throwing accessor.
  try {
    return value instanceof Error && value.name === 'DeliveryKitError' && typeof (value as { readonly error?: unknown }).error === 'object'
  } catch {
    return false
  }
}
