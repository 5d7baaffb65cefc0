import { classify, formatError, normalize, type NormalizeError } from 'deliverykit'
import { normalize as normalizeMessangi, normalizeLegacy } from 'deliverykit/messangi'
import { describe, expect, it } from 'vitest'

import { leftOf, payload, rightOf } from '../../helpers.js'

const callback = { id: 'm-1', to: '+5588999999999', status: 'DELIVRD', date: '2024-01-01T12:00:00Z' }

const messagesOf = (error: NormalizeError): ReadonlyArray<string> => error.issues.map((issue) => issue.message)

describe('Messangi errors', () => {
  it('a code of another channel names the channels that know it', () => {
    const error = leftOf(normalize('messangi', callback, { channel: 'whatsapp' }))
    expect(error.kind).toBe('unknown_status')
    expect(error.issues[0]).toMatchObject({ code: 'unknown_status', vendor: 'messangi', channel: 'whatsapp', status: 'DELIVRD', path: ['status'], knownOn: ['sms'] })
    expect(messagesOf(error)).toEqual([
      'status: "DELIVRD" is not a Messangi WhatsApp status (it is a status on SMS); expected one of SENT, DELIVERED, READ, CODE_NOT_ALLOWED, FAILED, QUOTA_EXCEEDED, INCOMPLETE, QUEUE, DEQUEUED, BLACKLISTED',
    ])
  })

  it('lists several channels with "and"', () => {
    const error = leftOf(normalize('messangi', { ...callback, status: 'DELIVERED' }, { channel: 'sms' }))
    expect(messagesOf(error)[0]).toMatch(/^status: "DELIVERED" is not a Messangi SMS status \(it is a status on RCS and WhatsApp\); expected one of SENT, EXPIRED, /)
    const three = leftOf(classify('messangi', 'whatsapp', 'EXHAUSTED'))
    expect(messagesOf(three)[0]).toMatch(/^code: "EXHAUSTED" is not a Messangi WhatsApp status \(it is a status on SMS, e-mail, push and RCS\); /)
  })

  it('a code no channel knows says what the channel expects, and the code it is likely a typo of', () => {
    const error = leftOf(normalize('messangi', { ...callback, to: 'someone@example.com', status: 'BOUNCY' }, { channel: 'email' }))
    expect(messagesOf(error)).toEqual([
      'status: "BOUNCY" is not a Messangi e-mail status; expected one of DEQUEUED, NOT_SENT, BAD_TO, BAD_FROM, BLACKLISTED, BLOCKED_DUE_BAD_BEHAVIOUR, SENT, EXHAUSTED, BOUNCED_PERMANENT, BOUNCED, COMPLAINED, OPEN, CLICK, INCOMPLETE; did you mean "BOUNCED"?',
    ])
    expect(error.issues[0]).toMatchObject({ code: 'unknown_status', didYouMean: 'BOUNCED' })
  })

  it('points into data for the send API response and at STATUS for the legacy callback', () => {
    const response = payload('messangi/sms/send-response.json')
    const data = response['data'] as Record<string, unknown>
    expect(leftOf(normalize('messangi', { ...response, data: { ...data, status: 'NEW' } }, { channel: 'sms' })).issues[0].path).toEqual(['data', 'status'])
    expect(leftOf(normalizeLegacy({ ...payload('messangi/legacy-sms.json'), STATUS: 'NOT_A_CODE' })).issues[0]).toMatchObject({ path: ['STATUS'], channel: 'sms' })
  })

  it('keeps an unknown code as an unknown event with unknownStatus: "keep"', () => {
    const [event] = rightOf(normalize('messangi', { ...callback, status: 'NEW_CODE' }, { channel: 'sms', unknownStatus: 'keep' }))
    expect(event).toMatchObject({ classification: 'unknown', status: 'unknown', vendorStatus: 'NEW_CODE', description: '' })
  })

  it('refuses a JSON number id that lost digits, saying to send it as text', () => {
    // -8174720676710228700 as a JSON number is already -8174720676710229000.
    const body: unknown = JSON.parse('{"id": -8174720676710228700, "to": "+1", "status": "DELIVRD"}')
    const error = leftOf(normalize('messangi', body, { channel: 'sms' }))
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: ['id'] })
    expect(messagesOf(error)).toEqual(['id: -8174720676710229000 is beyond 2^53, so JSON.parse has already lost digits of it; a number this long must arrive as text (a JSON string)'])
    expect(messagesOf(leftOf(normalizeLegacy({ ...payload('messangi/legacy-sms.json'), MESSANGI_ID: 2 ** 63 })))).toEqual([
      'MESSANGI_ID: 9223372036854776000 is beyond 2^53, so JSON.parse has already lost digits of it; a number this long must arrive as text (a JSON string)',
    ])
    expect(messagesOf(leftOf(normalize('messangi', { ...callback, id: 1.5 }, { channel: 'sms' })))).toEqual(['id: expected id as text, received 1.5'])
  })

  it('a `to` sent as a JSON number is its digits while they are exact, and refused beyond 2^53, where digits were lost', () => {
    expect(rightOf(normalize('messangi', { ...callback, to: 5588999999999 }, { channel: 'sms' }))[0]?.recipient).toBe('5588999999999')
    const body: unknown = JSON.parse('{"id": "m", "to": 55889999999999999, "status": "DELIVRD"}')
    expect(messagesOf(leftOf(normalize('messangi', body, { channel: 'sms' })))).toEqual([
      'to: 55890000000000000 is beyond 2^53, so JSON.parse has already lost digits of it; a number this long must arrive as text (a JSON string)',
    ])
  })

  it.each([
    ['2024-01-01 12:00:00', 'no offset'],
    ['2024-01-01T12:00:00', 'no offset'],
    ['2024-02-30T12:00:00Z', 'an impossible day'],
    ['2024-01-01T12:00:00.1234567890Z', 'ten fractional digits'],
    ['2024-01-01-T12:00:00.00', 'the vendor pattern without its Z'],
  ])('refuses the date %j (%s)', (date) => {
    const error = leftOf(normalize('messangi', { ...callback, date }, { channel: 'sms' }))
    expect(messagesOf(error)).toEqual([`date: ${JSON.stringify(date)} is not a valid date-time; expected ISO-8601 with Z or an offset, such as "2021-08-17T04:25:38.117Z"`])
  })

  it('names missing and mistyped fields', () => {
    const error = leftOf(normalize('messangi', { status: 'DELIVRD', timestamp: true, from: 5 }, { channel: 'sms' }))
    expect(messagesOf(error)).toEqual([
      'id: missing; expected id as text',
      'to: missing; expected string',
      'from: expected string, received 5',
      'timestamp: expected number or text, received true',
    ])
  })

  it('refuses a body that is not an object, naming the shapes it could be', () => {
    expect(messagesOf(leftOf(normalize('messangi', [callback], { channel: 'sms' })))).toEqual([
      '(root): expected a Messangi callback (a JSON object or form), received an array of 1 item',
    ])
  })

  it('a legacy TYPE that carries no status is not a legacy status callback: the error says what it is and what decodes it', () => {
    const error = leftOf(normalizeLegacy({ ...payload('messangi/legacy-sms.json'), TYPE: 'FACEBOOK' }))
    expect([error.kind, ...messagesOf(error)]).toEqual([
      'unexpected_callback',
      '(root): this is a Messangi legacy Facebook message callback, not a legacy form callback; decode it with normalizeWebhook or normalizeInbound',
    ])
  })

  it('a legacy TYPE Messangi adds later is an unknown_channel error', () => {
    const error = leftOf(normalizeLegacy({ ...payload('messangi/legacy-sms.json'), TYPE: 'TELEGRAM' }))
    expect([error.kind, ...messagesOf(error)]).toEqual([
      'unknown_channel',
      'TYPE: "TELEGRAM" is not a Messangi channel deliverykit knows yet; expected one of SMS, PUSH, EMAIL, MO_MESSAGE, FACEBOOK',
    ])
  })

  it('normalizeLegacy refuses other Messangi bodies, naming what they are', () => {
    const error = leftOf(normalizeLegacy(callback))
    expect([error.kind, ...messagesOf(error)]).toEqual([
      'unexpected_callback',
      '(root): this is a Messangi status callback, not a legacy form callback; decode it with normalizeWebhook or normalize',
    ])
  })

  it.each([
    [undefined, 'options.channel: expected one of sms, email, push, rcs, whatsapp (Messangi status callbacks and send API responses do not name their channel), received nothing'],
    [{}, 'options.channel: expected one of sms, email, push, rcs, whatsapp (Messangi status callbacks and send API responses do not name their channel), received nothing'],
    [{ channel: 'voice' }, 'options.channel: expected one of sms, email, push, rcs, whatsapp (Messangi status callbacks and send API responses do not name their channel), received "voice"'],
    [{ channel: 'sms', unknownStatus: 'drop' }, 'options.unknownStatus: expected "error" or "keep", received "drop"'],
  ])('options %j are an invalid_options error (untyped callers)', (options, message) => {
    const error = leftOf(normalizeMessangi(callback, options as never))
    expect(error.kind).toBe('invalid_options')
    expect(formatError(error)).toBe(message)
  })

  it('a legacy body needs no channel, even from untyped callers of the root', () => {
    expect(rightOf(normalize('messangi', payload('messangi/legacy-sms.json'), undefined as never))[0]?.channel).toBe('sms')
  })
})
