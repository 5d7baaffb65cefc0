import type { either } from 'fp-ts'
import * as E from './either.js'

import type { InvalidBodyError, InvalidOptionsError, NormalizeError } from '../errors/error.js'
import type { IssuePath, NonEmptyReadonlyArray, UnknownStatusIssue } from '../errors/issue.js'
import type { AnyEvent } from '../model/event.js'
import type { Vendor } from '../model/vendor.js'
import type { AnyWebhookEvent } from '../model/webhook.js'
import { optionError, readObject } from './callerInput.js'
import type { Built, CommonSettings } from './definition.js'
import { didYouMean, didYouMeanChannel } from './didYouMean.js'
import { zoneFor } from './time.js'

/** Delivery events of any kind, before the caller's `unknownStatus` choice narrows the type. */
export type AnyEvents = ReadonlyArray<AnyEvent>

/** The body could not be read: an accessor of a hand-built body, or a Proxy trap, threw. */
export const unreadable = (vendor: Vendor, input: unknown, why: string): InvalidBodyError => ({
  kind: 'invalid_body',
  vendor,
  issues: [{ code: 'unreadable', path: [], message: `(root): the body could not be read: ${why}` }],
  input,
})

/**
 * An option the caller passed is not acceptable. `vendor` is the vendor as given: a value
 * that is not text is described, since `String()` throws on some (a null-prototype object).
 * `known` are the values it could have been (vendors, channels): one a typo away from the
 * value is suggested, and for `channel` one the value names under another spelling
 * (`voice_sms` → `voice`).
 */
export const invalidOption = (vendor: unknown, input: unknown, name: string | IssuePath, expected: string, value: unknown, known: ReadonlyArray<string> = [], index?: number): InvalidOptionsError =>
  optionError(vendor, input, name, expected, value, undefined, name === 'channel' ? didYouMeanChannel(value, known) : didYouMean(value, known), index)

/** The options every vendor accepts. */
export interface CommonOptions {
  /**
   * IANA name of the zone the vendor's zone-less times are read in (Octopush's are).
   * Vendors whose times carry `Z` or an offset ignore it.
   */
  readonly timeZone?: string | undefined
  /**
   * What to do with a status code the catalog does not know: `'error'` (the default)
   * returns an `unknown_status` error; `'keep'` returns an `UnknownStatusEvent` for it,
   * which your exhaustive switch must then handle.
   */
  readonly unknownStatus?: 'error' | 'keep' | undefined
  /**
   * The largest body read from text or bytes: characters (UTF-16 code units) of a string,
   * bytes of an `ArrayBuffer`, a `Uint8Array` or any other view of bytes (a view's own
   * `byteLength`, not its buffer's). A larger body is an `invalid_body` error with a `too_large`
   * issue, returned before any parsing. Default {@link DEFAULT_MAX_BODY_SIZE} (32 MiB);
   * `Infinity` turns the check off. A body passed already parsed is not measured: limit
   * it in your framework's body parser.
   */
  readonly maxBodySize?: number | undefined
}

/**
 * The default `maxBodySize`: 32 MiB (33,554,432 characters of text or bytes), far above
 * any delivery callback and above a 100,000-recipient e-mail callback with a status
 * history for each recipient (about 17 MB).
 *
 * @category Options
 */
export const DEFAULT_MAX_BODY_SIZE = 32 * 1024 * 1024

/** The option names deliverykit reads: anything else on an options object is ignored, and never read. */
const OPTION_NAMES = ['timeZone', 'unknownStatus', 'maxBodySize', 'channel', 'optOutKeywords'] as const

/**
 * The caller's options as a plain snapshot, each known option read exactly once: a getter
 * is never asked twice, and one that throws (or a revoked Proxy) is an `invalid_options`
 * error, not a throw.
 */
export const readOptions = (vendor: Vendor, input: unknown, options: unknown): either.Either<InvalidOptionsError, Readonly<Record<string, unknown>>> =>
  readObject(vendor, input, options, '(options)', 'an object or undefined', OPTION_NAMES)

/** The common options, checked: what every vendor's settings start from, and the size limit the body is read with. */
export interface CheckedCommonOptions extends CommonSettings {
  readonly maxBodySize: number
}

/**
 * The options every vendor accepts, checked at run time for callers without types.
 * `options` is the snapshot `readOptions` made. The body is measured against
 * `maxBodySize` where it is read (src/internal/rawBody.ts), the one place that knows what
 * it is.
 */
export const checkCommonOptions = (
  vendor: Vendor,
  input: unknown,
  options: Readonly<Record<string, unknown>>,
  defaultTimeZone: string,
): either.Either<InvalidOptionsError, CheckedCommonOptions> => {
  const unknownStatus = options['unknownStatus']
  if (unknownStatus !== undefined && unknownStatus !== 'error' && unknownStatus !== 'keep') {
    return E.left(invalidOption(vendor, input, 'unknownStatus', '"error" or "keep"', unknownStatus))
  }
  const maxBodySize = options['maxBodySize'] ?? DEFAULT_MAX_BODY_SIZE
  if (typeof maxBodySize !== 'number' || !(maxBodySize > 0) || !(Number.isSafeInteger(maxBodySize) || maxBodySize === Infinity)) {
    return E.left(invalidOption(vendor, input, 'maxBodySize', 'a positive whole number of characters or bytes, or Infinity', maxBodySize))
  }
  const timeZone = options['timeZone'] ?? defaultTimeZone
  const zone = typeof timeZone === 'string' ? zoneFor(timeZone) : undefined
  if (zone === undefined) {
    return E.left(invalidOption(vendor, input, 'timeZone', 'an IANA time zone name such as "Europe/Paris"', timeZone))
  }
  return E.right({ zone, keepUnknown: unknownStatus === 'keep', maxBodySize })
}

/** Applies the caller's `unknownStatus` choice to what a vendor's builder found. */
export const settleUnknownStatuses = (vendor: Vendor, input: unknown, keepUnknown: boolean, built: Built): either.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>> => {
  const [first, ...rest] = built.unknownStatuses
  if (first === undefined || keepUnknown) return E.right(built.events)
  const issues: NonEmptyReadonlyArray<UnknownStatusIssue> = [first, ...rest]
  const omitted = built.unknownStatusCount - issues.length
  return E.left({ kind: 'unknown_status', vendor, issues, ...(omitted > 0 && { omittedIssues: omitted }), input })
}
