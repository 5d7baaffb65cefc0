import { classify, eventFromStatus, formatError, type CatalogEntry } from 'deliverykit'
import { MASSTACK_EMAIL_CATALOG, MASSTACK_EMAIL_STATUS_CODES, MASSTACK_SMS_CATALOG, MASSTACK_SMS_STATUS_CODES } from 'deliverykit/masstack'
import { MESSANGI_CATALOGS } from 'deliverykit/messangi'
import { OCTOPUSH_CATALOG, OCTOPUSH_STATUS_CODES } from 'deliverykit/octopush'
import { describe, expect, it } from 'vitest'

import { leftOf, rightOf } from '../helpers.js'

describe('classify', () => {
  it('agrees with the Octopush catalog for every code on every channel Octopush uses', () => {
    for (const channel of ['sms', 'voice', 'email', 'rcs', 'whatsapp'] as const) {
      for (const code of OCTOPUSH_STATUS_CODES) {
        const { rationale: _rationale, source: _source, descriptionBy: _descriptionBy, ...entry } = OCTOPUSH_CATALOG[code]
        expect(rightOf(classify('octopush', channel, code))).toEqual({ ...entry, vendor: 'octopush', channel, vendorStatus: code })
      }
    }
  })

  it('agrees with the Messangi catalog of each channel, and knows no code on a channel Messangi does not use', () => {
    for (const channel of ['sms', 'email', 'push', 'rcs', 'whatsapp'] as const) {
      // Where a code comes from, and who wrote its description, are the catalog's, not the classification's.
      for (const [code, { rationale: _rationale, source: _source, descriptionBy: _descriptionBy, ...entry }] of Object.entries(MESSANGI_CATALOGS[channel] ?? {})) {
        expect(rightOf(classify('messangi', channel, code))).toEqual({ ...entry, vendor: 'messangi', channel, vendorStatus: code })
      }
    }
    expect(formatError(leftOf(classify('messangi', 'voice', 'SENT')))).toBe('options.channel: expected one of sms, email, push, rcs, whatsapp, received "voice"')
  })

  it('judgement calls come out as decided', () => {
    expect(rightOf(classify('octopush', 'email', 'SPAM_PRESUMPTION'))).toMatchObject({ status: 'unconfirmed', failure: { reason: 'spam', permanent: false } })
    expect(rightOf(classify('octopush', 'sms', 'UNKNOWN_DELIVERY'))).toMatchObject({ status: 'unconfirmed', classification: 'failure' })
  })

  it('an unknown code is an unknown_status error with the known codes', () => {
    const error = leftOf(classify('octopush', 'sms', 'BOUNCY'))
    expect(error.kind).toBe('unknown_status')
    expect(formatError(error)).toMatch(/^code: "BOUNCY" is not an Octopush status; expected one of DELIVERED, READ/)
  })

  it('a channel the vendor does not use, or an unknown vendor, is an invalid_options error', () => {
    expect(formatError(leftOf(classify('octopush', 'push', 'DELIVERED')))).toBe(
      'options.channel: expected one of sms, voice, email, rcs, whatsapp, facebook, instagram, received "push"',
    )
    expect(leftOf(classify('nope' as never, 'sms', 'DELIVERED')).kind).toBe('invalid_options')
  })
})

describe('eventFromStatus', () => {
  const report = { channel: 'sms', code: 'BAD_DESTINATION', messageId: 'sms_1', recipient: '+33600000000', occurredAt: '2025-01-22T10:46:06.5Z' } as const

  it('builds the event a callback would give', () => {
    const event = rightOf(eventFromStatus('octopush', report))
    expect(event).toMatchObject({
      vendor: 'octopush',
      channel: 'sms',
      classification: 'failure',
      status: 'undeliverable',
      failure: { reason: 'invalid_recipient', permanent: true },
      description: 'Invalid destination',
      occurredAt: '2025-01-22T10:46:06.500+00:00',
      vendorTime: '2025-01-22T10:46:06.5Z',
      history: [],
      details: {},
    })
    expect(event.eventId).toBe(rightOf(eventFromStatus('octopush', { ...report })).eventId)
    expect(event.eventId).not.toBe(rightOf(eventFromStatus('octopush', { ...report, code: 'EXPIRED' })).eventId)
  })

  it('takes a Date', () => {
    const event = rightOf(eventFromStatus('octopush', { ...report, occurredAt: new Date(Date.UTC(2025, 0, 22, 10, 46, 6)) }))
    expect(event.occurredAt).toBe('2025-01-22T10:46:06.000+00:00')
  })

  it('refuses a time without an offset, and unknown codes unless kept', () => {
    expect(formatError(leftOf(eventFromStatus('octopush', { ...report, occurredAt: '2025-01-22 10:46:06' })))).toBe(
      'options.occurredAt: expected ISO-8601 with Z or an offset, such as "2025-01-22T11:46:06+01:00", received "2025-01-22 10:46:06"',
    )
    expect(leftOf(eventFromStatus('octopush', { ...report, code: 'NEW' })).kind).toBe('unknown_status')
    expect(rightOf(eventFromStatus('octopush', { ...report, code: 'NEW' }, { unknownStatus: 'keep' })).classification).toBe('unknown')
  })
})

describe('classify for Masstack', () => {
  it('agrees with the Masstack catalog of each channel for every code it has', () => {
    for (const [channel, codes, catalog] of [
      ['sms', MASSTACK_SMS_STATUS_CODES, MASSTACK_SMS_CATALOG],
      ['email', MASSTACK_EMAIL_STATUS_CODES, MASSTACK_EMAIL_CATALOG],
    ] as const) {
      for (const code of codes) {
        const { rationale: _rationale, source: _source, descriptionBy: _descriptionBy, ...entry } = (catalog as Readonly<Record<string, CatalogEntry>>)[code] ?? expect.fail(code)
        expect(rightOf(classify('masstack', channel, code))).toEqual({ ...entry, vendor: 'masstack', channel, vendorStatus: code })
      }
    }
  })

  it('judgement calls come out as decided', () => {
    expect(rightOf(classify('masstack', 'email', 'REJECTED'))).toMatchObject({ classification: 'failure', status: 'undeliverable', failure: { reason: 'mailbox', permanent: false } })
    expect(rightOf(classify('masstack', 'email', 'DEFERRED'))).toMatchObject({ classification: 'transient', status: 'deferred' })
    expect(rightOf(classify('masstack', 'email', 'DELIVERED'))).toMatchObject({ classification: 'final', status: 'delivered' })
    expect(rightOf(classify('masstack', 'email', 'DROPPED'))).toMatchObject({ classification: 'failure', status: 'rejected', failure: { reason: 'blocked_recipient', permanent: true } })
    expect(rightOf(classify('masstack', 'sms', 'FAILED'))).toMatchObject({ classification: 'failure', status: 'unconfirmed', failure: { reason: 'provider_error', permanent: false } })
    expect(rightOf(classify('masstack', 'sms', 'UNDELIVERABLE'))).toMatchObject({ status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: true } })
    // The same code, two channels, two descriptions.
    expect(rightOf(classify('masstack', 'sms', 'SUBMITTED')).description).toMatch(/^The SMS has been already submitted to GSM network/)
    expect(rightOf(classify('masstack', 'email', 'SUBMITTED')).description).toMatch(/^The e-mail has been accepted and submitted/)
  })

  it('a code of the other channel is an unknown_status error naming that channel', () => {
    const error = leftOf(classify('masstack', 'sms', 'OPEN'))
    expect(error.kind).toBe('unknown_status')
    expect(error.issues[0]).toMatchObject({ channel: 'sms', status: 'OPEN', knownOn: ['email'], path: ['code'] })
    expect(formatError(error)).toBe(
      'code: "OPEN" is not a Masstack SMS status (it is a status on e-mail); expected one of REGISTERED, SUBMITTED, DELIVERED, EXPIRED, UNDELIVERABLE, FAILED',
    )
  })

  it('a channel Masstack does not use is an invalid_options error', () => {
    expect(formatError(leftOf(classify('masstack', 'whatsapp', 'DELIVERED')))).toBe('options.channel: expected one of sms, email, received "whatsapp"')
  })

  it('eventFromStatus builds a Masstack event from a polled status', () => {
    const event = rightOf(eventFromStatus('masstack', { channel: 'email', code: 'REJECTED', messageId: 'c-2', recipient: 'a@example.com', reference: 'sale-1', occurredAt: '2024-08-01T10:39:07.550031Z' }))
    expect(event).toMatchObject({
      vendor: 'masstack',
      channel: 'email',
      classification: 'failure',
      status: 'undeliverable',
      failure: { reason: 'mailbox', permanent: false },
      reference: 'sale-1',
      occurredAt: '2024-08-01T10:39:07.550+00:00',
      vendorTime: '2024-08-01T10:39:07.550031Z',
    })
    expect(leftOf(eventFromStatus('masstack', { channel: 'email', code: 'REGISTERED', messageId: 'c-2', recipient: 'a@example.com' })).issues[0]).toMatchObject({ knownOn: ['sms'] })
  })
})
