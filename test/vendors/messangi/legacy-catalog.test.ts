import { readFileSync, readdirSync } from 'node:fs'

import { lookupStatus } from 'deliverykit'
import {
  MESSANGI_LEGACY_CATALOGS,
  MESSANGI_LEGACY_EMAIL_CATALOG,
  MESSANGI_LEGACY_EMAIL_STATUS_CODES,
  MESSANGI_LEGACY_PUSH_CATALOG,
  MESSANGI_LEGACY_PUSH_STATUS_CODES,
  MESSANGI_LEGACY_SMS_CATALOG,
  MESSANGI_LEGACY_SMS_STATUS_CODES,
} from 'deliverykit/messangi'
import { describe, expect, it } from 'vitest'

import { expectDecision, type Decision } from '../../helpers.js'

type LegacyChannel = 'sms' | 'email' | 'push'
type Expected = Decision

// The decisions, written out independently of the catalogs so that a changed mapping is a
// failing test that someone must read. Failures carry their reason and permanence.
const EXPECTED: Readonly<Record<LegacyChannel, ReadonlyArray<Expected>>> = {
  sms: [
    ['SENT', 'sent'],
    ['DELIVERED_TO_CARRIER', 'sent'],
    ['EXPIRED', 'expired', 'expired', false],
    ['UNREACHABLE', 'undeliverable', 'invalid_recipient', true],
    ['NOT_SENT', 'rejected', 'unknown', false],
    ['BAD_FROM', 'rejected', 'sender', false],
    ['BAD_TO', 'rejected', 'invalid_recipient', true],
    ['BAD_ENCODING', 'rejected', 'content', false],
    ['BAD_CARRIER/FROM', 'rejected', 'sender', false],
    ['SENT_TO_DEVICE', 'sent'],
    ['DELIVERED_TO_DEVICE', 'delivered'],
    ['UNDELIVERED', 'undeliverable', 'unknown', false],
    ['NOT_ENOUGH_FUNDS', 'rejected', 'account', false],
    ['BAD_TIMEZONE', 'rejected', 'content', false],
    ['SENDING', 'accepted'],
    ['PENDING', 'accepted'],
    ['READ', 'read'],
    ['ACCEPTD', 'sent'],
    ['BAD ADDRESS', 'undeliverable', 'invalid_recipient', true],
    ['BUFFRED', 'sent'],
    ['CARRIER GATEWAY ERROR', 'deferred'],
    ['DELETED', 'undeliverable', 'provider_error', false],
    ['DELIVERED TO CARRIER', 'sent'],
    ['DELIVRD', 'delivered'],
    ['INTERNAL ERROR', 'undeliverable', 'provider_error', false],
    ['INVALID ROUTING', 'undeliverable', 'provider_error', false],
    ['INVALID TEMPLATE ID', 'rejected', 'content', false],
    ['INVALID TEMPLATE PARAMETERS', 'rejected', 'content', false],
    ['INVALID TEMPLATE TYPE', 'rejected', 'content', false],
    ['REJECTD', 'rejected', 'unknown', false],
    ['TEMPLATE NOT SUPPORTED', 'rejected', 'content', false],
    ['UNDELIV', 'undeliverable', 'unknown', false],
    ['SENT_TO_CARRIER', 'sent'],
  ],
  email: [
    ['SENT', 'sent'],
    ['EXPIRED', 'expired', 'expired', false],
    ['NOT_SENT', 'rejected', 'unknown', false],
    ['BAD_FROM', 'rejected', 'sender', false],
    ['BAD_TO', 'rejected', 'invalid_recipient', true],
    ['BAD_ENCODING', 'rejected', 'content', false],
    ['NOT_ENOUGH_FUNDS', 'rejected', 'account', false],
    ['BAD_TIMEZONE', 'rejected', 'content', false],
    ['SENDING', 'accepted'],
    ['BOUNCED', 'undeliverable', 'unknown', false],
    ['COMPLAINED', 'complained', 'spam', true],
    ['READ', 'read'],
    ['UNSUPPORTED_ATTACHMENT_TYPE', 'rejected', 'content', false],
    ['EXCEEDS_SIZE_OF_ATTACHMENTS', 'rejected', 'content', false],
  ],
  push: [
    ['SENT', 'delivered'],
    ['DELIVERED_TO_DEVICE', 'delivered'],
  ],
}

const CODES: Readonly<Record<LegacyChannel, ReadonlyArray<string>>> = {
  sms: MESSANGI_LEGACY_SMS_STATUS_CODES,
  email: MESSANGI_LEGACY_EMAIL_STATUS_CODES,
  push: MESSANGI_LEGACY_PUSH_STATUS_CODES,
}

/** Codes no stored copy of the status appendix lists, which another legacy page shows. */
const NOT_IN_APPENDIX: Readonly<Record<LegacyChannel, ReadonlyArray<string>>> = {
  sms: ['SENT_TO_CARRIER'],
  email: [],
  push: ['SENT', 'DELIVERED_TO_DEVICE'],
}

const vendorDoc = (name: string): string => readFileSync(new URL(`../../fixtures/vendor-docs/${name}`, import.meta.url), 'utf8')

interface AppendixRow {
  readonly copy: string
  readonly table: LegacyChannel
  readonly code: string
  /** Absent where the stored copy stops after the code. */
  readonly description?: string
}

/**
 * The rows of the legacy status appendix, copied verbatim into test/fixtures/vendor-docs:
 * copy A (later revision, SMS table only) and copy B (earlier revision, SMS and e-mail
 * tables). Copy C is copy B's raw source, cut earlier.
 */
const appendixRows = (): ReadonlyArray<AppendixRow> => {
  const rows: Array<AppendixRow> = []
  let copy = ''
  let table: LegacyChannel | undefined
  for (const line of vendorDoc('messangi-legacy-status.txt').split('\n')) {
    const heading = /^([ABC])\. /.exec(line)
    if (heading) {
      copy = heading[1] ?? ''
      table = copy === 'A' ? 'sms' : undefined
      continue
    }
    if (line.startsWith('--- SMS')) table = 'sms'
    else if (line.startsWith('--- E-mail')) table = 'email'
    else if (line.startsWith('--- PUSH')) table = 'push'
    if (table === undefined || copy === 'C') continue
    const row = copy === 'A' ? /^\| ([A-Z_/ ]+?) \|(?: (.+) \|)?$/.exec(line) : /^([A-Z_/ ]+?) \| (.+) \|$/.exec(line)
    if (row) rows.push({ copy, table, code: row[1] ?? '', ...(row[2] === undefined ? {} : { description: row[2] }) })
  }
  return rows
}

const uniqueInOrder = (codes: ReadonlyArray<string>): ReadonlyArray<string> => [...new Set(codes)]

const channels = Object.keys(EXPECTED) as ReadonlyArray<LegacyChannel>

describe('Messangi legacy catalogs against the status appendix', () => {
  const rows = appendixRows()
  const ofTable = (table: LegacyChannel): ReadonlyArray<AppendixRow> => rows.filter((row) => row.table === table)

  it('reads the tables the stored copies have: 34 SMS rows of copy A, 18 of copy B, 15 e-mail rows, no PUSH row', () => {
    expect(ofTable('sms').filter((row) => row.copy === 'A')).toHaveLength(34)
    expect(ofTable('sms').filter((row) => row.copy === 'B')).toHaveLength(18)
    expect(ofTable('email')).toHaveLength(15)
    expect(ofTable('push')).toHaveLength(0)
    // Copy A stops right after UNDELIV, before its description.
    expect(ofTable('sms').filter((row) => row.copy === 'A').at(-1)).toEqual({ copy: 'A', table: 'sms', code: 'UNDELIV' })
  })

  it.each(channels)('%s: every code of the appendix table, in its order and once, then the codes another page shows', (channel) => {
    expect(CODES[channel]).toEqual([...uniqueInOrder(ofTable(channel).map((row) => row.code)), ...NOT_IN_APPENDIX[channel]])
  })

  it.each(channels)('%s: each code of the table has one of its descriptions there, verbatim, and no source', (channel) => {
    for (const code of uniqueInOrder(ofTable(channel).map((row) => row.code))) {
      const entry = lookupStatus(MESSANGI_LEGACY_CATALOGS, channel, code)
      const texts = ofTable(channel).filter((row) => row.code === code).flatMap((row) => (row.description === undefined ? [] : [row.description]))
      expect(entry?.source, code).toBeUndefined()
      if (texts.length === 0) expect(entry?.descriptionBy, `${code}: the vendor's description was not obtained`).toBe('deliverykit')
      else {
        expect(entry?.descriptionBy, code).toBeUndefined()
        expect(texts, code).toContain(entry?.description)
      }
      // A code listed with several descriptions quotes the others in its rationale.
      for (const text of new Set(texts)) if (text !== entry?.description) expect(entry?.rationale, code).toContain(`"${text}"`)
    }
  })

  it('EXPIRED: three SMS descriptions and two e-mail ones; one is kept, the rationale quotes the others', () => {
    expect(uniqueInOrder(ofTable('sms').filter((row) => row.code === 'EXPIRED').map((row) => row.description ?? ''))).toEqual([
      'Maximum number of tries reached.',
      'Message not sent. Maximum number of tries reached.',
      'Message expired by the external entity.',
    ])
    expect(MESSANGI_LEGACY_SMS_CATALOG.EXPIRED.description).toBe('Maximum number of tries reached.')
    expect(MESSANGI_LEGACY_SMS_CATALOG.EXPIRED.rationale).toContain('"Message expired by the external entity."')
    expect(MESSANGI_LEGACY_EMAIL_CATALOG.EXPIRED.rationale).toContain('"Message not sent. Maximum number of tries reached."')
  })

  it('UNDELIV: its description was not obtained, so the one deliverykit wrote says so and is marked', () => {
    expect(vendorDoc('messangi-legacy-status.txt')).toContain('| UNDELIV |\n[copy ends: NOT OBTAINED from here on]')
    expect(MESSANGI_LEGACY_SMS_CATALOG.UNDELIV.descriptionBy).toBe('deliverykit')
    expect(MESSANGI_LEGACY_SMS_CATALOG.UNDELIV.description).toMatch(/^Description not obtained/)
    const marked = channels.flatMap((channel) => CODES[channel].filter((code) => lookupStatus(MESSANGI_LEGACY_CATALOGS, channel, code)?.descriptionBy !== undefined).map((code) => `${channel} ${code}`))
    expect(marked).toEqual(['sms UNDELIV'])
  })

  it('SENT_TO_CARRIER comes from the legacy sendSMS response sample, with its statusDescription', () => {
    const samples = vendorDoc('messangi-legacy-samples.txt')
    expect(samples).toContain('<status>SENT_TO_CARRIER</status>\n\t\t\t<statusDescription>Sent to Carrier</statusDescription>')
    expect(MESSANGI_LEGACY_SMS_CATALOG.SENT_TO_CARRIER.description).toBe('Sent to Carrier')
    expect(MESSANGI_LEGACY_SMS_CATALOG.SENT_TO_CARRIER.source).toContain('https://messangi.com/documentation/doku.php?id=restapi:sms')
    expect(MESSANGI_LEGACY_SMS_CATALOG.SENT_TO_CARRIER).toMatchObject({ classification: 'transient', status: 'sent' })
  })

  it('PUSH: the appendix table was not obtained, so the catalog holds the SENT a push getMessage sample shows and the DELIVERED_TO_DEVICE of Messangi\'s demo app', () => {
    expect(vendorDoc('messangi-legacy-status.txt')).toContain('[copy ends: the PUSH table was NOT OBTAINED]')
    const samples = vendorDoc('messangi-legacy-samples.txt')
    expect(samples).toContain('<type>PUSH</type>')
    expect(samples).toContain('<status>SENT</status>\n\t\t<statusDescription>Sent</statusDescription>')
    expect(MESSANGI_LEGACY_PUSH_STATUS_CODES).toEqual(['SENT', 'DELIVERED_TO_DEVICE'])
    expect(MESSANGI_LEGACY_PUSH_CATALOG.SENT.description).toBe('Sent')
    expect(MESSANGI_LEGACY_PUSH_CATALOG.SENT.source).toContain('https://messangi.com/documentation/doku.php?id=restapi:message')
    // The mapping rests on the callback page's name for the push callback.
    expect(vendorDoc('messangi-legacy-callbacks.txt')).toContain('===== Delivered PUSH messages =====')
    expect(MESSANGI_LEGACY_PUSH_CATALOG.SENT.rationale).toContain('"Delivered PUSH messages"')
  })

  it('PUSH DELIVERED_TO_DEVICE: Messangi\'s own words, from the records of its demo app that the fixture names', () => {
    const fixture = JSON.parse(readFileSync(new URL('../../fixtures/wild/messangi/implied-legacy-push-delivered-to-device.json', import.meta.url), 'utf8')) as {
      readonly source: { readonly repo: string; readonly path: string; readonly commit: string; readonly lines: string }
      readonly evidence: string
      readonly form: string
    }
    const entry = MESSANGI_LEGACY_PUSH_CATALOG.DELIVERED_TO_DEVICE
    // The record's statusDescription, as the fixture quotes it: Messangi's words, not deliverykit's.
    expect(fixture.evidence).toContain('"statusDescription": "Delivered to Device"')
    expect([entry.description, entry.descriptionBy]).toEqual(['Delivered to Device', undefined])
    expect(new URLSearchParams(fixture.form).get('STATUS')).toBe('DELIVERED_TO_DEVICE')
    for (const part of [fixture.source.repo, fixture.source.path, fixture.source.commit.slice(0, 8), `lines ${fixture.source.lines}`]) expect(entry.source).toContain(part)
    // A push that reached the device is delivered, as the SMS table's DELIVERED_TO_DEVICE.
    expect(entry).toMatchObject({ classification: 'final', status: MESSANGI_LEGACY_SMS_CATALOG.DELIVERED_TO_DEVICE.status })
  })

  it('every code outside the appendix says where it comes from: another legacy page, or Messangi\'s own demo app', () => {
    for (const channel of channels) for (const code of NOT_IN_APPENDIX[channel]) expect(lookupStatus(MESSANGI_LEGACY_CATALOGS, channel, code)?.source, `${channel} ${code}`).toMatch(/https:\/\/messangi\.com\/documentation\/|messangi\/MessangiIonic/)
  })
})

describe('Messangi legacy mappings', () => {
  it('has a catalog per legacy TYPE: SMS, EMAIL, PUSH', () => {
    expect(Object.keys(MESSANGI_LEGACY_CATALOGS)).toEqual(['sms', 'email', 'push'])
  })

  it.each(channels)('%s: has a decision for every code, and every decision is tested', (channel) => {
    expect(EXPECTED[channel].map(([code]) => code)).toEqual([...CODES[channel]])
  })

  const cases = channels.flatMap((channel) => EXPECTED[channel].map(([code, status, reason, permanent]) => ({ channel, code, status, reason, permanent })))

  it.each(cases)('$channel "$code" maps to $status', ({ channel, code, status, reason, permanent }) => {
    const entry = lookupStatus(MESSANGI_LEGACY_CATALOGS, channel, code)
    expectDecision(entry, { status, reason, permanent })
    expect(entry?.rationale.length).toBeGreaterThan(10)
  })

  it('is permanent only where the vendor\'s words name a lasting cause', () => {
    // Written by hand: every permanent (channel, code), with the words of its description
    // that name the lasting cause.
    const lasting: ReadonlyArray<readonly [channel: LegacyChannel, code: string, words: string]> = [
      ['sms', 'UNREACHABLE', 'Unknown Mobile number or device id'],
      ['sms', 'BAD_TO', "Invalid 'to' parameter"],
      ['sms', 'BAD ADDRESS', 'Invalid or Incorrect destination address'],
      ['email', 'BAD_TO', "Invalid 'to' parameter"],
      ['email', 'COMPLAINED', 'marked and registered by the recipient as spam'],
    ]
    const permanentRows = channels.flatMap((channel) =>
      CODES[channel].filter((code) => { const entry = lookupStatus(MESSANGI_LEGACY_CATALOGS, channel, code); return entry?.classification === 'failure' && entry.failure.permanent }).map((code) => `${channel} ${code}`),
    )
    expect(permanentRows).toEqual(lasting.map(([channel, code]) => `${channel} ${code}`))
    for (const [channel, code, words] of lasting) expect(lookupStatus(MESSANGI_LEGACY_CATALOGS, channel, code)?.description).toContain(words)
  })

  it('the spaced carrier codes are their own rows: INVALID ROUTING names the routing, not the number', () => {
    expect(MESSANGI_LEGACY_SMS_CATALOG['INVALID ROUTING']).toMatchObject({ description: 'Invalid or Incorrect routing.', status: 'undeliverable', failure: { reason: 'provider_error', permanent: false } })
    expect(lookupStatus(MESSANGI_LEGACY_CATALOGS, 'sms', 'INVALID_ROUTING')).toBeUndefined()
    expect(MESSANGI_LEGACY_SMS_CATALOG['DELIVERED TO CARRIER'].status).toBe(MESSANGI_LEGACY_SMS_CATALOG.DELIVERED_TO_CARRIER.status)
  })

  it('knows the STATUS of every legacy delivery fixture, looked up by its TYPE', () => {
    const dir = new URL('../../fixtures/wild/messangi/', import.meta.url)
    const channelOfType: Readonly<Record<string, LegacyChannel>> = { SMS: 'sms', EMAIL: 'email', PUSH: 'push' }
    const seen = readdirSync(dir)
      .filter((name) => name.startsWith('implied-legacy-'))
      .map((name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as { callback: string; form?: string })
      .filter((fixture) => fixture.callback === 'delivery')
      .map((fixture) => new URLSearchParams(fixture.form ?? ''))
      .map((form) => [channelOfType[form.get('TYPE') ?? ''], form.get('STATUS') ?? ''] as const)
    expect(seen.map(([channel, code]) => `${String(channel)} ${code}`).sort()).toEqual(
      ['email BOUNCED', 'push DELIVERED_TO_DEVICE', 'push SENT', 'sms DELIVERED TO CARRIER', 'sms DELIVERED_TO_DEVICE', 'sms INVALID ROUTING'],
    )
    for (const [channel, code] of seen) expect(channel !== undefined && lookupStatus(MESSANGI_LEGACY_CATALOGS, channel, code), `${String(channel)} ${code}`).toBeTruthy()
  })
})
