/**
 * Size and shape limits (docs/security.md): each is handled, without a stack overflow,
 * and answered with values; the time each takes is shown by `npm run bench:limits`
 * (scripts/scaling.mjs), not asserted here.
 */
import { DEFAULT_MAX_BODY_SIZE, formatError, normalize, normalizeInbound } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { leftOf, rightOf } from '../helpers.js'

/**
 * How many recipients, and how many levels of nesting, the large cases use: 100,000 here;
 * the mutation run (vitest.mutate.config.ts) sets fewer, since it reruns these tests for
 * every mutant they cover, and its question is the values, not the stack depth.
 */
const LARGE = Number(process.env['LIMITS_LARGE'] ?? 100_000)
const large = LARGE.toLocaleString('en-US')

const phone = { channel: 'sms', message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }

const emailBody = (recipients: number, status = 'DELIVERED') => ({
  channel: 'email',
  message_id: 'email_1',
  deliveries: Array.from({ length: recipients }, (_, i) => ({ email: `user${String(i)}@example.com`, status, delivery_date: '2025-01-22 11:46:06' })),
})

describe('limits', () => {
  it(`an e-mail callback with ${large} recipients (about 90 bytes of JSON each) gives ${large} events in order`, () => {
    const text = JSON.stringify(emailBody(LARGE))
    expect(text.length).toBeGreaterThan(80 * LARGE)
    const events = rightOf(normalize('octopush', text))
    expect(events).toHaveLength(LARGE)
    const last = LARGE - 1
    expect([events[0]?.recipient, events[last]?.recipient, events[last]?.status]).toEqual(['user0@example.com', `user${String(last)}@example.com`, 'delivered'])
  })

  it(`${large} recipients with an unknown code: the first hundred issues, the rest counted, and formatError stays ten lines and a summary`, () => {
    const error = leftOf(normalize('octopush', emailBody(LARGE, 'NEW_CODE')))
    expect([error.kind, error.issues.length, 'omittedIssues' in error && error.omittedIssues]).toEqual(['unknown_status', 100, LARGE - 100])
    expect(error.issues[99]?.path).toEqual(['deliveries', 99, 'status'])
    expect(formatError(error).split('\n')).toHaveLength(11)
    expect(formatError(error).split('\n')[10]).toBe(`… and ${String(LARGE - 10)} more issues`)
  })

  it('a 10 MB string in a field is kept whole; in an error it is cut', () => {
    const big = 'x'.repeat(10_000_000)
    const [event] = rightOf(normalize('octopush', JSON.stringify({ ...phone, list_name: big })))
    expect(event?.details.listName).toHaveLength(10_000_000)
    const error = leftOf(normalize('octopush', { ...phone, number: 7, list_name: 1, message_id: big.slice(0, 1_000_000), delivery_date: big }))
    for (const issue of error.issues) expect(issue.message.length).toBeLessThan(300)
    expect(error.issues.map((issue) => issue.message)).toContain(`delivery_date: "${'x'.repeat(60)}…" (10000000 characters) is not a valid date-time; expected "YYYY-MM-DD HH:mm:ss" (Octopush local time) or an ISO-8601 instant with Z or an offset`)
  })

  it(`nesting (${large} levels) in JSON text, in an object and in form keys: refused at level 101 with its path, no stack overflow`, () => {
    const deepText = `${'['.repeat(LARGE)}${']'.repeat(LARGE)}`
    const fromText = leftOf(normalize('octopush', `{"junk":${deepText},${JSON.stringify(phone).slice(1)}`))
    expect(fromText.issues).toEqual([
      {
        code: 'invalid_value',
        path: ['junk', ...Array.from({ length: 99 }, () => 0)],
        expected: 'at most 100 levels of nested objects and arrays',
        received: 'an array at level 101',
        message: `junk${'[0]'.repeat(99)}: expected at most 100 levels of nested objects and arrays, received an array at level 101`,
      },
    ])
    let deep: unknown = 'bottom'
    for (let i = 0; i < LARGE; i++) deep = { deeper: deep }
    const fromObject = leftOf(normalize('masstack', { id: 'c-1', status: 'DELIVERED', terminatingNumber: '600', junk: deep }))
    expect(fromObject.issues[0].path).toEqual(['junk', ...Array.from({ length: 99 }, () => 'deeper')])
    expect(leftOf(normalize('octopush', deepText)).issues[0].path).toHaveLength(100)
    // A form key nested that deep stays one key (bracket keys nest at most 8 levels).
    const form = `message_id=m&number=n&status=ACK&delivery_date=2025-01-22+11%3A46%3A06&meta_data${'[a]'.repeat(LARGE)}=1`
    expect(rightOf(normalize('octopush', form))[0]?.status).toBe('sent')
  })

  it(`maxBodySize: text or bytes over it (default ${String(DEFAULT_MAX_BODY_SIZE)}) is a too_large error, before parsing`, () => {
    const text = `{"list_name":"${'x'.repeat(DEFAULT_MAX_BODY_SIZE)}"}`
    const error = leftOf(normalize('octopush', text))
    expect(error.kind).toBe('invalid_body')
    expect(error.input).toBe(text)
    expect(error.issues).toEqual([
      { code: 'too_large', path: [], size: text.length, limit: DEFAULT_MAX_BODY_SIZE, message: `(root): the body is ${String(text.length)} characters, over the limit of 33554432 (options.maxBodySize)` },
    ])
    const bytes = new TextEncoder().encode(JSON.stringify(phone))
    expect(leftOf(normalize('messangi', bytes, { channel: 'sms', maxBodySize: 10 })).issues[0].message).toBe(
      `(root): the body is ${String(bytes.length)} bytes, over the limit of 10 (options.maxBodySize)`,
    )
    expect(leftOf(normalizeInbound('octopush', 'number=1', { maxBodySize: 4 })).issues[0].code).toBe('too_large')
    // Infinity turns it off; a parsed body is not measured.
    expect(leftOf(normalize('octopush', text, { maxBodySize: Infinity })).issues[0].code).toBe('invalid_value')
    expect(rightOf(normalize('masstack', { id: 'c', status: 'DELIVERED', terminatingNumber: '6' }, { maxBodySize: 1 }))).toHaveLength(1)
  })

  it.each([0, -1, 1.5, Number.NaN, '100'])('maxBodySize %j is an invalid_options error', (maxBodySize) => {
    const error = leftOf(normalize('octopush', phone, { maxBodySize: maxBodySize as number }))
    expect([error.kind, error.issues[0].message.startsWith('options.maxBodySize: expected a positive whole number of characters or bytes, or Infinity, received')]).toEqual(['invalid_options', true])
  })
})
