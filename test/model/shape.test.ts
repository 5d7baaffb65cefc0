// The one test of "an event deliverykit made" (src/model/shape.ts), field by field: each
// case changes one field of an event that passes and says whether the result still
// passes. deliverykit/postgres stores only what passes, so a case wrongly accepted here is
// a row a caller's hand-built object could write. Written from the survivors of the
// mutation run (npm run mutate -- model).
import { describe, expect, it } from 'vitest'

import { isDeliveryEventShape, isEventNumber, isPlainRecord } from '../../src/model/shape.js'

/** A failure event with every optional field set, and a history of two entries. */
const event = {
  kind: 'delivery',
  vendor: 'octopush',
  channel: 'sms',
  messageId: 'm1',
  recipient: '+33600000000',
  vendorStatus: 'NOT_DELIVERED',
  description: 'The message was not delivered',
  classification: 'failure',
  status: 'undeliverable',
  failure: { reason: 'invalid_recipient', permanent: true },
  occurredAt: '2025-01-22T10:00:00+01:00',
  vendorTime: '2025-01-22 10:00:00',
  reference: 'order-1',
  cost: { amount: 0.05, currency: 'EUR' },
  history: [
    { classification: 'transient', status: 'sent', vendorStatus: 'SENT', description: 'Sent', occurredAt: '2025-01-22T09:59:00+01:00', vendorTime: '2025-01-22 09:59:00' },
    { classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: true }, vendorStatus: 'NOT_DELIVERED', description: 'Not delivered' },
  ],
  details: { sender: 'Shop', callDurationSeconds: 12 },
  raw: { status: 'NOT_DELIVERED' },
  eventId: '0123456789abcdef0123456789abcdef',
} as const

/** A transient event: no failure. */
const sent = { ...event, classification: 'transient', status: 'sent', vendorStatus: 'SENT', failure: undefined }

/** The event with one field changed. */
const withField = (key: string, value: unknown, base: object = event): Record<string, unknown> => ({ ...base, [key]: value })

/** An object with these own fields whose prototype is neither `Object.prototype` nor null. */
const inheriting = (fields: object): object => Object.assign(Object.create({ inherited: true }) as object, fields)

/** An array with no prototype: still an array, never a record. */
const nullPrototypeArray = (): unknown => Object.setPrototypeOf([], null)

/** A sparse array: a hole, then the entry (for-of reads the hole as undefined; every() skips it). */
const withHole = (entry: unknown): ReadonlyArray<unknown> => {
  const entries: Array<unknown> = []
  entries[1] = entry
  return entries
}

/** A copy of a record, at every level, with no prototype: what `Object.create(null)` callers give. */
const withoutPrototypes = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutPrototypes)
  if (typeof value !== 'object' || value === null) return value
  const copy = Object.create(null) as Record<string, unknown>
  for (const [key, field] of Object.entries(value)) copy[key] = withoutPrototypes(field)
  return copy
}

describe('isDeliveryEventShape: what passes', () => {
  it.each<readonly [string, unknown]>([
    ['a failure event with every optional field', event],
    ['a transient event with `failure: undefined`', sent],
    ['a transient event without the `failure` key', (({ failure: _, ...rest }) => rest)(sent)],
    ['every object without a prototype', withoutPrototypes(event)],
    ['optional fields set to undefined', { ...event, occurredAt: undefined, vendorTime: undefined, reference: undefined, cost: undefined }],
    ['a cost without currency', withField('cost', { amount: 1 })],
    ['details with a field set to undefined', withField('details', { sender: undefined, callDurationSeconds: undefined })],
    ['empty details and history', { ...event, details: {}, history: [] }],
    ['an unknown status, classified unknown, without failure', { ...sent, classification: 'unknown', status: 'unknown', vendorStatus: 'NEW_CODE' }],
  ])('%s', (_, value) => {
    expect(isDeliveryEventShape(value)).toBe(true)
  })
})

describe('isDeliveryEventShape: what is refused', () => {
  it.each<readonly [string, unknown]>([
    // The event's own fields.
    ['a channel outside the list', withField('channel', 'fax')],
    ['a channel that is not text', withField('channel', ['sms'])],
    ['a message id that is not text', withField('messageId', 1)],
    ['a recipient that is not text', withField('recipient', 33600000000)],
    ['a vendor status that is not text', withField('vendorStatus', 3)],
    ['a description that is not text', withField('description', null)],
    ['an event id that is not text', withField('eventId', 1)],
    ['an occurredAt that is not text', withField('occurredAt', 1)],
    ['a vendorTime that is not text', withField('vendorTime', 1)],
    ['a reference that is not text', withField('reference', 1)],
    // Status, classification and failure.
    ['a failure event without its failure', withField('failure', undefined)],
    ['a failure whose reason is outside the list', withField('failure', { reason: 'bored', permanent: true })],
    ['a failure with a field more', withField('failure', { reason: 'invalid_recipient', permanent: true, retry: false })],
    ['a failure that is no plain object', withField('failure', inheriting({ reason: 'invalid_recipient', permanent: true }))],
    ['a failure whose permanence is not a boolean', withField('failure', { reason: 'invalid_recipient', permanent: 'yes' })],
    ['a status of the wrong classification', { ...sent, classification: 'final' }],
    ['a transient event with a failure', withField('failure', event.failure, sent)],
    ['a status outside the list, and no classification', { ...sent, status: 'bogus', classification: undefined }],
    ['a status that only prints as one of the list', { ...sent, status: ['delivered'], classification: 'final' }],
    ['an inherited status', { ...sent, status: 'constructor' }],
    ['an unknown status classified otherwise', { ...sent, status: 'unknown', classification: 'transient' }],
    ['an unknown status with a failure', { ...event, status: 'unknown', classification: 'unknown' }],
    // Cost.
    ['a cost of -0', withField('cost', { amount: -0 })],
    ['a cost whose amount is not finite', withField('cost', { amount: Number.POSITIVE_INFINITY })],
    ['a cost whose currency is not text', withField('cost', { amount: 1, currency: 978 })],
    ['a cost with a field more', withField('cost', { amount: 1, vat: 0.2 })],
    ['a cost that is no plain object', withField('cost', inheriting({ amount: 1 }))],
    ['a cost that is a number', withField('cost', 1)],
    // Details.
    ['no details', withField('details', undefined)],
    ['details of null', withField('details', null)],
    ['details that are an array without prototype', withField('details', nullPrototypeArray())],
    ['details that are a Map', withField('details', new Map([['sender', 'Shop']]))],
    ['details that are no plain object', withField('details', inheriting({ sender: 'Shop' }))],
    ['details with a field outside the list', withField('details', { bogus: 1 })],
    ['a text detail that is a number', withField('details', { sender: 5 })],
    ['a number detail that is text', withField('details', { callDurationSeconds: '12' })],
    ['a number detail of -0', withField('details', { callDurationSeconds: -0 })],
    // History.
    ['no history', withField('history', undefined)],
    ['a history that is an object', withField('history', {})],
    ['a history that is text', withField('history', 'sent')],
    ['a sparse history', withField('history', withHole(event.history[0]))],
    ['a history entry that is no plain object', withField('history', [inheriting(event.history[0])])],
    ['a history entry with a field more', withField('history', [{ ...event.history[0], messageId: 'm1' }])],
    ['a history entry of the wrong classification', withField('history', [{ ...event.history[0], classification: 'final' }])],
    ['a history entry whose vendor status is not text', withField('history', [{ ...event.history[0], vendorStatus: 1 }])],
    ['a history entry whose description is not text', withField('history', [{ ...event.history[0], description: 1 }])],
    ['a history entry whose occurredAt is not text', withField('history', [{ ...event.history[0], occurredAt: 1 }])],
    ['a history entry whose vendorTime is not text', withField('history', [{ ...event.history[0], vendorTime: 1 }])],
    // The event itself and its body.
    ['a field more', withField('extra', 1)],
    ['an event that is no plain object', inheriting(event)],
    ['raw that is an array', withField('raw', [])],
    ['raw of null', withField('raw', null)],
  ])('%s', (_, value) => {
    expect(isDeliveryEventShape(value)).toBe(false)
  })
})

describe('isPlainRecord', () => {
  it.each<readonly [string, unknown, boolean]>([
    ['an object literal', { a: 1 }, true],
    ['an object without prototype', Object.create(null), true],
    ['undefined', undefined, false],
    ['null', null, false],
    ['text', 'a', false],
    ['an array', [], false],
    ['an array without prototype', nullPrototypeArray(), false],
    ['a Date', new Date(0), false],
    ['an object of another prototype', inheriting({}), false],
  ])('%s: %s', (_, value, expected) => {
    expect(isPlainRecord(value)).toBe(expected)
  })
})

describe('isEventNumber', () => {
  it.each<readonly [unknown, boolean]>([
    [0, true],
    [-1.5, true],
    [-0, false],
    [Number.NaN, false],
    [Number.NEGATIVE_INFINITY, false],
    ['1', false],
    [Object(1), false],
  ])('%s: %s', (value, expected) => {
    expect(isEventNumber(value)).toBe(expected)
  })
})
