import { normalize, safeParse } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { deepFreeze, leftOf, payload, rightOf } from '../helpers.js'

const FILES = ['octopush/sms.json', 'octopush/voice-sms.json', 'octopush/rcs.json', 'octopush/whatsapp.json', 'octopush/email.json', 'octopush/sms-2020.json']

describe('purity', () => {
  it.each(FILES)('does not mutate a deep-frozen %s and returns the same events as for a fresh copy', (file) => {
    const frozen = deepFreeze(payload(file))
    const fromFrozen = rightOf(normalize('octopush', frozen))
    expect(fromFrozen).toEqual(rightOf(normalize('octopush', payload(file))))
    expect(frozen).toEqual(payload(file))
  })

  it.each([
    ['messangi/sms/mt-callback.json', 'sms'],
    ['messangi/sms/send-response.json', 'sms'],
    ['messangi/whatsapp/callback.json', 'whatsapp'],
    ['messangi/legacy-sms.json', 'sms'],
    ['messangi/legacy-email.json', 'email'],
  ] as const)('does not mutate a deep-frozen %s and returns the same events as for a fresh copy', (file, channel) => {
    const frozen = deepFreeze(payload(file))
    const fromFrozen = rightOf(normalize('messangi', frozen, { channel }))
    expect(fromFrozen).toEqual(rightOf(normalize('messangi', payload(file), { channel })))
    expect(frozen).toEqual(payload(file))
  })

  it('does not mutate a deep-frozen Messangi body whose number id it turns into text', () => {
    const frozen = deepFreeze({ id: 12345, to: '+1', status: 'DELIVRD' })
    expect(rightOf(normalize('messangi', frozen, { channel: 'sms' }))[0]?.messageId).toBe('12345')
    expect(frozen.id).toBe(12345)
  })

  it('does not mutate a deep-frozen body it rejects', () => {
    const body = deepFreeze({ ...payload('octopush/sms.json'), status: 'BOUNCY', unit_price: 'cheap' })
    expect(leftOf(normalize('octopush', body)).input).toBe(body)
  })

  it('gives the same answer every time (no clock, no randomness)', () => {
    const body = payload('octopush/email.json')
    expect(normalize('octopush', body)).toEqual(normalize('octopush', body))
  })

  it('treats __proto__, constructor and prototype keys as plain data and changes nothing global', () => {
    const text =
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":1,' +
      '"message_id":"sms_1","number":"+33600000000","status":"DELIVERED","delivery_date":"2025-01-22 11:46:06",' +
      '"meta_data":{"__proto__":{"call_duration":99}}}'
    const body: unknown = JSON.parse(text)
    const [event] = rightOf(normalize('octopush', body))
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect(event?.details).toEqual({})
    expect(Object.getPrototypeOf(event?.details)).toBe(Object.prototype)
    expect(Object.keys(event ?? {})).not.toContain('polluted')
  })

  it('keeps an own __proto__ key as data in raw, also when a field is converted (numeric text)', () => {
    const body: unknown = JSON.parse(
      '{"message_id":"m","number":"n","status":"ACK","delivery_date":"2025-01-22 11:46:06","unit_price":"0.5","__proto__":{"polluted":"yes"},"meta_data":{"call_duration":"3","__proto__":{"x":1}}}',
    )
    const [event] = rightOf(normalize('octopush', body))
    expect(Object.getPrototypeOf(event?.raw)).toBe(Object.prototype)
    expect(Object.getOwnPropertyNames(event?.raw)).toContain('__proto__')
    expect((event?.raw as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.getPrototypeOf((event?.raw as Record<string, unknown>)['meta_data'])).toBe(Object.prototype)
    expect(event?.cost).toEqual({ amount: 0.5 })
  })

  it('refuses __proto__ and constructor as status codes', () => {
    for (const status of ['__proto__', 'constructor', 'toString']) {
      const result = safeParse('octopush', { message_id: 'sms_1', number: '+33600000000', status, delivery_date: '2025-01-22 11:46:06' })
      expect(!result.success && result.error.kind).toBe('unknown_status')
    }
  })

  it('turns a body whose accessor throws into an error instead of throwing', () => {
    const body = Object.defineProperty({ number: '+33600000000' }, 'message_id', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    const error = leftOf(normalize('octopush', body))
    expect(error.issues).toEqual([{ code: 'unreadable', path: [], message: '(root): the body could not be read: boom' }])
  })

  it('returns plain data that survives a JSON round trip', () => {
    const events = rightOf(normalize('octopush', payload('octopush/email.json')))
    expect(JSON.parse(JSON.stringify(events))).toEqual(events)
  })
})
