import { normalize } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { payload, rightOf, withoutRawAndId } from '../../helpers.js'

// Each payload below is verbatim from Octopush's documents (the e-mail addresses, which
// the stored copy obfuscates, are replaced by example.com ones). Expected events are
// written by hand from the catalog decisions and the Europe/Paris default zone
// (January is UTC+1, July UTC+2).

describe('Octopush documented callbacks', () => {
  it('SMS (current format)', () => {
    const body = payload('octopush/sms.json')
    const events = rightOf(normalize('octopush', body))
    expect(events.map(withoutRawAndId)).toEqual([
      {
        kind: 'delivery',
        vendor: 'octopush',
        channel: 'sms',
        messageId: 'sms_0000000000000000000000',
        recipient: '+33600112233',
        vendorStatus: 'DELIVERED',
        description: 'Message successfully delivered',
        classification: 'final',
        status: 'delivered',
        occurredAt: '2025-01-22T11:46:06+01:00',
        vendorTime: '2025-01-22 11:46:06',
        cost: { amount: 0.5 },
        history: [],
        details: { listName: 'List Name' },
      },
    ])
    expect(events[0]?.raw).toEqual(body)
  })

  it('voice SMS with extras in meta_data', () => {
    const events = rightOf(normalize('octopush', payload('octopush/voice-sms.json')))
    expect(events.map(withoutRawAndId)).toEqual([
      {
        kind: 'delivery',
        vendor: 'octopush',
        channel: 'voice',
        messageId: 'voice_0000000000000000000000',
        recipient: '+33600112233',
        vendorStatus: 'DELIVERED',
        description: 'Message successfully delivered',
        classification: 'final',
        status: 'delivered',
        occurredAt: '2025-01-22T12:28:27+01:00',
        vendorTime: '2025-01-22 12:28:27',
        cost: { amount: 0.5 },
        history: [],
        details: { listName: 'List Name', pressedKeys: '3545', callDurationSeconds: 35, chargedDurationSeconds: 30 },
      },
    ])
  })

  it('voice SMS in the older format: durations as text at the top level, no channel', () => {
    const events = rightOf(normalize('octopush', payload('octopush/voice-sms-2020.json')))
    expect(events.map(withoutRawAndId)).toEqual([
      {
        kind: 'delivery',
        vendor: 'octopush',
        channel: 'voice',
        messageId: 'voice_5fa275dbf21dc',
        recipient: '+33600000000',
        vendorStatus: 'NOT_DELIVERED',
        description: 'Message not delivered',
        classification: 'failure',
        status: 'undeliverable',
        failure: { reason: 'unreachable', permanent: false },
        occurredAt: '2020-11-04T11:11:45+01:00',
        vendorTime: '2020-11-04 11:11:45',
        history: [],
        details: { callDurationSeconds: 0, chargedDurationSeconds: 0 },
      },
    ])
  })

  it('RCS', () => {
    const [event] = rightOf(normalize('octopush', payload('octopush/rcs.json')))
    expect(event && withoutRawAndId(event)).toEqual({
      kind: 'delivery',
      vendor: 'octopush',
      channel: 'rcs',
      messageId: 'rcs_0000000000000000000000',
      recipient: '+33600112233',
      vendorStatus: 'DELIVERED',
      description: 'Message successfully delivered',
      classification: 'final',
      status: 'delivered',
      occurredAt: '2025-01-22T12:29:14+01:00',
      vendorTime: '2025-01-22 12:29:14',
      cost: { amount: 0.5 },
      history: [],
      details: { listName: 'List Name' },
    })
  })

  it('WhatsApp as a phone channel (summer time: UTC+2)', () => {
    const [event] = rightOf(normalize('octopush', payload('octopush/whatsapp.json')))
    expect(event && withoutRawAndId(event)).toEqual({
      kind: 'delivery',
      vendor: 'octopush',
      channel: 'whatsapp',
      messageId: 'whatsapp_0000000000000000000000',
      recipient: '+33600112233',
      vendorStatus: 'READ',
      description: 'Message read',
      classification: 'final',
      status: 'read',
      occurredAt: '2025-07-14T09:05:00+02:00',
      vendorTime: '2025-07-14 09:05:00',
      cost: { amount: 0.5 },
      history: [],
      details: {},
    })
  })

  it('SMS in the 2020 format (no channel, no price): SMS by default', () => {
    const [event] = rightOf(normalize('octopush', payload('octopush/sms-2020.json')))
    expect(event && withoutRawAndId(event)).toEqual({
      kind: 'delivery',
      vendor: 'octopush',
      channel: 'sms',
      messageId: 'sms_5fa275dbf21dc',
      recipient: '+33600000000',
      vendorStatus: 'DELIVERED',
      description: 'Message successfully delivered',
      classification: 'final',
      status: 'delivered',
      occurredAt: '2020-11-04T11:11:45+01:00',
      vendorTime: '2020-11-04 11:11:45',
      history: [],
      details: {},
    })
  })

  it('e-mail: one event per recipient, status_history as earlier states', () => {
    const body = payload('octopush/email.json')
    const events = rightOf(normalize('octopush', body))
    expect(events.map(withoutRawAndId)).toEqual([
      {
        kind: 'delivery',
        vendor: 'octopush',
        channel: 'email',
        messageId: 'email_0000000000000000000000',
        recipient: 'first.recipient@example.com',
        vendorStatus: 'OPENED',
        description: 'The recipient has opened your email',
        classification: 'final',
        status: 'read',
        occurredAt: '2025-01-22T12:24:30+01:00',
        vendorTime: '2025-01-22 12:24:30',
        cost: { amount: 0.5 },
        history: [
          {
            classification: 'final',
            status: 'delivered',
            vendorStatus: 'DELIVERED',
            description: 'Message successfully delivered',
            occurredAt: '2025-01-22T12:23:30+01:00',
            vendorTime: '2025-01-22 12:23:30',
          },
        ],
        details: { listName: 'List Name', templateName: 'Template Name' },
      },
      {
        kind: 'delivery',
        vendor: 'octopush',
        channel: 'email',
        messageId: 'email_0000000000000000000000',
        recipient: 'second.recipient@example.com',
        vendorStatus: 'SPAM_PRESUMPTION',
        description: 'Potential spam detection for the email',
        classification: 'failure',
        status: 'unconfirmed',
        failure: { reason: 'spam', permanent: false },
        occurredAt: '2025-01-22T12:19:30+01:00',
        vendorTime: '2025-01-22 12:19:30',
        cost: { amount: 0.5 },
        history: [],
        details: { listName: 'List Name', templateName: 'Template Name' },
      },
    ])
    // Every event points at the body it came from, so nothing the vendor sent is lost.
    // Each event's raw is the part of the body it came from: the envelope's own fields, with
    // deliveries holding that one recipient's entry (itself a receipt for that recipient).
    const { deliveries, ...envelope } = body as { readonly deliveries: ReadonlyArray<unknown> }
    expect(events.map((event) => event.raw)).toEqual(deliveries.map((delivery) => ({ ...envelope, deliveries: [delivery] })))
  })
})
