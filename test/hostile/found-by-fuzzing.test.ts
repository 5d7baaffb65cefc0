/**
 * Regressions for what the property suite (test/properties) found: each test is the
 * shrunk failing input of one bug, fixed in its own commit.
 */
import { classify, eventFromStatus, normalize, normalizeInbound, parse, VENDORS } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { decodingOptions, leftOf, rightOf } from '../helpers.js'

const revokedProxy = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

describe('found by fuzzing', () => {
  it('a revoked Proxy as the body is an unreadable error, not a TypeError thrown out of normalize', () => {
    const body = revokedProxy()
    for (const error of [...VENDORS.map((vendor) => leftOf(normalize(vendor, body, decodingOptions(vendor)))), leftOf(normalizeInbound('octopush', body))]) {
      expect(error.kind).toBe('invalid_body')
      expect(error.input).toBe(body)
      expect(error.issues[0].code).toBe('unreadable')
      expect(error.issues[0].message).toMatch(/^\(root\): the body could not be read: .*revoked/)
    }
  })
})

describe('found by fuzzing: accessors', () => {
  it('a body is read once: an accessor that would answer differently, or throw, on a second read is asked once, and the events carry what was validated', () => {
    const reads: Record<string, number> = {}
    const shifty = (body: Record<string, unknown>, field: string, later: unknown): Record<string, unknown> => {
      const first = body[field]
      reads[field] = 0
      return Object.defineProperty({ ...body }, field, {
        enumerable: true,
        get: () => {
          reads[field] = (reads[field] ?? 0) + 1
          if ((reads[field] ?? 0) > 1) {
            if (later === 'throw') throw new Error(`accessor of ${field} threw`)
            return later
          }
          return first
        },
      })
    }
    const octopushEvents = rightOf(normalize('octopush', shifty({ message_id: 'm', number: 'n', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }, 'status', 'HARD_BOUNCE')))
    expect(octopushEvents.map((event) => [event.vendorStatus, event.status])).toEqual([['DELIVERED', 'delivered']])
    expect(reads['status']).toBe(1)
    const messangiEvents = rightOf(normalize('messangi', shifty({ id: 'm', to: 'n', status: 'DELIVRD' }, 'status', 'throw'), { channel: 'sms' }))
    expect(messangiEvents.map((event) => event.vendorStatus)).toEqual(['DELIVRD'])
    const masstackEvents = rightOf(normalize('masstack', shifty({ id: 'm', terminatingNumber: '600', status: 'DELIVERED' }, 'terminatingNumber', 'throw')))
    expect(masstackEvents.map((event) => event.recipient)).toEqual(['600'])
    const optOuts = rightOf(normalizeInbound('octopush', shifty({ number: 'n', text: 'STOP', stop_date: '2025-01-22 11:46:06' }, 'number', '+33699999999')))
    expect(optOuts.map((event) => [event.kind, event.from])).toEqual([['opt_out', 'n']])
    expect(reads['number']).toBe(1)
  })

  it('an accessor that throws on its first read is an unreadable error', () => {
    const body = Object.defineProperty({ message_id: 'm', number: 'n', delivery_date: '2025-01-22 11:46:06' }, 'status', {
      enumerable: true,
      get: () => {
        throw new Error('accessor of status threw')
      },
    })
    const error = leftOf(normalize('octopush', body))
    expect([error.kind, error.issues[0].code, error.issues[0].message]).toEqual(['invalid_body', 'unreadable', '(root): the body could not be read: accessor of status threw'])
  })
})

describe('found by fuzzing: arguments JavaScript callers can pass', () => {
  it('a vendor that String() cannot convert (a null-prototype object) is an invalid_options error, not a TypeError', () => {
    const vendor = Object.create(null) as never
    for (const error of [leftOf(normalize(vendor, {})), leftOf(normalizeInbound(vendor, {})), leftOf(classify(vendor, 'sms', 'DELIVERED'))]) {
      expect([error.kind, error.vendor, error.issues[0].message]).toEqual(['invalid_options', 'an object', `options.vendor: expected one of ${VENDORS.join(', ')}, received an object`])
    }
  })

  it('classify with a code that is not text is an invalid_options error', () => {
    const error = leftOf(classify('octopush', 'sms', Object.create(null) as never))
    expect(error.issues[0].message).toBe('options.code: expected a status code (text), received an object')
  })

  it('eventFromStatus with a report that is not an object, or whose code, messageId, recipient or occurredAt is of the wrong type, is an invalid_options error', () => {
    const report = { channel: 'sms', code: 'DELIVERED', messageId: 'm', recipient: 'r' } as const
    expect(leftOf(eventFromStatus('octopush', null as never)).issues[0].message).toBe('options.report: expected an object with channel, code, messageId and recipient, received null')
    expect(leftOf(eventFromStatus('octopush', { ...report, code: Object.create(null) as never })).issues[0].message).toBe('options.code: expected text, received an object')
    expect(leftOf(eventFromStatus('octopush', { ...report, messageId: 7 as never })).issues[0].message).toBe('options.messageId: expected text, received 7')
    expect(leftOf(eventFromStatus('octopush', { ...report, occurredAt: { length: 25 } as never })).issues[0].message).toBe(
      'options.occurredAt: expected ISO-8601 text with Z or an offset, or a Date, received an object',
    )
  })
})

describe('found by fuzzing: error messages stay short', () => {
  it('an unknown status code of any length is cut in the message, and kept whole in the issue', () => {
    const status = 'DELIVERED'.repeat(400)
    const error = leftOf(normalize('messangi', { id: 'm', to: 'r', status }, { channel: 'rcs' }))
    const [issue] = error.issues
    expect(issue.message).toMatch(/^status: "DELIVEREDDELIVERED.*…" \(3600 characters\) is not a Messangi RCS status; expected one of /)
    expect(issue.message.length).toBeLessThan(1_000)
    expect(issue.code === 'unknown_status' && issue.status).toBe(status)
  })

  it('a Masstack data object keeping a list under a megabyte-long key names it cut', () => {
    const key = 'k'.repeat(1_000_000)
    const error = leftOf(normalize('masstack', { data: { [key]: [] } }))
    expect(error.issues[0].message.length).toBeLessThan(1_000)
    expect(error.issues[0].message).toMatch(/pass that list \(data\["kkk.*…" \(1000000 characters\)\]\) as the body$/)
  })
})

describe('found by fuzzing: __proto__ keys', () => {
  it('a __proto__ key never supplies a field: its content is not read when another field is converted', () => {
    // unit_price as text makes the codec copy the body, and io-ts copies with Object.assign,
    // which made the __proto__ object the copy's prototype and its list_name a field.
    const octopush: unknown = JSON.parse(
      '{"__proto__":{"list_name":{"not":"text"},"channel":"voice_sms"},"message_id":"m","number":"n","status":"DELIVERED","delivery_date":"2025-01-22 11:46:06","unit_price":"0.5"}',
    )
    const [event] = parse('octopush', octopush)
    expect([event?.channel, event?.details, event?.cost]).toEqual(['sms', {}, { amount: 0.5 }])
    // Masstack: a number id to convert, and a __proto__ that says the record is e-mail.
    const masstack: unknown = JSON.parse('[{"__proto__":{"channel":"email"},"status":"REGISTERED","terminatingNumber":600,"id":0}]')
    const [record] = parse('masstack', masstack)
    expect([record?.channel, record?.recipient, record?.messageId, record?.status]).toEqual(['sms', '600', '0', 'accepted'])
  })

  it('a __proto__ key is not read for the fields after a converted one', () => {
    // The id needs converting, so io-ts read updatedTime (after id) from its copy, whose prototype was the __proto__ object.
    const body: unknown = JSON.parse('[{"__proto__":{"updatedTime":[]},"status":"REGISTERED","terminatingNumber":0,"id":0,"externalId":0}]')
    const [event] = parse('masstack', body)
    expect([event?.messageId, event?.occurredAt, Object.getOwnPropertyNames(event?.raw)]).toEqual(['0', undefined, ['__proto__', 'status', 'terminatingNumber', 'id', 'externalId']])
  })
})
