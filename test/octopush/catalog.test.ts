import { readFileSync } from 'node:fs'

import { normalize, type FailureReason, type Status } from 'deliverykit'
import { OCTOPUSH_CATALOG, OCTOPUSH_STATUS_CODES, OctopushStatus, isOctopushStatusCode } from 'deliverykit/octopush'
import { describe, expect, it } from 'vitest'

import { rightOf } from '../helpers.js'

type Expected = readonly [code: string, status: Status, reason?: FailureReason, permanent?: boolean]

// The decisions, written out independently of the catalog so that a changed mapping is a
// failing test that someone must read. Failures carry their reason and permanence.
const EXPECTED: ReadonlyArray<Expected> = [
  ['DELIVERED', 'delivered'],
  ['READ', 'read'],
  ['ACK', 'sent'],
  ['OPENED', 'read'],
  ['CLICKED', 'clicked'],
  ['TRANSMITTED', 'accepted'],
  ['ISP_SEND', 'sent'],
  ['UNDEFINED', 'unconfirmed', 'unknown', false],
  ['UNKNOWN_DELIVERY', 'unconfirmed', 'unknown', false],
  ['PROCESSED', 'accepted'],
  ['SPAM_PRESUMPTION', 'unconfirmed', 'spam', false],
  ['ABANDONED', 'expired', 'expired', false],
  ['NOT_DELIVERED', 'undeliverable', 'unreachable', false],
  ['NOT_DELIVERABLE', 'undeliverable', 'invalid_recipient', true],
  ['BAD_DESTINATION', 'undeliverable', 'invalid_recipient', true],
  ['BLACKLISTED_NUMBER', 'rejected', 'opted_out', true],
  ['NOT_ALLOWED', 'rejected', 'policy', true],
  ['EXPIRED', 'expired', 'expired', false],
  ['BUSY', 'undeliverable', 'unreachable', false],
  ['REFUSED', 'undeliverable', 'unreachable', false],
  ['ANTI_FLOODING', 'rejected', 'rate_limited', false],
  ['UNFOUND_DESTINATION', 'undeliverable', 'invalid_recipient', true],
  ['EMPTY_TEXT', 'rejected', 'content', false],
  ['TIMEOUT', 'expired', 'expired', false],
  ['SPAM_REPORT', 'complained', 'spam', true],
  ['UNSUBSCRIBED', 'unsubscribed', 'opted_out', true],
  ['FILTERED', 'rejected', 'invalid_recipient', true],
  ['HARD_BOUNCE', 'undeliverable', 'invalid_recipient', true],
  ['BLOCKED', 'rejected', 'policy', false],
  ['SPAM_DETECTED', 'undeliverable', 'content', false],
  ['DOMAIN_ERROR', 'undeliverable', 'invalid_recipient', true],
  ['SOFT_BOUNCE', 'undeliverable', 'mailbox', false],
  ['UNKNOWNED_USER', 'undeliverable', 'invalid_recipient', true],
]

const CLASSIFICATION: Record<Status, string> = {
  accepted: 'transient', sent: 'transient', deferred: 'transient',
  delivered: 'final', read: 'final', clicked: 'final',
  rejected: 'failure', undeliverable: 'failure', expired: 'failure',
  complained: 'failure', unsubscribed: 'failure', unconfirmed: 'failure',
}

/** The status table of Octopush's page, copied verbatim into test/fixtures/vendor-docs (code | description rows). */
const vendorTable = (): ReadonlyArray<readonly [string, string]> =>
  readFileSync(new URL('../fixtures/vendor-docs/octopush-callbacks-statuses.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => /^\| [A-Z_]+ \|/.test(line))
    .map((line) => {
      const [, code = '', description = ''] = line.split('|').map((cell) => cell.trim())
      return [code, description] as const
    })

describe('Octopush catalog', () => {
  it('has exactly the 33 codes of the vendor table, in its order, with its descriptions', () => {
    const table = vendorTable()
    expect(table).toHaveLength(33)
    expect(OCTOPUSH_STATUS_CODES).toEqual(table.map(([code]) => code))
    for (const [code, description] of table) {
      expect(isOctopushStatusCode(code) && OCTOPUSH_CATALOG[code].description).toBe(description)
    }
  })

  it('has a decision for every code, and every decision is tested', () => {
    expect(EXPECTED.map(([code]) => code)).toEqual([...OCTOPUSH_STATUS_CODES])
  })

  it('gives every judgement call a rationale', () => {
    for (const code of OCTOPUSH_STATUS_CODES) expect(OCTOPUSH_CATALOG[code].rationale.length).toBeGreaterThan(10)
  })

  it.each(EXPECTED.map(([code, status, reason, permanent]) => ({ code, status, reason, permanent })))(
    '$code maps to $status',
    ({ code, status, reason, permanent }) => {
    const body = { message_id: 'sms_1', number: '+33600000000', status: code, delivery_date: '2025-01-22 11:46:06' }
    const [event] = rightOf(normalize('octopush', body))
    expect(event?.status).toBe(status)
    expect(event?.classification).toBe(CLASSIFICATION[status])
    expect(event?.vendorStatus).toBe(code)
    if (event?.classification === 'failure') expect(event.failure).toEqual({ reason, permanent })
    else expect(reason).toBeUndefined()
    },
  )

  it('the status codec accepts catalog codes only, never prototype names', () => {
    expect(OctopushStatus.is('HARD_BOUNCE')).toBe(true)
    for (const name of ['BOUNCY', 'delivered', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(OctopushStatus.is(name)).toBe(false)
      expect(isOctopushStatusCode(name)).toBe(false)
    }
  })
})
