import { normalizeWebhook, webhookSchema } from 'deliverykit'
import * as masstack from 'deliverykit/masstack'
import * as messangi from 'deliverykit/messangi'
import * as octopush from 'deliverykit/octopush'
import { describe, expect, it } from 'vitest'

import { payload, rightOf } from '../helpers.js'

describe('webhookSchema', () => {
  it('is a Standard Schema v1 of vendor deliverykit, frozen, with no run-time types', () => {
    const schema = webhookSchema('octopush')
    const standard = schema['~standard']
    expect(Object.keys(schema)).toEqual(['~standard'])
    expect(Object.keys(standard)).toEqual(['version', 'vendor', 'validate'])
    expect([standard.version, standard.vendor, typeof standard.validate]).toEqual([1, 'deliverykit', 'function'])
    expect([Object.isFrozen(schema), Object.isFrozen(standard)]).toEqual([true, true])
  })

  it('gives the events of a body as its value: a receipt, a STOP, an inbound message', () => {
    const { validate } = webhookSchema('octopush')['~standard']
    const receipt = validate(payload('octopush/sms.json'))
    expect(receipt.issues).toBeUndefined()
    expect(receipt.issues === undefined && receipt.value.map((event) => [event.kind, event.kind === 'delivery' ? event.status : undefined])).toEqual([['delivery', 'delivered']])
    const stop = validate(payload('octopush/stop.json'))
    expect(stop.issues === undefined && stop.value.map((event) => [event.kind, 'from' in event ? event.from : undefined])).toEqual([['opt_out', '+33600000000']])
    const inbound = validate(payload('octopush/inbound.json'))
    expect(inbound.issues === undefined && inbound.value.map((event) => [event.kind, 'text' in event ? event.text : undefined])).toEqual([['inbound', 'some reply']])
  })

  it('gives exactly what normalizeWebhook gives for the same body and options, from the root and the vendor entries', () => {
    const cases = [
      { vendor: 'octopush', body: payload('octopush/email.json'), root: webhookSchema('octopush', { timeZone: 'UTC' }), own: octopush.webhookSchema({ timeZone: 'UTC' }), expected: normalizeWebhook('octopush', payload('octopush/email.json'), { timeZone: 'UTC' }) },
      { vendor: 'messangi', body: payload('messangi/sms/mo.json'), root: webhookSchema('messangi', { channel: 'sms' }), own: messangi.webhookSchema({ channel: 'sms' }), expected: normalizeWebhook('messangi', payload('messangi/sms/mo.json'), { channel: 'sms' }) },
      { vendor: 'masstack', body: payload('masstack/envelope-list.json'), root: webhookSchema('masstack'), own: masstack.webhookSchema(), expected: normalizeWebhook('masstack', payload('masstack/envelope-list.json')) },
    ] as const
    for (const c of cases) {
      const events = rightOf(c.expected)
      expect(events.length, c.vendor).toBeGreaterThan(0)
      expect(c.root['~standard'].validate(c.body), c.vendor).toEqual({ value: events })
      expect(c.own['~standard'].validate(c.body), c.vendor).toEqual({ value: events })
    }
  })

  it('reads bytes and URLSearchParams as normalizeWebhook does: JSON or a form', () => {
    const { validate } = webhookSchema('octopush')['~standard']
    const form = 'message_id=sms_5fa275dbf21dc&number=%2B33600000000&text=stop&stop_date=2020-11-04+11%3A11%3A45'
    for (const body of [new TextEncoder().encode(form), new URLSearchParams(form)]) {
      const result = validate(body)
      expect(result.issues === undefined && result.value.map((event) => event.kind)).toEqual(['opt_out'])
    }
  })

  it('takes a string as a framework parsed it: a JSON string, which no callback is, never text to parse again', () => {
    const text = JSON.stringify(payload('octopush/sms.json'))
    // A double-encoded body: Hono's json target hands the schema the string the JSON held.
    const parsed: unknown = JSON.parse(JSON.stringify(text))
    for (const schema of [webhookSchema('octopush'), octopush.webhookSchema()]) {
      expect(schema['~standard'].validate(parsed)).toEqual({ issues: [{ message: `(root): expected an Octopush callback (a JSON object), received ${JSON.stringify(text.slice(0, 60)).slice(0, -1)}…" (${String(text.length)} characters)`, path: [] }] })
    }
    // As normalizeWebhook says of the double-encoded text, and as the JSON Schema refuses the string.
    const fromText = normalizeWebhook('octopush', JSON.stringify(text))
    expect(fromText._tag === 'Left' && fromText.left.issues.map((issue) => issue.message)).toEqual([`(root): expected an Octopush callback (a JSON object), received ${JSON.stringify(text.slice(0, 60)).slice(0, -1)}…" (${String(text.length)} characters)`])
  })

  it('refuses a bad body with deliverykit\'s messages, each with its path as keys', () => {
    const result = webhookSchema('octopush')['~standard'].validate({ channel: 'email', message_id: 'm', deliveries: [{ email: 'a@example.com', status: 'OPENED' }, { email: 5 }] })
    expect(result).toEqual({
      issues: [
        { message: 'deliveries[0].delivery_date: missing; expected date-time "YYYY-MM-DD HH:mm:ss"', path: ['deliveries', 0, 'delivery_date'] },
        { message: 'deliveries[1].email: expected string, received 5', path: ['deliveries', 1, 'email'] },
        { message: 'deliveries[1].status: missing; expected string', path: ['deliveries', 1, 'status'] },
        { message: 'deliveries[1].delivery_date: missing; expected date-time "YYYY-MM-DD HH:mm:ss"', path: ['deliveries', 1, 'delivery_date'] },
      ],
    })
  })

  it('refuses a body that is not a callback at all with an issue at the root (an empty path)', () => {
    expect(webhookSchema('masstack')['~standard'].validate(new TextEncoder().encode('not json'))).toEqual({
      issues: [{ message: expect.stringMatching(/^\(root\): not valid JSON/) as unknown, path: [] }],
    })
    expect(webhookSchema('masstack')['~standard'].validate('not json')).toEqual({
      issues: [{ message: expect.stringMatching(/^\(root\): expected a Masstack/) as unknown, path: [] }],
    })
  })

  it('refuses an unknown status code unless the options keep it', () => {
    const body = { ...payload('octopush/sms.json'), status: 'NEW_CODE' }
    expect(webhookSchema('octopush')['~standard'].validate(body)).toEqual({
      issues: [{ message: expect.stringMatching(/^status: "NEW_CODE" is not an Octopush status/) as unknown, path: ['status'] }],
    })
    const kept = webhookSchema('octopush', { unknownStatus: 'keep' })['~standard'].validate(body)
    expect(kept.issues === undefined && kept.value.map((event) => [event.kind, 'status' in event ? event.status : undefined, 'vendorStatus' in event ? event.vendorStatus : undefined])).toEqual([['delivery', 'unknown', 'NEW_CODE']])
  })

  it('says an option is wrong without a path, since the option is not in the body', () => {
    const schema = webhookSchema('messangi', { channel: 'fax' as 'sms' })
    expect(schema['~standard'].validate(payload('messangi/sms/mt-callback.json'))).toEqual({
      issues: [{ message: expect.stringMatching(/^options\.channel: expected one of sms, email, push, rcs, whatsapp/) as unknown }],
    })
  })

  it('adds one issue that counts the issues an error found beyond those it lists', () => {
    // 150 records with a code Masstack's catalog does not know: an error lists a hundred.
    const records = Array.from({ length: 150 }, (_, index) => ({ id: `c-${String(index)}`, status: 'NEW_CODE', terminatingNumber: '666123123' }))
    const result = webhookSchema('masstack')['~standard'].validate(records)
    expect(result.issues?.length).toBe(101)
    expect(result.issues?.[0]).toEqual({ message: expect.stringMatching(/^\[0\]\.status: "NEW_CODE" is not a Masstack SMS status/) as unknown, path: [0, 'status'] })
    expect(result.issues?.[100]).toEqual({ message: '(root): 50 more issues were found and not listed', path: [] })
  })

  it('reads its options on every call, as normalizeWebhook does', () => {
    const options: { timeZone: string } = { timeZone: 'UTC' }
    const schema = webhookSchema('octopush', options)
    const first = schema['~standard'].validate(payload('octopush/sms.json'))
    options.timeZone = 'Europe/Paris'
    const second = schema['~standard'].validate(payload('octopush/sms.json'))
    const times = [first, second].map((result) => (result.issues === undefined ? result.value.map((event) => ('occurredAt' in event ? event.occurredAt : undefined)) : []))
    expect(times).toEqual([['2025-01-22T11:46:06+00:00'], ['2025-01-22T11:46:06+01:00']])
  })
})
