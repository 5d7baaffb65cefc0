import { readFileSync } from 'node:fs'

import { classify, formatError, normalize, type Channel } from 'deliverykit'
import {
  MASSTACK_CATALOGS,
  MASSTACK_EMAIL_CATALOG,
  MASSTACK_EMAIL_STATUS_CODES,
  MASSTACK_SMS_CATALOG,
  MASSTACK_SMS_STATUS_CODES,
  MasstackEmailStatus,
  MasstackSmsStatus,
} from 'deliverykit/masstack'
import { describe, expect, it } from 'vitest'

import { type Decision, expectDecision, leftOf, rightOf } from '../../helpers.js'

type Expected = Decision

// The decisions, written out independently of the catalogs so that a changed mapping is
// a failing test that someone must read. Failures carry their reason and permanence.
const EXPECTED_SMS: ReadonlyArray<Expected> = [
  ['REGISTERED', 'accepted'],
  ['SUBMITTED', 'sent'],
  ['DELIVERED', 'delivered'],
  ['EXPIRED', 'expired', 'expired', false],
  ['UNDELIVERABLE', 'undeliverable', 'invalid_recipient', true],
  ['FAILED', 'unconfirmed', 'provider_error', false],
]

const EXPECTED_EMAIL: ReadonlyArray<Expected> = [
  ['SUBMITTED', 'sent'],
  ['DELIVERED', 'delivered'],
  ['OPEN', 'read'],
  ['CLICKED', 'clicked'],
  ['UNDELIVERABLE', 'undeliverable', 'invalid_recipient', true],
  ['DEFERRED', 'deferred'],
  ['REJECTED', 'undeliverable', 'mailbox', false],
  ['DROPPED', 'rejected', 'blocked_recipient', true],
]

interface VendorRow {
  readonly code: string
  readonly sms: string
  readonly email: string
}

/** Masstack's "Delivery Status Table", copied verbatim into test/fixtures/vendor-docs (code | SMS | e-mail rows). */
const vendorTable = (): ReadonlyArray<VendorRow> =>
  readFileSync(new URL('../../fixtures/vendor-docs/masstack-delivery-info.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+ \|/.test(line))
    .map((line) => {
      const [code = '', sms = '', email = ''] = line.split('|').map((cell) => cell.trim())
      return { code, sms, email }
    })

const isNotApplicable = (cell: string): boolean => cell.startsWith('N/A')

/** Every (channel, code) cell of the vendor table that reads N/A, with the channel that has the code. */
const NOT_APPLICABLE: ReadonlyArray<readonly [channel: Channel, code: string, knownOn: Channel]> = [
  ['email', 'REGISTERED', 'sms'],
  ['sms', 'OPEN', 'email'],
  ['sms', 'CLICKED', 'email'],
  ['email', 'EXPIRED', 'sms'],
  ['sms', 'DEFERRED', 'email'],
  ['sms', 'REJECTED', 'email'],
  ['sms', 'DROPPED', 'email'],
  ['email', 'FAILED', 'sms'],
]

const recordOn = (channel: Channel, status: string) =>
  channel === 'sms'
    ? { id: 'c-1', channel: 'sms', status, terminatingNumber: '666123123', updatedTime: '2024-08-01T10:38:45Z' }
    : { id: 'c-1', channel: 'email', status, destinationEmail: 'a@example.com', updatedTime: '2024-08-01T10:38:45Z' }

describe('Masstack catalogs against the vendor table', () => {
  const table = vendorTable()

  it('reads all 11 rows of the table', () => {
    expect(table.map((row) => row.code)).toEqual([
      'REGISTERED', 'SUBMITTED', 'DELIVERED', 'OPEN', 'CLICKED', 'EXPIRED', 'UNDELIVERABLE', 'DEFERRED', 'REJECTED', 'DROPPED', 'FAILED',
    ])
  })

  it('the SMS catalog has exactly the rows whose SMS cell is not N/A, in order, with that cell as description', () => {
    const rows = table.filter((row) => !isNotApplicable(row.sms))
    expect(MASSTACK_SMS_STATUS_CODES).toEqual(rows.map((row) => row.code))
    expect(Object.keys(MASSTACK_SMS_CATALOG)).toEqual(rows.map((row) => row.code))
    for (const row of rows) expect(MASSTACK_CATALOGS.sms?.[row.code]?.description).toBe(row.sms)
  })

  it('the e-mail catalog has exactly the rows whose e-mail cell is not N/A, in order, with that cell as description', () => {
    const rows = table.filter((row) => !isNotApplicable(row.email))
    expect(MASSTACK_EMAIL_STATUS_CODES).toEqual(rows.map((row) => row.code))
    expect(Object.keys(MASSTACK_EMAIL_CATALOG)).toEqual(rows.map((row) => row.code))
    for (const row of rows) expect(MASSTACK_CATALOGS.email?.[row.code]?.description).toBe(row.email)
  })

  it('the N/A cells listed by hand are exactly those of the table', () => {
    const cells = table.flatMap((row) => [
      ...(isNotApplicable(row.sms) ? [['sms', row.code]] : []),
      ...(isNotApplicable(row.email) ? [['email', row.code]] : []),
    ])
    expect(cells.map(([channel, code]) => `${String(channel)}:${String(code)}`).sort()).toEqual(
      NOT_APPLICABLE.map(([channel, code]) => `${channel}:${code}`).sort(),
    )
  })

  it('covers SMS and e-mail only', () => {
    expect(Object.keys(MASSTACK_CATALOGS)).toEqual(['sms', 'email'])
  })
})

describe('Masstack mappings', () => {
  it('has a decision for every code of each channel, and every decision is tested', () => {
    expect(EXPECTED_SMS.map(([code]) => code)).toEqual([...MASSTACK_SMS_STATUS_CODES])
    expect(EXPECTED_EMAIL.map(([code]) => code)).toEqual([...MASSTACK_EMAIL_STATUS_CODES])
  })

  it('gives every mapping a rationale, and the judgement calls say so', () => {
    for (const catalog of [MASSTACK_SMS_CATALOG, MASSTACK_EMAIL_CATALOG]) {
      for (const entry of Object.values(catalog)) expect(entry.rationale.length).toBeGreaterThan(10)
    }
    for (const entry of [MASSTACK_SMS_CATALOG.FAILED, MASSTACK_SMS_CATALOG.UNDELIVERABLE, MASSTACK_EMAIL_CATALOG.DELIVERED, MASSTACK_EMAIL_CATALOG.REJECTED, MASSTACK_EMAIL_CATALOG.DROPPED]) {
      expect(entry.rationale).toMatch(/^Judgement call: /)
    }
    expect(MASSTACK_EMAIL_CATALOG.DEFERRED.rationale).toContain('retry')
    expect(MASSTACK_EMAIL_CATALOG.REJECTED.rationale).toContain('temporary')
  })

  const cases = [
    ...EXPECTED_SMS.map(([code, status, reason, permanent]) => ({ channel: 'sms' as const, code, status, reason, permanent })),
    ...EXPECTED_EMAIL.map(([code, status, reason, permanent]) => ({ channel: 'email' as const, code, status, reason, permanent })),
  ]

  it.each(cases)('$channel $code maps to $status', ({ channel, code, status, reason, permanent }) => {
    const [event] = rightOf(normalize('masstack', recordOn(channel, code)))
    expect(event?.channel).toBe(channel)
    expectDecision(event, { status, reason, permanent })
    expect(event?.vendorStatus).toBe(code)
  })
})

describe('Masstack permanence', () => {
  it('is permanent only where the vendor\'s words name a lasting cause', () => {
    // Written by hand: every permanent (channel, code), with the words of its cell that
    // name the lasting cause.
    const lasting: ReadonlyArray<readonly [channel: 'sms' | 'email', code: string, words: string]> = [
      ['sms', 'UNDELIVERABLE', 'for example, the destination number does not exist'],
      ['email', 'UNDELIVERABLE', 'because of a permanent situation'],
      ['email', 'DROPPED', 'it has been identified as a sending that is going to fail'],
    ]
    const permanentRows = [
      ...MASSTACK_SMS_STATUS_CODES.filter((code) => { const entry = MASSTACK_SMS_CATALOG[code]; return entry.classification === 'failure' && entry.failure.permanent }).map((code) => `sms ${code}`),
      ...MASSTACK_EMAIL_STATUS_CODES.filter((code) => { const entry = MASSTACK_EMAIL_CATALOG[code]; return entry.classification === 'failure' && entry.failure.permanent }).map((code) => `email ${code}`),
    ]
    expect(permanentRows).toEqual(lasting.map(([channel, code]) => `${channel} ${code}`))
    const table = vendorTable()
    for (const [channel, code, words] of lasting) expect(table.find((row) => row.code === code)?.[channel]).toContain(words)
  })
})

describe('Masstack N/A cells', () => {
  it.each(NOT_APPLICABLE.map(([channel, code, knownOn]) => ({ channel, code, knownOn })))(
    '$code on $channel is an unknown status naming $knownOn',
    ({ channel, code, knownOn }) => {
      const error = leftOf(normalize('masstack', recordOn(channel, code)))
      expect(error.kind).toBe('unknown_status')
      const expectedCodes = channel === 'sms' ? MASSTACK_SMS_STATUS_CODES : MASSTACK_EMAIL_STATUS_CODES
      const channelName = channel === 'sms' ? 'SMS' : 'e-mail'
      const knownOnName = knownOn === 'sms' ? 'SMS' : 'e-mail'
      expect(error.issues).toEqual([
        {
          code: 'unknown_status',
          vendor: 'masstack',
          channel,
          status: code,
          path: ['status'],
          expected: [...expectedCodes],
          knownOn: [knownOn],
          message: `status: "${code}" is not a Masstack ${channelName} status (it is a status on ${knownOnName}); expected one of ${expectedCodes.join(', ')}`,
        },
      ])
      expect(formatError(leftOf(classify('masstack', channel, code)))).toBe(
        `code: "${code}" is not a Masstack ${channelName} status (it is a status on ${knownOnName}); expected one of ${expectedCodes.join(', ')}`,
      )
    },
  )

  it('a code no channel knows names no channel', () => {
    const error = leftOf(normalize('masstack', recordOn('sms', 'BOUNCED')))
    expect(error.issues[0]).not.toHaveProperty('knownOn')
    expect(formatError(error)).toBe(
      'status: "BOUNCED" is not a Masstack SMS status; expected one of REGISTERED, SUBMITTED, DELIVERED, EXPIRED, UNDELIVERABLE, FAILED',
    )
  })

  it('the status codecs accept their channel\'s codes only, never prototype names', () => {
    expect(MasstackSmsStatus.is('REGISTERED')).toBe(true)
    expect(MasstackSmsStatus.is('OPEN')).toBe(false)
    expect(MasstackEmailStatus.is('OPEN')).toBe(true)
    expect(MasstackEmailStatus.is('REGISTERED')).toBe(false)
    for (const name of ['delivered', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(MasstackSmsStatus.is(name)).toBe(false)
      expect(MasstackEmailStatus.is(name)).toBe(false)
    }
  })
})
