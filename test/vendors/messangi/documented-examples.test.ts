import { normalize } from 'deliverykit'
import { normalizeLegacy } from 'deliverykit/messangi'
import { describe, expect, it } from 'vitest'

import { payload, rightOf, withoutRawAndId } from '../../helpers.js'

// Messangi's pages show field tables but no complete example (the stored copies stop
// before them). The one verbatim payload is the send API response, from third-party code
// (weni-ai/rapidpro-courier) that looks copied from the vendor. The others are built
// field by field from the documented tables and say so in their names only by their
// folder: every field they use is documented, with made-up values. Expected events are
// written by hand from the catalog decisions.

describe('Messangi bodies', () => {
  it('SMS (MT) status callback, as its field table describes it', () => {
    const body = payload('messangi/sms/mt-callback.json')
    const events = rightOf(normalize('messangi', body, { channel: 'sms' }))
    expect(events.map(withoutRawAndId)).toEqual([
      {
        kind: 'delivery',
        vendor: 'messangi',
        channel: 'sms',
        messageId: '0b6f4a52-3c1e-4d8f-9a57-2f1c7e0d9b11',
        recipient: '5588999999999',
        vendorStatus: 'DELIVRD',
        description: 'SMS message was successfully delivered.',
        classification: 'final',
        status: 'delivered',
        occurredAt: '2024-01-01T12:00:00.000+00:00',
        vendorTime: '2024-01-01T12:00:00.000Z',
        reference: 'my-ref-123',
        history: [],
        details: { sender: '12345' },
      },
    ])
    // raw is the decoded body: equal to it, never the caller's object itself.
    expect(events[0]?.raw).toEqual(body)
    expect(events[0]?.raw).not.toBe(body)
  })

  it('WhatsApp status callback: campaignId, nine fractional digits and an offset', () => {
    const body = payload('messangi/whatsapp/callback.json')
    const events = rightOf(normalize('messangi', body, { channel: 'whatsapp' }))
    expect(events.map(withoutRawAndId)).toEqual([
      {
        kind: 'delivery',
        vendor: 'messangi',
        channel: 'whatsapp',
        messageId: '7d0c2b8e-9f4a-4e61-8b3d-5a6c1e2f3a40',
        recipient: '+5588999999999',
        vendorStatus: 'READ',
        description: 'Message has been opened or acknowledged by the recipient.',
        classification: 'final',
        status: 'read',
        occurredAt: '2024-03-10T15:04:05.123-03:00',
        vendorTime: '2024-03-10T15:04:05.123456789-03:00',
        reference: 'order-4711',
        history: [],
        details: { sender: '5215500000000', campaignId: 'spring-promo' },
      },
    ])
  })

  it('send API response (verbatim third-party fixture): ACCEPTED, the platform has it', () => {
    const body = payload('messangi/sms/send-response.json')
    const events = rightOf(normalize('messangi', body, { channel: 'sms' }))
    expect(events.map(withoutRawAndId)).toEqual([
      {
        kind: 'delivery',
        vendor: 'messangi',
        channel: 'sms',
        messageId: 'abc123-def456-ghi789',
        recipient: '+5588999999999',
        vendorStatus: 'ACCEPTED',
        description: 'The send API accepted the message request.',
        classification: 'transient',
        status: 'accepted',
        occurredAt: '2021-08-17T04:25:38.117+00:00',
        vendorTime: '2021-08-17T04:25:38.117592194Z',
        history: [],
        details: { sender: '12345' },
      },
    ])
    // raw is the whole envelope, meta included.
    expect(events[0]?.raw).toEqual(body)
  })

  // A legacy callback's STATUS is read in the legacy API's status appendix for its TYPE
  // (test/fixtures/vendor-docs/messangi-legacy-status.txt), not in today's catalogs.
  it('legacy form callback: TYPE names the channel, the signed 64-bit id stays text, no date, the legacy appendix\'s words', () => {
    const body = payload('messangi/legacy-sms.json')
    const events = rightOf(normalizeLegacy(body))
    expect(events.map(withoutRawAndId)).toEqual([
      {
        kind: 'delivery',
        vendor: 'messangi',
        channel: 'sms',
        messageId: '-8174720676710228700',
        recipient: '584141234567',
        vendorStatus: 'DELIVRD',
        description: 'Delivered to Device by the external entity.',
        classification: 'final',
        status: 'delivered',
        history: [],
        details: { sender: '12345' },
      },
    ])
  })

  it('legacy e-mail callback: BOUNCED is undeliverable, with no cause given and not permanent', () => {
    const [event] = rightOf(normalizeLegacy(payload('messangi/legacy-email.json')))
    expect(event && withoutRawAndId(event)).toEqual({
      kind: 'delivery',
      vendor: 'messangi',
      channel: 'email',
      messageId: '2758ebc5-0f3c-4b7e-9d7e-3b7b1f0a9c21',
      recipient: 'someone@example.com',
      vendorStatus: 'BOUNCED',
      description: "Message not delivered. Invalid 'to' parameter or there has been a problem with the recipient's mail server.",
      classification: 'failure',
      status: 'undeliverable',
      failure: { reason: 'unknown', permanent: false },
      history: [],
      details: { sender: 'news@example.com' },
    })
  })

  it('the root normalize reads legacy bodies too, and their TYPE wins over the channel option', () => {
    const body = payload('messangi/legacy-email.json')
    expect(rightOf(normalize('messangi', body, { channel: 'whatsapp' }))).toEqual(rightOf(normalizeLegacy(body)))
  })
})
