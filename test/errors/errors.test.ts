import { describeValue, formatError, formatPath, isDeliveryKitError, normalize, VENDORS, type NormalizeError } from 'deliverykit'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'

import { MAX_ISSUES, issuesFromValidation } from '../../src/errors/validation.js'

import { leftOf, payload } from '../helpers.js'

const sms = { message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }

const messagesOf = (error: NormalizeError): ReadonlyArray<string> => error.issues.map((issue) => issue.message)

describe('bad bodies', () => {
  it.each([
    [null, 'null'],
    [undefined, 'nothing'],
    [42, '42'],
    ['"a JSON string"', '"a JSON string"'],
    [[sms], 'an array of 1 item'],
    [true, 'true'],
  ])('refuses %j as a body, naming what it received', (body, received) => {
    const error = leftOf(normalize('octopush', body))
    expect(error.kind).toBe('invalid_body')
    expect(messagesOf(error)).toEqual([`(root): expected an Octopush callback (a JSON object), received ${received}`])
    expect(error.input).toBe(body)
  })

  it('names every missing field of a phone callback', () => {
    const error = leftOf(normalize('octopush', { status: 'DELIVERED' }))
    expect(error.kind).toBe('invalid_body')
    // delivery_date is optional: an integration in the wild expects receipts without it.
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['missing_field', ['message_id']],
      ['missing_field', ['number']],
    ])
    expect(messagesOf(error)).toContain('message_id: missing; expected string')
  })

  it('names mistyped fields with what was found and what was expected', () => {
    const error = leftOf(normalize('octopush', { ...sms, number: 33600000000, meta_data: { call_duration: 'long' } }))
    expect(messagesOf(error)).toEqual([
      'number: expected string, received 33600000000',
      'meta_data.call_duration: expected number or numeric text, received "long"',
    ])
    expect(error.issues[0]).toMatchObject({ code: 'invalid_type', expected: 'string', received: '33600000000' })
  })

  it('points into deliveries[] for e-mail errors', () => {
    const body = payload('octopush/email.json')
    const deliveries = body['deliveries'] as ReadonlyArray<Record<string, unknown>>
    const error = leftOf(normalize('octopush', { ...body, deliveries: [deliveries[0], { ...deliveries[1], email: null }] }))
    expect(messagesOf(error)).toEqual(['deliveries[1].email: expected string, received null'])
  })

  it('a channel Octopush adds later is an unknown_channel error, naming it and the channels known', () => {
    const body = { ...sms, channel: 'telegram' }
    const error = leftOf(normalize('octopush', body))
    expect(error.kind).toBe('unknown_channel')
    expect(error.input).toBe(body)
    expect(error.issues[0]).toMatchObject({ code: 'unknown_channel', vendor: 'octopush', channel: 'telegram', path: ['channel'] })
    expect(messagesOf(error)).toEqual([
      'channel: "telegram" is not an Octopush channel deliverykit knows yet; expected one of sms, voice_sms, rcs, whatsapp, facebook, instagram, email',
    ])
  })

  it.each([
    ['2025-02-30 10:00:00', 'a day February does not have'],
    ['2025-02-29 10:00:00', 'February 29 of a common year'],
    ['2025-02-28 25:61:00', 'hour 25, minute 61'],
    ['2025-13-01 10:00:00', 'month 13'],
    ['2025-01-22T11:46:06', 'ISO separator'],
    ['2025-01-22 11:46', 'no seconds'],
    ['2025-01-22 11:46:06+01:00', 'an offset'],
    ['22/01/2025 11:46:06', 'another order'],
    ['2025-01-22 11:46:6 ', 'a space for a digit'],
  ])('refuses the impossible or malformed date %j (%s) instead of rolling it over', (date) => {
    const error = leftOf(normalize('octopush', { ...sms, delivery_date: date }))
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: ['delivery_date'] })
    expect(messagesOf(error)[0]).toBe(
      `delivery_date: ${JSON.stringify(date)} is not a valid date-time; expected "YYYY-MM-DD HH:mm:ss" (Octopush local time) or an ISO-8601 instant with Z or an offset`,
    )
  })

  it('accepts February 29 of a leap year', () => {
    expect(normalize('octopush', { ...sms, delivery_date: '2024-02-29 23:59:59' })._tag).toBe('Right')
  })
})

describe('unknown status codes', () => {
  it('are their own error kind, naming vendor, channel, code and path', () => {
    const body = payload('octopush/email.json')
    const deliveries = body['deliveries'] as ReadonlyArray<Record<string, unknown>>
    const error = leftOf(normalize('octopush', { ...body, deliveries: [deliveries[0], { ...deliveries[1], status: 'BOUNCY' }] }))
    expect(error.kind).toBe('unknown_status')
    if (error.kind !== 'unknown_status') return
    expect(error.issues).toHaveLength(1)
    expect(error.issues[0]).toMatchObject({
      code: 'unknown_status',
      vendor: 'octopush',
      channel: 'email',
      status: 'BOUNCY',
      path: ['deliveries', 1, 'status'],
    })
    expect(error.issues[0].message).toMatch(/^deliveries\[1\]\.status: "BOUNCY" is not an Octopush status; expected one of DELIVERED, READ, ACK, /)
  })

  it('are found in status_history too', () => {
    const body = {
      channel: 'email',
      message_id: 'email_1',
      deliveries: [
        { email: 'a@example.com', status: 'OPENED', delivery_date: '2025-01-22 12:30:00', status_history: [{ status: 'QUEUED', delivery_date: '2025-01-22 12:20:00' }] },
      ],
    }
    const error = leftOf(normalize('octopush', body))
    expect(error.issues.map((issue) => issue.path)).toEqual([['deliveries', 0, 'status_history', 0, 'status']])
  })

  it('name the channel the body was on', () => {
    const error = leftOf(normalize('octopush', { ...sms, status: 'NEW_CODE' }, { channel: 'voice' }))
    expect(error.issues[0]).toMatchObject({ channel: 'voice', status: 'NEW_CODE', path: ['status'] })
  })

  it('become unknown events with unknownStatus: "keep", keeping the vendor code', () => {
    const result = normalize('octopush', { ...sms, status: 'NEW_CODE' }, { unknownStatus: 'keep' })
    expect(result._tag === 'Right' && result.right.map((event) => [event.classification, event.status, event.vendorStatus, event.description])).toEqual([
      ['unknown', 'unknown', 'NEW_CODE', ''],
    ])
  })

  it('are refused with unknownStatus: "error", the default', () => {
    expect(leftOf(normalize('octopush', { ...sms, status: 'NEW_CODE' }, { unknownStatus: 'error' })).kind).toBe('unknown_status')
  })
})

describe('bad options', () => {
  it.each([
    [{ timeZone: 'Mars/Olympus_Mons' }, 'options.timeZone: expected an IANA time zone name such as "Europe/Paris", received "Mars/Olympus_Mons"'],
    [{ timeZone: 3600 }, 'options.timeZone: expected an IANA time zone name such as "Europe/Paris", received 3600'],
    [{ unknownStatus: 'ignore' }, 'options.unknownStatus: expected "error" or "keep", received "ignore"'],
    [{ channel: 'fax' }, 'options.channel: expected one of sms, voice, rcs, whatsapp, facebook, instagram, received "fax"'],
    [{ channel: 'email' }, 'options.channel: expected one of sms, voice, rcs, whatsapp, facebook, instagram, received "email"'],
    ['Europe/Paris', 'options.(options): expected an object or undefined, received "Europe/Paris"'],
  ])('%j is an invalid_options error', (options, message) => {
    // Options are typed; these calls stand for JavaScript callers and untyped config.
    const error = leftOf(normalize('octopush', { ...sms }, options as never))
    expect(error.kind).toBe('invalid_options')
    expect(messagesOf(error)).toEqual([message])
  })

  it('an unknown vendor is an invalid_options error, not a throw', () => {
    const error = leftOf(normalize('twilio' as never, sms))
    expect(error).toMatchObject({ kind: 'invalid_options', vendor: 'twilio', input: sms })
    expect(formatError(error)).toBe(`options.vendor: expected one of ${VENDORS.join(', ')}, received "twilio"`)
  })
})

describe('formatError and formatPath', () => {
  it('renders paths as JavaScript would access them', () => {
    expect(formatPath([])).toBe('(root)')
    expect(formatPath(['deliveries', 1, 'status'])).toBe('deliveries[1].status')
    expect(formatPath(['meta_data', 'odd key', 0])).toBe('meta_data["odd key"][0]')
    expect(formatPath([0, 'a'])).toBe('[0].a')
  })

  it('lists at most ten issues and says how many more there are', () => {
    const deliveries = Array.from({ length: 13 }, (_, i) => ({ email: `r${String(i)}@example.com`, status: 'DELIVERED', delivery_date: 'yesterday' }))
    const error = leftOf(normalize('octopush', { channel: 'email', message_id: 'email_1', deliveries }))
    expect(error.issues).toHaveLength(13)
    const lines = formatError(error).split('\n')
    expect(lines).toHaveLength(11)
    expect(lines[0]).toBe('deliveries[0].delivery_date: "yesterday" is not a valid date-time; expected "YYYY-MM-DD HH:mm:ss" (Octopush local time) or an ISO-8601 instant with Z or an offset')
    expect(lines[10]).toBe('… and 3 more issues')
  })

  it('cuts long received values', () => {
    const error = leftOf(normalize('octopush', { ...sms, delivery_date: 'x'.repeat(1000) }))
    expect(messagesOf(error)[0]).toBe(`delivery_date: "${'x'.repeat(60)}…" (1000 characters) is not a valid date-time; expected "YYYY-MM-DD HH:mm:ss" (Octopush local time) or an ISO-8601 instant with Z or an offset`)
  })
})

describe('formatError: ten issues, then a count', () => {
  const errorWith = (count: number, omittedIssues?: number): NormalizeError => {
    const error = leftOf(normalize('octopush', { ...sms, status: 1 }))
    const [issue] = error.issues
    const issues = Array.from({ length: count }, (_, i) => ({ ...issue, message: `issue ${String(i)}` }))
    return { ...error, issues: [issues[0] ?? issue, ...issues.slice(1)], ...(omittedIssues === undefined ? {} : { omittedIssues }) } as NormalizeError
  }

  it('ten issues or fewer: each on its line, no count', () => {
    expect(formatError(errorWith(10)).split('\n')).toEqual(Array.from({ length: 10 }, (_, i) => `issue ${String(i)}`))
  })

  it('one more: "… and 1 more issue"; more: the plural; omitted issues count too', () => {
    expect(formatError(errorWith(11)).split('\n').slice(10)).toEqual(['… and 1 more issue'])
    expect(formatError(errorWith(12)).split('\n').slice(10)).toEqual(['… and 2 more issues'])
    expect(formatError(errorWith(10, 5)).split('\n').slice(10)).toEqual(['… and 5 more issues'])
  })
})

describe('describeValue: long values are cut at 60 characters, and say how long they were', () => {
  it('a bigint of 60 digits is whole, of 61 cut with its digit count', () => {
    expect(describeValue(10n ** 59n)).toBe(`1${'0'.repeat(59)}n`)
    expect(describeValue(10n ** 60n)).toBe(`1${'0'.repeat(59)}…n (61 digits)`)
  })

  it('text of 60 characters is whole, of 61 cut with its length', () => {
    expect(describeValue('x'.repeat(60))).toBe(JSON.stringify('x'.repeat(60)))
    expect(describeValue('x'.repeat(61))).toBe(`"${'x'.repeat(60)}…" (61 characters)`)
  })
})

describe('issues from io-ts errors', () => {
  const codec = t.type({ n: t.number })
  const errorAt = (key: string, actual: unknown = {}): t.ValidationError => ({
    value: 'x',
    context: [
      { key: '', type: codec, actual },
      { key, type: t.number, actual: 'x' },
    ],
  })

  it('keeps the first hundred distinct issues and counts the rest; a repeated one is kept once', () => {
    const errors = Array.from({ length: 150 }, (_, i) => errorAt(`f${String(i)}`))
    const { issues, omitted } = issuesFromValidation([errorAt('f0'), ...errors])
    expect(issues).toHaveLength(MAX_ISSUES)
    expect(omitted).toBe(50)
    expect(issues.map((issue) => issue.path[0])).toEqual(Array.from({ length: MAX_ISSUES }, (_, i) => `f${String(i)}`))
  })

  it('an array index of any length is a number in the path, a key of an object stays text', () => {
    expect(issuesFromValidation([errorAt('12', [])]).issues[0].path).toEqual([12])
    expect(issuesFromValidation([errorAt('12', {})]).issues[0].path).toEqual(['12'])
  })

  it('an error with no context expects "a value"', () => {
    expect(issuesFromValidation([{ value: 1, context: [] }]).issues[0]).toMatchObject({ code: 'invalid_type', expected: 'a value' })
  })
})

describe('isDeliveryKitError', () => {
  it('needs the name and the error object both', () => {
    const error = leftOf(normalize('octopush', {}))
    expect(isDeliveryKitError(Object.assign(new Error('x'), { name: 'OtherError', error }))).toBe(false)
    expect(isDeliveryKitError(Object.assign(new Error('x'), { name: 'DeliveryKitError' }))).toBe(false)
    expect(isDeliveryKitError(Object.assign(new Error('x'), { name: 'DeliveryKitError', error }))).toBe(true)
  })
})
