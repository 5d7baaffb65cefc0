// What each Messangi body shape puts in its event, field by field: the exact fields its
// eventId is the digest of (a stored id must not change between versions), the fields
// left out when the body has none, and the channel option a body without one needs.
import { formatError } from 'deliverykit'
import { normalizeInbound, normalizeWebhook } from 'deliverykit/messangi'
import { describe, expect, it } from 'vitest'

import { digest } from '../../src/internal/digest.js'
import { leftOf, rightOf } from '../helpers.js'

const status = { id: 'wa-1', status: 'READ', to: '5588999999999', date: '2024-01-01T12:00:00.000Z' }
const sendResponse = { meta: { transactionId: 'tx-1' }, data: { id: 'm-1', status: 'DELIVERED', to: '5588999999999', date: '2024-01-01-T12:00:00.00Z' } }
const legacy = { TYPE: 'PUSH', MESSANGI_ID: '-8174720676710228700', STATUS: 'SENT', TO: '5551234' }
const mo = { user: '5588999999999', text: 'Hello', id: 'mo-1', date: '2025-05-23T14:30:00', origin: '12345' }
const legacyMo = { TYPE: 'MO_MESSAGE', FROM: '5551234', TEXT: 'Hi', TO: '12345' }
const legacyFacebook = { TYPE: 'FACEBOOK', FROM: 'fb-1', MESSAGE_BODY: 'Hi', MESSANGI_ID: '77', TO: 'page-1' }
const legacyInbound = { mo: 'Hi', mobile: '5551234' }

const onlyEvent = <A>(events: ReadonlyArray<A>): A => {
  expect(events).toHaveLength(1)
  const [event] = events
  if (event === undefined) return expect.fail('no event')
  return event
}
const delivery = (body: object) => onlyEvent(rightOf(normalizeWebhook(body, { channel: 'whatsapp' })))
const inbound = (body: object) => onlyEvent(rightOf(normalizeInbound(body)))

describe('the eventId of each Messangi shape is the digest of its documented fields', () => {
  it('delivery bodies: vendor, message id, recipient, status code and the time text as sent', () => {
    expect(delivery(status).eventId).toBe(digest(['messangi', 'wa-1', '5588999999999', 'READ', '2024-01-01T12:00:00.000Z']))
    expect(delivery(sendResponse).eventId).toBe(digest(['messangi', 'm-1', '5588999999999', 'DELIVERED', '2024-01-01-T12:00:00.00Z']))
  })

  it('a body without a time has the empty text in its place', () => {
    const { date: _date, ...undated } = status
    expect(delivery(undated).eventId).toBe(digest(['messangi', 'wa-1', '5588999999999', 'READ', '']))
    expect(delivery(legacy).eventId).toBe(digest(['messangi', '-8174720676710228700', '5551234', 'SENT', '']))
  })

  it('an MO callback: vendor, kind, its id, sender, text and time, an absent id or time the empty text', () => {
    expect(inbound(mo).eventId).toBe(digest(['messangi', 'inbound', 'mo-1', '5588999999999', 'Hello', '2025-05-23T14:30:00']))
    expect(inbound({ user: mo.user, text: mo.text }).eventId).toBe(digest(['messangi', 'inbound', '', '5588999999999', 'Hello', '']))
  })

  it('the legacy MO form: vendor, kind, sender, recipient and text', () => {
    expect(inbound(legacyMo).eventId).toBe(digest(['messangi', 'inbound', '5551234', '12345', 'Hi']))
    const { TO: _to, ...toNobody } = legacyMo
    expect(inbound(toNobody).eventId).toBe(digest(['messangi', 'inbound', '5551234', '', 'Hi']))
  })

  it('the legacy Facebook form: vendor, kind, "facebook", its id, sender and text', () => {
    expect(inbound(legacyFacebook).eventId).toBe(digest(['messangi', 'inbound', 'facebook', '77', 'fb-1', 'Hi']))
    const { MESSANGI_ID: _id, ...unnumbered } = legacyFacebook
    expect(inbound(unnumbered).eventId).toBe(digest(['messangi', 'inbound', 'facebook', '', 'fb-1', 'Hi']))
  })

  it('the legacy inbound form (mo, mobile): vendor, kind, sender and text', () => {
    expect(inbound(legacyInbound).eventId).toBe(digest(['messangi', 'inbound', '5551234', 'Hi']))
  })
})

describe('inbound events name their vendor, kind and channel, and leave out what the body lacks', () => {
  it('an MO callback with origin and date has to and vendorTime; without them, no such keys', () => {
    const full = inbound(mo)
    expect([full.kind, full.vendor, full.channel, full.kind === 'inbound' && full.to, full.vendorTime, full.occurredAt]).toEqual([
      'inbound',
      'messangi',
      'sms',
      '12345',
      '2025-05-23T14:30:00',
      undefined,
    ])
    expect(Object.keys(inbound({ user: mo.user, text: mo.text }))).toEqual(['kind', 'vendor', 'channel', 'from', 'text', 'raw', 'eventId'])
  })

  it('legacy forms: the MO form on sms and the Facebook form on facebook, with to only when TO is sent', () => {
    const moEvent = inbound(legacyMo)
    const facebookEvent = inbound(legacyFacebook)
    expect([moEvent.kind, moEvent.vendor, moEvent.channel, moEvent.kind === 'inbound' && moEvent.to]).toEqual(['inbound', 'messangi', 'sms', '12345'])
    expect([facebookEvent.kind, facebookEvent.vendor, facebookEvent.channel, facebookEvent.kind === 'inbound' && facebookEvent.to]).toEqual(['inbound', 'messangi', 'facebook', 'page-1'])
    const { TO: _to, ...toNobody } = legacyMo
    expect(Object.keys(inbound(toNobody))).toEqual(['kind', 'vendor', 'channel', 'from', 'text', 'raw', 'eventId'])
  })

  it('the legacy inbound form is an sms inbound event from mobile with the text of mo', () => {
    const event = inbound(legacyInbound)
    expect([event.kind, event.vendor, event.channel, event.kind === 'inbound' && event.from, event.kind === 'inbound' && event.text]).toEqual([
      'inbound',
      'messangi',
      'sms',
      '5551234',
      'Hi',
    ])
  })
})

describe('the channel option', () => {
  it('a send API response, like a status callback, needs it from an untyped caller', () => {
    for (const body of [sendResponse, status]) {
      const error = leftOf(normalizeWebhook(body, {} as never))
      expect([error.kind, formatError(error)]).toEqual([
        'invalid_options',
        'options.channel: expected one of sms, email, push, rcs, whatsapp (Messangi status callbacks and send API responses do not name their channel), received nothing',
      ])
    }
  })

  it('a legacy body keeps the channel its TYPE names over the option', () => {
    expect(delivery(legacy).channel).toBe('push')
  })
})
