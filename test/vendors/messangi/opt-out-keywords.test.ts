/**
 * Keyword opt-outs on Messangi: Messangi sends no opt-out callback and forwards a STOP as
 * an inbound (MO) message, so an inbound message whose whole text is one of the caller's
 * `optOutKeywords` is an `opt_out` event. The rule is restated here from the docs
 * (`isOptOutKeyword`'s comment), not imported, so the property checks the code against it.
 */
import fc from 'fast-check'
import { DEFAULT_OPT_OUT_KEYWORDS, formatError, isOptOutKeyword, normalizeInbound, normalizeWebhook, type InboundEvent, type WebhookEvent } from 'deliverykit'
import * as messangi from 'deliverykit/messangi'
import { describe, expect, it } from 'vitest'

import { eventIdOf, inboundIdFields } from '../../../src/kit/eventId.js'
import { leftOf, rightOf } from '../../helpers.js'
import { property } from '../../properties/harness.js'

/** The documented rule: the whole text, compared ignoring case, accents, compatibility forms, and whitespace, punctuation and symbols around it. */
const documentedForm = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/^[\s\p{P}\p{S}]+/u, '')
    .replace(/[\s\p{P}\p{S}]+$/u, '')
    .replace(/\s+/gu, ' ')
const documentedMatch = (text: string, keywords: ReadonlyArray<string>): boolean => documentedForm(text) !== '' && keywords.some((keyword) => documentedForm(keyword) === documentedForm(text))

/** An event's fields as its id reads them, absent ones `undefined`. */
const idFieldsOf = (event: InboundEvent) =>
  inboundIdFields({ channel: event.channel, from: event.from, to: event.to, text: event.text, messageId: event.messageId, vendorTime: event.vendorTime })

const only = (events: ReadonlyArray<WebhookEvent>): InboundEvent => {
  expect(events).toHaveLength(1)
  const [event] = events
  if (event === undefined || event.kind === 'delivery') return expect.fail(`expected one opt-out or inbound event, got ${JSON.stringify(events)}`)
  return event
}

/** The shapes Messangi sends a message in, each with the text put in its own field. */
const SHAPES = {
  mo: (text: string) => ({ user: '+5588999999999', text, origin: '12345', id: 'mo-1', date: '2025-05-23T14:30:00Z' }),
  legacyMo: (text: string) => ({ TYPE: 'MO_MESSAGE', FROM: '5551234', TO: '12345', TEXT: text }),
  legacyInbound: (text: string) => ({ mo: text, mobile: '5551234' }),
  legacyFacebook: (text: string) => ({ TYPE: 'FACEBOOK', FROM: 'fb-1', MESSAGE_BODY: text, MESSANGI_ID: '42' }),
} as const
type ShapeName = keyof typeof SHAPES
const SHAPE_NAMES = Object.keys(SHAPES) as ReadonlyArray<ShapeName>
const RAW_IDENTITY: Readonly<Record<ShapeName, ReadonlyArray<string | undefined>>> = { mo: ['mo-1'], legacyMo: [], legacyInbound: [], legacyFacebook: ['42'] }

describe('Messangi keyword opt-outs', () => {
  it('the default keywords are the US carrier set, STOP first', () => {
    expect(DEFAULT_OPT_OUT_KEYWORDS).toEqual(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'])
    expect(messangi.DEFAULT_OPT_OUT_KEYWORDS).toBe(DEFAULT_OPT_OUT_KEYWORDS)
  })

  it.each([
    ['STOP', true],
    [' stop! ', true],
    ['Stop.', true],
    ['ＳＴＯＰ', true], // full-width letters
    ['unsubscribe 🙏', true],
    ['sTóP', true], // an accent typed on a phone keyboard
    ['stop sending me this', false],
    ["don't stop", false],
    ['STOPP', false],
    ['', false],
    ['!!!', false],
    ['PARAR', false], // not in the default list: pass it to have it
  ])('the default keywords: %j is an opt-out: %s', (text, optOut) => {
    expect(isOptOutKeyword(text)).toBe(optOut)
    expect(only(rightOf(messangi.normalizeInbound(SHAPES.mo(text)))).kind).toBe(optOut ? 'opt_out' : 'inbound')
  })

  it('keywords of your own replace the default; their accents and case do not matter either', () => {
    const keywords = ['BAJA', 'Cancelación']
    expect(only(rightOf(messangi.normalizeInbound(SHAPES.mo('baja'), { optOutKeywords: keywords }))).kind).toBe('opt_out')
    expect(only(rightOf(messangi.normalizeInbound(SHAPES.mo('CANCELACION'), { optOutKeywords: keywords }))).kind).toBe('opt_out')
    expect(only(rightOf(messangi.normalizeInbound(SHAPES.mo('STOP'), { optOutKeywords: keywords }))).kind).toBe('inbound')
  })

  it('[] turns keyword opt-outs off: a STOP stays an inbound message', () => {
    expect(only(rightOf(messangi.normalizeInbound(SHAPES.mo('STOP'), { optOutKeywords: [] }))).kind).toBe('inbound')
  })

  it('is taken by every entry that decodes inbound messages, root and vendor', () => {
    const body = SHAPES.mo('baja')
    const options = { optOutKeywords: ['BAJA'] }
    const kinds = [
      only(rightOf(messangi.normalizeInbound(body, options))).kind,
      only(rightOf(messangi.normalizeWebhook(body, { channel: 'sms', ...options }))).kind,
      messangi.parseWebhook(body, { channel: 'sms', ...options })[0]?.kind,
      only(messangi.parseInbound(body, options)).kind,
      only(rightOf(normalizeInbound('messangi', body, options))).kind,
      only(rightOf(normalizeWebhook('messangi', body, { channel: 'sms', ...options }))).kind,
    ]
    const schema = messangi.webhookSchema({ channel: 'sms', ...options })['~standard'].validate(body)
    expect([...kinds, 'value' in schema ? schema.value[0]?.kind : undefined]).toEqual(Array(7).fill('opt_out'))
  })

  it('the delivery entries still refuse an inbound message, whatever the keywords', () => {
    expect(leftOf(messangi.normalize(SHAPES.mo('STOP'), { channel: 'sms' })).kind).toBe('unexpected_callback')
  })

  it.each([
    ['STOP', 'options.optOutKeywords: expected a list of opt-out keywords (text with a letter or digit, such as "STOP"), or [] to turn keyword opt-outs off, received "STOP"', ['optOutKeywords']],
    [['STOP', 3], 'options.optOutKeywords[1]: expected a keyword: text with a letter or digit, such as "STOP", received 3', ['optOutKeywords', 1]],
    [['  ', 'STOP'], 'options.optOutKeywords[0]: expected a keyword: text with a letter or digit, such as "STOP", received "  "', ['optOutKeywords', 0]],
    [['?!'], 'options.optOutKeywords[0]: expected a keyword: text with a letter or digit, such as "STOP", received "?!"', ['optOutKeywords', 0]],
  ])('%j is an invalid_options error with its path', (optOutKeywords, message, path) => {
    // Typed callers cannot pass these; they stand for JavaScript callers and untyped config.
    const error = leftOf(messangi.normalizeInbound(SHAPES.mo('STOP'), { optOutKeywords } as never))
    expect([error.kind, formatError(error), error.issues[0].path]).toEqual(['invalid_options', message, path])
    expect(error.kind === 'invalid_options' && error.issues[0].expected).toBe(message.slice(message.indexOf('expected ') + 9, message.indexOf(', received')))
  })

  it('a list that throws when read is an invalid_options error, not a throw', () => {
    const { proxy, revoke } = Proxy.revocable<Array<string>>([], {})
    revoke()
    const throwing = new Proxy(['STOP'], { get: () => { throw new Error('no') } })
    for (const optOutKeywords of [proxy, throwing]) {
      const error = leftOf(messangi.normalizeInbound(SHAPES.mo('STOP'), { optOutKeywords }))
      expect([error.kind, error.issues[0].path]).toEqual(['invalid_options', ['optOutKeywords']])
    }
  })

  it('the shipped Messangi MO example (text STOP) is an opt-out with its text, from the sender', () => {
    const example = { owner: 'empresa', date: '2025-05-23T14:30:00Z', origin: '12345', connection: 'SMS', id: 'usuario_456', text: 'STOP', user: '+5588999999999' }
    const event = only(rightOf(normalizeWebhook('messangi', example, { channel: 'sms' })))
    expect([event.kind, event.channel, event.from, event.to, event.text]).toEqual(['opt_out', 'sms', '+5588999999999', '12345', 'STOP'])
  })

  // A text that is often a keyword in disguise: a keyword of the list, its letters' case
  // changed, an accent added, whitespace or punctuation around it, or words after it.
  const disguised = (keywords: ReadonlyArray<string>): fc.Arbitrary<string> =>
    fc
      .tuple(
        fc.constantFrom(...keywords),
        fc.array(fc.boolean(), { maxLength: 12 }),
        fc.constantFrom('', '\u0301', '\u0303'),
        fc.constantFrom('', ' ', '\t', '¡', '"'),
        fc.constantFrom('', ' ', '!', '.', ' 🙏', '?!'),
        fc.constantFrom('', ' please', ' ALL', 'S'),
      )
      .map(([keyword, upper, accent, before, after, words]) => {
        // The keywords cased here are ASCII and Latin letters: one code unit each.
        const cased = keyword
          .split('')
          .map((char, index) => (upper[index] === true ? char.toUpperCase() : char.toLowerCase()))
          .join('')
        return `${before}${cased.slice(0, 1)}${accent}${cased.slice(1)}${words}${after}`
      })
  const keywordLists = fc.oneof(
    fc.constant(DEFAULT_OPT_OUT_KEYWORDS),
    fc.constant<ReadonlyArray<string>>([]),
    fc.array(fc.constantFrom('BAJA', 'Parar', 'sair', 'STOP', 'Cancelación', 'opt-out', 'stop all'), { minLength: 1, maxLength: 4 }),
    fc.array(fc.string({ minLength: 1, maxLength: 6 }).filter((keyword) => /[\p{L}\p{N}]/u.test(documentedForm(keyword))), { minLength: 1, maxLength: 3 }),
  )
  const cases = keywordLists.chain((keywords) =>
    fc.record({
      keywords: fc.constant(keywords),
      text: keywords.length === 0 ? fc.string() : fc.oneof(disguised(keywords), disguised(DEFAULT_OPT_OUT_KEYWORDS), fc.string({ maxLength: 12 })),
      shape: fc.constantFrom(...SHAPE_NAMES),
    }),
  )

  property('an MO is an opt-out iff its text matches a keyword by the documented rule; every other field is the inbound event\'s', [cases], ({ keywords, text, shape }) => {
    const body = SHAPES[shape](text)
    const event = only(rightOf(messangi.normalizeInbound(body, { optOutKeywords: keywords })))
    const inbound = only(rightOf(messangi.normalizeInbound(body, { optOutKeywords: [] })))
    expect(event.kind).toBe(documentedMatch(text, keywords) ? 'opt_out' : 'inbound')
    expect(isOptOutKeyword(text, keywords)).toBe(event.kind === 'opt_out')
    const { kind: _kind, eventId, ...fields } = event
    const { kind: _inboundKind, eventId: _inboundId, ...inboundFields } = inbound
    expect(fields).toEqual(inboundFields)
    expect(fields.text).toBe(text)
    // The id the event's kind implies: the same fields, hashed with that kind.
    expect(eventId).toBe(eventIdOf({ vendor: 'messangi', kind: event.kind, shape, fields: idFieldsOf(event), rawIdentity: RAW_IDENTITY[shape] }))
    expect(inbound.eventId).toBe(eventIdOf({ vendor: 'messangi', kind: 'inbound', shape, fields: idFieldsOf(inbound), rawIdentity: RAW_IDENTITY[shape] }))
  })
})
