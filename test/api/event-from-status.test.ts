// classify and eventFromStatus, field by field: what each error names, what the event
// takes from the report, and where a report's fields may come from. Written from the
// survivors of the mutation run (npm run mutate -- root).
import { classify, eventFromStatus, normalize, type NormalizeError } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { leftOf, rightOf } from '../helpers.js'

const report = { channel: 'sms', code: 'DELIVERED', messageId: 'm', recipient: '+33600000000' } as const

/** The one issue of an error, without its message. */
const issueOf = (error: NormalizeError) => {
  expect(error.issues).toHaveLength(1)
  const [{ message: _, ...issue }] = error.issues
  return issue
}

describe('classify', () => {
  it('an unknown channel: the error names it, and its input is the three arguments', () => {
    const error = leftOf(classify('octopush', 'fax' as 'sms', 'X'))
    expect(error.input).toEqual({ vendor: 'octopush', channel: 'fax', code: 'X' })
    expect(issueOf(error)).toEqual({ code: 'invalid_option', path: ['channel'], expected: 'one of sms, voice, email, rcs, whatsapp, facebook, instagram', received: '"fax"' })
  })
})

describe('eventFromStatus: the errors', () => {
  it('an unknown code is an unknown_status issue at the path code', () => {
    const error = leftOf(eventFromStatus('octopush', { ...report, code: 'NOPE' }))
    expect(error.kind).toBe('unknown_status')
    expect(error.issues[0]).toMatchObject({ code: 'unknown_status', path: ['code'], status: 'NOPE', channel: 'sms' })
  })

  it('a recipient that is not text, an invalid Date, options that are not an object', () => {
    expect(issueOf(leftOf(eventFromStatus('octopush', { ...report, recipient: 5 } as never)))).toEqual({ code: 'invalid_option', path: ['recipient'], expected: 'text', received: '5' })
    expect(issueOf(leftOf(eventFromStatus('octopush', { ...report, occurredAt: new Date(Number.NaN) })))).toEqual({
      code: 'invalid_option',
      path: ['occurredAt'],
      expected: 'a valid Date',
      received: '"an invalid Date"',
    })
    expect(issueOf(leftOf(eventFromStatus('octopush', report, 'x' as never)))).toEqual({ code: 'invalid_option', path: ['(options)'], expected: 'an object or undefined', received: '"x"' })
  })

  it('a report that is not an object, or cannot be listed, or has an inherited field that throws', () => {
    const expected = 'an object with channel, code, messageId and recipient'
    expect(issueOf(leftOf(eventFromStatus('octopush', 'x' as never)))).toEqual({ code: 'invalid_option', path: ['report'], expected, received: '"x"' })
    expect(issueOf(leftOf(eventFromStatus('octopush', null as never)))).toEqual({ code: 'invalid_option', path: ['report'], expected, received: 'null' })
    const unlisted = new Proxy({ ...report }, {
      ownKeys: () => {
        throw new Error('no')
      },
    })
    expect(issueOf(leftOf(eventFromStatus('octopush', unlisted)))).toEqual({ code: 'invalid_option', path: ['report'], expected, received: 'an object that could not be read' })
    const throwingCode = Object.create(
      Object.defineProperty({}, 'code', {
        get: () => {
          throw new Error('no')
        },
      }),
      { channel: { value: 'sms', enumerable: true }, messageId: { value: 'm', enumerable: true }, recipient: { value: 'r', enumerable: true } },
    ) as typeof report
    expect(issueOf(leftOf(eventFromStatus('octopush', throwingCode)))).toMatchObject({ path: ['code'], received: 'a value that could not be read (reading it threw)' })
  })
})

describe('eventFromStatus: the event', () => {
  it('fields inherited from the report’s prototype are read; raw is the report’s own fields', () => {
    const inherited = Object.assign(Object.create({ code: 'DELIVERED' }) as object, { channel: 'sms', messageId: 'm', recipient: 'r' }) as typeof report
    const event = rightOf(eventFromStatus('octopush', inherited))
    expect(event.vendorStatus).toBe('DELIVERED')
    expect(event.raw).toEqual({ channel: 'sms', messageId: 'm', recipient: 'r' })
  })

  it('raw is a copy of the report unless the report names one; details are {} unless given', () => {
    const plain = rightOf(eventFromStatus('octopush', report))
    expect(plain.raw).toEqual(report)
    expect(plain.raw).not.toBe(report)
    expect(plain.details).toEqual({})
    const named = rightOf(eventFromStatus('octopush', { ...report, raw: { body: 1 }, details: { listName: 'x' } }))
    expect(named.raw).toEqual({ body: 1 })
    expect(named.details).toEqual({ listName: 'x' })
  })

  it('a Date gives occurredAt and vendorTime as the same ISO text; text keeps the vendor’s spelling in vendorTime', () => {
    const byDate = rightOf(eventFromStatus('octopush', { ...report, occurredAt: new Date('2025-01-22T10:46:06Z') }))
    expect([byDate.occurredAt, byDate.vendorTime]).toEqual(['2025-01-22T10:46:06.000+00:00', '2025-01-22T10:46:06.000+00:00'])
    const byText = rightOf(eventFromStatus('octopush', { ...report, occurredAt: '2025-01-22T10:46:06Z' }))
    expect(byText.vendorTime).toBe('2025-01-22T10:46:06Z')
    expect(byText.occurredAt).not.toBe(byText.vendorTime)
  })

  it('its eventId is a report’s: the same report gives it again, a callback saying the same is another shape, and any field reported differently changes it', () => {
    const id = (r: object) => rightOf(eventFromStatus('octopush', { ...report, ...r })).eventId
    const fromCallback = rightOf(normalize('octopush', { message_id: 'm', number: '+33600000000', status: 'DELIVERED' }))
    expect(id({})).toBe(id({}))
    expect(id({})).not.toBe(fromCallback[0]?.eventId)
    const others = [
      id({ occurredAt: '2025-01-22T10:46:06Z' }),
      id({ reference: '' }),
      id({ reference: 'r' }),
      id({ cost: { amount: 0.5 } }),
      id({ cost: { amount: 0.5, currency: 'EUR' } }),
      id({ details: { listName: 'x' } }),
      id({ details: { sender: 'x' } }),
      id({ channel: 'whatsapp' }),
      id({ raw: { other: 1 } }),
    ]
    // raw is not reported: a report with another raw is the same status.
    expect(others.at(-1)).toBe(id({}))
    expect(new Set([id({}), ...others.slice(0, -1)]).size).toBe(others.length)
  })

  it('a cost or details that cannot be read is refused, not thrown', () => {
    // Keys to read, each of which throws (a Proxy with no keys reads as an empty object).
    const hostile = new Proxy({ amount: 1, listName: 'l' }, { get: () => { throw new Error('trap') } })
    for (const field of [{ cost: hostile }, { details: hostile }]) {
      const error = leftOf(eventFromStatus('octopush', { ...report, ...field }))
      expect([error.kind, error.issues[0].path]).toEqual(['invalid_options', ['report']])
    }
  })
})
