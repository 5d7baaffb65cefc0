import type { Vendor } from '../model/vendor.js'
import type { CallbackKind } from '../model/webhook.js'
import type {
  BodyIssue,
  InvalidOptionIssue,
  NonEmptyReadonlyArray,
  UnexpectedCallbackIssue,
  UnknownChannelIssue,
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
  /** Issues found beyond those listed (lists are cut at a hundred issues), where any were counted. */
  readonly omittedIssues?: number
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
  /** Unknown codes beyond the hundred listed, counted. */
  readonly omittedIssues?: number
  readonly input: unknown
}

/**
 * The body names a channel deliverykit does not know yet: a channel the vendor added.
 * Like an unknown status, it is the vendor's news, not a broken body: store the input and
 * answer 2xx, so the vendor does not retry.
 *
 * @category Errors
 */
export interface UnknownChannelError {
  readonly kind: 'unknown_channel'
  readonly vendor: Vendor
  readonly issues: NonEmptyReadonlyArray<UnknownChannelIssue>
  readonly input: unknown
}

/**
 * The body is a valid callback of another kind than the function decodes: an opt-out or
 * inbound message given to `normalize`, or a delivery receipt given to `normalizeInbound`.
 * The message names the function that decodes it (`normalizeWebhook` decodes them all).
 *
 * @category Errors
 */
export interface UnexpectedCallbackError {
  readonly kind: 'unexpected_callback'
  readonly vendor: Vendor
  /** What the body is. */
  readonly callback: CallbackKind
  readonly issues: NonEmptyReadonlyArray<UnexpectedCallbackIssue>
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
export type NormalizeError = InvalidBodyError | UnknownStatusError | UnknownChannelError | UnexpectedCallbackError | InvalidOptionsError
