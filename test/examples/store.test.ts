import { parse, type DeliveryEvent } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { createInbox } from '../../examples/rejected-bodies.js'
import { createStatusStore } from '../../examples/status-store.js'
import { payload } from '../helpers.js'

const sms = payload('octopush/sms.json')
/** One Octopush SMS callback for the example's message, with this status and time. */
const smsCallback = (status: string, at: string): DeliveryEvent => {
  const [event] = parse('octopush', { ...sms, status, delivery_date: at })
  if (event === undefined) throw new Error('no event')
  return event
}

const permutations = <A>(items: ReadonlyArray<A>): ReadonlyArray<ReadonlyArray<A>> =>
  items.length <= 1 ? [items] : items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]))

describe('examples/status-store.ts', () => {
  const ack = smsCallback('ACK', '2025-01-22 11:45:00')
  const delivered = smsCallback('DELIVERED', '2025-01-22 11:46:06')

  it('keeps delivered when the carrier acknowledgement arrives after it, and ignores a redelivery', () => {
    const store = createStatusStore()
    expect(store.record(delivered)).toBe(true)
    expect(store.record(ack)).toBe(false) // late: a settled message never goes back to "sent"
    expect(store.record({ ...delivered })).toBe(false) // the same callback again: same eventId
    expect(store.current('octopush', 'sms_0000000000000000000000', '+33600112233')?.status).toBe('delivered')
  })

  it('moves forward when callbacks arrive in order', () => {
    const store = createStatusStore()
    expect([ack, delivered].map(store.record)).toEqual([true, true])
    expect(store.current('octopush', 'sms_0000000000000000000000', '+33600112233')?.vendorStatus).toBe('DELIVERED')
  })

  it('ends on the same status whatever order an e-mail recipient’s callbacks arrive in', () => {
    const base = payload('octopush/email.json')
    const mail = (status: string, at: string): DeliveryEvent => {
      const [event] = parse('octopush', { ...base, deliveries: [{ email: 'a@example.com', status, delivery_date: at }] })
      if (event === undefined) throw new Error('no event')
      return event
    }
    const callbacks = [
      mail('PROCESSED', '2025-01-22 12:00:00'),
      mail('DELIVERED', '2025-01-22 12:00:05'),
      mail('OPENED', '2025-01-22 12:10:00'),
      mail('SPAM_REPORT', '2025-01-22 12:11:00'),
    ]
    for (const order of permutations(callbacks)) {
      const store = createStatusStore()
      order.forEach(store.record)
      // A spam report is the recipient's last word (STATUS_RANK 5), above read (3) and delivered (2).
      expect(store.current('octopush', 'email_0000000000000000000000', 'a@example.com')?.status).toBe('complained')
    }
  })

  it('keeps messages and recipients apart', () => {
    const store = createStatusStore()
    store.record(delivered)
    store.record(smsCallback('BAD_DESTINATION', '2025-01-22 11:47:00'))
    const other = parse('octopush', { ...sms, number: '+33611111111', status: 'ACK' })[0]
    if (other === undefined) throw new Error('no event')
    store.record(other)
    expect(store.current('octopush', 'sms_0000000000000000000000', '+33611111111')?.status).toBe('sent')
    // Two settled states (rank 2): the later one stands.
    expect(store.current('octopush', 'sms_0000000000000000000000', '+33600112233')?.status).toBe('undeliverable')
    expect(store.current('masstack', 'sms_0000000000000000000000', '+33600112233')).toBeUndefined()
  })
})

describe('examples/rejected-bodies.ts', () => {
  it('stores each rejected body as received, with the reason, and passes good ones through', () => {
    const inbox = createInbox()
    const text = '{"message_id": "sms_1", "number": "+33600000000", "status": "DELIVERED", "delivery_date": "2025-02-30 10:00:00"}'
    const unknown = { ...sms, status: 'DELIVERED_TO_HANDSET' }
    expect(inbox.receive({ vendor: 'octopush' }, text)).toEqual([])
    expect(inbox.receive({ vendor: 'octopush' }, unknown)).toEqual([])
    expect(inbox.receive({ vendor: 'octopush' }, sms).map((event) => event.status)).toEqual(['delivered'])

    const [bad, unmapped] = inbox.rejected()
    expect(inbox.rejected()).toHaveLength(2)
    expect(bad?.input).toBe(text) // the text itself, not a parse of it
    expect(bad?.kind).toBe('invalid_body')
    expect(bad?.why).toMatch(/^delivery_date: "2025-02-30 10:00:00" is not a valid date-time/)
    expect(unmapped?.input).toBe(unknown)
    expect(unmapped?.kind).toBe('unknown_status')
    expect(unmapped?.why).toMatch(/^status: "DELIVERED_TO_HANDSET" is not an Octopush status/)
    // Storable as JSON and readable back without loss.
    expect(JSON.parse(JSON.stringify(inbox.rejected()))).toEqual(inbox.rejected())
  })

  it('replays stored bodies: unknown codes become unknown events, bad bodies stay stored', () => {
    const inbox = createInbox()
    inbox.receive({ vendor: 'octopush' }, 'not json')
    inbox.receive({ vendor: 'masstack' }, { data: [{ id: 'c-1', status: 'NEW_STATUS', terminatingNumber: '666123123' }] })
    const replayed = inbox.replay()
    expect(replayed.map((event) => [event.vendor, event.classification, event.vendorStatus, event.recipient])).toEqual([
      ['masstack', 'unknown', 'NEW_STATUS', '666123123'],
    ])
    expect(inbox.rejected().map((entry) => entry.input)).toEqual(['not json'])
  })

  it("stores a Messangi body with its route's channel, and replays it on that channel", () => {
    const inbox = createInbox()
    const body = { data: { id: 'm-1', status: 'NEW_STATUS', to: '+5588999999999' } }
    expect(inbox.receive({ vendor: 'messangi', channel: 'sms' }, body)).toEqual([])
    expect(inbox.rejected().map((entry) => [entry.route, entry.kind])).toEqual([[{ vendor: 'messangi', channel: 'sms' }, 'unknown_status']])
    // The channel survives storage as JSON: a replay after a restart decodes as the route did.
    expect(JSON.parse(JSON.stringify(inbox.rejected()))).toEqual(inbox.rejected())
    expect(inbox.replay().map((event) => [event.vendor, event.channel, event.classification, event.vendorStatus])).toEqual([['messangi', 'sms', 'unknown', 'NEW_STATUS']])
  })
})
