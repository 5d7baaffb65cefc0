import { classify, eventFromStatus, formatError } from 'deliverykit'
import { MESSANGI_CATALOGS } from 'deliverykit/messangi'
import { OCTOPUSH_CATALOG, OCTOPUSH_STATUS_CODES } from 'deliverykit/octopush'
import { describe, expect, it } from 'vitest'

import { leftOf, rightOf } from './helpers.js'

describe('classify', () => {
  it('agrees with the Octopush catalog for every code on every channel Octopush uses', () => {
    for (const channel of ['sms', 'voice', 'email', 'rcs', 'whatsapp'] as const) {
      for (const code of OCTOPUSH_STATUS_CODES) {
        const { rationale: _rationale, ...entry } = OCTOPUSH_CATALOG[code]
        expect(rightOf(classify('octopush', channel, code))).toEqual({ ...entry, vendor: 'octopush', channel, vendorStatus: code })
      }
    }
  })

  it('agrees with the Messangi catalog of each channel, and knows no code on a channel Messangi does not use', () => {
    for (const channel of ['sms', 'email', 'push', 'rcs', 'whatsapp'] as const) {
      for (const [code, { rationale: _rationale, ...entry }] of Object.entries(MESSANGI_CATALOGS[channel] ?? {})) {
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
      'options.channel: expected one of sms, voice, email, rcs, whatsapp, received "push"',
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
