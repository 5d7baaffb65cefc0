/**
 * Reading what a caller passed, once and inside a guard. A JavaScript caller can pass
 * anything: a revoked Proxy, a Proxy whose traps throw, an object whose accessor throws
 * or answers differently each time. Every value deliverykit takes from the caller's
 * objects (options, a status report) is read here, once, into a plain snapshot, or the
 * caller gets an `invalid_options` error naming what could not be read.
 */
import type { either } from 'fp-ts'
import * as E from '../util/either.js'

import type { InvalidOptionsError } from '../errors/error.js'
import { invalidOptionIssue, invalidOptionsError } from '../errors/build.js'
import { describeValue } from '../errors/format.js'
import type { IssuePath } from '../errors/issue.js'
import { orElse } from '../util/values.js'

/** What `received` says of an object that cannot be read at all (a revoked Proxy, one whose traps throw). */
export const UNREADABLE_OBJECT = 'an object that could not be read'

/** What `received` says of a property whose read threw (an accessor that throws). */
export const UNREADABLE_VALUE = 'a value that could not be read (reading it threw)'

/**
 * The `invalid_options` error for an option, or a field of one (a path): `received`
 * describes the value, unless a description is given; `didYouMean` and `index` as
 * `invalidOptionIssue` takes them.
 */
export const optionError = (
  vendor: unknown,
  input: unknown,
  name: string | IssuePath,
  expected: string,
  value: unknown,
  received = describeValue(value),
  didYouMean?: string,
  index?: number,
): InvalidOptionsError => invalidOptionsError(vendor, input, invalidOptionIssue(name, expected, received, didYouMean, index))

/** What `readObject` answers for `undefined`: one frozen empty snapshot, shared (nothing is built per call). */
const NOTHING_GIVEN: either.Either<never, Readonly<Record<string, unknown>>> = /*#__PURE__*/ E.right(/*#__PURE__*/ Object.freeze(Object.create(null) as Record<string, unknown>))

/**
 * The listed properties of a caller's object, each read once, as a plain snapshot with a
 * `null` prototype (so no key is found through a prototype). `undefined` gives an empty
 * snapshot; anything but an object is an error naming `name`; an object that cannot be
 * read (a revoked Proxy) is an error naming `name`, and a property whose read throws an
 * error naming that property.
 */
export const readObject = <K extends string>(
  vendor: unknown,
  input: unknown,
  value: unknown,
  name: string,
  expected: string,
  keys: ReadonlyArray<K>,
): either.Either<InvalidOptionsError, Readonly<Partial<Record<K, unknown>>>> => {
  if (value === undefined) return NOTHING_GIVEN as either.Either<never, Readonly<Partial<Record<K, unknown>>>>
  const snapshot = Object.create(null) as Partial<Record<K, unknown>>
  if (typeof value !== 'object' || value === null) return E.left(optionError(vendor, input, name, expected, value))
  try {
    // A revoked Proxy, or one whose traps throw, fails here, before any property.
    Reflect.getPrototypeOf(value)
  } catch {
    return E.left(optionError(vendor, input, name, expected, value, UNREADABLE_OBJECT))
  }
  for (const key of keys) {
    try {
      snapshot[key] = (value as Readonly<Record<string, unknown>>)[key]
    } catch {
      return E.left(optionError(vendor, input, key, 'a value that can be read', undefined, UNREADABLE_VALUE))
    }
  }
  return E.right(snapshot)
}

const MAX_REASON = 200

/**
 * Why something threw, for an error message: an Error's message (cut at 200 characters),
 * else a description of the value. Never throws, whatever was thrown (a revoked Proxy, an
 * Error whose `message` accessor throws).
 */
export const describeThrown = (thrown: unknown): string => {
  const message = orElse(() => (thrown instanceof Error ? (thrown.message as unknown) : undefined), undefined)
  if (typeof message !== 'string') return describeValue(thrown)
  return message.length > MAX_REASON ? `${message.slice(0, MAX_REASON)}… (${String(message.length)} characters)` : message
}
