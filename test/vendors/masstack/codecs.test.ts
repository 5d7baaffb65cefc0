// The public Masstack codecs one by one, and the rules they share with normalize: what a
// caller composing them into their own codecs relies on.
import { formatError, normalize, type NormalizeError } from 'deliverykit'
import {
  MasstackCommunication,
  MasstackEmailCommunication,
  MasstackEnvelope,
  MasstackId,
  MasstackPhoneDigits,
  MasstackSmsCommunication,
  isMasstackEnvelope,
  isMasstackSmsCommunication,
} from 'deliverykit/masstack'
import { either } from 'fp-ts'
import { describe, expect, it } from 'vitest'

import { zoneFor, type Zone } from '../../../src/util/time.js'
import { masstackOccurredAt } from '../../../src/vendors/masstack/time.js'
import { leftOf, rightOf } from '../../helpers.js'

const sms = { id: 'c-1', channel: 'sms', status: 'DELIVERED', terminatingNumber: '666123123' }
const email = { id: 'c-2', channel: 'email', status: 'OPEN', destinationEmail: 'a@example.com' }

const messagesOf = (error: NormalizeError): ReadonlyArray<string> => error.issues.map((issue) => issue.message)

/** What a codec decodes a value to, or `undefined` when it refuses it. */
const decoded = <A>(codec: { readonly decode: (u: unknown) => either.Either<unknown, A> }, u: unknown): A | undefined => {
  const result = codec.decode(u)
  return either.isRight(result) ? result.right : undefined
}

describe('MasstackId and MasstackPhoneDigits: int64 values as text', () => {
  it.each([
    ['text', '666123123', '666123123'],
    ['text with +', '+34666123123', '+34666123123'],
    ['a safe JSON number', 666123123, '666123123'],
    ['zero', 0, '0'],
    ['a bigint', 12345678901234567890n, '12345678901234567890'],
    ['the bigint zero', 0n, '0'],
  ])('accepts %s', (_, value, text) => {
    expect(decoded(MasstackPhoneDigits, value)).toBe(text)
  })

  it.each([
    ['a negative number', -1],
    ['a fraction', 6.5],
    ['a negative bigint', -1n],
    ['a number beyond 2^53', 2 ** 53],
    ['text that is not digits', '6 6'],
    ['null', null],
  ])('refuses %s', (_, value) => {
    expect(decoded(MasstackPhoneDigits, value)).toBeUndefined()
    expect(MasstackPhoneDigits.is(value)).toBe(false)
  })

  it('an id is any non-empty text, or a number or bigint turned into text', () => {
    expect([decoded(MasstackId, 'c-1'), decoded(MasstackId, 7), decoded(MasstackId, 7n), decoded(MasstackId, ''), decoded(MasstackId, -7)]).toEqual(['c-1', '7', '7', undefined, undefined])
  })
})

describe('one record: the channel by its field in any casing, or by its recipient field', () => {
  it('the SMS and e-mail codecs each accept their channel name in any casing and no other', () => {
    expect(MasstackSmsCommunication.is({ ...sms, channel: 'SMS' })).toBe(true)
    expect(MasstackSmsCommunication.is({ ...sms, channel: 'email' })).toBe(false)
    expect(MasstackSmsCommunication.is({ ...sms, channel: 5 })).toBe(false)
    expect(decoded(MasstackSmsCommunication, { ...sms, channel: 'Sms' })).toMatchObject({ channel: 'Sms' })
    expect(decoded(MasstackSmsCommunication, { ...sms, channel: 'email' })).toBeUndefined()
    expect(decoded(MasstackSmsCommunication, { ...sms, channel: 5 })).toBeUndefined()
    expect(decoded(MasstackEmailCommunication, { ...email, channel: 'EMAIL' })).toMatchObject({ channel: 'EMAIL' })
    expect(decoded(MasstackEmailCommunication, { ...email, channel: 'sms' })).toBeUndefined()
  })

  it('MasstackCommunication picks the record codec, and refuses what is not an object', () => {
    expect(decoded(MasstackCommunication, sms)).toEqual(sms)
    expect(decoded(MasstackCommunication, email)).toEqual(email)
    expect(either.isLeft(MasstackCommunication.decode('a record'))).toBe(true)
    expect(either.isLeft(MasstackCommunication.decode([sms]))).toBe(true)
  })

  it('isMasstackSmsCommunication tells the channel by the same rule', () => {
    const { channel: _sms, ...smsWithoutChannel } = sms
    const { channel: _email, ...emailWithoutChannel } = email
    expect([sms, { ...sms, channel: 'SMS' }, smsWithoutChannel, email, emailWithoutChannel].map((record) => isMasstackSmsCommunication(record as MasstackCommunication))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])
  })

  it('a recipient field set to undefined is not there', () => {
    const { channel: _channel, ...withoutChannel } = email
    const events = rightOf(normalize('masstack', { ...withoutChannel, terminatingNumber: undefined }))
    expect(events.map((event) => [event.channel, event.recipient])).toEqual([['email', 'a@example.com']])
  })

  it('a channel that is not text is refused at channel, naming the value', () => {
    const error = leftOf(normalize('masstack', { ...sms, channel: 5 }))
    expect(error.issues).toMatchObject([{ path: ['channel'], message: 'channel: 5 is not a Masstack channel; expected one of sms, email' }])
  })
})

describe('the envelope and what its data holds', () => {
  it('MasstackEnvelope decodes one record or a list, and refuses other data', () => {
    expect(decoded(MasstackEnvelope, { commit: 'v2', id: 'r-1', data: sms })).toEqual({ commit: 'v2', id: 'r-1', data: sms })
    expect(decoded(MasstackEnvelope, { data: [sms, email] })).toEqual({ data: [sms, email] })
    expect(decoded(MasstackEnvelope, { data: 'records' })).toBeUndefined()
    expect(decoded(MasstackEnvelope, { commit: 'v2' })).toBeUndefined()
    expect(decoded(MasstackEnvelope, { data: { list: [sms] } })).toBeUndefined()
  })

  it('isMasstackEnvelope: data, or commit without a status of its own', () => {
    const bodies: ReadonlyArray<unknown> = [{ data: sms }, { commit: 'v2', data: [] }, { commit: 'v2' }, sms, { ...sms, commit: 'v2' }, [sms], []]
    expect(bodies.map((body) => isMasstackEnvelope(body as MasstackEnvelope))).toEqual([true, true, true, false, false, false, false])
  })

  it('data holding two lists, or one list beside a status, is read as a record', () => {
    expect(messagesOf(leftOf(normalize('masstack', { data: { a: [sms], b: [{ ...sms }] } })))).toEqual([
      'data.channel: missing; expected "sms" or "email", or a terminatingNumber (SMS) or destinationEmail (e-mail) to tell it by',
    ])
    expect(rightOf(normalize('masstack', { data: { ...sms, tags: ['x'] }, commit: 'v2' })).map((event) => event.status)).toEqual(['delivered'])
  })

  it('the list key is written as a path up to 60 characters, and quoted and cut beyond', () => {
    const refusal = (key: string) => messagesOf(leftOf(normalize('masstack', { data: { [key]: [sms] } })))[0]?.replace(/.*pass that list \((.*)\) as the body$/, '$1')
    expect(refusal('x'.repeat(60))).toBe(`data.${'x'.repeat(60)}`)
    expect(refusal('x'.repeat(61))).toBe(`data["${'x'.repeat(60)}…" (61 characters)]`)
  })

  it('records of a data list are pointed at by their index under data', () => {
    const error = leftOf(normalize('masstack', { data: [sms, { ...sms, status: 'NEW' }] }))
    expect(error.issues.map((issue) => issue.path)).toEqual([['data', 1, 'status']])
    expect(leftOf(normalize('masstack', { data: { ...sms, status: 'NEW' } })).issues.map((issue) => issue.path)).toEqual([['data', 'status']])
  })

  it('a body with both data and status is refused, not guessed', () => {
    expect(messagesOf(leftOf(normalize('masstack', { ...sms, data: [sms] })))).toEqual([
      '(root): the body has data (an envelope) and status (a record); a Masstack body is one of them, so this body is refused rather than guessed',
    ])
  })
})

describe('error responses', () => {
  it.each([
    [{ errors: ['plain text'] }, ': "plain text"'],
    [{ errors: [{ message: 'm', details: 'd', title: 't', code: 'c' }] }, ': "m"'],
    [{ errors: [{ details: 'd', title: 't', code: 'c' }] }, ': "d"'],
    [{ errors: [{ title: 't', code: 'c' }] }, ': "t"'],
    [{ errors: [{ code: 'c' }] }, ': "c"'],
    [{ errors: [{ message: 7 }] }, ''],
    [{ errors: [7] }, ''],
    [{ error: { message: 'm' } }, ': "m"'],
  ])('%j is refused as an error response, quoting what it says', (body, said) => {
    expect(messagesOf(leftOf(normalize('masstack', body)))).toEqual([`(root): a Masstack error response, not communications${said}`])
  })

  it('a record or an envelope with an errors field is still read as one', () => {
    expect(rightOf(normalize('masstack', { ...sms, errors: ['late'] })).map((event) => event.status)).toEqual(['delivered'])
    expect(rightOf(normalize('masstack', { data: [sms], errors: ['late'] })).map((event) => event.status)).toEqual(['delivered'])
    expect(formatError(leftOf(normalize('masstack', { errors: 'not a list' })))).toMatch(/^channel: missing; expected "sms" or "email"/)
  })
})

describe('masstackOccurredAt', () => {
  it('reads a zone-less time in the zone, keeps fractions to the millisecond, and answers undefined for text that is no time', () => {
    const zone = (name: string): Zone => zoneFor(name) ?? expect.fail(name)
    expect(masstackOccurredAt('2024-08-01T10:38:45', zone('Europe/Madrid'))).toBe('2024-08-01T10:38:45+02:00')
    expect(masstackOccurredAt('2024-08-01T10:38:45.5', zone('Europe/Madrid'))).toBe('2024-08-01T10:38:45.500+02:00')
    expect(masstackOccurredAt('2024-08-01T10:38:45.698148', zone('UTC'))).toBe('2024-08-01T10:38:45.698+00:00')
    expect(masstackOccurredAt('2024-08-01T10:38:45.698148Z', zone('Europe/Madrid'))).toBe('2024-08-01T10:38:45.698+00:00')
    expect(masstackOccurredAt('yesterday', zone('UTC'))).toBeUndefined()
  })
})
