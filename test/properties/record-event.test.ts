/**
 * recordEvent takes what the decoders make, and only that. Every event a decoder gives is
 * recorded, with bigints anywhere a big-integer parser can leave them in `raw`, and the
 * JSON it sends is JSON. Anything that is not exactly a delivery event deliverykit makes
 * (a status `constructor`, `__proto__` or `bogus`, a classification that does not go with
 * its status, an unknown failure reason, an extra field, an accessor that answers one thing
 * to the check and another to the query) is refused with `invalid_options`: no query ever
 * goes out with a rank that is not a number.
 */
import {
  CHANNELS,
  CLASSIFICATION_OF_STATUS,
  FAILURE_REASONS,
  STATUSES,
  VENDORS,
  isDeliveryKitError,
  normalize,
  normalizeWebhook,
  type AnyEvent,
} from 'deliverykit'
import { recordEvent, type PostgresQuery } from 'deliverykit/postgres'
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'

import { rightOf } from '../helpers.js'
import { testkit as masstack } from '../vendors/masstack/testkit.js'
import { anyValidBody, anyValue, type Json } from './arbitraries.js'
import { property } from './harness.js'

/** The values a query was built with, or the kind of deliverykit error it threw (anything else is rethrown: a crash). */
const attempt = (event: unknown): PostgresQuery['values'] | string => {
  try {
    return recordEvent(event as AnyEvent).values
  } catch (error) {
    if (isDeliveryKitError(error)) return error.error.kind
    throw error
  }
}

/** What every query recordEvent builds must hold: a known status, a number rank, JSON that parses. */
const expectSoundQuery = (values: PostgresQuery['values']): void => {
  const [, vendor, , , channel, status, rank, instant, order] = values
  expect(VENDORS as ReadonlyArray<unknown>).toContain(vendor)
  expect(CHANNELS as ReadonlyArray<unknown>).toContain(channel)
  expect([...STATUSES, 'unknown']).toContain(status)
  for (const number of [rank, instant, order]) expect(typeof number).toBe('number')
  expect(Number.isInteger(rank) && Number.isInteger(order)).toBe(true)
  expect(() => JSON.parse(values[11] as string) as unknown).not.toThrow()
}

/** The exact digits of every bigint in a value, boxed ones included. */
const digitsOf = (value: unknown): ReadonlyArray<string> => {
  if (typeof value === 'bigint') return [value.toString()]
  if (typeof value !== 'object' || value === null) return []
  try {
    return [BigInt.prototype.valueOf.call(value).toString()]
  } catch {
    return Object.values(value).flatMap(digitsOf)
  }
}

const decoded = (body: unknown, vendor: (typeof VENDORS)[number], options: object): ReadonlyArray<AnyEvent> => {
  const result = normalizeWebhook(vendor, body, { ...options, unknownStatus: 'keep' })
  return E.isRight(result) ? result.right.filter((event): event is AnyEvent => event.kind === 'delivery') : []
}

// ---------------------------------------------------------------------------------------
// what the decoders make is recorded
// ---------------------------------------------------------------------------------------

/** A bigint of any size, sign included. */
const bigint = fc.oneof(fc.bigInt(), fc.constantFrom(2n ** 64n, -(2n ** 63n), 10n ** 40n, 0n))

/** A value holding bigints, as a big-integer parser leaves them: alone, in arrays, in objects (a boxed one is not JSON data: the body reader refuses it). */
const withBigints: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    bigint,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 3 }),
  ),
})).value

describe('recordEvent records every event a decoder makes', () => {
  property('every decoded event of every vendor, and its JSON round trip', [anyValidBody], (body) => {
    for (const event of decoded(body.body, body.vendor, body.options)) {
      for (const given of [event, JSON.parse(JSON.stringify(event)) as unknown, structuredClone(event)]) {
        const values = attempt(given)
        if (typeof values === 'string') expect.fail(`recordEvent refused a decoded event: ${JSON.stringify(event)}`)
        expectSoundQuery(values)
      }
    }
  })

  property(
    'a Masstack record from a big-integer parser (bigint ids and numbers, bigints in fields deliverykit does not read): recorded, each bigint written as its digits',
    [masstack.validBodies.masstack.arbitrary, fc.dictionary(fc.constantFrom('x_extra', 'x_seq', 'x_parts', 'x_cost'), withBigints, { minKeys: 1, maxKeys: 3 })],
    (valid, extra) => {
      const records = (Array.isArray(valid.body) ? valid.body : [valid.body]) as ReadonlyArray<Json>
      if (records.some((record) => record === null || typeof record !== 'object' || 'data' in record)) return
      // Known fields too: an id or a number a big-integer parser gave as a bigint is read as its digits.
      // Each record gets its own copy of the extra fields: an object in two places is not JSON data.
      const body = records.map((record) => {
        const { id, terminatingNumber } = record as { readonly id?: unknown; readonly terminatingNumber?: unknown }
        return { ...(record as object), ...(typeof id === 'number' && { id: BigInt(id) }), ...(typeof terminatingNumber === 'number' && { terminatingNumber: BigInt(terminatingNumber) }), ...structuredClone(extra) }
      })
      const events = decoded(body, 'masstack', {})
      expect(events).toHaveLength(body.length)
      for (const event of events) {
        const values = attempt(event)
        if (typeof values === 'string') expect.fail('recordEvent refused a decoded Masstack event with bigints')
        expectSoundQuery(values)
        // Every bigint's exact digits are in the JSON sent: none was lost or rounded.
        const json = values[11] as string
        for (const digits of digitsOf(extra)) expect(json).toMatch(new RegExp(`[:,\\[]${digits}[,\\]}]`))
      }
    },
  )

  property(
    'any vendor’s body with bigints in a field deliverykit does not read (an object body from a big-integer parser): each event recorded, its JSON parses',
    [anyValidBody, withBigints],
    (valid, value) => {
      if (typeof valid.body !== 'object' || valid.body === null || Array.isArray(valid.body)) return
      const body = { ...(valid.body as object), x_extra: value }
      for (const event of decoded(body, valid.vendor, valid.options)) {
        const values = attempt(event)
        if (typeof values === 'string') expect.fail(`recordEvent refused a decoded ${valid.vendor} event with bigints`)
        expectSoundQuery(values)
      }
    },
  )

  it('a bigint is written as its digits, a JSON number, in raw as deep as it sits', () => {
    const [event] = rightOf(normalize('masstack', { id: 'm1', status: 'DELIVERED', terminatingNumber: '33600112233', seq: 12345678901234567890n, nested: { list: [-(2n ** 70n), 7n] } }))
    const json = attempt(event)
    if (typeof json === 'string') expect.fail('refused')
    expect(json[11]).toContain('"seq":12345678901234567890,"nested":{"list":[-1180591620717411303424,7]}')
  })
})

// ---------------------------------------------------------------------------------------
// anything else is refused
// ---------------------------------------------------------------------------------------

/** Keys an own-property check must not find through a prototype. */
const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__']

/** A value that is none of the canonical names. */
const notCanonical = (canonical: ReadonlyArray<string>): fc.Arbitrary<unknown> =>
  fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'bogus', 'DELIVERED', 'Delivered', '', 'unknown '), fc.string({ maxLength: 8 }), anyValue).filter((value) => typeof value !== 'string' || !canonical.includes(value))

/** Sets a field, as a JSON parse would: `__proto__` included, as an own field. */
const withField = (event: object, key: string, value: unknown): Record<string, unknown> => {
  const copy: Record<string, unknown> = { ...event }
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true })
  return copy
}

const without = (event: object, key: string): Record<string, unknown> => {
  const { [key]: _removed, ...rest } = event as Record<string, unknown>
  return rest
}

const FAILURE_EVENT: AnyEvent = (() => {
  const result = normalize('octopush', { message_id: 'sms_1', number: '+33600112233', status: 'BAD_DESTINATION', delivery_date: '2025-01-22 11:46:06' })
  const [event] = E.isRight(result) ? result.right : []
  return event ?? expect.fail('no failure event')
})()

const EMAIL_EVENT: AnyEvent = (() => {
  const result = normalize('octopush', {
    channel: 'email',
    message_id: 'email_1',
    deliveries: [{ email: 'a@example.com', status: 'OPENED', delivery_date: '2025-01-22 12:24:30', status_history: [{ status: 'DELIVERED', delivery_date: '2025-01-22 12:23:30' }] }],
  })
  const [event] = E.isRight(result) ? result.right : []
  return event ?? expect.fail('no e-mail event')
})()

/** A delivery event made not-quite-deliverykit's: each one is a way the old guard was fooled, or could be. */
const mutant: fc.Arbitrary<readonly [string, unknown]> = fc.oneof(
  notCanonical([...STATUSES, 'unknown']).map((status) => ['status', withField(FAILURE_EVENT, 'status', status)] as const),
  fc.constantFrom(...STATUSES).chain((status) =>
    fc
      .constantFrom('transient', 'final', 'failure', 'unknown', 'constructor')
      .filter((classification) => classification !== CLASSIFICATION_OF_STATUS[status])
      .map((classification) => ['classification', withField(withField(FAILURE_EVENT, 'status', status), 'classification', classification)] as const),
  ),
  notCanonical(VENDORS).map((vendor) => ['vendor', withField(FAILURE_EVENT, 'vendor', vendor)] as const),
  notCanonical(CHANNELS).map((channel) => ['channel', withField(FAILURE_EVENT, 'channel', channel)] as const),
  notCanonical(['delivery']).map((kind) => ['kind', withField(FAILURE_EVENT, 'kind', kind)] as const),
  notCanonical(FAILURE_REASONS).map((reason) => ['failure reason', withField(FAILURE_EVENT, 'failure', { reason, permanent: true })] as const),
  anyValue.filter((value) => typeof value !== 'boolean').map((permanent) => ['failure permanence', withField(FAILURE_EVENT, 'failure', { reason: 'unknown', permanent })] as const),
  notCanonical([...STATUSES, 'unknown']).map((status) => ['history status', withField(EMAIL_EVENT, 'history', [{ ...EMAIL_EVENT.history[0], status }])] as const),
  fc.constantFrom('kind', 'vendor', 'channel', 'messageId', 'recipient', 'vendorStatus', 'description', 'classification', 'status', 'history', 'details', 'raw', 'eventId', 'failure').map((key) => ['missing ' + key, without(FAILURE_EVENT, key)] as const),
  fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS, 'extra', 'toJSON', 'rank'), anyValue).map(([key, value]) => ['extra field ' + key, withField(FAILURE_EVENT, key, value)] as const),
  fc.tuple(fc.constantFrom('messageId', 'recipient', 'vendorStatus', 'description', 'eventId', 'occurredAt', 'vendorTime', 'reference'), anyValue.filter((value) => typeof value !== 'string' && value !== undefined)).map(([key, value]) => ['non-text ' + key, withField(FAILURE_EVENT, key, value)] as const),
  fc.oneof(fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY), anyValue.filter((value) => typeof value !== 'number')).map((amount) => ['cost amount', withField(FAILURE_EVENT, 'cost', { amount })] as const),
  fc.tuple(fc.constantFrom('listName', 'callDurationSeconds', 'bogus', 'constructor'), anyValue).filter(([key, value]) => value !== undefined && !(key === 'listName' && typeof value === 'string') && !(key === 'callDurationSeconds' && typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0))).map(([key, value]) => ['details ' + key, withField(FAILURE_EVENT, 'details', withField({}, key, value))] as const),
  fc.constantFrom<unknown>(null, 'raw', 5, [], ['a']).map((raw) => ['raw', withField(FAILURE_EVENT, 'raw', raw)] as const),
  fc.constant(['a class instance', Object.assign(
      new (class Event {
        describe(): string {
          return 'an event of a class'
        }
      })(),
      FAILURE_EVENT,
    )] as const),
)

describe('recordEvent refuses what is not exactly a deliverykit event', () => {
  property('each mutation of a decoded event is an invalid_options error, never a query', [mutant], ([what, event]) => {
    expect([what, attempt(event)]).toEqual([what, 'invalid_options'])
  })

  property('any value at all: refused with invalid_options, or a query with a known status and a number rank', [fc.oneof(anyValue, mutant.map(([, event]) => event))], (value) => {
    const values = attempt(value)
    if (typeof values === 'string') expect(values).toBe('invalid_options')
    else expectSoundQuery(values)
  })

  it('an optional field set to undefined is absent, as JSON writes it; a required one is missing', () => {
    const values = attempt({ ...FAILURE_EVENT, occurredAt: undefined, reference: undefined, cost: undefined, details: { listName: undefined } })
    if (typeof values === 'string') expect.fail('refused')
    expect(values[7]).toBe(Number.NEGATIVE_INFINITY)
    expect(Object.keys(JSON.parse(values[11] as string) as object)).not.toContain('occurredAt')
    expect(attempt({ ...FAILURE_EVENT, recipient: undefined })).toBe('invalid_options')
    expect(attempt({ ...FAILURE_EVENT, status: 'delivered', classification: 'final', failure: undefined })).not.toBe('invalid_options')
  })

  it('a status that changes under the reader is read once: what is checked is what is sent', () => {
    let reads = 0
    const event = { ...FAILURE_EVENT }
    Object.defineProperty(event, 'status', { enumerable: true, get: () => (reads++ === 0 ? 'undeliverable' : 'constructor') })
    const values = attempt(event)
    if (typeof values === 'string') expect.fail('refused')
    expect([values[5], values[6], (JSON.parse(values[11] as string) as { status: string }).status]).toEqual(['undeliverable', 2, 'undeliverable'])
  })
})
