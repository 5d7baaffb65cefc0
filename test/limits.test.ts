/**
 * Size and shape limits (docs/security.md): each is handled, without a stack overflow,
 * and answered with values; the time each takes is shown by `npm run bench:limits`
 * (scripts/scaling.mjs), not asserted here.
 */
import { DEFAULT_MAX_BODY_SIZE, formatError, normalize, normalizeInbound } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { leftOf, rightOf } from './helpers.js'

const phone = { channel: 'sms', message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }

const emailBody = (recipients: number, status = 'DELIVERED') => ({
  channel: 'email',
  message_id: 'email_1',
  deliveries: Array.from({ length: recipients }, (_, i) => ({ email: `user${String(i)}@example.com`, status, delivery_date: '2025-01-22 11:46:06' })),
})

describe('limits', () => {
  it('an e-mail callback with 100,000 recipients (about 9 MB of JSON) gives 100,000 events in order', () => {
    const text = JSON.stringify(emailBody(100_000))
    expect(text.length).toBeGreaterThan(8_000_000)
    const events = rightOf(normalize('octopush', text))
    expect(events).toHaveLength(100_000)
    expect([events[0]?.recipient, events[99_999]?.recipient, events[99_999]?.status]).toEqual(['user0@example.com', 'user99999@example.com', 'delivered'])
  })

  it('100,000 recipients with an unknown code: the first hundred issues, the rest counted, and formatError stays ten lines and a summary', () => {
    const error = leftOf(normalize('octopush', emailBody(100_000, 'NEW_CODE')))
    expect([error.kind, error.issues.length, 'omittedIssues' in error && error.omittedIssues]).toEqual(['unknown_status', 100, 99_900])
    expect(error.issues[99]?.path).toEqual(['deliveries', 99, 'status'])
    expect(formatError(error).split('\n')).toHaveLength(11)
    expect(formatError(error).split('\n')[10]).toBe('… and 99990 more issues')
  })

  it('a 10 MB string in a field is kept whole; in an error it is cut', () => {
    const big = 'x'.repeat(10_000_000)
    const [event] = rightOf(normalize('octopush', JSON.stringify({ ...phone, list_name: big })))
    expect(event?.details.listName).toHaveLength(10_000_000)
    const error = leftOf(normalize('octopush', { ...phone, number: 7, list_name: 1, message_id: big.slice(0, 1_000_000), delivery_date: big }))
    for (const issue of error.issues) expect(issue.message.length).toBeLessThan(300)
    expect(error.issues.map((issue) => issue.message)).toContain(`delivery_date: "${'x'.repeat(60)}…" (10000000 characters) is not a valid date-time; expected "YYYY-MM-DD HH:mm:ss" (Octopush local time)`)
  })

  it('deeply nested junk (100,000 levels) in JSON text, in an object and in form keys: no stack overflow, the right answer', () => {
    const deepText = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const fromText = rightOf(normalize('octopush', `{"junk":${deepText},${JSON.stringify(phone).slice(1)}`))
    expect(fromText[0]?.status).toBe('delivered')
    let deep: unknown = 'bottom'
    for (let i = 0; i < 100_000; i++) deep = { deeper: deep }
    expect(rightOf(normalize('masstack', { id: 'c-1', status: 'DELIVERED', terminatingNumber: '600', junk: deep }))[0]?.status).toBe('delivered')
    // Where the codec expects a record, a nested array is refused at the first level.
    const refused = leftOf(normalize('octopush', `{"message_id":"m","deliveries":${deepText}}`))
    expect(refused.issues[0].path).toEqual(['deliveries', 0])
    // A form key nested 100,000 levels deep stays one key (bracket keys nest at most 8 levels).
    const form = `message_id=m&number=n&status=ACK&delivery_date=2025-01-22+11%3A46%3A06&meta_data${'[a]'.repeat(100_000)}=1`
    expect(rightOf(normalize('octopush', form))[0]?.status).toBe('sent')
    expect(leftOf(normalize('octopush', deepText)).issues[0].message).toBe('(root): expected an Octopush callback (a JSON object), received an array of 1 item')
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
