import { normalize } from 'deliverykit'
import { normalizeLegacy } from 'deliverykit/messangi'
import { describe, expect, it } from 'vitest'

import { leftOf, payload, rightOf } from '../../helpers.js'

const callback = { id: 'm-1', to: '+5588999999999', status: 'DELIVRD' }

describe('Messangi body shapes', () => {
  it.each([
    ['a number', 1704110400000],
    ['numeric text', '1704110400000'],
    ['other text', '2024-01-01 12:00:00'],
  ])('accepts timestamp as %s and keeps it in raw, unread', (_, timestamp) => {
    const [event] = rightOf(normalize('messangi', { ...callback, timestamp }, { channel: 'sms' }))
    expect(event?.raw['timestamp']).toBe(timestamp)
    expect(event?.occurredAt).toBeUndefined()
  })

  it('needs only id, to and status: without the optional fields, the event has none of theirs', () => {
    const [event] = rightOf(normalize('messangi', callback, { channel: 'sms' }))
    expect(event).not.toHaveProperty('occurredAt')
    expect(event).not.toHaveProperty('vendorTime')
    expect(event).not.toHaveProperty('reference')
    expect(event?.details).toEqual({})
  })

  it('treats empty externalId, from and campaignId as absent', () => {
    const [event] = rightOf(normalize('messangi', { ...callback, externalId: '', from: '', campaignId: '' }, { channel: 'sms' }))
    expect(event).not.toHaveProperty('reference')
    expect(event?.details).toEqual({})
  })

  it('keeps extra fields in raw and ignores them otherwise', () => {
    const body = { ...payload('messangi/whatsapp/callback.json'), conversationId: 'c-1', pricing: { billable: true } }
    const [event] = rightOf(normalize('messangi', body, { channel: 'whatsapp' }))
    expect(event?.raw).toMatchObject({ conversationId: 'c-1', pricing: { billable: true } })
    expect(event?.status).toBe('read')
  })

  it('accepts a JSON number id that is a safe integer, as text', () => {
    const [event] = rightOf(normalize('messangi', { ...callback, id: 9007199254740991, campaignId: 42 }, { channel: 'sms' }))
    expect(event?.messageId).toBe('9007199254740991')
    expect(event?.details.campaignId).toBe('42')
  })

  it.each([
    ['2024-01-01T12:00:00Z', '2024-01-01T12:00:00+00:00'],
    ['2024-01-01T12:00:00.5Z', '2024-01-01T12:00:00.500+00:00'],
    ['2024-01-01T12:00:00.123456789Z', '2024-01-01T12:00:00.123+00:00'],
    ['2024-01-01T08:00:00.999-04:00', '2024-01-01T08:00:00.999-04:00'],
    ['2014-01-24T12:45:50.903-04:30', '2014-01-24T12:45:50.903-04:30'],
    ['2024-01-01T13:00:00+0100', '2024-01-01T13:00:00+01:00'],
  ])('keeps the instant and offset of %s', (date, occurredAt) => {
    const [event] = rightOf(normalize('messangi', { ...callback, date }, { channel: 'sms' }))
    expect(event?.occurredAt).toBe(occurredAt)
    expect(event?.vendorTime).toBe(date)
  })

  it('reads a legacy body whose values are all strings, as from a parsed form', () => {
    const form = Object.fromEntries(new URLSearchParams('FROM=12345&TO=584141234567&TYPE=SMS&MESSANGI_ID=77&STATUS=UNDELIVERED&EXTRA=1'))
    const [event] = rightOf(normalizeLegacy(form))
    // UNDELIVERED is a legacy code: "Message not delivered to device."
    expect(event).toMatchObject({ channel: 'sms', messageId: '77', vendorStatus: 'UNDELIVERED', description: 'Message not delivered to device.' })
    expect(event?.raw).toEqual(form)
  })

  it('reads a legacy code whose form encoding spells its space as +, in the legacy appendix of its TYPE', () => {
    const [event] = rightOf(normalizeLegacy('FROM=12345&TO=584141234567&TYPE=SMS&MESSANGI_ID=77&STATUS=DELIVERED+TO+CARRIER'))
    expect(event).toMatchObject({ vendorStatus: 'DELIVERED TO CARRIER', description: 'Message delivered to the external entity.' })
  })

  it('a legacy push callback knows SENT and DELIVERED_TO_DEVICE only: the push appendix was not obtained, so other codes are unknown, not guessed', () => {
    const error = leftOf(normalizeLegacy('TYPE=PUSH&MESSANGI_ID=77&TO=token&STATUS=UNREGISTERED'))
    expect([error.kind, error.issues[0].message]).toEqual(['unknown_status', 'STATUS: "UNREGISTERED" is not a Messangi legacy push status; expected one of SENT, DELIVERED_TO_DEVICE'])
  })

  it('send API response without meta and date is read too', () => {
    const [event] = rightOf(normalize('messangi', { data: { id: 'x', to: '+1', status: 'QUEUE' } }, { channel: 'sms' }))
    expect(event).toMatchObject({ status: 'accepted', messageId: 'x' })
    expect(event).not.toHaveProperty('occurredAt')
  })

  it('gives the same eventId to a redelivery and a different one to another status', () => {
    const body = payload('messangi/sms/mt-callback.json')
    const id = (b: unknown) => rightOf(normalize('messangi', b, { channel: 'sms' }))[0]?.eventId
    expect(id({ ...body })).toBe(id(body))
    expect(id({ ...body, status: 'UNDELIV' })).not.toBe(id(body))
    expect(id(body)).toMatch(/^[0-9a-f]{32}$/)
  })
})
