import type { Vendor } from '../model/vendor.js'
import type {
  BodyIssue,
  InvalidOptionIssue,
  NonEmptyReadonlyArray,
  UnknownStatusIssue,
} from './issue.js'

/**
 * The body does not have the shape of any callback the vendor documents.
 *
 * @category Errors
 */
export interface InvalidBodyError {
  readonly kind: 'invalid_body'
  readonly vendor: Vendor
  readonly issues: NonEmptyReadonlyArray<BodyIssue>
  /** The body exactly as it was given, so a handler can store it and lose nothing. */
  readonly input: unknown
}

/**
 * The body is well formed but carries status codes the catalog does not know. Pass
 * `unknownStatus: 'keep'` to get them as `UnknownStatusEvent`s instead.
 *
 * @category Errors
 */
export interface UnknownStatusError {
  readonly kind: 'unknown_status'
  readonly vendor: Vendor
  readonly issues: NonEmptyReadonlyArray<UnknownStatusIssue>
  readonly input: unknown
}

/**
 * The call itself was wrong: an unknown vendor or an option it does not accept. Nothing
 * was decoded.
 *
 * @category Errors
 */
export interface InvalidOptionsError {
  readonly kind: 'invalid_options'
  /** The vendor name as given (it may be one deliverykit does not know). */
  readonly vendor: string
  readonly issues: NonEmptyReadonlyArray<InvalidOptionIssue>
  readonly input: unknown
}

/**
 * Why `normalize` returned no events: a discriminated union on `kind`, plain data (no
 * class, safe to log, serialize and compare by value). Render it with `formatError`.
 *
 * @example
 * ```ts
 * import { normalize, formatError } from 'deliverykit'
 * import { either as E } from 'fp-ts'
 *
 * const result = normalize('octopush', { status: 'DELIVERED' })
 * if (E.isLeft(result)) {
 *   result.left.kind // 'invalid_body'
 *   console.error(formatError(result.left)) // message_id: missing; expected string …
 * }
 * ```
 * @category Errors
 */
export type NormalizeError = InvalidBodyError | UnknownStatusError | InvalidOptionsError
