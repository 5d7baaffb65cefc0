// The public Messangi codecs, one at a time: what a caller composing them into their own
// codecs relies on (which values each accepts, what it decodes them to, and the message
// it gives for what it refuses).
import {
  MessangiAddress,
  MessangiBody,
  MessangiCallback,
  MessangiDateTime,
  MessangiId,
  MessangiInboundCallback,
  MessangiLegacyCallback,
  MessangiLegacyFacebookCallback,
  MessangiLegacyInboundForm,
  MessangiLegacyMoCallback,
  MessangiLegacyType,
  MessangiMoCallback,
  MessangiSendResponse,
  MessangiStatusCallback,
} from 'deliverykit/messangi'
import { either } from 'fp-ts'
import { describe, expect, it } from 'vitest'

import { isoOfMessangiTime } from '../../../src/vendors/messangi/codec.js'
import { decodeOrMessages as decode } from '../../helpers.js'

/** The JSON paths of a codec's errors. */
const pathsOf = (codec: { readonly decode: (u: unknown) => either.Either<ReadonlyArray<{ readonly context: ReadonlyArray<{ readonly key: string }> }>, unknown> }, u: unknown): ReadonlyArray<string> => {
  const result = codec.decode(u)
  return either.isRight(result) ? [] : result.left.map((error) => error.context.map((entry) => entry.key).filter((key) => key !== '').join('.'))
}

const status = { id: 'abc', status: 'DELIVRD', to: '5588999999999' }
const sendResponse = { meta: { timestamp: 1704110400, transactionId: 'tx-1' }, data: { id: 'm-1', status: 'SENT', to: '5588999999999' } }
const legacy = { TYPE: 'SMS', MESSANGI_ID: '-8174720676710228700', STATUS: 'DELIVRD', TO: '5551234' }
const mo = { user: '5588999999999', text: 'Hello' }
const legacyMo = { TYPE: 'MO_MESSAGE', FROM: '5551234', TEXT: 'Hi' }
const legacyFacebook = { TYPE: 'FACEBOOK', FROM: 'fb-1', MESSAGE_BODY: 'Hi' }
const legacyInbound = { mo: 'Hi', mobile: '5551234' }

/** The two codecs that read text, or a safe integer as its digits. */
const TEXT_CODECS = [
  ['MessangiId', MessangiId],
  ['MessangiAddress', MessangiAddress],
] as const

describe('MessangiId and MessangiAddress', () => {
  it.each(TEXT_CODECS)('%s keeps text, and turns a safe integer into its digits', (_name, codec) => {
    expect(decode(codec, '-8174720676710228700')).toBe('-8174720676710228700')
    expect(decode(codec, '')).toBe('')
    expect(decode(codec, 5588999999999)).toBe('5588999999999')
    expect(decode(codec, 0)).toBe('0')
    expect(decode(codec, -42)).toBe('-42')
    expect(decode(codec, Number.MAX_SAFE_INTEGER)).toBe('9007199254740991')
  })

  it.each(TEXT_CODECS)('%s refuses an integer beyond 2^53 with a message that says to send text', (_name, codec) => {
    expect(decode(codec, 2 ** 53)).toBe('9007199254740992 is beyond 2^53, so JSON.parse has already lost digits of it; a number this long must arrive as text (a JSON string)')
    expect(decode(codec, -(2 ** 60))).toMatch(/^-1152921504606847000 is beyond 2\^53/)
  })

  it.each(TEXT_CODECS)('%s refuses fractions, infinities, bigints, null and objects with no message of its own', (_name, codec) => {
    for (const value of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 5n, null, undefined, true, {}, ['1']]) expect(decode(codec, value)).toBe('(no message)')
  })

  it('is only true of text, the decoded form', () => {
    expect([MessangiId.is('1'), MessangiId.is(1), MessangiAddress.is('1'), MessangiAddress.is(1)]).toEqual([true, false, true, false])
    expect([MessangiId.encode('12'), MessangiAddress.encode('34')]).toEqual(['12', '34'])
  })

  it('names itself in composed errors', () => {
    expect([MessangiId.name, MessangiAddress.name]).toEqual(['id as text', 'string'])
  })
})

describe('MessangiDateTime', () => {
  it('accepts ISO-8601 with Z or an offset and up to nine fractional digits, as the same text', () => {
    for (const text of ['2021-08-17T04:25:38.117592194Z', '2021-08-17T04:25:38Z', '2021-08-17T04:25:38.1+02:00', '2024-02-29T23:59:59-05:00']) {
      expect(decode(MessangiDateTime, text)).toBe(text)
    }
  })

  it('accepts the pattern the documents print, with a "-" before the T', () => {
    expect(decode(MessangiDateTime, '2024-01-01-T12:00:00.00Z')).toBe('2024-01-01-T12:00:00.00Z')
    expect(MessangiDateTime.is('2024-01-01-t12:00:00Z')).toBe(true)
  })

  it('refuses impossible dates, text without a zone, and what is not text', () => {
    for (const value of ['2023-02-29T12:00:00Z', '2024-13-01T12:00:00Z', '2024-01-01T12:00:00', '2024-01-01', '2024-01-01--T12:00:00Z', '', 1704110400, null]) {
      expect([value, MessangiDateTime.is(value)]).toEqual([value, false])
    }
  })
})

describe('isoOfMessangiTime', () => {
  it('drops the "-" before a T or t at position 10, and only there', () => {
    expect(isoOfMessangiTime('2024-01-01-T12:00:00Z')).toBe('2024-01-01T12:00:00Z')
    expect(isoOfMessangiTime('2024-01-01-t12:00:00Z')).toBe('2024-01-01t12:00:00Z')
    expect(isoOfMessangiTime('2024-01-01T12:00:00Z')).toBe('2024-01-01T12:00:00Z')
    expect(isoOfMessangiTime('2024-01-01-X12:00:00Z')).toBe('2024-01-01-X12:00:00Z')
    expect(isoOfMessangiTime('2024-01-0-T1')).toBe('2024-01-0-T1')
    expect(isoOfMessangiTime('2024-01-01xT12:00:00Z')).toBe('2024-01-01xT12:00:00Z')
  })

  it('leaves text of eleven characters or fewer as it is', () => {
    expect(isoOfMessangiTime('2024-01-01-')).toBe('2024-01-01-')
    expect(isoOfMessangiTime('2024-01-01-T')).toBe('2024-01-01T')
    expect(isoOfMessangiTime('')).toBe('')
  })
})

describe('MessangiStatusCallback', () => {
  it('requires id, status and to, and keeps optional and unknown fields', () => {
    expect(decode(MessangiStatusCallback, status)).toEqual(status)
    const full = { ...status, date: '2024-01-01T12:00:00.000Z', externalId: 'e', campaignId: 7, from: 'f', message: 'm', username: 'u', timestamp: '1704110400', callback: 'c', extra: [1] }
    expect(decode(MessangiStatusCallback, full)).toEqual({ ...full, campaignId: '7' })
    expect(decode(MessangiStatusCallback, { ...status, id: 12, to: 5588999999999 })).toEqual({ ...status, id: '12' })
  })

  it('accepts a timestamp that is a number or text, and nothing else', () => {
    expect(decode(MessangiStatusCallback, { ...status, timestamp: 1704110400 })).toEqual({ ...status, timestamp: 1704110400 })
    expect(pathsOf(MessangiStatusCallback, { ...status, timestamp: null })).toEqual(['timestamp'])
    expect(pathsOf(MessangiStatusCallback, { ...status, timestamp: [1] })).toEqual(['timestamp'])
  })

  it('says which format a bad date should have', () => {
    expect(decode(MessangiStatusCallback, { ...status, date: '2024-01-01 12:00' })).toBe('"2024-01-01 12:00" is not a valid date-time; expected ISO-8601 with Z or an offset, such as "2021-08-17T04:25:38.117Z"')
    expect(pathsOf(MessangiStatusCallback, { ...status, date: 1 })).toEqual(['date'])
  })

  it('reports each missing required field by its path', () => {
    expect(pathsOf(MessangiStatusCallback, {})).toEqual(['id', 'status', 'to'])
    expect(pathsOf(MessangiStatusCallback, { ...status, status: 3 })).toEqual(['status'])
  })
})

describe('MessangiSendResponse', () => {
  it('requires data with id, status and to; meta is optional', () => {
    expect(decode(MessangiSendResponse, sendResponse)).toEqual(sendResponse)
    expect(decode(MessangiSendResponse, { data: sendResponse.data })).toEqual({ data: sendResponse.data })
    expect(pathsOf(MessangiSendResponse, { meta: {} })).toEqual(['data'])
    expect(pathsOf(MessangiSendResponse, { data: {} })).toEqual(['data.id', 'data.status', 'data.to'])
  })

  it('checks the optional fields of data and meta', () => {
    const data = { ...sendResponse.data, date: '2024-01-01-T12:00:00.00Z', from: 'f', text: 't', type: 'SMS', owner: 'o' }
    expect(decode(MessangiSendResponse, { data, meta: { timestamp: 'x', explain: 'ok' } })).toEqual({ data, meta: { timestamp: 'x', explain: 'ok' } })
    expect(pathsOf(MessangiSendResponse, { data: { ...data, date: 'yesterday', type: 1 }, meta: { transactionId: 2 } })).toEqual(['data.date', 'data.type', 'meta.transactionId'])
  })
})

describe('MessangiLegacyType', () => {
  it('is one of the legacy types that carry a delivery status', () => {
    expect(['SMS', 'PUSH', 'EMAIL'].map((type) => MessangiLegacyType.is(type))).toEqual([true, true, true])
    expect(decode(MessangiLegacyType, 'PUSH')).toBe('PUSH')
    expect(decode(MessangiLegacyType, 'MO_MESSAGE')).toBe('"MO_MESSAGE" is not a legacy Messangi callback type with a delivery status; expected one of SMS, PUSH, EMAIL')
    expect(MessangiLegacyType.is('sms')).toBe(false)
  })
})

describe('the legacy form callbacks', () => {
  it('MessangiLegacyCallback requires TYPE, MESSANGI_ID, STATUS and TO', () => {
    expect(decode(MessangiLegacyCallback, { ...legacy, FROM: 'f', MESSAGE_BODY: 'b', CLIENT_ID: 'c' })).toEqual({ ...legacy, FROM: 'f', MESSAGE_BODY: 'b', CLIENT_ID: 'c' })
    expect(pathsOf(MessangiLegacyCallback, { TYPE: 'FACEBOOK' })).toEqual(['TYPE', 'MESSANGI_ID', 'STATUS', 'TO'])
    expect(pathsOf(MessangiLegacyCallback, { ...legacy, CLIENT_ID: 1 })).toEqual(['CLIENT_ID'])
  })

  it('MessangiLegacyMoCallback is TYPE=MO_MESSAGE with FROM and TEXT', () => {
    expect(decode(MessangiLegacyMoCallback, { ...legacyMo, TO: '1', ENCODING: 'UTF-8' })).toEqual({ ...legacyMo, TO: '1', ENCODING: 'UTF-8' })
    expect(decode(MessangiLegacyMoCallback, { ...legacyMo, TYPE: 'SMS' })).toBe('"SMS" is not a legacy Messangi inbound type; expected one of MO_MESSAGE')
    expect(pathsOf(MessangiLegacyMoCallback, { TYPE: 'MO_MESSAGE' })).toEqual(['FROM', 'TEXT'])
  })

  it('MessangiLegacyFacebookCallback is TYPE=FACEBOOK with FROM and MESSAGE_BODY', () => {
    expect(decode(MessangiLegacyFacebookCallback, { ...legacyFacebook, MESSANGI_ID: 5 })).toEqual({ ...legacyFacebook, MESSANGI_ID: '5' })
    expect(decode(MessangiLegacyFacebookCallback, { ...legacyFacebook, TYPE: 'MO_MESSAGE' })).toBe('"MO_MESSAGE" is not a legacy Messangi Facebook type; expected one of FACEBOOK')
    expect(pathsOf(MessangiLegacyFacebookCallback, { TYPE: 'FACEBOOK', TO: 1 })).toEqual(['FROM', 'MESSAGE_BODY', 'TO'])
  })

  it('MessangiLegacyInboundForm is mo and mobile, a numeric mobile read as its digits', () => {
    expect(decode(MessangiLegacyInboundForm, legacyInbound)).toEqual(legacyInbound)
    expect(decode(MessangiLegacyInboundForm, { mo: 'Hi', mobile: 5551234 })).toEqual(legacyInbound)
    expect(pathsOf(MessangiLegacyInboundForm, { mobile: 1.5 })).toEqual(['mo', 'mobile'])
  })
})

describe('MessangiMoCallback', () => {
  it('requires user and text, and accepts a date with or without a zone', () => {
    expect(decode(MessangiMoCallback, mo)).toEqual(mo)
    for (const date of ['2025-05-23T14:30:00Z', '2025-05-23T14:30:00', '2025-05-23-T14:30:00', '2025-05-23T14:30:00.5+02:00']) {
      expect(decode(MessangiMoCallback, { ...mo, date })).toEqual({ ...mo, date })
    }
  })

  it('refuses a date that is no date-time, saying what was expected', () => {
    expect(decode(MessangiMoCallback, { ...mo, date: '2025-02-30T14:30:00' })).toBe('"2025-02-30T14:30:00" is not a valid date-time; expected ISO-8601 such as "2025-05-23T14:30:00Z"')
    expect(pathsOf(MessangiMoCallback, { ...mo, date: 20250523 })).toEqual(['date'])
  })

  it('reads processId and id as text, numeric or not', () => {
    expect(decode(MessangiMoCallback, { ...mo, processId: 12, id: 'x' })).toEqual({ ...mo, processId: '12', id: 'x' })
    expect(pathsOf(MessangiMoCallback, { ...mo, processId: 2 ** 53, origin: 1, connection: false, externalId: 1, owner: 1, callback: 1 })).toEqual([
      'origin',
      'connection',
      'externalId',
      'processId',
      'owner',
      'callback',
    ])
  })
})

describe('MessangiBody, MessangiInboundCallback and MessangiCallback', () => {
  const delivery = [status, sendResponse, legacy, { ...legacy, TYPE: 'PUSH' }, { ...legacy, TYPE: 'EMAIL' }]
  const inbound = [mo, legacyMo, legacyFacebook, legacyInbound]

  it('MessangiBody decodes every delivery shape, and refuses each inbound shape by name', () => {
    for (const body of delivery) expect(decode(MessangiBody, body)).toEqual(body)
    expect(inbound.map((body) => decode(MessangiBody, body))).toEqual([
      'this is a Messangi inbound (MO) callback, not a delivery status',
      'this is a Messangi legacy inbound (MO) callback, not a delivery status',
      'this is a Messangi legacy Facebook message callback, not a delivery status',
      'this is a Messangi legacy inbound form (mo, mobile), not a delivery status',
    ])
  })

  it('MessangiInboundCallback decodes every inbound shape, and refuses each delivery shape by name', () => {
    for (const body of inbound) expect(decode(MessangiInboundCallback, body)).toEqual(body)
    expect(delivery.slice(0, 3).map((body) => decode(MessangiInboundCallback, body))).toEqual([
      'this is a Messangi status callback, not an inbound message',
      'this is a Messangi send API response, not an inbound message',
      'this is a Messangi legacy status callback, not an inbound message',
    ])
  })

  it('MessangiCallback decodes both kinds', () => {
    for (const body of [...delivery, ...inbound]) expect(decode(MessangiCallback, body)).toEqual(body)
  })

  it.each([
    ['MessangiBody', MessangiBody],
    ['MessangiInboundCallback', MessangiInboundCallback],
    ['MessangiCallback', MessangiCallback],
  ] as const)('%s refuses what is not an object, a body of two families, and an unknown legacy TYPE', (_name, codec) => {
    expect(decode(codec, 'DELIVRD')).toBe('expected a Messangi callback (a JSON object or form), received "DELIVRD"')
    expect(decode(codec, null)).toBe('expected a Messangi callback (a JSON object or form), received null')
    expect(decode(codec, { ...status, user: '1' })).toMatch(/^the body has .*user.*status.*; a Messangi body is one of them, so this body is refused rather than guessed$|^the body has .*status.*user.*; a Messangi body is one of them, so this body is refused rather than guessed$/)
    expect(decode(codec, { ...legacy, TYPE: 'FAX' })).toMatch(/FAX/)
    expect(pathsOf(codec, { ...legacy, TYPE: 'FAX' })).toEqual(['TYPE'])
  })

  it('a legacy body whose TYPE is missing or not text is read as a legacy status, which reports it', () => {
    const { TYPE: _type, ...untyped } = legacy
    expect(pathsOf(MessangiBody, untyped)).toEqual(['TYPE'])
    expect(pathsOf(MessangiBody, { ...legacy, TYPE: 3 })).toEqual(['TYPE'])
    expect(decode(MessangiInboundCallback, untyped)).toBe('this is a Messangi legacy status callback, not an inbound message')
  })

  it('a body with no marker field is a status callback, or with text an inbound message', () => {
    expect(pathsOf(MessangiCallback, {})).toEqual(['id', 'status', 'to'])
    expect(pathsOf(MessangiCallback, { text: 'hi' })).toEqual(['user'])
    expect(decode(MessangiBody, { text: 'hi' })).toBe('this is a Messangi inbound (MO) callback, not a delivery status')
  })

  it('a TYPE inherited from the prototype chain is not a legacy type', () => {
    expect(pathsOf(MessangiBody, { ...legacy, TYPE: 'toString' })).toEqual(['TYPE'])
    expect(pathsOf(MessangiBody, { ...legacy, TYPE: '__proto__' })).toEqual(['TYPE'])
  })
})
