// The values recordEvent and currentStatus pass, parameter by parameter, and what they
// refuse: without a database, so that each value is checked where it is built.
import { isDeliveryKitError, parse, rankOf, type AnyEvent } from 'deliverykit'
import { currentStatus, postgresText, recordEvent } from 'deliverykit/postgres'
import { describe, expect, it } from 'vitest'

import { jsonText, utf16be } from '../../src/postgres/encode.js'

const [delivered] = parse('octopush', { message_id: 'sms_1', number: '+33600112233', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' })
const [undated] = parse('octopush', { message_id: 'sms_2', number: '+33600112233', status: 'NOT_DELIVERED' })

const eventOf = (event: AnyEvent | undefined): AnyEvent => event ?? expect.fail('no event')

/** What a builder throws, or `'returned'`. */
const caught = (build: () => unknown): unknown => {
  try {
    build()
    return 'returned'
  } catch (error) {
    return error
  }
}

/** What a builder throws, as `[kind, message]` when it is deliverykit's error. */
const thrown = (build: () => unknown): unknown => {
  const error = caught(build)
  return isDeliveryKitError(error) ? [error.error.kind, error.message] : error
}

describe('recordEvent values', () => {
  it('are the event’s key fields as PostgreSQL text, advance’s order as five columns, and the event as JSON', () => {
    const event = eventOf(delivered)
    expect(recordEvent(event).values).toEqual([
      event.eventId,
      'octopush',
      'sms_1',
      '+33600112233',
      'sms',
      'delivered',
      rankOf(event),
      Date.parse('2025-01-22T11:46:06+01:00'),
      expect.any(Number),
      utf16be(event.eventId),
      Uint8Array.of(0, 0x73, 0, 0x6d, 0, 0x73),
      jsonText(event),
    ])
  })

  it('give an event without a time -Infinity as its instant, earliest of all', () => {
    expect(recordEvent(eventOf(undated)).values[7]).toBe(Number.NEGATIVE_INFINITY)
  })

  it('escape the text columns with postgresText, and store the JSON as written', () => {
    const event = { ...eventOf(delivered), messageId: 'a\u0000b', recipient: '\uD800', eventId: 'x\uFFFD' }
    const values = recordEvent(event).values
    expect([values[0], values[2], values[3]]).toEqual(['x\uFFFD!', 'a\uFFFD0b', '\uFFFDd800'])
    expect(values[11]).toBe(jsonText(event))
  })

  it('are a new array on every call', () => {
    const event = eventOf(delivered)
    expect(recordEvent(event).values).not.toBe(recordEvent(event).values)
  })
})

describe('recordEvent refuses what is not a delivery event', () => {
  const event = eventOf(delivered)
  const refusal: unknown = ['invalid_options', expect.stringMatching(/^options\.event: expected a delivery event deliverykit made, received /)]

  it.each([
    ['null', null],
    ['text', 'sms_1'],
    ['an inbound event', { ...event, kind: 'inbound' }],
    ['an unknown vendor', { ...event, vendor: 'twilio' }],
    ['a numeric message id', { ...event, messageId: 1 }],
    ['a missing recipient', { ...event, recipient: undefined }],
    ['a channel that is not text', { ...event, channel: ['sms'] }],
    ['a missing eventId', { ...event, eventId: undefined }],
    ['a status that is not text', { ...event, status: null }],
    ['an occurredAt that is not text', { ...event, occurredAt: 1737542766000 }],
  ])('%s', (_name, value) => {
    expect(thrown(() => recordEvent(value as never))).toEqual(refusal)
  })

  it('a getter that throws is refused the same way, not with its own error', () => {
    const hostile = { ...event }
    Object.defineProperty(hostile, 'status', {
      get() {
        throw new TypeError('boom')
      },
    })
    expect(thrown(() => recordEvent(hostile))).toEqual(refusal)
  })

  it('an event without occurredAt is recorded', () => {
    const { occurredAt: _occurredAt, ...rest } = event
    expect(recordEvent(rest as AnyEvent).values[7]).toBe(Number.NEGATIVE_INFINITY)
  })
})

describe('currentStatus', () => {
  it('looks the row up by vendor and the escaped message id and recipient', () => {
    const query = currentStatus('messangi', 'a\u0000b', '+33600112233')
    expect(query).toEqual({ text: 'SELECT event FROM deliverykit_status WHERE vendor = $1 AND message_id = $2 AND recipient = $3', values: ['messangi', 'a\uFFFD0b', '+33600112233'] })
  })

  it.each([
    ['an unknown vendor', ['twilio', 'sms_1', '+33600112233']],
    ['a numeric message id', ['octopush', 1, '+33600112233']],
    ['a missing recipient', ['octopush', 'sms_1', undefined]],
  ])('refuses %s, naming the three arguments', (_name, args) => {
    const [vendor, messageId, recipient] = args
    expect(thrown(() => currentStatus(vendor as never, messageId as never, recipient as never))).toEqual([
      'invalid_options',
      expect.stringMatching(/^options\.vendor, messageId and recipient: expected a vendor and two texts, received an array of 3 items$/),
    ])
  })
})

describe('postgresText', () => {
  it('refuses what is not text, naming the argument', () => {
    expect(thrown(() => postgresText(12 as never))).toEqual(['invalid_options', 'options.text: expected text, received 12'])
    const error = caught(() => postgresText(12 as never))
    expect(isDeliveryKitError(error) && [error.error.vendor, error.error.input]).toEqual(['postgres', 12])
    // An object with a length of 0 would pass every check of the escape itself.
    expect(thrown(() => postgresText({ length: 0 } as never))).toEqual(['invalid_options', 'options.text: expected text, received an object'])
  })

  it('escapes a lone low surrogate after text, and keeps a pair split across an escape apart', () => {
    expect(postgresText('ab\uDC00')).toBe('ab\uFFFDdc00')
    expect(postgresText('\uD83D\uDE00\u0000')).toBe('\uD83D\uDE00\uFFFD0')
    expect(postgresText('\u0000\uD83D\uDE00')).toBe('\uFFFD0\uD83D\uDE00')
    expect(postgresText('\uDE00\uD83D')).toBe('\uFFFDde00\uFFFDd83d')
  })
})
