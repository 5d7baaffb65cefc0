/**
 * Two readings of Octopush bodies from the wild: numbers in the `00` international notation
 * of the older octopush-dm.com API (RaspiSMS's adapter sends and reads them so), reported
 * with `+`; and dates written as ISO-8601 instants (a developer's simulation of a receipt),
 * read as the instant they name, while zone-less dates stay read in the vendor's zone.
 */
import { formatError, normalizeWebhook, type AnyWebhookEvent } from 'deliverykit'
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { strictEqual } from 'node:assert/strict'
import { describe, expect, it } from 'vitest'

import { rightOf } from '../../helpers.js'
import { property } from '../../properties/harness.js'

const receipt = { message_id: 'api110000000021', number: '0033601010101', status: 'DELIVERED', delivery_date: '2021-06-17 10:00:00' }

const events = (body: unknown, options: { readonly timeZone?: string } = {}): ReadonlyArray<AnyWebhookEvent> => {
  const result = normalizeWebhook('octopush', body, options)
  if (E.isLeft(result)) throw new Error(formatError(result.left))
  return result.right
}

/** Who an event is about: the recipient of a receipt, the sender of a STOP or reply. */
const who = (event: AnyWebhookEvent | undefined): string | undefined => (event === undefined ? undefined : event.kind === 'delivery' ? event.recipient : event.from)

describe('numbers in 00 notation', () => {
  it('a receipt\'s recipient, a STOP\'s and a reply\'s sender, a reply\'s receiving number: + for 00, the original in raw', () => {
    const [delivery] = events(receipt)
    expect([who(delivery), (delivery?.raw as { number?: string }).number]).toEqual(['+33601010101', '0033601010101'])
    expect(who(events({ number: '0033601010101', stop_date: '2021-06-17 10:00:00' })[0])).toBe('+33601010101')
    const [reply] = events({ number: '0033601010101', text: 'Oui', sim_card_number: '0033700000000', reception_date: '2021-06-17 10:00:00' })
    expect(reply?.kind === 'inbound' && [reply.from, reply.to, (reply.raw as { sim_card_number?: string }).sim_card_number]).toEqual(['+33601010101', '+33700000000', '0033700000000'])
  })

  it('what is not 00 then 7 to 15 digits (the first not 0) is kept as sent', () => {
    for (const number of ['0600112233', '00123456', '0003360101010', '0033601010101010101', '0033 601010101', '+0033601010101', '33601010101']) {
      expect(who(events({ ...receipt, number })[0]), number).toBe(number)
    }
  })

  it('e-mail recipients are addresses: untouched', () => {
    const [event] = events({ channel: 'email', message_id: 'email_1', deliveries: [{ email: '0033601010101', status: 'DELIVERED', delivery_date: '2025-01-22 12:23:30' }] })
    expect(who(event)).toBe('0033601010101')
  })

  property('any E.164 number written with 00 reads as the same number written with +', [fc.stringMatching(/^[1-9][0-9]{6,14}$/)], (digits) => {
    strictEqual(who(events({ ...receipt, number: `00${digits}` })[0]), `+${digits}`)
    strictEqual(who(events({ number: `00${digits}`, text: 'x', reception_date: '2021-06-17 10:00:00' })[0]), `+${digits}`)
  })
})

describe('ISO-8601 instants as dates', () => {
  it('delivery_date with Z or an offset is that instant, whatever the zone option; vendorTime keeps the text', () => {
    for (const timeZone of [undefined, 'UTC', 'America/New_York']) {
      const [event] = events({ ...receipt, delivery_date: '2026-03-08T17:01:23.000Z' }, timeZone === undefined ? {} : { timeZone })
      expect([event?.occurredAt, event?.vendorTime]).toEqual(['2026-03-08T17:01:23.000+00:00', '2026-03-08T17:01:23.000Z'])
    }
    expect(events({ ...receipt, delivery_date: '2026-03-08T18:01:23+01:00' })[0]?.occurredAt).toBe('2026-03-08T18:01:23+01:00')
  })

  it('zone-less dates are still read in the vendor\'s zone, and a zone-less ISO date is still refused', () => {
    expect(events({ ...receipt, delivery_date: '2026-03-08 18:01:23' })[0]?.occurredAt).toBe('2026-03-08T18:01:23+01:00')
    expect(events({ ...receipt, delivery_date: '2026-03-08 18:01:23' }, { timeZone: 'UTC' })[0]?.occurredAt).toBe('2026-03-08T18:01:23+00:00')
    const refused = normalizeWebhook('octopush', { ...receipt, delivery_date: '2026-03-08T18:01:23' })
    expect(E.isLeft(refused) && formatError(refused.left)).toBe(
      'delivery_date: "2026-03-08T18:01:23" is not a valid date-time; expected "YYYY-MM-DD HH:mm:ss" (Octopush local time) or an ISO-8601 instant with Z or an offset',
    )
  })

  it('STOP, reply and e-mail dates take instants too', () => {
    expect(events({ number: '+33600000000', stop_date: '2026-03-08T17:01:23Z' })[0]?.occurredAt).toBe('2026-03-08T17:01:23+00:00')
    expect(events({ number: '+33600000000', text: 'x', reception_date: '2026-03-08T17:01:23-05:00' })[0]?.occurredAt).toBe('2026-03-08T17:01:23-05:00')
    const [mail] = rightOf(normalizeWebhook('octopush', { channel: 'email', message_id: 'email_1', deliveries: [{ email: 'a@example.com', status: 'OPENED', delivery_date: '2026-03-08T17:01:23Z', status_history: [{ status: 'DELIVERED', delivery_date: '2026-03-08 18:00:00' }] }] }))
    expect(mail?.kind === 'delivery' && [mail.occurredAt, mail.history.map((entry) => entry.occurredAt)]).toEqual(['2026-03-08T17:01:23+00:00', ['2026-03-08T18:00:00+01:00']])
  })

  property('any instant written with Z is read as that instant, under any zone option', [fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }), fc.constantFrom('Europe/Paris', 'UTC', 'Asia/Kolkata')], (date, timeZone) => {
    const text = date.toISOString()
    const [event] = events({ ...receipt, delivery_date: text }, { timeZone })
    strictEqual(Date.parse(event?.occurredAt ?? ''), date.getTime())
  })
})
