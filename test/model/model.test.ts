// The model's helpers, case by case: each guard against each classification, the catalog
// look-ups against keys that are not text, and the parts of advance's order that only a
// tie reaches. Written from the survivors of the mutation run (npm run mutate -- model).
import {
  advance,
  channelsWithStatus,
  eventFromStatus,
  isFailure,
  isFinal,
  isTransient,
  isUnknownStatus,
  isInboundVendor,
  isVendor,
  lookupStatus,
  normalizeInbound,
  VENDORS,
  VENDOR_NAMES,
  type AnyEvent,
  type InboundVendor,
  type ChannelCatalogs,
} from 'deliverykit'
import { OCTOPUSH_CATALOGS } from 'deliverykit/octopush'
import { describe, expect, it } from 'vitest'

import { precedenceKey } from '../../src/model/precedence.js'
import { rightOf } from '../helpers.js'

const event = (code: string, options: { readonly minute?: number; readonly messageId?: string } = {}): AnyEvent =>
  rightOf(
    eventFromStatus(
      'octopush',
      { channel: 'sms', code, messageId: options.messageId ?? 'm1', recipient: '+33600000000', occurredAt: `2025-01-22T10:${String(options.minute ?? 0).padStart(2, '0')}:00+01:00` },
      { unknownStatus: 'keep' },
    ),
  )

/** A revoked Proxy: every read of it throws. */
const revoked = (): never => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy as never
}

describe('the guards', () => {
  const guards = { final: isFinal, transient: isTransient, failure: isFailure, unknown: isUnknownStatus }
  const examples = { final: event('DELIVERED'), transient: event('ACK'), failure: event('NOT_DELIVERED'), unknown: event('NEW_CODE') }

  it('each says true for its own classification and false for the three others', () => {
    for (const [classification, example] of Object.entries(examples)) {
      expect(example.classification).toBe(classification)
      const answers = Object.entries(guards).map(([name, guard]) => [name, guard(example)])
      expect(Object.fromEntries(answers)).toEqual({ final: false, transient: false, failure: false, unknown: false, [classification]: true })
    }
  })

  it('each says false for an event that cannot be read', () => {
    for (const guard of Object.values(guards)) expect(guard(revoked())).toBe(false)
  })
})

describe('catalog look-ups', () => {
  it('a code or a channel that is not text finds nothing, even one whose text is a known key', () => {
    const delivered = { toString: () => 'DELIVERED' } as unknown as string
    const sms = { toString: () => 'sms' } as unknown as 'sms'
    expect(lookupStatus(OCTOPUSH_CATALOGS, 'sms', delivered)).toBeUndefined()
    expect(lookupStatus(OCTOPUSH_CATALOGS, sms, 'DELIVERED')).toBeUndefined()
    expect(lookupStatus(OCTOPUSH_CATALOGS, 'sms', 'DELIVERED')?.status).toBe('delivered')
  })

  it('a code inherited from Object.prototype is no entry', () => {
    expect(lookupStatus(OCTOPUSH_CATALOGS, 'sms', 'toString')).toBeUndefined()
    expect(lookupStatus(OCTOPUSH_CATALOGS, 'sms', 'hasOwnProperty')).toBeUndefined()
  })

  it('channelsWithStatus lists the channels whose catalog has the code, in the order of CHANNELS', () => {
    const entry = lookupStatus(OCTOPUSH_CATALOGS, 'sms', 'DELIVERED')
    if (entry === undefined) expect.fail('Octopush SMS has DELIVERED')
    const catalogs = { whatsapp: { SEEN: entry }, email: { BOUNCED: entry }, sms: { SEEN: entry } } satisfies ChannelCatalogs
    expect(channelsWithStatus(catalogs, 'SEEN')).toEqual(['sms', 'whatsapp'])
    expect(channelsWithStatus(catalogs, 'BOUNCED')).toEqual(['email'])
    expect(channelsWithStatus(catalogs, 'NO_SUCH_CODE')).toEqual([])
  })
})

describe('advance: the tie-breaks', () => {
  it('at equal rank and time, the fixed status order decides, not the eventId', () => {
    // expired (order 4) and undeliverable (order 6) share rank 2.
    const expired = event('EXPIRED', { messageId: 'zzz' })
    const undeliverable = event('NOT_DELIVERED', { messageId: 'aaa' })
    expect([expired.status, undeliverable.status]).toEqual(['expired', 'undeliverable'])
    expect(undeliverable.eventId < expired.eventId || undeliverable.eventId > expired.eventId).toBe(true)
    expect(advance(expired, undeliverable).status).toBe('undeliverable')
    expect(advance(undeliverable, expired).status).toBe('undeliverable')
  })

  it('the precedence key of an unknown status has rank and status order -1', () => {
    const key = precedenceKey(event('NEW_CODE'))
    expect([key.rank, key.statusOrder]).toEqual([-1, -1])
    expect(precedenceKey(event('DELIVERED')).statusOrder).toBeGreaterThan(-1)
  })
})

describe('isVendor', () => {
  it('only the vendors’ names, as text', () => {
    expect(Object.keys(VENDOR_NAMES).every(isVendor)).toBe(true)
    expect([{ toString: () => 'octopush' }, 'Octopush', '', 'toString', undefined].some(isVendor)).toBe(false)
  })
})

describe('isInboundVendor', () => {
  it('is true exactly for the vendors whose inbound entry decodes something rather than refusing the vendor', () => {
    for (const vendor of VENDORS) {
      const result = normalizeInbound(vendor as InboundVendor, {}) // any vendor, as JavaScript may pass
      const refusesVendor = result._tag === 'Left' && result.left.kind === 'invalid_options'
      expect([vendor, isInboundVendor(vendor)]).toEqual([vendor, !refusesVendor])
    }
    expect(VENDORS.filter(isInboundVendor).length).toBeGreaterThan(0)
    expect([{ toString: () => 'octopush' }, 'Octopush', '', 'constructor', undefined].some(isInboundVendor)).toBe(false)
  })
})
