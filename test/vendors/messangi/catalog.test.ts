import { readFileSync } from 'node:fs'

import { lookupStatus, normalize, type Channel, type Status } from 'deliverykit'
import {
  MESSANGI_CATALOGS,
  MESSANGI_EMAIL_STATUS_CODES,
  MESSANGI_PUSH_STATUS_CODES,
  MESSANGI_RCS_STATUS_CODES,
  MESSANGI_SMS_STATUS_CODES,
  MESSANGI_WHATSAPP_STATUS_CODES,
  type MessangiChannel,
} from 'deliverykit/messangi'
import { describe, expect, it } from 'vitest'

import { type Decision, expectDecision, rightOf } from '../../helpers.js'

type Expected = Decision

// The decisions, written out independently of the catalogs so that a changed mapping is a
// failing test that someone must read. Failures carry their reason and permanence.
const EXPECTED: Readonly<Record<MessangiChannel, ReadonlyArray<Expected>>> = {
  sms: [
    ['SENT', 'sent'],
    ['EXPIRED', 'expired', 'expired', false],
    ['DELETED', 'undeliverable', 'provider_error', false],
    ['UNDELIV', 'undeliverable', 'unreachable', false],
    ['ACCEPTD', 'sent'],
    ['UNKNOWN', 'unconfirmed', 'provider_error', false],
    ['REJECTD', 'rejected', 'unknown', false],
    ['INVALID_ROUTING', 'undeliverable', 'invalid_recipient', true],
    ['CODE_NOT_ALLOWED', 'rejected', 'sender', false],
    ['BLACKLISTED', 'rejected', 'blocked_recipient', true],
    ['QUEUE', 'accepted'],
    ['DEQUEUED', 'accepted'],
    ['DELIVRD', 'delivered'],
    ['INCOMPLETE', 'sent'],
    ['ENROUTE', 'sent'],
    ['SEGMENTS_EXCEEDED', 'rejected', 'content', false],
    ['EXHAUSTED', 'expired', 'expired', false],
    ['ACCEPTED', 'accepted'],
  ],
  email: [
    ['DEQUEUED', 'accepted'],
    ['NOT_SENT', 'rejected', 'provider_error', false],
    ['BAD_TO', 'rejected', 'invalid_recipient', true],
    ['BAD_FROM', 'rejected', 'sender', false],
    ['BLACKLISTED', 'rejected', 'blocked_recipient', true],
    ['BLOCKED_DUE_BAD_BEHAVIOUR', 'rejected', 'policy', false],
    ['SENT', 'sent'],
    ['EXHAUSTED', 'expired', 'expired', false],
    ['BOUNCED_PERMANENT', 'undeliverable', 'blocked_recipient', true],
    ['BOUNCED', 'undeliverable', 'unknown', false],
    ['COMPLAINED', 'complained', 'spam', true],
    ['OPEN', 'read'],
    ['CLICK', 'clicked'],
    ['INCOMPLETE', 'sent'],
  ],
  push: [
    ['SENT', 'delivered'],
    ['DEQUEUED', 'accepted'],
    ['AUTH_MISSING', 'rejected', 'account', false],
    ['EXHAUSTED', 'expired', 'expired', false],
    ['NOT_SENT', 'rejected', 'unknown', false],
    ['BAD_DEVICE_TOKEN', 'undeliverable', 'invalid_recipient', true],
    ['BAD_PLATFORM', 'rejected', 'account', false],
    ['AUTH_ERROR', 'rejected', 'account', false],
    ['PAYLOAD_LIMIT_EXCEEDED', 'rejected', 'content', false],
    ['INVALID_MESSAGE', 'rejected', 'content', false],
    ['DEVICE_QUOTA_EXCEEDED', 'rejected', 'rate_limited', false],
    ['SERVER_UNAVAILABLE', 'undeliverable', 'provider_error', false],
    ['SERVER_ERROR', 'undeliverable', 'provider_error', false],
    ['UNREGISTERED', 'undeliverable', 'invalid_recipient', true],
    ['NOT_CONTEMPLATED_ERROR', 'undeliverable', 'provider_error', false],
    ['MISMATCHED_TOKEN', 'rejected', 'sender', false],
    ['INCOMPLETE', 'delivered'],
  ],
  rcs: [
    ['SENT', 'sent'],
    ['DELIVERED', 'delivered'],
    ['READ', 'read'],
    ['FALLBACK', 'undeliverable', 'provider_error', false],
    ['NOT_SENT', 'undeliverable', 'provider_error', false],
    ['INCOMPLETE', 'sent'],
    ['BLACKLISTED', 'rejected', 'blocked_recipient', true],
    ['EXHAUSTED', 'expired', 'provider_error', false],
  ],
  whatsapp: [
    ['SENT', 'sent'],
    ['DELIVERED', 'delivered'],
    ['READ', 'read'],
    ['CODE_NOT_ALLOWED', 'rejected', 'sender', false],
    ['FAILED', 'undeliverable', 'unknown', false],
    ['QUOTA_EXCEEDED', 'rejected', 'rate_limited', false],
    ['INCOMPLETE', 'sent'],
    ['QUEUE', 'accepted'],
    ['DEQUEUED', 'accepted'],
    ['BLACKLISTED', 'rejected', 'blocked_recipient', true],
  ],
}

const CODES: Readonly<Record<MessangiChannel, ReadonlyArray<string>>> = {
  sms: MESSANGI_SMS_STATUS_CODES,
  email: MESSANGI_EMAIL_STATUS_CODES,
  push: MESSANGI_PUSH_STATUS_CODES,
  rcs: MESSANGI_RCS_STATUS_CODES,
  whatsapp: MESSANGI_WHATSAPP_STATUS_CODES,
}

/** Codes newer than the older combined page, or outside every status page (ACCEPTED), with their source. */
const NOT_ON_OLDER_PAGE: Readonly<Record<MessangiChannel, ReadonlyArray<string>>> = {
  sms: ['SEGMENTS_EXCEEDED', 'EXHAUSTED', 'ACCEPTED'],
  email: [],
  push: [],
  rcs: ['BLACKLISTED', 'EXHAUSTED'],
  whatsapp: ['QUEUE', 'DEQUEUED', 'BLACKLISTED'],
}

const SECTION_OF_HEADER: Readonly<Record<string, MessangiChannel>> = {
  'SMS Message Status': 'sms',
  'Email Message Status': 'email',
  'Push notification Status': 'push',
  'RCS Message Status': 'rcs',
  'WhatsApp Message Status': 'whatsapp',
}

/** The status tables of Messangi's older combined page, copied verbatim into test/fixtures/vendor-docs, by channel. */
const vendorTables = (): Readonly<Record<MessangiChannel, ReadonlyArray<readonly [string, string]>>> => {
  const tables: Record<MessangiChannel, Array<readonly [string, string]>> = { sms: [], email: [], push: [], rcs: [], whatsapp: [] }
  let channel: MessangiChannel | undefined
  for (const line of readFileSync(new URL('../../fixtures/vendor-docs/messangi-message-status.txt', import.meta.url), 'utf8').split('\n')) {
    const [first = '', second = ''] = line.split('|').map((cell) => cell.trim())
    if (second === 'Description') channel = SECTION_OF_HEADER[first]
    else if (channel !== undefined && /^[A-Z_]+$/.test(first)) tables[channel].push([first, second])
  }
  return tables
}

/**
 * The rows of Messangi's newer per-channel status pages that the catalogs quote, copied
 * verbatim into test/fixtures/vendor-docs, with the address of their page.
 */
const newerPageRows = (): ReadonlyArray<readonly [url: string, code: string, description: string]> => {
  const rows: Array<readonly [string, string, string]> = []
  let url = ''
  for (const line of readFileSync(new URL('../../fixtures/vendor-docs/messangi-status-pages.txt', import.meta.url), 'utf8').split('\n')) {
    const heading = /^[A-Z]\. (https:\S+)/.exec(line)
    if (heading) url = heading[1] ?? ''
    const row = /^([A-Z_]+) \| (.+) \|$/.exec(line)
    if (row && url !== '') rows.push([url, row[1] ?? '', row[2] ?? ''])
  }
  return rows
}

const channels = Object.keys(EXPECTED) as ReadonlyArray<MessangiChannel>

describe('Messangi catalogs', () => {
  const tables = vendorTables()

  it('reads all five tables of the vendor page (15 SMS, 14 e-mail, 17 push, 6 RCS, 7 WhatsApp codes)', () => {
    expect(channels.map((channel) => tables[channel].length)).toEqual([15, 14, 17, 6, 7])
  })

  it.each(channels)('%s: every code of the vendor table, in its order and with its description, then the newer codes', (channel) => {
    const table = tables[channel]
    expect(CODES[channel]).toEqual([...table.map(([code]) => code), ...NOT_ON_OLDER_PAGE[channel]])
    for (const [code, description] of table) expect(lookupStatus(MESSANGI_CATALOGS, channel, code)?.description).toBe(description)
  })

  it('gives the codes of the older page no source: their description is the vendor\'s, from that page', () => {
    for (const channel of channels) {
      for (const [code] of tables[channel]) {
        const entry = lookupStatus(MESSANGI_CATALOGS, channel, code)
        expect(entry?.source, `${channel} ${code}`).toBeUndefined()
        expect(entry?.descriptionBy, `${channel} ${code}`).toBeUndefined()
      }
    }
  })

  it('says where each code not on the older page comes from, and quotes that page verbatim', () => {
    const rows = newerPageRows()
    for (const channel of channels) {
      for (const code of NOT_ON_OLDER_PAGE[channel]) {
        const entry = lookupStatus(MESSANGI_CATALOGS, channel, code)
        const source = entry?.source ?? expect.fail(`${channel} ${code} has no source`)
        if (entry?.descriptionBy === 'deliverykit') continue
        // The page the source names has the code with exactly this description.
        const quoted = rows.filter(([url, row]) => source.includes(`(${url})`) && row === code).map(([, , description]) => description)
        expect(quoted, `${channel} ${code}`).toContain(entry?.description)
      }
    }
  })

  it('marks the one description deliverykit wrote (ACCEPTED, which no Messangi page describes) and names the integration it comes from', () => {
    const marked = channels.flatMap((channel) => CODES[channel].filter((code) => lookupStatus(MESSANGI_CATALOGS, channel, code)?.descriptionBy !== undefined).map((code) => `${channel} ${code}`))
    expect(marked).toEqual(['sms ACCEPTED'])
    const accepted = lookupStatus(MESSANGI_CATALOGS, 'sms', 'ACCEPTED')
    expect(accepted?.descriptionBy).toBe('deliverykit')
    // The integration's send-API mock answers status ACCEPTED.
    const fixture = JSON.parse(readFileSync(new URL('../../fixtures/wild/messangi/weni-send-response-nested-accepted.json', import.meta.url), 'utf8')) as {
      source: { repo: string; path: string }
      body: { data: { status: string } }
    }
    expect(fixture.body.data.status).toBe('ACCEPTED')
    expect(accepted?.source).toContain(fixture.source.repo)
    expect(accepted?.source).toContain(fixture.source.path)
  })

  it.each(channels)('%s: has a decision for every code, and every decision is tested', (channel) => {
    expect(EXPECTED[channel].map(([code]) => code)).toEqual([...CODES[channel]])
  })

  it('gives every mapping a rationale, and every judgement call says so', () => {
    for (const channel of channels) for (const code of CODES[channel]) expect(lookupStatus(MESSANGI_CATALOGS, channel, code)?.rationale.length).toBeGreaterThan(10)
    const judged: ReadonlyArray<readonly [MessangiChannel, string]> = [
      ['sms', 'INCOMPLETE'], ['sms', 'ENROUTE'], ['sms', 'ACCEPTD'], ['sms', 'UNKNOWN'], ['sms', 'DELETED'],
      ['push', 'SENT'], ['rcs', 'FALLBACK'], ['whatsapp', 'SENT'], ['email', 'INCOMPLETE'], ['email', 'BOUNCED'],
    ]
    for (const [channel, code] of judged) expect(lookupStatus(MESSANGI_CATALOGS, channel, code)?.rationale).toMatch(/^Judgement call: /)
  })

  const rows = channels.flatMap((channel) => EXPECTED[channel].map(([code, status, reason, permanent]) => ({ channel, code, status, reason, permanent })))

  it.each(rows)('$channel $code maps to $status', ({ channel, code, status, reason, permanent }) => {
    // An e-mail goes to an e-mail address: a phone number there is refused as another channel's body.
    const body = { id: 'm-1', to: channel === 'email' ? 'someone@example.com' : '+5588999999999', status: code, date: '2024-01-01T12:00:00Z' }
    const [event] = rightOf(normalize('messangi', body, { channel }))
    expect(event?.channel).toBe(channel)
    expectDecision(event, { status, reason, permanent })
    expect(event?.vendorStatus).toBe(code)
  })

  it('INCOMPLETE: one text on all five channels, "has been sent", so each channel maps it as its SENT', () => {
    // Written by hand: what SENT, and so INCOMPLETE, means on each channel.
    const asSent: Readonly<Record<MessangiChannel, readonly [string, Status]>> = {
      sms: ['transient', 'sent'],
      email: ['transient', 'sent'],
      push: ['final', 'delivered'],
      rcs: ['transient', 'sent'],
      whatsapp: ['transient', 'sent'],
    }
    for (const channel of channels) {
      const [, vendorText = ''] = tables[channel].find(([code]) => code === 'INCOMPLETE') ?? []
      expect(vendorText, channel).toContain('message has been sent but the placeholder information is empty')
      const incomplete = lookupStatus(MESSANGI_CATALOGS, channel, 'INCOMPLETE')
      const sent = lookupStatus(MESSANGI_CATALOGS, channel, 'SENT')
      expect([incomplete?.classification, incomplete?.status], channel).toEqual(asSent[channel])
      expect([sent?.classification, sent?.status], channel).toEqual(asSent[channel])
      expect(incomplete).not.toHaveProperty('failure')
      // The content problem is in the rationale, with the vendor's words the mapping rests on.
      expect(incomplete?.rationale, channel).toMatch(/"has been sent"/)
      expect(incomplete?.rationale, channel).toMatch(/empty placeholder data is a content problem/)
    }
    // The newer SMS pages' reading: a segmented message whose segment statuses are pending.
    const sms = newerPageRows().filter(([url, code]) => url === 'https://docs.messangi.com/docs/sms-status' && code === 'INCOMPLETE').map(([, , text]) => text)
    expect(sms).toHaveLength(2)
    expect(sms[0]).toContain('segmented messages with pending segment statuses')
    expect(sms[1]).toContain('for which we do not yet have the status of each segment')
    expect(lookupStatus(MESSANGI_CATALOGS, 'sms', 'INCOMPLETE')?.rationale).toMatch(/segment statuses are pending/)
  })

  it('is permanent only where the vendor\'s words name a lasting cause', () => {
    // Written by hand: every permanent (channel, code), with the words (of its description,
    // or the code itself) that name the lasting cause.
    const lasting: ReadonlyArray<readonly [channel: MessangiChannel, code: string, words: string]> = [
      ['sms', 'INVALID_ROUTING', 'Phone number is not valid'],
      ['sms', 'BLACKLISTED', 'Recipient is blacklisted'],
      ['email', 'BAD_TO', 'Invalid To parameter'],
      ['email', 'BLACKLISTED', 'The email is blacklisted'],
      ['email', 'BOUNCED_PERMANENT', 'BOUNCED_PERMANENT Recipient blocked'],
      ['email', 'COMPLAINED', 'Recipient marked the email as spam'],
      ['push', 'BAD_DEVICE_TOKEN', 'The device token is invalid'],
      ['push', 'UNREGISTERED', 'The device token is unregistered or inactive'],
      ['rcs', 'BLACKLISTED', "the intended recipient's phone number is on a blacklist"],
      ['whatsapp', 'BLACKLISTED', 'the recipient phone number is on a blocklist'],
    ]
    const permanentRows = channels.flatMap((channel) =>
      CODES[channel].filter((code) => { const entry = lookupStatus(MESSANGI_CATALOGS, channel, code); return entry?.classification === 'failure' && entry.failure.permanent }).map((code) => `${channel} ${code}`),
    )
    expect(permanentRows).toEqual(lasting.map(([channel, code]) => `${channel} ${code}`))
    // Descriptions are checked against the vendor's pages by the tests above.
    for (const [channel, code, words] of lasting) expect(`${code} ${lookupStatus(MESSANGI_CATALOGS, channel, code)?.description ?? ''}`).toContain(words)
  })

  it('e-mail BOUNCED ("The email was rejected.") names no cause: reason unknown, temporary', () => {
    expect(tables.email.find(([code]) => code === 'BOUNCED')?.[1]).toBe('The email was rejected.')
    expect(lookupStatus(MESSANGI_CATALOGS, 'email', 'BOUNCED')).toMatchObject({ status: 'undeliverable', failure: { reason: 'unknown', permanent: false } })
  })

  it('e-mail BOUNCED_PERMANENT ("Recipient blocked.") is a blocked recipient, permanent', () => {
    expect(tables.email.find(([code]) => code === 'BOUNCED_PERMANENT')?.[1]).toBe('Recipient blocked.')
    expect(lookupStatus(MESSANGI_CATALOGS, 'email', 'BOUNCED_PERMANENT')).toMatchObject({ status: 'undeliverable', failure: { reason: 'blocked_recipient', permanent: true } })
  })

  it('RCS FALLBACK ("could not be generated by the RBM platform") is a provider failure, not an unreachable recipient', () => {
    expect(tables.rcs.find(([code]) => code === 'FALLBACK')?.[1]).toContain('Message could not be generated by the RBM platform and some other delivery method will be used')
    expect(lookupStatus(MESSANGI_CATALOGS, 'rcs', 'FALLBACK')).toMatchObject({ status: 'undeliverable', failure: { reason: 'provider_error', permanent: false } })
  })

  it('keys codes by channel: the same code means different things per channel', () => {
    const statusOn = (channel: Channel, code: string) => lookupStatus(MESSANGI_CATALOGS, channel, code)?.status
    expect(['sms', 'email', 'push', 'rcs', 'whatsapp'].map((c) => statusOn(c as Channel, 'SENT'))).toEqual(['sent', 'sent', 'delivered', 'sent', 'sent'])
    expect(['sms', 'email', 'push', 'rcs', 'whatsapp'].map((c) => statusOn(c as Channel, 'INCOMPLETE'))).toEqual(['sent', 'sent', 'delivered', 'sent', 'sent'])
    expect(statusOn('sms', 'DELIVRD')).toBe('delivered')
    expect(statusOn('sms', 'DELIVERED')).toBeUndefined()
    expect(statusOn('rcs', 'DELIVRD')).toBeUndefined()
    expect(statusOn('voice', 'SENT')).toBeUndefined()
  })
})
