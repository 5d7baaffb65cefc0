import { normalize } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { leftOf, payload, rightOf } from '../../helpers.js'

const sms = { message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }

describe('Octopush body shapes', () => {
  it('reads numbers sent as numeric text (form-encoded bodies)', () => {
    const [event] = rightOf(
      normalize('octopush', {
        ...sms,
        channel: 'voice_sms',
        unit_price: '0.065',
        meta_data: { call_duration: '35', charged_duration: '30', pressed_keys_code: 3545 },
      }),
    )
    expect(event?.cost).toEqual({ amount: 0.065 })
    expect(event?.details).toEqual({ pressedKeys: '3545', callDurationSeconds: 35, chargedDurationSeconds: 30 })
  })

  it('prefers meta_data voice extras over the older top-level ones when both are sent', () => {
    const [event] = rightOf(
      normalize('octopush', { ...sms, channel: 'voice_sms', call_duration: '10', meta_data: { call_duration: 35 } }),
    )
    expect(event?.details.callDurationSeconds).toBe(35)
  })

  it('rejects numeric text that is not a plain decimal number', () => {
    for (const bad of ['', '1e3', '0x10', ' 5', '5 ', 'NaN', 'Infinity', '1.', '.5']) {
      const error = leftOf(normalize('octopush', { ...sms, unit_price: bad }))
      expect(error.issues[0].path).toEqual(['unit_price'])
    }
  })

  it('uses the channel option for bodies that do not name a channel, and only for them', () => {
    expect(rightOf(normalize('octopush', sms, { channel: 'whatsapp' }))[0]?.channel).toBe('whatsapp')
    expect(rightOf(normalize('octopush', { ...sms, channel: 'rcs' }, { channel: 'voice' }))[0]?.channel).toBe('rcs')
  })

  it('treats a body without channel but with deliveries as e-mail', () => {
    const { channel: _channel, ...body } = payload('octopush/email.json')
    const events = rightOf(normalize('octopush', body))
    expect(events.map((event) => [event.channel, event.recipient])).toEqual([
      ['email', 'first.recipient@example.com'],
      ['email', 'second.recipient@example.com'],
    ])
  })

  it('keeps extra fields the vendor adds in raw, and ignores them otherwise', () => {
    const body = { ...sms, api_version: '2', sim_card_number: '+33700000000' }
    const [event] = rightOf(normalize('octopush', body))
    expect(event?.raw).toMatchObject({ api_version: '2', sim_card_number: '+33700000000' })
    expect(event?.status).toBe('delivered')
  })

  it('orders status_history oldest first, whatever order it arrives in', () => {
    const body = {
      channel: 'email',
      message_id: 'email_1',
      deliveries: [
        {
          email: 'a@example.com',
          status: 'CLICKED',
          delivery_date: '2025-01-22 12:30:00',
          status_history: [
            { status: 'OPENED', delivery_date: '2025-01-22 12:25:00' },
            { status: 'TRANSMITTED', delivery_date: '2025-01-22 12:20:00' },
            { status: 'DELIVERED', delivery_date: '2025-01-22 12:21:00' },
          ],
        },
      ],
    }
    const [event] = rightOf(normalize('octopush', body))
    expect(event?.history.map((entry) => [entry.vendorStatus, entry.status, entry.occurredAt])).toEqual([
      ['TRANSMITTED', 'accepted', '2025-01-22T12:20:00+01:00'],
      ['DELIVERED', 'delivered', '2025-01-22T12:21:00+01:00'],
      ['OPENED', 'read', '2025-01-22T12:25:00+01:00'],
    ])
    // The body's own array is left in the order it came in.
    expect(body.deliveries[0]?.status_history.map((item) => item.status)).toEqual(['OPENED', 'TRANSMITTED', 'DELIVERED'])
  })

  it('returns no events for an e-mail callback with no recipients', () => {
    expect(rightOf(normalize('octopush', { channel: 'email', message_id: 'email_1', deliveries: [] }))).toEqual([])
  })

  it('gives failure events their failure and no other event one', () => {
    const events = rightOf(normalize('octopush', payload('octopush/email.json')))
    expect(events.map((event) => 'failure' in event)).toEqual([false, true])
  })
})
