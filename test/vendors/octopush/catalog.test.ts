import { readFileSync } from 'node:fs'

import { normalize } from 'deliverykit'
import { OCTOPUSH_CATALOG, OCTOPUSH_STATUS_CODES, OctopushStatus, isOctopushStatusCode } from 'deliverykit/octopush'
import { describe, expect, it } from 'vitest'

import { type Decision, expectDecision, rightOf } from '../../helpers.js'

type Expected = Decision

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
  ['ABANDONED', 'expired', 'unknown', false],
  ['NOT_DELIVERED', 'undeliverable', 'unreachable', false],
  ['NOT_DELIVERABLE', 'undeliverable', 'unknown', false],
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
  // The older octopush-dm.com API's codes, known from RaspiSMS's adapter for that API.
  ['INVALID_DESTINATION_ADDRESS', 'undeliverable', 'invalid_recipient', true],
  ['OUT_OF_DATE', 'expired', 'expired', false],
]

/**
 * Codes outside the vendor's table, each with its source: where the code was found (the
 * fixture under test/fixtures/wild that carries it, named after that source) and the words
 * of test/fixtures/wild/README.md that record, from the source, what it does with the code.
 */
const BEYOND_THE_TABLE: ReadonlyArray<readonly [code: string, fixture: string, recorded: string]> = [
  ['INVALID_DESTINATION_ADDRESS', 'octopush/implied-old-api-receipt-invalid-destination-address.json', 'NOT_ALLOWED, INVALID_DESTINATION_ADDRESS, OUT_OF_DATE, EXPIRED, BLACKLISTED_NUMBER → failed'],
  ['OUT_OF_DATE', 'octopush/implied-old-api-receipt-out-of-date.json', 'NOT_ALLOWED, INVALID_DESTINATION_ADDRESS, OUT_OF_DATE, EXPIRED, BLACKLISTED_NUMBER → failed'],
]

/** The status table of Octopush's page, copied verbatim into test/fixtures/vendor-docs (code | description rows). */
const vendorTable = (): ReadonlyArray<readonly [string, string]> =>
  readFileSync(new URL('../../fixtures/vendor-docs/octopush-callbacks-statuses.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => /^\| [A-Z_]+ \|/.test(line))
    .map((line) => {
      const [, code = '', description = ''] = line.split('|').map((cell) => cell.trim())
      return [code, description] as const
    })

describe('Octopush catalog', () => {
  it('has exactly the 33 codes of the vendor table, in its order, with its descriptions, then the codes beyond it', () => {
    const table = vendorTable()
    expect(table).toHaveLength(33)
    expect(OCTOPUSH_STATUS_CODES).toEqual([...table.map(([code]) => code), ...BEYOND_THE_TABLE.map(([code]) => code)])
    for (const [code, description] of table) {
      expect(isOctopushStatusCode(code) && OCTOPUSH_CATALOG[code].description).toBe(description)
      // The vendor's own words: no source to name, no description of deliverykit's.
      expect(isOctopushStatusCode(code) && [OCTOPUSH_CATALOG[code].source, OCTOPUSH_CATALOG[code].descriptionBy]).toEqual([undefined, undefined])
    }
  })

  it('every code beyond the table names its source, as the source fixture and the record of what the source does show, and never passes its words off as Octopush\'s', () => {
    const wild = readFileSync(new URL('../../fixtures/wild/README.md', import.meta.url), 'utf8')
    for (const [code, file, recorded] of BEYOND_THE_TABLE) {
      if (!isOctopushStatusCode(code)) expect.fail(`${code} is not a catalog code`)
      const entry = OCTOPUSH_CATALOG[code]
      // No Octopush page describes these codes: the description is deliverykit's, and says so.
      expect(entry.descriptionBy).toBe('deliverykit')
      const fixture = JSON.parse(readFileSync(new URL(`../../fixtures/wild/${file}`, import.meta.url), 'utf8')) as { readonly source: { readonly repo: string; readonly path: string; readonly commit: string }; readonly form: string }
      expect(new URLSearchParams(fixture.form).get('status')).toBe(code)
      // The row's source names the fixture's source: repository, file and commit.
      expect(entry.source).toContain(fixture.source.repo)
      expect(entry.source).toContain(fixture.source.path)
      expect(entry.source).toContain(fixture.source.commit.slice(0, 8))
      expect(wild).toContain(recorded)
      // Who else treats the code so: the mapping is a failure, as the source's.
      expect(entry.classification).toBe('failure')
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
    expectDecision(event, { status, reason, permanent })
    expect(event?.vendorStatus).toBe(code)
    },
  )

  it('is permanent only where the vendor\'s words name a lasting cause', () => {
    // Written by hand: every permanent code, with the words (of its description, or the
    // code itself) that name the lasting cause.
    const lasting: ReadonlyArray<readonly [code: string, words: string]> = [
      ['BAD_DESTINATION', 'Invalid destination'],
      ['BLACKLISTED_NUMBER', 'Number is blacklisted'],
      ['NOT_ALLOWED', 'Delivery not allowed'],
      ['UNFOUND_DESTINATION', 'Destination not found'],
      ['SPAM_REPORT', 'The recipient has blocked your email'],
      ['UNSUBSCRIBED', 'The recipient has unregistered from your sendings'],
      ['FILTERED', 'very high failure potential'],
      ['HARD_BOUNCE', 'HARD_BOUNCE'],
      ['DOMAIN_ERROR', "the host doesn't exist or doesn't have MX service"],
      ['UNKNOWNED_USER', "User doesn't exist"],
      ['INVALID_DESTINATION_ADDRESS', 'INVALID_DESTINATION_ADDRESS'],
    ]
    const table = new Map(vendorTable())
    expect(OCTOPUSH_STATUS_CODES.filter((code) => { const entry = OCTOPUSH_CATALOG[code]; return entry.classification === 'failure' && entry.failure.permanent })).toEqual(lasting.map(([code]) => code))
    for (const [code, words] of lasting) expect(`${code} ${table.get(code) ?? ''}`).toContain(words)
  })

  it('NOT_DELIVERABLE ("Message not deliverable") names no cause: temporary, reason unknown', () => {
    expect(new Map(vendorTable()).get('NOT_DELIVERABLE')).toBe('Message not deliverable')
    expect(OCTOPUSH_CATALOG.NOT_DELIVERABLE).toMatchObject({ classification: 'failure', status: 'undeliverable', failure: { reason: 'unknown', permanent: false } })
    expect(OCTOPUSH_CATALOG.NOT_DELIVERABLE.rationale).toContain('"Message not deliverable" names no cause')
  })

  it('ABANDONED ("No further action taken on this message") names no cause: reason unknown', () => {
    expect(new Map(vendorTable()).get('ABANDONED')).toBe('No further action taken on this message')
    expect(OCTOPUSH_CATALOG.ABANDONED).toMatchObject({ classification: 'failure', status: 'expired', failure: { reason: 'unknown', permanent: false } })
  })

  it('NOT_ALLOWED stays permanent with reason policy, as the wp-sms integration treats it', () => {
    expect(new Map(vendorTable()).get('NOT_ALLOWED')).toBe('Delivery not allowed')
    expect(OCTOPUSH_CATALOG.NOT_ALLOWED).toMatchObject({ classification: 'failure', status: 'rejected', failure: { reason: 'policy', permanent: true } })
    // What wp-sms does, as test/fixtures/wild/README.md records it from its source.
    const wild = readFileSync(new URL('../../fixtures/wild/README.md', import.meta.url), 'utf8')
    expect(wild).toContain('BAD_DESTINATION and NOT_ALLOWED → failed, **permanent**')
    expect(wild).toContain('wp-sms** (`OctopushProvider::parseStatusCallback`)')
    expect(OCTOPUSH_CATALOG.NOT_ALLOWED.rationale).toContain('wp-sms/wp-sms, src/Messaging/Gateway/Provider/OctopushProvider.php, parseStatusCallback, commit 1c9140bd')
  })

  it('the status codec accepts catalog codes only, never prototype names', () => {
    expect(OctopushStatus.is('HARD_BOUNCE')).toBe(true)
    for (const name of ['BOUNCY', 'delivered', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(OctopushStatus.is(name)).toBe(false)
      expect(isOctopushStatusCode(name)).toBe(false)
    }
  })
})
