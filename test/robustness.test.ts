/**
 * Regressions for what the property suite (test/properties) found: each test is the
 * shrunk failing input of one bug, fixed in its own commit.
 */
import { normalize, normalizeInbound } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { leftOf } from './helpers.js'

const revokedProxy = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

describe('found by fuzzing', () => {
  it('a revoked Proxy as the body is an unreadable error, not a TypeError thrown out of normalize', () => {
    const body = revokedProxy()
    for (const error of [leftOf(normalize('octopush', body)), leftOf(normalize('messangi', body, { channel: 'sms' })), leftOf(normalize('masstack', body)), leftOf(normalizeInbound('octopush', body))]) {
      expect(error.kind).toBe('invalid_body')
      expect(error.input).toBe(body)
      expect(error.issues[0].code).toBe('unreadable')
      expect(error.issues[0].message).toMatch(/^\(root\): the body could not be read: .*revoked/)
    }
  })
})

describe('found by fuzzing: accessors', () => {
  it('a body whose accessor answers while decoded and throws when the events are built is an unreadable error', () => {
    const later = (body: Record<string, unknown>, field: string): Record<string, unknown> => {
      const value = body[field]
      let reads = 0
      return Object.defineProperty({ ...body }, field, {
        enumerable: true,
        get: () => {
          // Enough reads for the codec, then a throw: the events are built from the same object.
          if (reads++ >= 1) throw new Error(`accessor of ${field} threw`)
          return value
        },
      })
    }
    const cases = [
      () => normalize('octopush', later({ message_id: 'm', number: 'n', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }, 'status')),
      () => normalize('messangi', later({ id: 'm', to: 'n', status: 'DELIVRD' }, 'status'), { channel: 'sms' }),
      () => normalize('masstack', later({ id: 'm', terminatingNumber: '600', status: 'DELIVERED' }, 'status')),
      () => normalizeInbound('octopush', later({ number: 'n', text: 'STOP', stop_date: '2025-01-22 11:46:06' }, 'text')),
    ]
    for (const run of cases) {
      const error = leftOf(run())
      expect([error.kind, error.issues[0].code]).toEqual(['invalid_body', 'unreadable'])
      expect(error.issues[0].message).toMatch(/^\(root\): the body could not be read: accessor of \w+ threw$/)
    }
  })
})
