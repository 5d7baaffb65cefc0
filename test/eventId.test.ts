import { normalize, type DeliveryEvent } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { digest } from '../src/internal/digest.js'
import { payload, rightOf } from './helpers.js'

const sms = { message_id: 'sms_1', number: '+33600000000', status: 'ACK', delivery_date: '2025-01-22 11:46:06' }
const idOf = (body: unknown, options?: { readonly timeZone?: string }): string | undefined =>
  rightOf(normalize('octopush', body, options))[0]?.eventId

describe('eventId', () => {
  it('is 16 hex digits', () => {
    expect(idOf(sms)).toMatch(/^[0-9a-f]{16}$/)
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
