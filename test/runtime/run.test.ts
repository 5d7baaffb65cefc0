/**
 * src/runtime/run.ts: a vendor's definition registered, then run on one body by an entry:
 * which kinds an entry accepts, the refusal of another kind with the functions that do
 * decode it, and a channel the vendor added, each an error, never a throw.
 */
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'

import { VENDORS } from 'deliverykit'
import { REGISTRY } from '../../src/options.js'
import { DELIVERY_ENTRY, INBOUND_ENTRY, WEBHOOK_ENTRY } from '../../src/runtime/run.js'

const STOP = { number: '+33600000000', stop_date: '2020-11-04 11:11:45' }
const RECEIPT = { message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }

describe('register', () => {
  it('a registration knows the kinds of its shapes, each once', () => {
    for (const vendor of VENDORS) {
      const { kinds, shapes } = REGISTRY[vendor]
      expect(new Set(kinds).size).toBe(kinds.length)
      expect(new Set(Object.values(shapes).map((shape) => shape.kind))).toEqual(new Set(kinds))
    }
    expect(REGISTRY.masstack.kinds).toEqual(['delivery'])
    expect([...REGISTRY.octopush.kinds].sort()).toEqual(['delivery', 'inbound', 'opt_out'])
  })
})

describe('an entry runs the kinds it accepts', () => {
  const octopush = REGISTRY.octopush

  it('the webhook entry decodes every kind; the delivery and inbound entries their own', () => {
    const kindOf = (result: E.Either<unknown, ReadonlyArray<{ readonly kind: string }>>) => (E.isRight(result) ? result.right.map((event) => event.kind) : 'refused')
    expect(kindOf(octopush.run(WEBHOOK_ENTRY, STOP, undefined))).toEqual(['opt_out'])
    expect(kindOf(octopush.run(WEBHOOK_ENTRY, RECEIPT, undefined))).toEqual(['delivery'])
    expect(kindOf(octopush.run(INBOUND_ENTRY, STOP, undefined))).toEqual(['opt_out'])
    expect(kindOf(octopush.run(DELIVERY_ENTRY, RECEIPT, undefined))).toEqual(['delivery'])
  })

  it('another kind is refused by name, with the functions that decode it', () => {
    const result = octopush.run(DELIVERY_ENTRY, STOP, undefined)
    expect(E.isLeft(result) && result.left).toMatchObject({
      kind: 'unexpected_callback',
      callback: 'opt_out',
      issues: [{ code: 'unexpected_callback', decodeWith: ['normalizeWebhook', 'normalizeInbound'], message: '(root): this is an Octopush STOP (opt-out) callback, not a delivery receipt; decode it with normalizeWebhook or normalizeInbound' }],
    })
    const inbound = octopush.run(INBOUND_ENTRY, RECEIPT, undefined)
    expect(E.isLeft(inbound) && inbound.left.issues[0].message).toMatch(/not an opt-out or inbound message; decode it with normalizeWebhook or normalize$/)
  })

  it('a channel the vendor added is unknown_channel at its path, with a suggestion one typo away', () => {
    const result = octopush.run(WEBHOOK_ENTRY, { ...RECEIPT, channel: 'whatsap' }, undefined)
    expect(E.isLeft(result) && result.left).toMatchObject({ kind: 'unknown_channel', issues: [{ code: 'unknown_channel', channel: 'whatsap', didYouMean: 'whatsapp', path: ['channel'] }] })
  })

  it('a body whose reading throws is an unreadable body, not a throw', () => {
    const body = { ...RECEIPT, get status(): string { throw new Error('gone') } }
    const result = octopush.run(WEBHOOK_ENTRY, body, undefined)
    expect(E.isLeft(result) && result.left.issues[0]).toMatchObject({ code: 'unreadable', path: [] })
  })
})
