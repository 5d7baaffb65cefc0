import { either as E } from 'fp-ts'
import type * as t from 'io-ts'

import type { InvalidBodyError, InvalidOptionsError, NormalizeError } from '../errors/error.js'
import type { NonEmptyReadonlyArray, TooLargeIssue, UnknownStatusIssue } from '../errors/issue.js'
import { issuesFromValidation } from '../errors/validation.js'
import type { AnyEvent } from '../model/event.js'
import type { Vendor } from '../model/vendor.js'
import { describeThrown, optionError, readObject } from './callerInput.js'
import { readBody } from './rawBody.js'
import { zoneFor, type Zone } from './time.js'

/** Events of any kind, before the caller's `unknownStatus` choice narrows the type. */
export type AnyEvents = ReadonlyArray<AnyEvent>

/**
 * Decodes a body (an object, JSON or form text, `URLSearchParams` or bytes), turning io-ts
 * errors, and anything a hand-built body throws, into an error with paths.
 */
export const decodeBody = <A>(codec: t.Decoder<unknown, A>, vendor: Vendor, input: unknown): E.Either<InvalidBodyError, A> => {
  try {
    // Inside the try: telling bytes and forms apart reads the prototype, which a revoked
    // or hostile Proxy throws on.
    const body = readBody(input)
    if (!body.ok) {
      return E.left({ kind: 'invalid_body', vendor, issues: [{ code: 'invalid_syntax', path: [], expected: body.expected, message: `(root): ${body.message}` }], input })
    }
    const result = codec.decode(body.value)
    if (E.isRight(result)) return result
    const [first, ...rest] = result.left
    if (first === undefined) return E.left(unreadable(vendor, input, 'the decoder reported no reason'))
    return E.left({ kind: 'invalid_body', vendor, issues: issuesFromValidation([first, ...rest]), input })
  } catch (thrown) {
    return E.left(unreadable(vendor, input, describeThrown(thrown)))
  }
}

/**
 * Runs what follows decoding (building the events) on a decoded body. A hand-built body
 * whose accessor answered while it was decoded and throws when read again gives the same
 * unreadable error as one that throws while decoded, never a throw.
 */
export const fromDecoded = <A>(vendor: Vendor, input: unknown, run: () => E.Either<NormalizeError, A>): E.Either<NormalizeError, A> => {
  try {
    return run()
  } catch (thrown) {
    return E.left(unreadable(vendor, input, describeThrown(thrown)))
  }
}

const unreadable = (vendor: Vendor, input: unknown, why: string): InvalidBodyError => ({
  kind: 'invalid_body',
  vendor,
  issues: [{ code: 'unreadable', path: [], message: `(root): the body could not be read: ${why}` }],
  input,
})

/**
 * An option the caller passed is not acceptable. `vendor` is the vendor as given: a value
 * that is not text is described, since `String()` throws on some (a null-prototype object).
 */
export const invalidOption = (vendor: unknown, input: unknown, name: string, expected: string, value: unknown): InvalidOptionsError =>
  optionError(vendor, input, name, expected, value)

/** The options every vendor accepts. */
export interface CommonOptions {
  /**
   * IANA name of the zone the vendor's zone-less times are read in (Octopush's are).
   * Vendors whose times carry `Z` or an offset ignore it.
   */
  readonly timeZone?: string
  /**
   * What to do with a status code the catalog does not know: `'error'` (the default)
   * returns an `unknown_status` error; `'keep'` returns an `UnknownStatusEvent` for it,
   * which your exhaustive switch must then handle.
   */
  readonly unknownStatus?: 'error' | 'keep'
  /**
   * The largest body read from text or bytes: characters (UTF-16 code units) of a string,
   * bytes of a `Uint8Array`. A larger body is an `invalid_body` error with a `too_large`
   * issue, returned before any parsing. Default {@link DEFAULT_MAX_BODY_SIZE} (32 MiB);
   * `Infinity` turns the check off. A body passed already parsed is not measured: limit
   * it in your framework's body parser.
   */
  readonly maxBodySize?: number
}

/**
 * The default `maxBodySize`: 32 MiB (33,554,432 characters of text or bytes), far above
 * any delivery callback and above a 100,000-recipient e-mail callback with a status
 * history for each recipient (about 17 MB).
 *
 * @category Options
 */
export const DEFAULT_MAX_BODY_SIZE = 32 * 1024 * 1024

const COMMON_KEYS = ['unknownStatus', 'maxBodySize', 'timeZone'] as const satisfies ReadonlyArray<keyof CommonOptions>

/** The size of a body given as text or bytes, or `undefined` for anything else. Never throws (no trap is involved). */
const sizeOf = (input: unknown): { readonly size: number; readonly unit: string } | undefined => {
  if (typeof input === 'string') return { size: input.length, unit: 'characters' }
  if (ArrayBuffer.isView(input)) return { size: input.byteLength, unit: 'bytes' }
  return undefined
}

const tooLarge = (vendor: Vendor, input: unknown, size: number, unit: string, limit: number): InvalidBodyError => {
  const issue: TooLargeIssue = {
    code: 'too_large',
    path: [],
    size,
    limit,
    message: `(root): the body is ${String(size)} ${unit}, over the limit of ${String(limit)} (options.maxBodySize)`,
  }
  return { kind: 'invalid_body', vendor, issues: [issue], input }
}

/**
 * The options every vendor accepts, checked at run time for callers without types, and
 * the body's size against `maxBodySize`. The options object is read once, with the
 * vendor's own `otherKeys`, into `options`: read a vendor option there, never again from
 * the caller's object.
 */
export const checkCommonOptions = <K extends string = never>(
  vendor: Vendor,
  input: unknown,
  options: CommonOptions | undefined,
  defaultTimeZone: string,
  otherKeys: ReadonlyArray<K> = [],
): E.Either<
  InvalidOptionsError | InvalidBodyError,
  { readonly zone: Zone; readonly keepUnknown: boolean; readonly options: Readonly<Partial<Record<keyof CommonOptions | K, unknown>>> }
> => {
  // Typed callers cannot get here with a non-object; JavaScript callers and parsed config can.
  const read = readObject(vendor, input, options, '(options)', 'an object or undefined', [...COMMON_KEYS, ...otherKeys])
  if (E.isLeft(read)) return read
  const given = read.right
  const unknownStatus: unknown = given.unknownStatus
  if (unknownStatus !== undefined && unknownStatus !== 'error' && unknownStatus !== 'keep') {
    return E.left(invalidOption(vendor, input, 'unknownStatus', '"error" or "keep"', unknownStatus))
  }
  const maxBodySize: unknown = given.maxBodySize ?? DEFAULT_MAX_BODY_SIZE
  if (typeof maxBodySize !== 'number' || !(maxBodySize > 0) || !(Number.isSafeInteger(maxBodySize) || maxBodySize === Infinity)) {
    return E.left(invalidOption(vendor, input, 'maxBodySize', 'a positive whole number of characters or bytes, or Infinity', maxBodySize))
  }
  const measured = sizeOf(input)
  if (measured !== undefined && measured.size > maxBodySize) return E.left(tooLarge(vendor, input, measured.size, measured.unit, maxBodySize))
  const timeZone: unknown = given.timeZone ?? defaultTimeZone
  const zone = typeof timeZone === 'string' ? zoneFor(timeZone) : undefined
  if (zone === undefined) {
    return E.left(invalidOption(vendor, input, 'timeZone', 'an IANA time zone name such as "Europe/Paris"', timeZone))
  }
  return E.right({ zone, keepUnknown: unknownStatus === 'keep', options: given })
}

/** Applies the caller's `unknownStatus` choice to what a vendor's `toEvents` found. */
export const settleUnknownStatuses = (
  vendor: Vendor,
  input: unknown,
  keepUnknown: boolean,
  events: AnyEvents,
  unknownStatuses: ReadonlyArray<UnknownStatusIssue>,
): E.Either<NormalizeError, AnyEvents> => {
  const [first, ...rest] = unknownStatuses
  if (first === undefined || keepUnknown) return E.right(events)
  const issues: NonEmptyReadonlyArray<UnknownStatusIssue> = [first, ...rest]
  return E.left({ kind: 'unknown_status', vendor, issues, input })
}
