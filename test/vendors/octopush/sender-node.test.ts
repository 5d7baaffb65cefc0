/**
 * Octopush STOPs and replies whose sender sits in a node: `metadata` (as oui_client's reply
 * handler reads Octopush's production body, commit bddda3fa) or `meta_data`. The sender's
 * number and message id are read from the root, else `metadata`, else `meta_data`; two
 * places that name different numbers are refused.
 */
import { formatError, normalizeInbound, normalizeWebhook, type AnyWebhookEvent, type NormalizeError } from 'deliverykit'
import { OctopushInboundCallback, OctopushStopCallback } from 'deliverykit/octopush'
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { deepStrictEqual, strictEqual } from 'node:assert/strict'
import { describe, expect, it } from 'vitest'

import { deepFreeze, leftOf, rightOf } from '../../helpers.js'
import { property } from '../../properties/harness.js'

const NODES = ['metadata', 'meta_data'] as const
type Node = (typeof NODES)[number]

// oui_client's fields: text and reception_date at the root, number and message_id in the node.
const reply = (node: Node = 'metadata') => ({ text: 'OUI', reception_date: '2026-03-09 11:30:45', [node]: { number: '+33600000000', message_id: 'sms_5fa275dbf21dc' } })
const stop = (node: Node = 'metadata') => ({ text: 'stop', stop_date: '2020-11-04 11:11:45', [node]: { number: '+33600000000', message_id: 'sms_5fa275dbf21dc' } })

const only = (result: E.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>>): AnyWebhookEvent => {
  const [event, ...rest] = rightOf(result)
  if (event === undefined || rest.length > 0) expect.fail('expected one event')
  return event
}

const firstLine = (result: E.Either<NormalizeError, unknown>): string => formatError(leftOf(result)).split('\n')[0] ?? ''

describe('the sender in a node', () => {
  it.each(NODES)('a reply with its sender in %s: from and messageId from the node, text and date from the root; raw is the body as sent plus the sender at the root', (node) => {
    const body = deepFreeze(reply(node))
    const event = only(normalizeInbound('octopush', body))
    expect(event).toMatchObject({ kind: 'inbound', from: '+33600000000', text: 'OUI', messageId: 'sms_5fa275dbf21dc', occurredAt: '2026-03-09T11:30:45+01:00' })
    expect(event.raw).toEqual({ ...body, number: '+33600000000', message_id: 'sms_5fa275dbf21dc' })
  })

  it.each(NODES)('a STOP with its sender in %s is an opt_out of that number', (node) => {
    const event = only(normalizeWebhook('octopush', deepFreeze(stop(node))))
    expect(event).toMatchObject({ kind: 'opt_out', from: '+33600000000', text: 'stop', messageId: 'sms_5fa275dbf21dc' })
  })

  it('the same number at the root and in the node is that number', () => {
    const body = { ...reply(), number: '+33600000000' }
    expect(only(normalizeInbound('octopush', body))).toMatchObject({ from: '+33600000000', raw: { ...body, message_id: 'sms_5fa275dbf21dc' } })
  })

  it('two different numbers are refused, at the second place, with both numbers', () => {
    const root = { ...reply(), number: '+33611111111' }
    expect(firstLine(normalizeInbound('octopush', root))).toBe(
      'metadata.number: "+33600000000" is not the number the body gives first ("+33611111111"): a body that names two senders is refused rather than guessed',
    )
    const nodes = { ...stop('metadata'), meta_data: { number: '+33622222222' } }
    expect(firstLine(normalizeWebhook('octopush', nodes))).toBe(
      'meta_data.number: "+33622222222" is not the number the body gives first ("+33600000000"): a body that names two senders is refused rather than guessed',
    )
    // The same number written two ways is two texts: refused too (agreement is the same text).
    expect(E.isLeft(normalizeInbound('octopush', { ...reply(), number: '0033600000000' }))).toBe(true)
  })

  it('no number anywhere is a missing number, as before; an empty node is no number', () => {
    for (const empty of [{}, [], '']) {
      expect(firstLine(normalizeInbound('octopush', { text: 'OUI', reception_date: '2026-03-09 11:30:45', metadata: empty }))).toBe('number: missing; expected string')
    }
    expect(formatError(leftOf(normalizeInbound('octopush', { metadata: { message_id: 'm' }, reception_date: '2026-03-09 11:30:45' }))).split('\n')).toEqual([
      'number: missing; expected string',
      'text: missing; expected string',
    ])
  })

  it('a node that is not an object, or a number in it that is not text, is refused where it is', () => {
    // With no number anywhere, both are said: the missing number first, then the node.
    expect(formatError(leftOf(normalizeInbound('octopush', { text: 'OUI', reception_date: '2026-03-09 11:30:45', metadata: 'x' }))).split('\n')).toEqual([
      'number: missing; expected string',
      'metadata: expected OctopushSenderNode, received "x"',
    ])
    expect(firstLine(normalizeInbound('octopush', { text: 'OUI', reception_date: '2026-03-09 11:30:45', metadata: { number: 33600000000 } }))).toBe('metadata.number: expected string, received 33600000000')
  })

  it('message_id: the root first, then metadata, then meta_data', () => {
    const messageIdOf = (body: unknown): unknown => (only(normalizeInbound('octopush', body)) as { messageId?: string }).messageId
    const base = { number: '+33600000000', text: 'OUI', reception_date: '2026-03-09 11:30:45' }
    expect(messageIdOf({ ...base, message_id: 'root', metadata: { message_id: 'node' }, meta_data: { message_id: 'other' } })).toBe('root')
    expect(messageIdOf({ ...base, metadata: { message_id: 'node' }, meta_data: { message_id: 'other' } })).toBe('node')
    expect(messageIdOf({ ...base, meta_data: { message_id: 'other' } })).toBe('other')
  })

  it('the codecs say so too: is() holds only for the decoded form, decode() gives it', () => {
    expect(OctopushInboundCallback.is(reply())).toBe(false)
    const decoded = rightOf(OctopushInboundCallback.decode(reply()))
    expect(decoded.number).toBe('+33600000000')
    expect(OctopushInboundCallback.is(decoded)).toBe(true)
    expect(OctopushStopCallback.is({ ...stop(), number: '+33600000000', message_id: 'sms_5fa275dbf21dc' })).toBe(true)
    expect(OctopushStopCallback.is({ ...stop(), number: '+33611111111', message_id: 'sms_5fa275dbf21dc' })).toBe(false)
  })
})

describe('properties of the sender\'s places', () => {
  const place = fc.constantFrom('root', ...NODES)
  // Numbers as any text an integration might send (the codec keeps them as text).
  const number = fc.oneof(fc.stringMatching(/^\+[1-9][0-9]{6,14}$/), fc.string({ maxLength: 12 }))
  const withSender = (body: Readonly<Record<string, unknown>>, where: string, value: string): Record<string, unknown> =>
    where === 'root' ? { ...body, number: value } : { ...body, [where]: { ...(body[where] as object | undefined), number: value } }

  property('one number, in any place, of a STOP or a reply: the event is from that number (as reported)', [place, number, fc.boolean()], (where, value, isStop) => {
    const base = isStop ? { text: 'stop', stop_date: '2020-11-04 11:11:45' } : { text: 'OUI', reception_date: '2026-03-09 11:30:45' }
    const result = normalizeWebhook('octopush', withSender(base, where, value))
    if (E.isLeft(result)) throw new Error(formatError(result.left))
    const [event] = result.right
    if (event === undefined) throw new Error('no event')
    strictEqual(event.kind, isStop ? 'opt_out' : 'inbound')
    // The place does not change the event: the same as the number at the root, but for raw (the body as sent).
    const atRoot = rightOf(normalizeWebhook('octopush', withSender(base, 'root', value)))[0]
    deepStrictEqual(event, atRoot === undefined ? undefined : { ...atRoot, raw: event.raw })
  })

  property('numbers in two places: accepted exactly when they are the same text', [fc.uniqueArray(place, { minLength: 2, maxLength: 3 }), number, number], (places, first, second) => {
    const body = places.reduce<Record<string, unknown>>((acc, where, index) => withSender(acc, where, index === 0 ? first : second), { text: 'OUI', reception_date: '2026-03-09 11:30:45' })
    const result = normalizeInbound('octopush', body)
    strictEqual(E.isRight(result), first === second, JSON.stringify(body))
  })
})
