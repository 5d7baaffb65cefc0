import { normalize } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { digest } from '../../../src/util/digest.js'
import { deepFreeze, payload, rightOf, withoutRawAndId } from '../../helpers.js'

// The bodies in examples/payloads/masstack are constructed (Masstack publishes none; see
// the folder's README). Expected events are written by hand from the catalog decisions:
// times with Z or an offset keep it, occurredAt comes from updatedTime, else requestTime.

const records = (body: Record<string, unknown>): ReadonlyArray<unknown> => body['data'] as ReadonlyArray<unknown>

describe('Masstack example bodies', () => {
  it('envelope-list.json: one event per record of data[], raw is the record', () => {
    const body = payload('masstack/envelope-list.json')
    const events = rightOf(normalize('masstack', body))
    expect(events.map(withoutRawAndId)).toEqual([
      {
        kind: 'delivery',
        vendor: 'masstack',
        channel: 'sms',
        messageId: '0b6f3c52-4d0e-4a57-9a51-3f1c2d7e8a10',
        recipient: '666123123',
        vendorStatus: 'DELIVERED',
        description: 'The SMS has been successfully delivered to the subscriber device',
        classification: 'final',
        status: 'delivered',
        occurredAt: '2024-08-01T10:38:45.698+00:00',
        vendorTime: '2024-08-01T10:38:45.698148Z',
        reference: 'sale-12512321',
        history: [],
        details: {},
      },
      {
        kind: 'delivery',
        vendor: 'masstack',
        channel: 'email',
        messageId: '5d2a9e71-8c34-4f0b-b6e2-91a7c0f4d3e5',
        recipient: 'customer@example.com',
        vendorStatus: 'OPEN',
        description: 'The e-mail has been already opened by the user',
        classification: 'final',
        status: 'read',
        occurredAt: '2024-08-01T11:02:13.104+00:00',
        vendorTime: '2024-08-01T11:02:13.104227Z',
        reference: 'sale-12512321',
        history: [],
        details: {},
      },
      {
        kind: 'delivery',
        vendor: 'masstack',
        channel: 'email',
        messageId: 'a41c7f08-2b9d-4e63-8d15-6f0e3b2c9a77',
        recipient: 'full.mailbox@example.com',
        vendorStatus: 'REJECTED',
        description: 'The e-mail was rejected by destination e-mail server because of a temporary reason, for example, the user memory usage is over quota',
        classification: 'failure',
        status: 'undeliverable',
        failure: { reason: 'mailbox', permanent: false },
        occurredAt: '2024-08-01T10:39:07.550+00:00',
        vendorTime: '2024-08-01T10:39:07.550031Z',
        reference: 'sale-12512322',
        history: [],
        details: {},
      },
    ])
    expect(events.map((event) => event.raw)).toEqual(records(body))
    // The format, vendor, kind, shape; the event's fields (channel, messageId, recipient, code, time text, reference, cost, history, details); the record's id.
    expect(events[0]?.eventId).toBe(
      digest([
        2,
        'masstack',
        'delivery',
        'record',
        ['sms', '0b6f3c52-4d0e-4a57-9a51-3f1c2d7e8a10', '666123123', 'DELIVERED', '2024-08-01T10:38:45.698148Z', 'sale-12512321', undefined, [], []],
        ['0b6f3c52-4d0e-4a57-9a51-3f1c2d7e8a10'],
      ]),
    )
  })

  it('envelope-one.json: upper-case channel, the number as a safe JSON number; a request time alone dates no status', () => {
    const body = payload('masstack/envelope-one.json')
    const events = rightOf(normalize('masstack', body))
    expect(events.map(withoutRawAndId)).toEqual([
      {
        kind: 'delivery',
        vendor: 'masstack',
        channel: 'sms',
        messageId: 'c3f1e2d4-7b8a-4c9d-8e0f-1a2b3c4d5e6f',
        recipient: '612345678',
        vendorStatus: 'REGISTERED',
        description: 'The SMS has been accepted (input is correct) and registered in the system to be submitted to GSM network for delivery, however the SMS has not been sent yet',
        classification: 'transient',
        status: 'accepted',
        reference: 'order-80031',
        history: [],
        details: {},
      },
    ])
    // The decoded record: numbers become text, every other field is kept as sent.
    expect(events[0]?.raw).toEqual({ ...(body['data'] as object), terminatingNumber: '612345678', countryCode: '34' })
  })

  it('record.json: a record alone, e-mail told by destinationEmail, externalId as the message id', () => {
    const body = payload('masstack/record.json')
    const events = rightOf(normalize('masstack', body))
    expect(events.map(withoutRawAndId)).toEqual([
      {
        kind: 'delivery',
        vendor: 'masstack',
        channel: 'email',
        messageId: 'newsletter-2025-01',
        recipient: 'busy.server@example.com',
        vendorStatus: 'DEFERRED',
        description: 'The e-mail was rejected by destination e-mail server because of a temporary issue expected to be resolved soon (e.g: overload), the sending will be reattempted',
        classification: 'transient',
        status: 'deferred',
        occurredAt: '2025-01-22T09:00:04.120+00:00',
        vendorTime: '2025-01-22T09:00:04.12Z',
        reference: 'newsletter-2025-01',
        history: [],
        details: {},
      },
    ])
    expect(events[0]?.raw).toEqual(body)
  })

  it.each(['masstack/envelope-list.json', 'masstack/envelope-one.json', 'masstack/record.json'])(
    'does not mutate a deep-frozen %s and gives the events of a fresh copy',
    (file) => {
      const frozen = deepFreeze(payload(file))
      expect(rightOf(normalize('masstack', frozen))).toEqual(rightOf(normalize('masstack', payload(file))))
      expect(frozen).toEqual(payload(file))
    },
  )

  it('gives plain data that survives a JSON round trip, and distinct event ids', () => {
    const events = rightOf(normalize('masstack', payload('masstack/envelope-list.json')))
    expect(JSON.parse(JSON.stringify(events))).toEqual(events)
    expect(new Set(events.map((event) => event.eventId)).size).toBe(3)
    for (const event of events) expect(event.eventId).toMatch(/^[0-9a-f]{32}$/)
  })
})
