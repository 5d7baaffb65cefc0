import { advance, eventFromStatus, rankOf, STATUS_RANK, type AnyEvent, type DeliveryEvent, type Status } from 'deliverykit'
import { OCTOPUSH_STATUS_CODES } from 'deliverykit/octopush'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { rightOf } from '../helpers.js'

const SEED = 20261126

const event = (code: string, minute: number, channel: 'sms' | 'email' = 'sms', recipient = '+33600000000'): DeliveryEvent =>
  rightOf(
    eventFromStatus('octopush', {
      channel,
      code,
      messageId: 'm1',
      recipient,
      occurredAt: `2025-01-22T10:${String(minute).padStart(2, '0')}:00+01:00`,
    }),
  )

const statusAfter = (...events: ReadonlyArray<DeliveryEvent>): Status | undefined => events.reduce<DeliveryEvent | undefined>(advance, undefined)?.status

describe('advance', () => {
  it('a settled state never regresses to a transient one, even when the transient one is later', () => {
    expect(statusAfter(event('DELIVERED', 1), event('ACK', 5))).toBe('delivered')
    expect(statusAfter(event('EXPIRED', 1), event('ACK', 5))).toBe('expired')
  })

  it('engagement supersedes delivery, whatever the order', () => {
    expect(statusAfter(event('OPENED', 2, 'email'), event('DELIVERED', 1, 'email'))).toBe('read')
    expect(statusAfter(event('CLICKED', 1, 'email'), event('OPENED', 3, 'email'))).toBe('clicked')
  })

  it('an e-mail bounce or a complaint after delivery supersedes it; an SMS failure does only if later', () => {
    expect(statusAfter(event('DELIVERED', 5, 'email'), event('HARD_BOUNCE', 1, 'email'))).toBe('undeliverable')
    expect(statusAfter(event('CLICKED', 1, 'email'), event('SPAM_REPORT', 0, 'email'))).toBe('complained')
    expect(statusAfter(event('DELIVERED', 5), event('NOT_DELIVERED', 1))).toBe('delivered')
    expect(statusAfter(event('DELIVERED', 1), event('NOT_DELIVERED', 5))).toBe('undeliverable')
  })

  it('between transient states the later stands', () => {
    expect(statusAfter(event('ACK', 3), event('TRANSMITTED', 5))).toBe('sent')
  })

  it('ranks follow the documented table', () => {
    expect(STATUS_RANK).toEqual({
      accepted: 0, sent: 1, deferred: 1, delivered: 2, rejected: 2, undeliverable: 2, expired: 2, unconfirmed: 2,
      read: 3, clicked: 4, complained: 5, unsubscribed: 5,
    })
    expect(rankOf(event('HARD_BOUNCE', 0, 'email'))).toBe(3)
    expect(rankOf(event('BAD_DESTINATION', 0, 'sms'))).toBe(2)
  })

  it('keeps an unknown status below every known one', () => {
    const unknown = rightOf(eventFromStatus('octopush', { channel: 'sms', code: 'NEW', messageId: 'm1', recipient: 'r', occurredAt: '2025-01-22T11:00:00Z' }, { unknownStatus: 'keep' }))
    const acked: AnyEvent = event('ACK', 0)
    expect(advance<AnyEvent>(acked, unknown)).toBe(acked)
    expect(advance<AnyEvent>(unknown, acked)).toBe(acked)
  })

  const arbitraryEvent = fc
    .record({
      code: fc.constantFrom(...OCTOPUSH_STATUS_CODES),
      minute: fc.integer({ min: 0, max: 5 }),
      channel: fc.constantFrom('sms' as const, 'email' as const),
    })
    .map(({ code, minute, channel }) => event(code, minute, channel))

  it('folding any permutation of the same events gives the same result (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { minLength: 1, maxLength: 8 }).chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length }))), ([events, shuffled]) => {
        const a = events.reduce<DeliveryEvent | undefined>(advance, undefined)
        const b = shuffled.reduce<DeliveryEvent | undefined>(advance, undefined)
        // Equal events (a redelivery) may stand for each other; anything else must be the same.
        expect(b).toEqual(a)
      }),
      { seed: SEED, numRuns: 1000 },
    )
  })

  it('the result never ranks below any input and is one of the inputs (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { minLength: 1, maxLength: 8 }), (events) => {
        const result = events.reduce<DeliveryEvent | undefined>(advance, undefined)
        expect(result && events.includes(result)).toBe(true)
        for (const input of events) expect(rankOf(result ?? input)).toBeGreaterThanOrEqual(rankOf(input))
      }),
      { seed: SEED, numRuns: 1000 },
    )
  })
})
