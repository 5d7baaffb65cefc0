// What each Messangi body shape puts in its event, field by field: the exact values its
// eventId is the digest of (a stored id must not change between versions), the fields
// left out when the body has none, and the channel option a body without one needs.
import { formatError } from 'deliverykit'
import { normalizeInbound, normalizeWebhook } from 'deliverykit/messangi'
import { describe, expect, it } from 'vitest'

import { digest, type DigestValue } from '../../../src/util/digest.js'
import { leftOf, rightOf } from '../../helpers.js'

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

/**
 * The id as the second format makes it, written out: the format (2), the vendor, the kind, the shape,
 * the event's fields in their fixed order, and the fields the event keeps in raw only.
 */
const idOf = (kind: string, shape: string, fields: ReadonlyArray<DigestValue>, rawIdentity: ReadonlyArray<DigestValue> = []): string =>
  digest([2, 'messangi', kind, shape, fields, rawIdentity])

describe('the eventId of each Messangi shape is the digest of what its event reports', () => {
  // Delivery fields: channel, messageId, recipient, vendorStatus, vendorTime, reference, cost, history, details (key, value pairs).
  it('delivery bodies: the channel, message id, recipient, code, time text as sent, reference and details, each shape apart', () => {
    expect(delivery(status).eventId).toBe(idOf('delivery', 'status', ['whatsapp', 'wa-1', '5588999999999', 'READ', '2024-01-01T12:00:00.000Z', undefined, undefined, [], []]))
    expect(delivery(sendResponse).eventId).toBe(idOf('delivery', 'sendResponse', ['whatsapp', 'm-1', '5588999999999', 'DELIVERED', '2024-01-01-T12:00:00.00Z', undefined, undefined, [], []]))
    expect(delivery({ ...status, externalId: 'ref-1', from: '12345', campaignId: 'c-1' }).eventId).toBe(
      idOf('delivery', 'status', ['whatsapp', 'wa-1', '5588999999999', 'READ', '2024-01-01T12:00:00.000Z', 'ref-1', undefined, [], ['sender', '12345', 'campaignId', 'c-1']]),
    )
  })

  it('a body without a time has an absent value in its place, not the empty text', () => {
    const { date: _date, ...undated } = status
    expect(delivery(undated).eventId).toBe(idOf('delivery', 'status', ['whatsapp', 'wa-1', '5588999999999', 'READ', undefined, undefined, undefined, [], []]))
    expect(delivery(legacy).eventId).toBe(idOf('delivery', 'legacyStatus', ['push', '-8174720676710228700', '5551234', 'SENT', undefined, undefined, undefined, [], []]))
  })

  // Inbound fields: channel, from, to, text, messageId, vendorTime.
  it('an MO callback: its fields, and its id (in raw only) after them; an absent id or time is absent', () => {
    expect(inbound(mo).eventId).toBe(idOf('inbound', 'mo', ['sms', '5588999999999', '12345', 'Hello', undefined, '2025-05-23T14:30:00'], ['mo-1']))
    expect(inbound({ user: mo.user, text: mo.text }).eventId).toBe(idOf('inbound', 'mo', ['sms', '5588999999999', undefined, 'Hello', undefined, undefined], [undefined]))
  })

  it('the legacy MO form: sender, recipient and text', () => {
    expect(inbound(legacyMo).eventId).toBe(idOf('inbound', 'legacyMo', ['sms', '5551234', '12345', 'Hi', undefined, undefined]))
    const { TO: _to, ...toNobody } = legacyMo
    expect(inbound(toNobody).eventId).toBe(idOf('inbound', 'legacyMo', ['sms', '5551234', undefined, 'Hi', undefined, undefined]))
  })

  it('the legacy Facebook form: its fields, and its MESSANGI_ID (in raw only) after them', () => {
    expect(inbound(legacyFacebook).eventId).toBe(idOf('inbound', 'legacyFacebook', ['facebook', 'fb-1', 'page-1', 'Hi', undefined, undefined], ['77']))
    const { MESSANGI_ID: _id, ...unnumbered } = legacyFacebook
    expect(inbound(unnumbered).eventId).toBe(idOf('inbound', 'legacyFacebook', ['facebook', 'fb-1', 'page-1', 'Hi', undefined, undefined], [undefined]))
  })

  it('the legacy inbound form (mo, mobile): sender and text', () => {
    expect(inbound(legacyInbound).eventId).toBe(idOf('inbound', 'legacyInbound', ['sms', '5551234', undefined, 'Hi', undefined, undefined]))
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
