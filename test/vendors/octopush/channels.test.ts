// One reading of `channel` for every kind of Octopush callback: a receipt, a STOP and a
// reply that name a channel are read on it, and one that names a channel deliverykit does
// not know is refused with unknown_channel, whatever its kind. Before, a STOP saying
// "whatsapp" was an SMS opt-out, and a WhatsApp reply an SMS message.
import { normalize, normalizeInbound, normalizeWebhook, type Channel, type NormalizeError } from 'deliverykit'
import { OCTOPUSH_CHANNEL_NAMES, OctopushCallback, OctopushInteractionCallback } from 'deliverykit/octopush'
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'

import { deliverykitAccepts, schemaAccepts, schemaErrors } from '../../jsonSchemas.js'
import { leftOf, payload, rightOf } from '../../helpers.js'

/** deliverykit's name of each channel name Octopush documents: written out here, not imported, so the table under test is checked. */
const CANONICAL: Readonly<Record<string, Channel>> = {
  sms: 'sms',
  voice_sms: 'voice',
  rcs: 'rcs',
  whatsapp: 'whatsapp',
  facebook: 'facebook',
  instagram: 'instagram',
  email: 'email',
}

/** One body of each kind, without `channel`, and the channel its events are on then. */
const KINDS = {
  receipt: { body: { message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }, unnamed: 'sms' },
  stop: { body: { message_id: 'sms_1', number: '+33600000000', text: 'STOP', stop_date: '2025-01-22 11:46:06' }, unnamed: 'sms' },
  reply: { body: { message_id: 'sms_1', number: '+33600000000', text: 'yes', sim_card_number: '12345', reception_date: '2025-01-22 11:46:06' }, unnamed: 'sms' },
  'older reply': { body: { number: '+33600000000', text: 'yes', answer_date: '2025-01-22 11:46:06' }, unnamed: 'sms' },
  'e-mail receipt': { body: withoutChannel(payload('octopush/email.json')), unnamed: 'email' },
} as const satisfies Record<string, { readonly body: Readonly<Record<string, unknown>>; readonly unnamed: Channel }>

type Kind = keyof typeof KINDS

function withoutChannel(body: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const { channel: _channel, ...rest } = body
  return rest
}

const isKnown = (channel: string): boolean => Object.prototype.hasOwnProperty.call(CANONICAL, channel)

/** A channel value: a name Octopush documents, a near miss, or any text. */
const channelName = fc.oneof(
  fc.constantFrom(...Object.keys(CANONICAL)),
  fc.constantFrom('telegram', 'SMS', 'Email', 'whatsapp ', 'voice', 'push', 'viber', '', 'constructor', '__proto__', 'toString'),
  fc.string({ maxLength: 12 }),
)

/** The body as an object, as JSON text, and as a form (a phone-shaped body only: an e-mail receipt nests a list). */
const encodings = (kind: Kind, body: Readonly<Record<string, unknown>>): ReadonlyArray<unknown> =>
  kind === 'e-mail receipt' ? [body, JSON.stringify(body)] : [body, JSON.stringify(body), new URLSearchParams(body as Record<string, string>).toString()]

/** What every entry point must say of a body of this kind naming this channel. */
const checkOne = (kind: Kind, channel: string): void => {
  const body = { ...KINDS[kind].body, channel }
  for (const input of encodings(kind, body)) {
    const result = normalizeWebhook('octopush', input)
    if (!isKnown(channel)) {
      const error = leftOf(result)
      expect(error.kind).toBe('unknown_channel')
      expect(error.issues[0]).toMatchObject({ code: 'unknown_channel', channel, path: ['channel'], expected: OCTOPUSH_CHANNEL_NAMES })
      // The same answer from every entry point that reads this kind, and from the codecs.
      expect(leftOf(normalize('octopush', input)).kind).toBe('unknown_channel')
      expect(leftOf(normalizeInbound('octopush', input)).kind).toBe('unknown_channel')
      continue
    }
    if (E.isLeft(result)) {
      // A known name that does not fit the body's shape (a phone receipt saying "email", an
      // e-mail receipt saying "sms") is a body error: never an event on another channel.
      expect(kind === 'receipt' ? channel === 'email' : kind === 'e-mail receipt' ? channel !== 'email' : true).toBe(true)
      expect(result.left.kind).toBe('invalid_body')
      continue
    }
    expect(result.right.length).toBeGreaterThan(0)
    for (const event of result.right) expect(event.channel).toBe(CANONICAL[channel])
  }
}

describe('Octopush: one reading of channel for every kind of callback', () => {
  it('every kind, with every channel value: the event is on the channel the body names, or the body is refused with unknown_channel', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(KINDS) as ReadonlyArray<Kind>)), channelName, (kind, channel) => {
        checkOne(kind, channel)
      }),
      { numRuns: 400 },
    )
  })

  it('each documented name on each kind, written out (the sweep above draws them at random)', () => {
    for (const kind of Object.keys(KINDS) as ReadonlyArray<Kind>) for (const channel of Object.keys(CANONICAL)) checkOne(kind, channel)
  })

  it('a STOP or a reply that names no channel is SMS, as Octopush’s STOP and inbound pages are', () => {
    for (const kind of ['stop', 'reply', 'older reply', 'receipt'] as const) {
      expect(rightOf(normalizeWebhook('octopush', KINDS[kind].body)).map((event) => event.channel)).toEqual([KINDS[kind].unnamed])
    }
  })

  it('a WhatsApp STOP is a WhatsApp opt-out; a Telegram STOP is an unknown_channel error, as a Telegram receipt is', () => {
    const [optOut] = rightOf(normalizeInbound('octopush', { ...KINDS.stop.body, channel: 'whatsapp' }))
    expect([optOut?.kind, optOut?.channel, optOut?.from]).toEqual(['opt_out', 'whatsapp', '+33600000000'])
    const telegram = (body: object): NormalizeError => leftOf(normalizeWebhook('octopush', { ...body, channel: 'telegram' }))
    expect(telegram(KINDS.stop.body)).toEqual({ ...telegram(KINDS.receipt.body), input: { ...KINDS.stop.body, channel: 'telegram' } })
  })

  it('a channel that is not text is a body error at its path, on every kind', () => {
    for (const kind of ['receipt', 'stop', 'reply'] as const) {
      for (const channel of [5, null, true, ['sms'], { name: 'sms' }]) {
        const error = leftOf(normalizeWebhook('octopush', { ...KINDS[kind].body, channel }))
        expect([kind, error.kind, error.issues[0].path]).toEqual([kind, 'invalid_body', ['channel']])
      }
    }
  })

  it('the public codecs follow the same reading', () => {
    expect(OctopushCallback.is({ ...KINDS.stop.body, channel: 'whatsapp' })).toBe(true)
    expect(OctopushCallback.is({ ...KINDS.stop.body, channel: 'telegram' })).toBe(false)
    expect(OctopushInteractionCallback.is({ ...KINDS.reply.body, channel: 'telegram' })).toBe(false)
    expect(E.isLeft(OctopushInteractionCallback.decode({ ...KINDS.reply.body, channel: 'telegram' }))).toBe(true)
  })

  it('the shipped JSON Schema agrees with deliverykit on every kind and channel value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(KINDS) as ReadonlyArray<Kind>)), fc.oneof(channelName, fc.constantFrom(5, null, true)), (kind, channel) => {
        const body = { ...KINDS[kind].body, channel }
        const accepted = schemaAccepts('octopush', body)
        expect(accepted, `${kind} with channel ${JSON.stringify(channel)}: ${accepted ? 'accepted' : schemaErrors('octopush')}`).toBe(deliverykitAccepts('octopush', body))
      }),
      { numRuns: 300 },
    )
  })
})
