import type { either } from 'fp-ts'
import * as E from '../util/either.js'

import { unknownStatusError } from '../errors/build.js'
import type { InvalidOptionsError, NormalizeError } from '../errors/error.js'
import type { IssuePath, NonEmptyReadonlyArray, UnknownStatusIssue } from '../errors/issue.js'
import type { AnyEvent } from '../model/event.js'
import type { Vendor } from '../model/vendor.js'
import type { AnyWebhookEvent } from '../model/webhook.js'
import { optionError, readObject } from './callerInput.js'
import type { Built, CommonSettings } from '../kit/definition.js'
import { didYouMean, didYouMeanChannel } from '../util/didYouMean.js'
import { zoneFor } from '../util/time.js'
import { DEFAULT_MAX_BODY_SIZE } from '../types/options.js'

/** Delivery events of any kind, before the caller's `unknownStatus` choice narrows the type. */
export type AnyEvents = ReadonlyArray<AnyEvent>

/**
 * An option the caller passed is not acceptable. `vendor` is the vendor as given: a value
 * that is not text is described, since `String()` throws on some (a null-prototype object).
 * `known` are the values it could have been (vendors, channels): one a typo away from the
 * value is suggested, and for `channel` one the value names under another spelling
 * (`voice_sms` → `voice`).
 */
export const invalidOption = (vendor: unknown, input: unknown, name: string | IssuePath, expected: string, value: unknown, known: ReadonlyArray<string> = [], index?: number): InvalidOptionsError =>
  optionError(vendor, input, name, expected, value, undefined, name === 'channel' ? didYouMeanChannel(value, known) : didYouMean(value, known), index)

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
 * `maxBodySize` where it is read (src/runtime/rawBody.ts), the one place that knows what
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
  return E.left(unknownStatusError(vendor, input, issues, built.unknownStatusCount - issues.length))
}
