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
