import { formatError, normalize, type NormalizeError } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { deepFreeze, leftOf, rightOf } from '../../helpers.js'

const sms = { id: 'c-1', channel: 'sms', status: 'DELIVERED', terminatingNumber: '666123123', updatedTime: '2024-08-01T10:38:45Z' }
const email = { id: 'c-2', channel: 'email', status: 'OPEN', destinationEmail: 'a@example.com', updatedTime: '2024-08-01T11:00:00+02:00' }

/** The fields that say which record an event came from and how it was read. */
const summary = (body: unknown, options?: { readonly timeZone?: string }) =>
  rightOf(normalize('masstack', body, options)).map((event) => ({
    channel: event.channel,
    messageId: event.messageId,
    recipient: event.recipient,
    status: event.status,
    ...(event.occurredAt !== undefined && { occurredAt: event.occurredAt }),
    ...(event.reference !== undefined && { reference: event.reference }),
  }))

const SMS_EVENT = { channel: 'sms', messageId: 'c-1', recipient: '666123123', status: 'delivered', occurredAt: '2024-08-01T10:38:45+00:00' }
const EMAIL_EVENT = { channel: 'email', messageId: 'c-2', recipient: 'a@example.com', status: 'read', occurredAt: '2024-08-01T11:00:00+02:00' }

const messagesOf = (error: NormalizeError): ReadonlyArray<string> => error.issues.map((issue) => issue.message)

describe('Masstack bodies it accepts', () => {
  it('one record, a list, and the envelope around one record or a list', () => {
    expect(summary(sms)).toEqual([SMS_EVENT])
    expect(summary([sms, email])).toEqual([SMS_EVENT, EMAIL_EVENT])
    expect(summary({ commit: 'v2.10.1', id: '57cff118-984f-473c-a6ad-5ba51baed0dd', data: email })).toEqual([EMAIL_EVENT])
    expect(summary({ commit: 'v2.10.1', data: [email, sms] })).toEqual([EMAIL_EVENT, SMS_EVENT])
    expect(summary({ data: [sms] })).toEqual([SMS_EVENT])
  })

  it('no events for an empty list or an empty data list', () => {
    expect(rightOf(normalize('masstack', []))).toEqual([])
    expect(rightOf(normalize('masstack', { commit: 'v2.10.1', id: 'r-1', data: [] }))).toEqual([])
  })

  it('the channel in any casing, or told by the one recipient field the record has', () => {
    expect(summary({ ...sms, channel: 'SMS' })).toEqual([SMS_EVENT])
    expect(summary({ ...email, channel: 'Email' })).toEqual([EMAIL_EVENT])
    const { channel: _sms, ...smsWithout } = sms
    const { channel: _email, ...emailWithout } = email
    expect(summary([smsWithout, emailWithout])).toEqual([SMS_EVENT, EMAIL_EVENT])
  })

  it('with a channel, the other channel\'s recipient field is ignored', () => {
    expect(summary({ ...sms, destinationEmail: 'x@example.com' })).toEqual([SMS_EVENT])
  })

  it('id or externalId: messageId is id, else externalId; reference is externalId', () => {
    expect(summary({ ...sms, externalId: 'sale-1' })).toEqual([{ ...SMS_EVENT, reference: 'sale-1' }])
    const { id: _id, ...withoutId } = sms
    expect(summary({ ...withoutId, externalId: 'sale-1' })).toEqual([{ ...SMS_EVENT, messageId: 'sale-1', reference: 'sale-1' }])
    expect(summary({ ...sms, id: 9007199254740991 })).toEqual([{ ...SMS_EVENT, messageId: '9007199254740991' }])
  })

  it('phone numbers as text (kept as sent, + included), safe JSON numbers, and bigints', () => {
    expect(summary({ ...sms, terminatingNumber: '+34666123123' })).toEqual([{ ...SMS_EVENT, recipient: '+34666123123' }])
    expect(summary({ ...sms, terminatingNumber: 666123123 })).toEqual([SMS_EVENT])
    expect(summary({ ...sms, terminatingNumber: 9007199254740991 })).toEqual([{ ...SMS_EVENT, recipient: '9007199254740991' }])
    expect(summary({ ...sms, terminatingNumber: 12345678901234567890n })).toEqual([{ ...SMS_EVENT, recipient: '12345678901234567890' }])
    expect(summary({ ...sms, terminatingNumber: '12345678901234567890' })).toEqual([{ ...SMS_EVENT, recipient: '12345678901234567890' }])
  })

  it('keeps the recipient without country code, countryCode (as text) only in raw', () => {
    const [event] = rightOf(normalize('masstack', { ...sms, countryCode: 34 }))
    expect(event?.recipient).toBe('666123123')
    expect(event?.raw).toEqual({ ...sms, countryCode: '34' })
  })

  it('dates the status by updatedTime only: a request or creation time is not the time of a status', () => {
    const { updatedTime: _u, ...untimed } = sms
    const request = '2024-08-01T12:00:00+02:00'
    const created = '2024-08-01T10:00:01.5Z'
    expect(summary({ ...sms, requestTime: request, createdTime: created })).toEqual([SMS_EVENT])
    for (const body of [untimed, { ...untimed, requestTime: request }, { ...untimed, createdTime: created }, { ...untimed, requestTime: request, createdTime: created }]) {
      const [event] = rightOf(normalize('masstack', body))
      expect(event).not.toHaveProperty('occurredAt')
      expect(event).not.toHaveProperty('vendorTime')
      // Kept, as sent, in raw.
      expect(event?.raw).toEqual(body)
    }
  })

  it('reads zone-less times in Europe/Madrid, or the timeZone option; times with an offset ignore it', () => {
    expect(summary({ ...sms, updatedTime: '2024-08-01T12:38:45.698148' })).toEqual([{ ...SMS_EVENT, occurredAt: '2024-08-01T12:38:45.698+02:00' }])
    expect(summary({ ...sms, updatedTime: '2025-01-22 09:00:00' })).toEqual([{ ...SMS_EVENT, occurredAt: '2025-01-22T09:00:00+01:00' }])
    expect(summary({ ...sms, updatedTime: '2025-01-22T09:00:00' }, { timeZone: 'Atlantic/Canary' })).toEqual([
      { ...SMS_EVENT, occurredAt: '2025-01-22T09:00:00+00:00' },
    ])
    expect(summary(sms, { timeZone: 'America/New_York' })).toEqual([SMS_EVENT])
  })

  it('keeps extra fields in raw and ignores them otherwise', () => {
    const body = { ...sms, type: 'SALE_CONFIRMATION', language: 'es', clientId: 'mysim-sa' }
    const [event] = rightOf(normalize('masstack', body))
    expect(event?.raw).toEqual(body)
    expect(event?.details).toEqual({})
  })

  it('keeps unknown codes as unknown events with unknownStatus: "keep"', () => {
    const result = normalize('masstack', { data: [{ ...sms, status: 'OPEN' }] }, { unknownStatus: 'keep' })
    expect(rightOf(result).map((event) => [event.channel, event.classification, event.vendorStatus])).toEqual([['sms', 'unknown', 'OPEN']])
  })

  it('does not mutate deep-frozen bodies it rewrites (numbers to text) or rejects', () => {
    const body = deepFreeze({ data: [{ ...sms, terminatingNumber: 666123123, countryCode: 34 }] })
    expect(summary(body)).toEqual([SMS_EVENT])
    expect(body.data[0]?.terminatingNumber).toBe(666123123)
    const bad = deepFreeze({ data: [{ ...sms, terminatingNumber: 2 ** 60 }] })
    expect(leftOf(normalize('masstack', bad)).input).toBe(bad)
  })
})

describe('Masstack bodies it refuses, saying where and why', () => {
  it.each([
    [42, '(root): expected a Masstack communication record, a list of them, or a { commit, id, data } envelope, received 42'],
    [null, '(root): expected a Masstack communication record, a list of them, or a { commit, id, data } envelope, received null'],
    // JSON text is parsed (raw bodies are accepted), then judged like the object.
    ['{"status":"DELIVERED"}', 'channel: missing; expected "sms" or "email", or a terminatingNumber (SMS) or destinationEmail (e-mail) to tell it by'],
    [[42], '[0]: expected a Masstack communication record (a JSON object), received 42'],
    [{ commit: 'v2.10.1' }, 'data: missing; expected a communication record or a list of them'],
    [{ data: 'none' }, 'data: expected a communication record or a list of them, received "none"'],
    [{ data: [sms, 7] }, 'data[1]: expected a Masstack communication record (a JSON object), received 7'],
  ])('refuses %j', (body, message) => {
    const error = leftOf(normalize('masstack', body))
    expect(error.kind).toBe('invalid_body')
    expect(messagesOf(error)).toEqual([message])
    expect(error.input).toBe(body)
  })

  it('a number beyond 2^53, which JSON.parse has already rounded, must arrive as text', () => {
    const body: unknown = JSON.parse('{"data":[{"id":"c-1","status":"DELIVERED","terminatingNumber":12345678901234567890}]}')
    const error = leftOf(normalize('masstack', body))
    expect(error.issues).toEqual([
      {
        code: 'invalid_value',
        path: ['data', 0, 'terminatingNumber'],
        expected: 'phone number digits (text, or a JSON number below 2^53)',
        received: '12345678901234567000',
        message: 'data[0].terminatingNumber: 12345678901234567000 is beyond 2^53, so JSON.parse has already lost digits of it; a number this long must arrive as text (a JSON string)',
      },
    ])
    expect(messagesOf(leftOf(normalize('masstack', { ...sms, countryCode: 2 ** 53 })))).toEqual([
      'countryCode: 9007199254740992 is beyond 2^53, so JSON.parse has already lost digits of it; a number this long must arrive as text (a JSON string)',
    ])
    expect(messagesOf(leftOf(normalize('masstack', { ...sms, id: 1e20 })))).toEqual([
      'id: 100000000000000000000 is beyond 2^53, so JSON.parse has already lost digits of it; a number this long must arrive as text (a JSON string)',
    ])
  })

  it.each([
    ['abc', 'terminatingNumber: "abc" is not a phone number; expected digits (Masstack sends int64 numbers without country code)'],
    ['666 123 123', 'terminatingNumber: "666 123 123" is not a phone number; expected digits (Masstack sends int64 numbers without country code)'],
    [6.5, 'terminatingNumber: expected phone number digits (text, or a JSON number below 2^53), received 6.5'],
    [-1, 'terminatingNumber: expected phone number digits (text, or a JSON number below 2^53), received -1'],
    [null, 'terminatingNumber: expected phone number digits (text, or a JSON number below 2^53), received null'],
  ])('refuses the phone number %j', (terminatingNumber, message) => {
    expect(messagesOf(leftOf(normalize('masstack', { ...sms, terminatingNumber })))).toEqual([message])
  })

  it('names the field to map when a record lacks its id, channel or recipient', () => {
    const { id: _id, ...withoutId } = sms
    expect(messagesOf(leftOf(normalize('masstack', withoutId)))).toEqual([
      "id: missing; expected the communication's id, or externalId (your own reference)",
    ])
    expect(messagesOf(leftOf(normalize('masstack', { id: 'c-1', status: 'DELIVERED', number: '666123123' })))).toEqual([
      'channel: missing; expected "sms" or "email", or a terminatingNumber (SMS) or destinationEmail (e-mail) to tell it by',
    ])
    expect(messagesOf(leftOf(normalize('masstack', { ...email, channel: 'sms' })))).toEqual([
      'terminatingNumber: missing; expected phone number digits (text, or a JSON number below 2^53)',
    ])
    expect(messagesOf(leftOf(normalize('masstack', { data: [sms, { ...sms, channel: 'email' }] })))).toEqual([
      'data[1].destinationEmail: missing; expected string',
    ])
    expect(messagesOf(leftOf(normalize('masstack', { id: 'c-1', channel: 'sms', terminatingNumber: '6' })))).toEqual([
      'status: missing; expected string',
    ])
  })

  it('refuses a record without channel that has both recipients, and a channel Masstack does not use', () => {
    const { channel: _channel, ...withoutChannel } = sms
    expect(messagesOf(leftOf(normalize('masstack', { ...withoutChannel, destinationEmail: 'a@example.com' })))).toEqual([
      'channel: missing, and the record has both terminatingNumber and destinationEmail; expected "sms" or "email" to say which is the recipient',
    ])
    const error = leftOf(normalize('masstack', [{ ...sms, channel: 'whatsapp' }]))
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: [0, 'channel'] })
    expect(messagesOf(error)).toEqual(['[0].channel: "whatsapp" is not a Masstack channel; expected one of sms, email'])
  })

  it('refuses a data object that keeps its list under a key, naming the key instead of guessing it', () => {
    expect(messagesOf(leftOf(normalize('masstack', { commit: 'v2.10.1', data: { communications: [sms], total: 1 } })))).toEqual([
      'data: expected a communication record or a list of them, received an object with a list under "communications"; Masstack does not document where its list response keeps the list, so pass that list (data.communications) as the body',
    ])
  })

  it('refuses both documented error bodies, quoting their message', () => {
    expect(messagesOf(leftOf(normalize('masstack', { commit: 'v2.10.1', error: { message: 'String info error message' } })))).toEqual([
      '(root): a Masstack error response, not communications: "String info error message"',
    ])
    const versionA = { errors: [{ code: 'BAD_REQUEST', title: 'MISSING PARAMETER', details: 'externalId is required', ref: 'r', httpStatusCode: 400 }] }
    expect(messagesOf(leftOf(normalize('masstack', versionA)))).toEqual([
      '(root): a Masstack error response, not communications: "externalId is required"',
    ])
    expect(messagesOf(leftOf(normalize('masstack', { errors: [] })))).toEqual(['(root): a Masstack error response, not communications'])
  })

  it.each([
    ['2024-02-30T10:00:00Z', 'a day February does not have'],
    ['2024-08-01T25:00:00+02:00', 'hour 25'],
    ['2024-08-01T10:00:00+2', 'a short offset'],
    ['2024-08-01', 'no time'],
    ['01/08/2024 10:00:00', 'another order'],
    ['2024-08-01T10:00:00.1234567890Z', 'ten fractional digits'],
  ])('refuses the time %j (%s)', (updatedTime) => {
    const error = leftOf(normalize('masstack', { data: [sms, { ...sms, updatedTime }] }))
    expect(error.issues).toEqual([
      {
        code: 'invalid_value',
        path: ['data', 1, 'updatedTime'],
        expected: 'ISO-8601 date-time',
        received: JSON.stringify(updatedTime),
        message: `data[1].updatedTime: ${JSON.stringify(updatedTime)} is not a valid date-time; expected ISO-8601 such as "2024-08-01T10:38:45.698148Z"`,
      },
    ])
  })

  it('points unknown statuses at their record', () => {
    const error = leftOf(normalize('masstack', { commit: 'v2.10.1', data: [sms, { ...email, status: 'BOUNCED' }, { ...sms, status: 'OPEN' }] }))
    expect(error.kind).toBe('unknown_status')
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['data', 1, 'status'],
      ['data', 2, 'status'],
    ])
    expect(formatError(error).split('\n')).toEqual([
      'data[1].status: "BOUNCED" is not a Masstack e-mail status; expected one of SUBMITTED, DELIVERED, OPEN, CLICKED, UNDELIVERABLE, DEFERRED, REJECTED, DROPPED',
      'data[2].status: "OPEN" is not a Masstack SMS status (it is a status on e-mail); expected one of REGISTERED, SUBMITTED, DELIVERED, EXPIRED, UNDELIVERABLE, FAILED',
    ])
  })

  it('refuses a time zone Intl does not know', () => {
    expect(formatError(leftOf(normalize('masstack', sms, { timeZone: 'Nowhere/Land' })))).toBe(
      'options.timeZone: expected an IANA time zone name such as "Europe/Paris", received "Nowhere/Land"',
    )
  })
})
