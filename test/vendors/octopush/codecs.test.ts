// The public Octopush codecs for one kind of callback, and the fields events leave out
// when a body has none: what a caller composing the codecs, or reading events, relies on.
import { normalize, normalizeInbound } from 'deliverykit'
import { OctopushDeliveryCallback, OctopushInteractionCallback } from 'deliverykit/octopush'
import { describe, expect, it } from 'vitest'

import { decodeOrMessages as decode, leftOf, rightOf } from '../../helpers.js'

const phone = { message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }
const email = { message_id: 'email_1', deliveries: [{ email: 'a@example.com', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }] }
const stop = { message_id: 'sms_1', number: '+33600000000', text: 'STOP', stop_date: '2020-11-04 11:11:45' }
const inbound = { number: '+33600000000', text: 'Hello', reception_date: '2020-11-04 11:11:45' }

describe('OctopushDeliveryCallback and OctopushInteractionCallback', () => {
  it('the delivery codec decodes phone and e-mail receipts, and refuses a STOP or an inbound message by name', () => {
    expect(decode(OctopushDeliveryCallback, phone)).toEqual(phone)
    expect(decode(OctopushDeliveryCallback, email)).toEqual(email)
    expect(decode(OctopushDeliveryCallback, stop)).toMatch(/this is an .*STOP.*, not a delivery receipt/)
    expect(decode(OctopushDeliveryCallback, inbound)).toMatch(/this is an .*inbound.*, not a delivery receipt/)
  })

  it('the interaction codec decodes STOPs and inbound messages, and refuses receipts by name', () => {
    expect(decode(OctopushInteractionCallback, stop)).toEqual(stop)
    expect(decode(OctopushInteractionCallback, inbound)).toEqual(inbound)
    expect(decode(OctopushInteractionCallback, phone)).toMatch(/this is an .*, not a STOP or inbound callback/)
    expect(decode(OctopushInteractionCallback, email)).toMatch(/this is an .*e-mail.*, not a STOP or inbound callback/)
  })

  it('a body with deliveries and delivery_date but no channel is refused, not guessed', () => {
    expect(leftOf(normalize('octopush', { ...email, delivery_date: '2025-01-22 11:46:06' })).issues.map((issue) => issue.message)).toEqual([
      '(root): the body has deliveries (an e-mail receipt) and delivery_date (a phone receipt), and no channel to say which it is',
    ])
    expect(rightOf(normalize('octopush', { ...email, channel: 'email', delivery_date: '2025-01-22 11:46:06' })).map((event) => event.recipient)).toEqual(['a@example.com'])
  })
})

describe('fields a callback does not send are not in its event', () => {
  it('an opt-out without text, message_id or date has no such keys', () => {
    const [event] = rightOf(normalizeInbound('octopush', { number: '+33600000000', stop_date: '2020-11-04 11:11:45' }))
    expect(event === undefined ? [] : Object.keys(event).filter((key) => ['text', 'messageId'].includes(key))).toEqual([])
    const [full] = rightOf(normalizeInbound('octopush', stop))
    expect([full?.kind, full?.kind === 'opt_out' && full.text, full?.kind === 'opt_out' && full.messageId]).toEqual(['opt_out', 'STOP', 'sms_1'])
  })

  it('an inbound message without sim_card_number or a date has no to, occurredAt or vendorTime', () => {
    const [event] = rightOf(normalizeInbound('octopush', { number: '+33600000000', text: 'Hi' }))
    expect(event === undefined ? ['none'] : Object.keys(event).filter((key) => ['to', 'occurredAt', 'vendorTime'].includes(key))).toEqual([])
    const [dated] = rightOf(normalizeInbound('octopush', { ...inbound, sim_card_number: '+33700000000' }))
    expect(dated === undefined ? [] : [dated.kind === 'inbound' && dated.to, dated.occurredAt, dated.vendorTime]).toEqual(['+33700000000', '2020-11-04T11:11:45+01:00', '2020-11-04 11:11:45'])
  })

  it('two inbound messages differing only in text or time have different event ids', () => {
    const idOf = (body: object) => rightOf(normalizeInbound('octopush', body))[0]?.eventId
    const ids = [idOf(inbound), idOf({ ...inbound, text: 'Hello!' }), idOf({ ...inbound, reception_date: '2020-11-04 11:11:46' }), idOf({ number: inbound.number, text: inbound.text })]
    expect(new Set(ids).size).toBe(4)
    const stops = [idOf(stop), idOf({ ...stop, text: 'STOP!' }), idOf({ number: stop.number, stop_date: stop.stop_date })]
    expect(new Set(stops).size).toBe(3)
  })
})
