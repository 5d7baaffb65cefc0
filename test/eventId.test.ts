import { eventFromStatus, normalize, type DeliveryEvent } from 'deliverykit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { digest } from '../src/internal/digest.js'
import { payload, rightOf } from './helpers.js'

const sms = { message_id: 'sms_1', number: '+33600000000', status: 'ACK', delivery_date: '2025-01-22 11:46:06' }
const idOf = (body: unknown, options?: { readonly timeZone?: string }): string | undefined =>
  rightOf(normalize('octopush', body, options))[0]?.eventId

describe('eventId', () => {
  it('is 32 lowercase hex digits (128 bits)', () => {
    expect(idOf(sms)).toMatch(/^[0-9a-f]{32}$/)
  })

  it('is the same for a redelivery of the same vendor event, whatever the options or extra fields', () => {
    expect(idOf({ ...sms })).toBe(idOf(sms))
    expect(idOf({ ...sms, unit_price: 0.5, list_name: 'x' })).toBe(idOf(sms))
    expect(idOf(sms, { timeZone: 'UTC' })).toBe(idOf(sms))
  })

  it('differs when the message, recipient, code or vendor time differs', () => {
    const ids = [
      idOf(sms),
      idOf({ ...sms, message_id: 'sms_2' }),
      idOf({ ...sms, number: '+33600000001' }),
      idOf({ ...sms, status: 'DELIVERED' }),
      idOf({ ...sms, delivery_date: '2025-01-22 11:46:07' }),
    ]
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('differs between the recipients of one e-mail callback', () => {
    const events: ReadonlyArray<DeliveryEvent> = rightOf(normalize('octopush', payload('octopush/email.json')))
    expect(new Set(events.map((event) => event.eventId)).size).toBe(2)
  })

  it('the digest keeps parts apart and spreads close inputs', () => {
    expect(digest(['ab', 'c'])).not.toBe(digest(['a', 'bc']))
    const ids = new Set(Array.from({ length: 10_000 }, (_, i) => digest(['octopush', `sms_${String(i)}`])))
    expect(ids.size).toBe(10_000)
  })
})

describe('eventId (properties)', () => {
  const SEED = 20261126
  const field = fc.string({ minLength: 1, maxLength: 24 })
  const report = fc.record({ messageId: field, recipient: field, code: fc.constantFrom('DELIVERED', 'ACK', 'EXPIRED', 'NEW'), minute: fc.integer({ min: 0, max: 59 }) })
  const idOf = (r: { readonly messageId: string; readonly recipient: string; readonly code: string; readonly minute: number }): string =>
    rightOf(
      eventFromStatus(
        'octopush',
        { channel: 'sms', code: r.code, messageId: r.messageId, recipient: r.recipient, occurredAt: `2025-01-22T10:${String(r.minute).padStart(2, '0')}:00Z` },
        { unknownStatus: 'keep' },
      ),
    ).eventId

  it('is a function of the vendor event alone: equal inputs, equal ids', () => {
    fc.assert(
      fc.property(report, (r) => {
        expect(idOf({ ...r })).toBe(idOf(r))
      }),
      { seed: SEED, numRuns: 1000 },
    )
  })

  it('differs when any identifying field differs', () => {
    fc.assert(
      fc.property(report, report, (a, b) => {
        const same = a.messageId === b.messageId && a.recipient === b.recipient && a.code === b.code && a.minute === b.minute
        expect(idOf(a) === idOf(b)).toBe(same)
      }),
      { seed: SEED, numRuns: 1000 },
    )
  })
})
