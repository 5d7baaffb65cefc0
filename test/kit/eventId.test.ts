import { advance, eventFromStatus, normalize, normalizeWebhook, type AnyWebhookEvent, type DeliveryEvent, type Vendor } from 'deliverykit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { digest } from '../../src/util/digest.js'
import { payload, rightOf } from '../helpers.js'

const sms = { message_id: 'sms_1', number: '+33600000000', status: 'ACK', delivery_date: '2025-01-22 11:46:06' }
const idOf = (body: unknown, options?: { readonly timeZone?: string }): string | undefined =>
  rightOf(normalize('octopush', body, options))[0]?.eventId

describe('eventId', () => {
  it('is 32 lowercase hex digits (128 bits)', () => {
    expect(idOf(sms)).toMatch(/^[0-9a-f]{32}$/)
  })

  it('is the same for a redelivery of the same vendor event, whatever the time zone or the fields the event does not read', () => {
    expect(idOf({ ...sms })).toBe(idOf(sms))
    expect(idOf({ ...sms, campaign: 'x', meta_data: {} })).toBe(idOf(sms))
    expect(idOf(sms, { timeZone: 'UTC' })).toBe(idOf(sms))
  })

  it('differs when anything the event reports differs: message, recipient, code, time, channel, cost, details', () => {
    const ids = [
      idOf(sms),
      idOf({ ...sms, message_id: 'sms_2' }),
      idOf({ ...sms, number: '+33600000001' }),
      idOf({ ...sms, status: 'DELIVERED' }),
      idOf({ ...sms, delivery_date: '2025-01-22 11:46:07' }),
      idOf({ message_id: sms.message_id, number: sms.number, status: sms.status }),
      idOf({ ...sms, channel: 'whatsapp' }),
      idOf({ ...sms, unit_price: 0.5 }),
      idOf({ ...sms, list_name: 'x' }),
      idOf({ ...sms, list_name: '' }),
      idOf({ ...sms, pressed_keys_code: '1' }),
    ]
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('differs between the recipients of one e-mail callback', () => {
    const events: ReadonlyArray<DeliveryEvent> = rightOf(normalize('octopush', payload('octopush/email.json')))
    expect(new Set(events.map((event) => event.eventId)).size).toBe(2)
  })

  it('is pinned: the id of one body of each shape (a change here changes the ids users stored)', () => {
    const first = (vendor: Vendor, body: unknown, options?: object): string | undefined => rightOf(normalizeWebhook(vendor as 'octopush', body, options))[0]?.eventId
    expect({
      'octopush phone': first('octopush', payload('octopush/sms.json')),
      'octopush email': first('octopush', payload('octopush/email.json')),
      'octopush stop': first('octopush', payload('octopush/stop.json')),
      'octopush inbound': first('octopush', payload('octopush/inbound.json')),
      'messangi status': first('messangi', payload('messangi/sms/mt-callback.json'), { channel: 'sms' }),
      'messangi send response': first('messangi', payload('messangi/sms/send-response.json'), { channel: 'sms' }),
      'messangi legacy status': first('messangi', payload('messangi/legacy-sms.json')),
      'messangi MO': first('messangi', { user: '5588999999999', text: 'Hello', id: 'mo-1', date: '2025-05-23T14:30:00' }),
      'messangi legacy MO': first('messangi', { TYPE: 'MO_MESSAGE', FROM: '5551234', TEXT: 'Hi', TO: '12345' }),
      'messangi legacy Facebook': first('messangi', { TYPE: 'FACEBOOK', FROM: 'fb-1', MESSAGE_BODY: 'Hi', MESSANGI_ID: '77' }),
      'messangi legacy inbound form': first('messangi', { mo: 'Hi', mobile: '5551234' }),
      'masstack record': first('masstack', payload('masstack/record.json')),
      'a status report': rightOf(eventFromStatus('octopush', { channel: 'sms', code: 'DELIVERED', messageId: 'sms_1', recipient: '+33600000000', occurredAt: '2025-01-22T11:46:06+01:00' })).eventId,
    }).toEqual(PINNED)
  })

  it('the digest keeps parts apart and spreads close inputs', () => {
    expect(digest(['ab', 'c'])).not.toBe(digest(['a', 'bc']))
    const ids = new Set(Array.from({ length: 10_000 }, (_, i) => digest(['octopush', `sms_${String(i)}`])))
    expect(ids.size).toBe(10_000)
  })
})

/**
 * The ids of the pinned test, as the second id format (`EVENT_ID_FORMAT`, 2) gives
 * them: a stored id must never change without a new format (and a CHANGELOG entry that
 * says so). test/vendors/messangi/event-fields.test.ts and the Masstack examples pin what goes in,
 * test/util/digest.test.ts the encoding and SHA-256; these pin the whole.
 */
const PINNED: Readonly<Record<string, string>> = {
  'octopush phone': 'd49327f1ef612f20b286d813016b2cc1',
  'octopush email': 'b0db3069a8dadac6cec75f3dc5ba2966',
  'octopush stop': '41defc2e0eb83cd4846267b1af6f5ebf',
  'octopush inbound': '456e954ab21fc25eb40f4829e646a5da',
  'messangi status': '32b8fdd9bb874c1b0b0bcf4a0b0ee1ca',
  'messangi send response': '6d39e279704409ca630b5ad89b74d45a',
  'messangi legacy status': '02fa9813ffe4389fc21e29f3cf1fe0ff',
  'messangi MO': '37eea2f928a7ecc76bf704519881508b',
  'messangi legacy MO': '7cbbda9a355c56ef430c93224b70ab50',
  'messangi legacy Facebook': 'ed8b7303f72627485d98caced82e0604',
  'messangi legacy inbound form': '0829d1257b52fc7a126d79308adcd8b1',
  'masstack record': 'd62cf2775ffe57b5af9288bc76d7adef',
  'a status report': '2d485f9089c108ba0c0d0d191d62a3b1',
}

describe('eventId: the collisions of issue 21 stay apart', () => {
  const only = (vendor: Vendor, body: unknown, options?: object): AnyWebhookEvent => {
    const events = rightOf(normalizeWebhook(vendor as 'octopush', body, { unknownStatus: 'keep', ...options }))
    expect(events).toHaveLength(1)
    const [event] = events
    if (event === undefined) return expect.fail('no event')
    return event
  }
  const N = '+33600000000'
  const D = '2025-01-22 11:46:06'

  it('an Octopush receipt with message_id "opt_out" and status "STOP" is not the STOP from that number at that time', () => {
    const forged = only('octopush', { message_id: 'opt_out', number: N, status: 'STOP', delivery_date: D })
    const stop = only('octopush', { number: N, text: 'STOP', stop_date: D })
    expect([forged.kind, stop.kind]).toEqual(['delivery', 'opt_out'])
    expect(forged.eventId).not.toBe(stop.eventId)
  })

  it('an Octopush receipt with message_id "inbound" is not the reply it imitates', () => {
    const forged = only('octopush', { message_id: 'inbound', number: N, status: 'Yes', delivery_date: D })
    const reply = only('octopush', { number: N, text: 'Yes', reception_date: D })
    expect([forged.kind, reply.kind]).toEqual(['delivery', 'inbound'])
    expect(forged.eventId).not.toBe(reply.eventId)
  })

  it('a Messangi MO with id "facebook" is not the legacy Facebook message it imitates', () => {
    const forged = only('messangi', { id: 'facebook', user: '77', text: 'fb-1' })
    const facebook = only('messangi', { TYPE: 'FACEBOOK', MESSANGI_ID: '77', FROM: 'fb-1', MESSAGE_BODY: '' })
    expect([forged.channel, facebook.channel]).toEqual(['sms', 'facebook'])
    expect(forged.eventId).not.toBe(facebook.eventId)
  })

  it('a Messangi legacy status with MESSANGI_ID "inbound" is not a legacy MO with an empty TEXT', () => {
    const forged = only('messangi', { TYPE: 'SMS', MESSANGI_ID: 'inbound', TO: '5551234', STATUS: 'SENT' })
    const mo = only('messangi', { TYPE: 'MO_MESSAGE', FROM: '5551234', TO: 'SENT', TEXT: '' })
    expect([forged.kind, mo.kind]).toEqual(['delivery', 'inbound'])
    expect(forged.eventId).not.toBe(mo.eventId)
  })

  it('two Messangi events that report different things get different ids, so advance does not depend on their order', () => {
    const fields = { id: 'm-1', to: '5588999999999', status: 'DELIVERED', date: '2024-01-01T12:00:00Z' }
    const callback = only('messangi', { ...fields, from: '12345' }, { channel: 'sms' })
    const response = only('messangi', { meta: {}, data: { ...fields, from: '67890' } }, { channel: 'sms' })
    expect(callback).not.toEqual(response)
    expect(callback.eventId).not.toBe(response.eventId)
    if (callback.kind !== 'delivery' || response.kind !== 'delivery') return expect.fail('delivery events expected')
    expect(advance(advance(undefined, callback), response)).toBe(advance(advance(undefined, response), callback))
  })

  it('an absent field and an empty one stay apart where the event tells them apart', () => {
    const withText = only('octopush', { number: N, text: '', stop_date: D })
    const without = only('octopush', { number: N, stop_date: D })
    expect([withText.kind === 'opt_out' && withText.text, without.kind === 'opt_out' && without.text]).toEqual(['', undefined])
    expect(withText.eventId).not.toBe(without.eventId)
  })
})

describe('eventId (properties)', () => {
  const SEED = 20261126
  const field = fc.string({ minLength: 1, maxLength: 24 })
  const report = fc.record({ messageId: field, recipient: field, code: fc.constantFrom('DELIVERED', 'ACK', 'EXPIRED', 'NEW'), minute: fc.integer({ min: 0, max: 59 }) })
  const idOf = (r: { readonly messageId: string; readonly recipient: string; readonly code: string; readonly minute: number }): string =>
    rightOf(
      eventFromStatus(
        'octopush',
        { channel: 'sms', code: r.code, messageId: r.messageId, recipient: r.recipient, occurredAt: `2025-01-22T10:${String(r.minute).padStart(2, '0')}:00Z` },
        { unknownStatus: 'keep' },
      ),
    ).eventId

  it('is a function of the vendor event alone: equal inputs, equal ids', () => {
    fc.assert(
      fc.property(report, (r) => {
        expect(idOf({ ...r })).toBe(idOf(r))
      }),
      { seed: SEED, numRuns: 1000 },
    )
  })

  it('differs when any identifying field differs', () => {
    fc.assert(
      fc.property(report, report, (a, b) => {
        const same = a.messageId === b.messageId && a.recipient === b.recipient && a.code === b.code && a.minute === b.minute
        expect(idOf(a) === idOf(b)).toBe(same)
      }),
      { seed: SEED, numRuns: 1000 },
    )
  })
})
