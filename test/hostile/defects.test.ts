/**
 * Regressions for the second outside review of hostile input (issue 12): each test is the
 * reviewer's example of a defect; the properties that cover each class are in
 * test/properties.
 */
import { formatError, normalize, normalizeInbound, normalizeWebhook, type AnyEvent } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { leftOf, payload, rightOf } from '../helpers.js'

const sms = payload('octopush/sms.json')
const email = payload('octopush/email.json')
const forged = [{ email: 'victim@example.com', status: 'HARD_BOUNCE', delivery_date: 'garbage' }]

const withoutRaw = (events: ReadonlyArray<AnyEvent>) => events.map(({ raw: _raw, ...rest }) => rest)

describe('defect 1: the body’s kind is decided once', () => {
  it('an SMS receipt with an extra deliveries list gives its SMS event, never e-mail events built from unvalidated entries', () => {
    const plain = rightOf(normalize('octopush', sms))
    for (const deliveries of [forged, null, [], 'x']) {
      const events = rightOf(normalize('octopush', { ...sms, deliveries }))
      expect(withoutRaw(events)).toEqual(withoutRaw(plain))
    }
  })

  it('an e-mail receipt with a phone receipt’s fields stays an e-mail receipt', () => {
    const plain = rightOf(normalize('octopush', email))
    const events = rightOf(normalize('octopush', { ...email, number: '+33600000000', status: 'HARD_BOUNCE' }))
    expect(withoutRaw(events)).toEqual(withoutRaw(plain))
  })

  it('a body with the fields of two kinds is refused, not guessed', () => {
    const error = leftOf(normalizeWebhook('octopush', { ...sms, stop_date: '2025-01-22 11:46:06', text: 'STOP' }))
    expect([error.kind, formatError(error)]).toEqual([
      'invalid_body',
      '(root): the body has delivery_date (a delivery receipt) and stop_date (a STOP (opt-out)); an Octopush callback is one of them, so this body is refused rather than guessed',
    ])
  })

  it('an inbound message with stop_date: undefined is an inbound message, not an opt-out', () => {
    const events = rightOf(normalizeInbound('octopush', { number: '+33600000000', text: 'hi', reception_date: '2025-01-22 11:46:06', stop_date: undefined }))
    expect(events.map((event) => event.kind)).toEqual(['inbound'])
  })
})

describe('defect 2: errors stay small, whatever the body', () => {
  it('200,000 empty e-mail entries: the first fifty issues, a note of the entries left unchecked, the rest counted', () => {
    const text = `{"channel":"email","message_id":"m","deliveries":[${'{},'.repeat(199_999)}{}]}`
    const error = leftOf(normalize('octopush', text))
    expect(error.kind).toBe('invalid_body')
    expect(error.issues.length).toBeLessThanOrEqual(100)
    expect(error.issues.map((issue) => issue.message)).toContain('deliveries: the first 51 issues of its entries are listed; 199983 more entries were not checked')
    expect(formatError(error).split('\n')).toHaveLength(11)
  })
})

describe('defect 3: unvalidated fields choose nothing', () => {
  const callback = payload('messangi/sms/mt-callback.json')

  it.each(['__proto__', 'EMAIL', 'constructor'])('a status callback with TYPE %j is refused as two kinds of body, never given a channel by it', (TYPE) => {
    const error = leftOf(normalize('messangi', { ...callback, TYPE }, { channel: 'sms' }))
    expect(error.kind).toBe('invalid_body')
    expect(error.issues[0].message).toMatch(/^\(root\): the body has TYPE \(a legacy form callback\) and status \(a status callback\)/)
  })

  it('a legacy form callback whose TYPE is __proto__ is a channel deliverykit does not know, not Object.prototype', () => {
    const error = leftOf(normalize('messangi', { TYPE: '__proto__', MESSANGI_ID: '1', STATUS: 'DELIVRD', TO: '58' }, { channel: 'sms' }))
    expect([error.kind, error.issues[0].code]).toEqual(['unknown_channel', 'unknown_channel'])
  })
})

describe('defect 4: events grow with the body, not its square', () => {
  const recipients = (n: number) => ({
    ...email,
    list_name: 'x'.repeat(1_000),
    deliveries: Array.from({ length: n }, (_, i) => ({ email: `user${String(i)}@example.com`, status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' })),
  })

  it('an e-mail event’s raw is the envelope and its own entry: a receipt for that one recipient', () => {
    const events = rightOf(normalize('octopush', recipients(3)))
    expect(events.map((event) => (event.raw['deliveries'] as ReadonlyArray<{ readonly email: string }>).map((entry) => entry.email))).toEqual([
      ['user0@example.com'],
      ['user1@example.com'],
      ['user2@example.com'],
    ])
    expect(rightOf(normalize('octopush', events[1]?.raw)).map((event) => event.recipient)).toEqual(['user1@example.com'])
  })

  it('4,000 recipients serialize, and the serialized events grow as the body does', () => {
    const size = (n: number) => {
      const body = JSON.stringify(recipients(n))
      return JSON.stringify(rightOf(normalize('octopush', body))).length / body.length
    }
    const [small, large] = [size(400), size(4_000)]
    expect(large / small).toBeLessThan(1.2)
  })
})

describe('defect 5: no event shares a mutable object with another event or with the input', () => {
  it('e-mail events own their details, history and raw; what they share is frozen', () => {
    const [first, second] = rightOf(normalize('octopush', email))
    if (first === undefined || second === undefined) throw new Error('two events expected')
    expect(first.details).not.toBe(second.details)
    expect(first.raw).not.toBe(second.raw)
    expect(first.raw['meta_data']).toBe(second.raw['meta_data'])
    expect(Object.isFrozen(first.raw['meta_data'])).toBe(true)
  })

  it('raw is a copy of a body given as an object: changing one never changes the other', () => {
    const body = structuredClone(sms)
    const [event] = rightOf(normalize('octopush', body))
    ;(body['meta_data'] as Record<string, unknown>)['extra'] = 1
    expect(event?.raw['meta_data']).toEqual({})
    ;(event?.raw['meta_data'] as Record<string, unknown>)['other'] = 2
    expect(body['meta_data']).toEqual({ extra: 1 })
  })
})
