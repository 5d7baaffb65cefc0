import { normalize } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { NumberFromNumberOrText } from '../../src/kit/codecs.js'
import { rightOf } from '../helpers.js'

const sms = { message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }
const email = {
  channel: 'email',
  message_id: 'mail_1',
  deliveries: [{ email: 'a@example.com', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06', unit_price: -0 }],
}

/** `toBe` compares with Object.is, so `toBe(0)` fails on -0. */
describe('a decoded number is never -0 (issue 12, defect 8)', () => {
  it('the numeric codec turns -0, JSON -0 and "-0" into 0', () => {
    for (const given of [-0, '-0', '-0.0', JSON.parse('-0') as unknown]) expect(rightOf(NumberFromNumberOrText.decode(given))).toBe(0)
    expect(NumberFromNumberOrText.is(-0)).toBe(false)
    expect(rightOf(NumberFromNumberOrText.decode('-1.5'))).toBe(-1.5)
  })

  it('unit_price "-0" gives a cost of 0, as text, as a form and as an object', () => {
    const bodies: ReadonlyArray<unknown> = [
      { ...sms, unit_price: '-0' },
      { ...sms, unit_price: -0 },
      `{"message_id":"sms_1","number":"+33600000000","status":"DELIVERED","delivery_date":"2025-01-22 11:46:06","unit_price":-0}`,
      new URLSearchParams({ ...sms, unit_price: '-0' }).toString(),
    ]
    for (const body of bodies) expect(rightOf(normalize('octopush', body))[0]?.cost?.amount).toBe(0)
  })

  it('-0 nested in an e-mail recipient or voice extras is 0 too, and the body is left as it came', () => {
    const events = rightOf(normalize('octopush', email))
    expect(events[0]?.cost?.amount).toBe(0)
    expect(Object.is(email.deliveries[0]?.unit_price, -0)).toBe(true)
    const voice = rightOf(normalize('octopush', { ...sms, channel: 'voice_sms', meta_data: { call_duration: -0, charged_duration: '-0' } }))
    expect([voice[0]?.details.callDurationSeconds, voice[0]?.details.chargedDurationSeconds]).toStrictEqual([0, 0])
    expect(Object.is(voice[0]?.details.callDurationSeconds, 0)).toBe(true)
    expect(Object.is(voice[0]?.details.chargedDurationSeconds, 0)).toBe(true)
  })
})
