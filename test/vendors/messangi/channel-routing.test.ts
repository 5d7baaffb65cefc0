/**
 * Messangi's status callback and send API response do not name their channel: the
 * `channel` option does. A body posted to another channel's URL would be read with that
 * channel's catalog, where the same code can mean something else; where the body's own
 * `to` contradicts the channel (an e-mail address on SMS, WhatsApp or RCS; a phone number
 * on e-mail), it is refused with a `channel_mismatch` issue. Where nothing can tell (push,
 * whose `to` is undocumented; a `to` of neither form), the body decodes as before.
 */
import fc from 'fast-check'
import { MESSANGI_CHANNELS as ROOT_CHANNELS, isMessangiChannel as rootGuard, normalizeWebhook, type ChannelMismatchIssue, type MessangiChannel } from 'deliverykit'
import { MESSANGI_CATALOGS, MESSANGI_CHANNELS, isMessangiChannel, normalize, normalizeLegacy } from 'deliverykit/messangi'
import { describe, expect, it } from 'vitest'

import { leftOf, rightOf } from '../../helpers.js'

/** The canonical status of a code on a channel, read from the catalog. */
const statusOf = (channel: MessangiChannel, code: string): string | undefined => MESSANGI_CATALOGS[channel]?.[code]?.status
import { property } from '../../properties/harness.js'

const PHONE_CHANNELS: ReadonlyArray<MessangiChannel> = ['sms', 'whatsapp', 'rcs']

/** Phone numbers as Messangi writes them, and as people do: digits, a `+`, separators. */
const phones = fc.oneof(
  fc.stringMatching(/^\+?[1-9]\d{6,14}$/),
  fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 100, max: 999 }), fc.integer({ min: 1_000_000, max: 9_999_999 })).map(([country, area, line]) => `+${String(country)} (${String(area)}) ${String(line).slice(0, 3)}-${String(line).slice(3)}`),
)
/** E-mail addresses: a local part with a letter, `@`, a domain. */
const emails = fc.emailAddress().filter((address) => /\p{L}/u.test(address.slice(0, address.indexOf('@'))))
/** Recipients whose form says nothing of the channel: push tokens, short codes, names, phone numbers at a domain or in a URI. */
const ambiguous = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{32,64}$/),
  fc.stringMatching(/^[A-Za-z0-9_-]{20,40}:[A-Za-z0-9_-]{20,60}$/),
  fc.stringMatching(/^\d{3,6}$/),
  fc.stringMatching(/^\d{8,13}@s\.whatsapp\.net$/),
  fc.stringMatching(/^sip:\+\d{8,13}@ims\.example\.com$/),
  fc.constant('user-42'),
  fc.constant(''),
)

const statusBody = (to: string) => ({ id: 'm-1', to, status: 'SENT', date: '2024-01-01T12:00:00Z' })
const sendResponse = (to: string) => ({ meta: { timestamp: 1629174338140 }, data: { id: 'm-1', to, status: 'SENT', date: '2024-01-01T12:00:00Z' } })
const SHAPES = [
  { name: 'status callback', body: statusBody, path: ['to'] },
  { name: 'send API response', body: sendResponse, path: ['data', 'to'] },
] as const

const mismatchOf = (error: ReturnType<typeof leftOf<unknown, unknown>>): ChannelMismatchIssue => {
  const e = error as { kind: string; issues: ReadonlyArray<{ code: string }> }
  expect([e.kind, e.issues.length, e.issues[0]?.code]).toEqual(['invalid_body', 1, 'channel_mismatch'])
  return e.issues[0] as ChannelMismatchIssue
}

describe('Messangi channels', () => {
  it('MESSANGI_CHANNELS lists the channel option\'s values, the catalogs\' channels, from both entries', () => {
    expect(MESSANGI_CHANNELS).toEqual(['sms', 'email', 'push', 'rcs', 'whatsapp'])
    expect([...MESSANGI_CHANNELS].sort()).toEqual(Object.keys(MESSANGI_CATALOGS).sort())
    expect([ROOT_CHANNELS, rootGuard]).toEqual([MESSANGI_CHANNELS, isMessangiChannel])
  })

  it('isMessangiChannel narrows a URL segment, and refuses anything else without reading a prototype', () => {
    expect(MESSANGI_CHANNELS.every(isMessangiChannel)).toBe(true)
    expect(['SMS', 'voice', 'legacy', 'toString', '', undefined, null, 3, {}].map(isMessangiChannel)).toEqual(Array(9).fill(false))
  })
})

describe('Messangi bodies whose recipient contradicts the channel option', () => {
  it('an SMS status with an e-mail recipient is refused, with a message that says so', () => {
    const error = leftOf(normalize(statusBody('ana@example.com'), { channel: 'sms' }))
    const issue = mismatchOf(error)
    expect(issue).toEqual({
      code: 'channel_mismatch',
      path: ['to'],
      channel: 'sms',
      expected: 'a phone number',
      received: '"ana@example.com", an e-mail address',
      message: 'to: "ana@example.com" is an e-mail address, but options.channel is "sms", whose messages go to a phone number; the body was most likely posted to another channel\'s URL, and is refused rather than read as sms',
    })
  })

  it('an e-mail status with a phone number is refused at data.to in a send response', () => {
    const issue = mismatchOf(leftOf(normalizeWebhook('messangi', sendResponse('+5588999999999'), { channel: 'email' })))
    expect([issue.path, issue.channel, issue.expected]).toEqual([['data', 'to'], 'email', 'an e-mail address'])
  })

  const mismatched = fc.oneof(
    fc.record({ channel: fc.constantFrom(...PHONE_CHANNELS), to: emails }),
    fc.record({ channel: fc.constant<MessangiChannel>('email'), to: phones }),
  )
  property('for each channel, a body whose recipient names another channel is refused with channel_mismatch at its path', [mismatched, fc.constantFrom(...SHAPES)], ({ channel, to }, shape) => {
    const issue = mismatchOf(leftOf(normalizeWebhook('messangi', shape.body(to), { channel })))
    expect([issue.path, issue.channel]).toEqual([shape.path, channel])
    // The delivery entry decides the same way.
    expect(mismatchOf(leftOf(normalize(shape.body(to), { channel }))).path).toEqual(shape.path)
  })

  const consistent = fc.oneof(
    fc.record({ channel: fc.constantFrom(...PHONE_CHANNELS), to: fc.oneof(phones, ambiguous) }),
    fc.record({ channel: fc.constant<MessangiChannel>('email'), to: fc.oneof(emails, ambiguous) }),
    fc.record({ channel: fc.constant<MessangiChannel>('push'), to: fc.oneof(phones, emails, ambiguous) }),
  )
  property('a body consistent with the channel, or whose recipient cannot tell, decodes on that channel as before', [consistent, fc.constantFrom(...SHAPES)], ({ channel, to }, shape) => {
    const [event] = rightOf(normalize(shape.body(to), { channel }))
    expect([event?.channel, event?.recipient, event?.vendorStatus, event?.status]).toEqual([channel, to, 'SENT', statusOf(channel, 'SENT')])
  })

  it('what nothing in the body can tell stays as it was: an SMS SENT posted to the push URL reads as push', () => {
    const [event] = rightOf(normalize(statusBody('+5588999999999'), { channel: 'push' }))
    expect([event?.channel, event?.status]).toEqual(['push', statusOf('push', 'SENT')])
  })

  it('a legacy callback keeps the channel its TYPE names, whatever the option: the legacy API posts every notification to one URL', () => {
    const form = 'TYPE=SMS&MESSANGI_ID=-8174720676710228700&STATUS=DELIVRD&TO=584141234567'
    const [event] = rightOf(normalizeWebhook('messangi', form, { channel: 'email' }))
    const [legacy] = rightOf(normalizeLegacy(form))
    expect([event?.channel, event?.eventId]).toEqual(['sms', legacy?.eventId])
  })

  it('an inbound message keeps the channel its connection names: one MO URL receives SMS and WhatsApp', () => {
    const [event] = rightOf(normalizeWebhook('messangi', { user: '+5588999999999', text: 'hola', connection: 'WHATSAPP' }, { channel: 'sms' }))
    expect([event?.kind, event?.channel]).toEqual(['inbound', 'whatsapp'])
  })
})
