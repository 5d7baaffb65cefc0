import { parse, type WebhookEvent } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { handleOctopush, type RejectedBody, type Storage } from '../../examples/store-rejected-bodies.js'
import { payload } from '../helpers.js'

const memory = () => {
  const events: Array<WebhookEvent> = []
  const rejected: Array<RejectedBody> = []
  const storage: Storage = {
    saveEvents: (saved) => {
      events.push(...saved)
      return Promise.resolve()
    },
    saveRejected: (body) => {
      rejected.push(body)
      return Promise.resolve()
    },
  }
  return { storage, events, rejected }
}

const post = (body: string): Request => new Request('http://localhost/octopush', { method: 'POST', body })
const at = () => new Date('2025-01-22T10:00:00Z')

describe('examples/store-rejected-bodies.ts', () => {
  it('stores each rejected body exactly as it arrived, with why, and answers by kind', async () => {
    const { storage, events, rejected } = memory()
    const unknown = JSON.stringify({ ...payload('octopush/sms.json'), status: 'NEW_CODE' })
    const bodies = [
      '{"channel":"sms",',
      '{"status":"DELIVERED"}',
      unknown,
      `{"list_name":"${'x'.repeat(1024 * 1024)}"}`,
      JSON.stringify(payload('octopush/sms.json')),
      JSON.stringify(payload('octopush/stop.json')),
    ]
    const statuses: Array<number> = []
    for (const body of bodies) statuses.push((await handleOctopush(post(body), storage, at)).status)
    // A STOP is stored like a receipt, never refused.
    expect(statuses).toEqual([400, 400, 202, 413, 204, 204])
    expect(events.map((event) => event.kind)).toEqual(['delivery', 'opt_out'])
    expect(rejected.map((r) => [r.kind, r.codes[0], r.why.split('\n')[0]?.slice(0, 40)])).toEqual([
      ['invalid_body', 'invalid_syntax', '(root): not valid JSON (Expected double-'],
      ['invalid_body', 'missing_field', 'message_id: missing; expected string'],
      ['unknown_status', 'unknown_status', 'status: "NEW_CODE" is not an Octopush st'],
      ['invalid_body', 'too_large', '(root): the body is 1048592 characters, '],
    ])
    // Nothing is lost: each stored body is byte for byte what was posted, and can be replayed.
    expect(rejected.map((r) => r.body)).toEqual(bodies.slice(0, 4))
    expect(rejected.every((r) => r.receivedAt === '2025-01-22T10:00:00.000Z' && r.vendor === 'octopush')).toBe(true)
    expect(parse('octopush', rejected[2]?.body, { unknownStatus: 'keep' })[0]?.vendorStatus).toBe('NEW_CODE')
  })
})
