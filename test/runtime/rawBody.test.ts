import { normalize, parse, type Vendor } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { leftOf, payload, rightOf } from '../helpers.js'

const smsObject = payload('octopush/sms.json')
const smsText = JSON.stringify(smsObject)
const form = 'channel=voice_sms&message_id=voice_1&number=%2B33600112233&status=DELIVERED&unit_price=0.5&delivery_date=2025-01-22+12%3A28%3A27&meta_data%5Bcall_duration%5D=35&meta_data%5Bpressed_keys_code%5D=0042'

describe('raw bodies', () => {
  it('JSON text, with or without a byte-order mark and spaces, gives the same events as the object', () => {
    const expected = rightOf(normalize('octopush', smsObject))
    expect(rightOf(normalize('octopush', smsText))).toEqual(expected)
    expect(rightOf(normalize('octopush', `\uFEFF \n${smsText}\n`))).toEqual(expected)
  })

  it('bytes (a Uint8Array or a Buffer) are read as UTF-8', () => {
    const expected = rightOf(normalize('octopush', smsObject))
    expect(rightOf(normalize('octopush', new TextEncoder().encode(smsText)))).toEqual(expected)
    expect(rightOf(normalize('octopush', Buffer.from(smsText)))).toEqual(expected)
  })

  it('form-encoded text and URLSearchParams: numbers as text, bracket keys nested, leading zeros kept', () => {
    const fromText = parse('octopush', form)
    expect(fromText.map((event) => [event.channel, event.recipient, event.cost, event.details, event.occurredAt])).toEqual([
      ['voice', '+33600112233', { amount: 0.5 }, { pressedKeys: '0042', callDurationSeconds: 35 }, '2025-01-22T12:28:27+01:00'],
    ])
    expect(parse('octopush', new URLSearchParams(form))).toEqual(fromText)
  })

  it('an e-mail callback with indexed bracket keys becomes a list of deliveries', () => {
    const body = 'channel=email&message_id=email_1&deliveries[0][email]=a%40example.com&deliveries[0][status]=OPENED&deliveries[0][delivery_date]=2025-01-22+12:24:30&deliveries[1][email]=b%40example.com&deliveries[1][status]=HARD_BOUNCE&deliveries[1][delivery_date]=2025-01-22+12:25:30'
    expect(parse('octopush', body).map((event) => [event.recipient, event.status])).toEqual([
      ['a@example.com', 'read'],
      ['b@example.com', 'undeliverable'],
    ])
  })

  it('a repeated form key keeps its last value, and __proto__ stays data', () => {
    const body = `${form}&status=EXPIRED&__proto__[polluted]=yes&constructor[prototype][polluted]=yes`
    const [event] = parse('octopush', body)
    expect(event?.status).toBe('expired')
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.getOwnPropertyNames(event?.raw)).toContain('__proto__')
  })

  it.each([
    ['{"channel":"sms",', 'invalid_syntax', /^\(root\): not valid JSON \(/],
    ['', 'invalid_syntax', /^\(root\): the body is empty$/],
    ['   \n', 'invalid_syntax', /^\(root\): the body is empty$/],
    ['hello', 'invalid_syntax', /^\(root\): not valid JSON \(/],
    [new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'invalid_syntax', /^\(root\): the bytes are not valid UTF-8$/],
    ['[1,2]', 'invalid_type', /^\(root\): expected an Octopush callback \(a JSON object\), received an array of 2 items$/],
  ])('%j is a clear error, not a throw', (body, code, message) => {
    const error = leftOf(normalize('octopush', body))
    expect(error.kind).toBe('invalid_body')
    expect(error.issues[0].code === 'invalid_type' ? 'invalid_type' : error.issues[0].code).toBe(code === 'invalid_type' ? 'invalid_value' : code)
    expect(error.issues[0].message).toMatch(message)
    expect(error.input).toBe(body)
  })
})

// Every shipped payload of every vendor, in each form a framework may hand over.
const SHIPPED: ReadonlyArray<readonly [file: string, vendor: Vendor, channel?: 'sms' | 'whatsapp']> = [
  ['octopush/sms.json', 'octopush'],
  ['octopush/voice-sms.json', 'octopush'],
  ['octopush/email.json', 'octopush'],
  ['octopush/sms-2020.json', 'octopush'],
  ['messangi/sms/mt-callback.json', 'messangi', 'sms'],
  ['messangi/sms/send-response.json', 'messangi', 'sms'],
  ['messangi/whatsapp/callback.json', 'messangi', 'whatsapp'],
  ['messangi/legacy-sms.json', 'messangi', 'sms'],
  ['masstack/record.json', 'masstack'],
  ['masstack/envelope-list.json', 'masstack'],
]

/** A form with bracket keys for nested values, as PHP-style encoders write them. */
const toForm = (value: unknown, prefix = '', out = new URLSearchParams()): URLSearchParams => {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) toForm(inner, prefix === '' ? key : `${prefix}[${key}]`, out)
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.append(prefix, String(value))
  return out
}

describe.each(SHIPPED.map(([file, vendor, channel]) => ({ file, vendor, channel })))('$file as raw bodies', ({ file, vendor, channel }) => {
  const body = payload(file)
  const run = (input: unknown) => (vendor === 'messangi' ? normalize('messangi', input, { channel: channel ?? 'sms' }) : normalize(vendor, input))
  const expected = rightOf(run(body))

  it('JSON text and bytes give the same events as the object', () => {
    expect(rightOf(run(JSON.stringify(body)))).toEqual(expected)
    expect(rightOf(run(new TextEncoder().encode(JSON.stringify(body))))).toEqual(expected)
  })

  it('a form body gives the same statuses and recipients (numbers arrive as text)', () => {
    const fromForm = rightOf(run(toForm(body).toString()))
    expect(fromForm.map((event) => [event.vendor, event.channel, event.recipient, event.vendorStatus, event.status, event.occurredAt])).toEqual(
      expected.map((event) => [event.vendor, event.channel, event.recipient, event.vendorStatus, event.status, event.occurredAt]),
    )
  })
})
