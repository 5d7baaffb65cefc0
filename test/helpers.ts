import { readFileSync } from 'node:fs'

import type { Channel, Classification, CommonOptions, FailureReason, Status, Vendor } from 'deliverykit'
import { either as E } from 'fp-ts'
import { expect } from 'vitest'

import { VENDOR_MANIFESTS } from '../src/options.js'

/** A payload shipped in examples/payloads, parsed. */
export const payload = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../examples/payloads/${path}`, import.meta.url), 'utf8')) as Record<string, unknown>

/** The right side of an Either, failing the test with the left side when it is a Left. */
export const rightOf = <L, R>(result: E.Either<L, R>): R => {
  if (E.isLeft(result)) expect.fail(`expected Right, got Left: ${JSON.stringify(result.left, null, 2)}`)
  return result.right
}

/** The left side of an Either, failing the test when it is a Right. */
export const leftOf = <L, R>(result: E.Either<L, R>): L => {
  if (E.isRight(result)) expect.fail(`expected Left, got Right: ${JSON.stringify(result.right, null, 2)}`)
  return result.left
}

/**
 * What an io-ts codec makes of a value: the decoded value, or its errors' messages joined
 * by newlines (`(no message)` for an error without one).
 */
export const decodeOrMessages = (codec: { readonly decode: (u: unknown) => E.Either<ReadonlyArray<{ readonly message?: string | undefined }>, unknown> }, u: unknown): unknown => {
  const result = codec.decode(u)
  return E.isRight(result) ? result.right : result.left.map((error) => error.message ?? '(no message)').join('\n')
}

/** Freezes a value and everything reachable from it, so any write throws in strict mode. */
export const deepFreeze = <A>(value: A): A => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key])
  }
  return value
}

/** An event without `raw` and `eventId`, the two fields checked by their own tests. */
export const withoutRawAndId = <E extends { readonly raw: unknown; readonly eventId: string }>(
  event: E,
): Omit<E, 'raw' | 'eventId'> => {
  const { raw: _raw, eventId: _eventId, ...rest } = event
  return rest
}

/**
 * Options under which any body of the vendor decodes, whatever its channel: Messangi's
 * status bodies do not name theirs, so its calls need one (SMS, for tests that do not read
 * it); the other vendors need no option. Typed as options every vendor takes, so that a
 * vendor read at run time can be given them.
 */
export const decodingOptions = (vendor: Vendor): CommonOptions & { readonly channel?: Channel } => {
  // A vendor whose bodies may need their channel (Messangi's) gets its first one.
  const option = VENDOR_MANIFESTS[vendor].channelOption
  return option?.required === undefined || option.values[0] === undefined ? {} : { channel: option.values[0] }
}

/**
 * What a catalog test expects of one vendor code: [code, canonical status, and for a
 * failure its reason and whether it is permanent].
 */
export type Decision = readonly [code: string, status: Status, reason?: FailureReason, permanent?: boolean]

/**
 * The classification of each canonical status, written out here rather than read from the
 * library, so that the catalog tests check the library's.
 */
export const CLASSIFICATION: Readonly<Record<Status, Classification>> = {
  accepted: 'transient', sent: 'transient', deferred: 'transient',
  delivered: 'final', read: 'final', clicked: 'final',
  rejected: 'failure', undeliverable: 'failure', expired: 'failure',
  complained: 'failure', unsubscribed: 'failure', unconfirmed: 'failure',
}

/**
 * An event, or a catalog entry, decided as expected: its status, that status's
 * classification, and a failure's reason and permanence (none expected for another).
 */
export const expectDecision = (
  found: { readonly status: string; readonly classification: string; readonly failure?: unknown } | undefined,
  { status, reason, permanent }: { readonly status: Status; readonly reason?: FailureReason | undefined; readonly permanent?: boolean | undefined },
): void => {
  expect(found?.status).toBe(status)
  expect(found?.classification).toBe(CLASSIFICATION[status])
  if (found?.classification === 'failure') expect(found.failure).toEqual({ reason, permanent })
  else expect(reason).toBeUndefined()
}
