import { formatError, normalizeInbound } from 'deliverykit'
import * as octopush from 'deliverykit/octopush'
import { describe, expect, it } from 'vitest'

import { deepFreeze, leftOf, payload, rightOf } from '../../helpers.js'

// Field lists and sample values from Octopush's "Callback Stop SMS (Opt-Out)" and
// "Webhook SMS Inbounds" pages.
const stop = { message_id: 'sms_5fa275dbf21dc', number: '+33600000000', text: 'stop', stop_date: '2020-11-04 11:11:45' }
const reply = { message_id: 'sms_5fa275dbf21dc', number: '+44600000000', text: 'some reply', sim_card_number: '12345', reception_date: '2020-11-04 11:11:45' }

describe('Octopush STOP and inbound callbacks', () => {
  it('a STOP callback is an opt_out event', () => {
    const [event] = rightOf(normalizeInbound('octopush', deepFreeze({ ...stop })))
    const { eventId: _eventId, ...rest } = event ?? { eventId: '' }
    expect(rest).toEqual({
      kind: 'opt_out',
      vendor: 'octopush',
      channel: 'sms',
      from: '+33600000000',
      text: 'stop',
      messageId: 'sms_5fa275dbf21dc',
      occurredAt: '2020-11-04T11:11:45+01:00',
      vendorTime: '2020-11-04 11:11:45',
      raw: stop,
    })
    expect(event?.eventId).toMatch(/^[0-9a-f]{32}$/)
  })

  it('an inbound SMS is an inbound event, with the receiving SIM as to', () => {
    const [event] = rightOf(octopush.normalizeInbound(reply, { timeZone: 'UTC' }))
    expect(event).toMatchObject({ kind: 'inbound', from: '+44600000000', to: '12345', text: 'some reply', messageId: 'sms_5fa275dbf21dc', occurredAt: '2020-11-04T11:11:45+00:00' })
  })

  it('accepts the older answer_date and a reply without message_id', () => {
    const { message_id: _id, reception_date: date, ...rest } = reply
    const [event] = rightOf(normalizeInbound('octopush', { ...rest, answer_date: date }))
    expect(event && 'messageId' in event).toBe(false)
    expect(event?.vendorTime).toBe('2020-11-04 11:11:45')
  })

  it('accepts a form-encoded STOP', () => {
    const [event] = rightOf(normalizeInbound('octopush', 'message_id=sms_1&number=%2B33600000000&text=STOP&stop_date=2020-11-04+11%3A11%3A45'))
    expect([event?.kind, event?.from, event?.text]).toEqual(['opt_out', '+33600000000', 'STOP'])
  })

  it('gives the same eventId to a redelivery and a different one to another STOP', () => {
    const first = rightOf(normalizeInbound('octopush', stop))[0]?.eventId
    expect(rightOf(normalizeInbound('octopush', { ...stop }))[0]?.eventId).toBe(first)
    expect(rightOf(normalizeInbound('octopush', { ...stop, number: '+33600000001' }))[0]?.eventId).not.toBe(first)
  })

  it('refuses a delivery receipt as an unexpected_callback that names the functions that decode it', () => {
    const error = leftOf(normalizeInbound('octopush', payload('octopush/sms.json')))
    expect([error.kind, formatError(error)]).toEqual([
      'unexpected_callback',
      '(root): this is an Octopush delivery receipt, not an opt-out or inbound message; decode it with normalizeWebhook or normalize',
    ])
    expect(formatError(leftOf(normalizeInbound('octopush', { ...stop, stop_date: '2020-13-04 11:11:45' })))).toBe(
      'stop_date: "2020-13-04 11:11:45" is not a valid date-time; expected "YYYY-MM-DD HH:mm:ss" (Octopush local time) or an ISO-8601 instant with Z or an offset',
    )
  })

  it('an unknown vendor is an invalid_options error', () => {
    expect(leftOf(normalizeInbound('nope' as never, stop)).kind).toBe('invalid_options')
  })
})
