/**
 * Regressions for issue 12, defect 7: exported functions threw on a revoked Proxy or a
 * throwing accessor given as a vendor, channel, code, option, report, event or error. Each
 * now answers: an `invalid_options` error naming what could not be read, or the answer a
 * value that cannot be read deserves (`false`, `undefined`, a description). The property
 * covering the class is test/properties/hostile-arguments.test.ts.
 */
import {
  advance,
  classify,
  DeliveryKitError,
  describeValue,
  detectVendor,
  eventFromStatus,
  formatError,
  formatPath,
  isDeliveryKitError,
  isFinal,
  lookupStatus,
  normalize,
  normalizeInbound,
  parse,
  rankOf,
  safeParse,
  VENDORS,
  type AnyEvent,
  type NormalizeError,
} from 'deliverykit'
import { isMasstackEnvelope } from 'deliverykit/masstack'
import * as messangi from 'deliverykit/messangi'
import { isOctopushStatusCode, OCTOPUSH_CATALOGS } from 'deliverykit/octopush'
import { describe, expect, it } from 'vitest'

import { leftOf, rightOf } from '../helpers.js'

/** A revoked Proxy, typed as whatever the argument it stands in for is. */
const revoked = (): never => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy as never
}

const sms = { message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }
const report = { channel: 'sms', code: 'DELIVERED', messageId: 'sms_1', recipient: '+33600000000' } as const

const throwing = (key: string, thrown: unknown = 1): object =>
  Object.defineProperty({}, key, {
    enumerable: true,
    get: () => {
      throw thrown
    },
  })

/** The one issue of an invalid_options error: which option, what it said was received. */
const optionIssue = (error: NormalizeError): readonly [string | number | undefined, string | undefined, string] => {
  expect(error.kind).toBe('invalid_options')
  const [issue] = error.issues
  return [issue.path[0], 'received' in issue ? issue.received : undefined, issue.message]
}

describe('a vendor, channel, code or option that cannot be read is an invalid_options error', () => {
  it('normalize(revokedProxy, body): the vendor, described, in the error and its message', () => {
    const error = leftOf(normalize(revoked(), sms))
    expect(optionIssue(error)).toStrictEqual(['vendor', 'an object that could not be read', `options.vendor: expected one of ${VENDORS.join(', ')}, received an object that could not be read`])
    expect(error.vendor).toBe('an object that could not be read')
    expect(error.input).toBe(sms)
    const safe = safeParse(revoked(), sms)
    expect(safe.success ? undefined : safe.error.kind).toBe('invalid_options')
  })

  it('an option whose accessor throws is named, with what was received', () => {
    const options = throwing('timeZone') as { readonly timeZone: string }
    const error = leftOf(normalize('octopush', sms, options))
    expect(optionIssue(error)).toStrictEqual(['timeZone', 'a value that could not be read (reading it threw)', 'options.timeZone: expected a value that can be read, received a value that could not be read (reading it threw)'])
    expect(optionIssue(leftOf(normalize('messangi', sms, throwing('channel') as { readonly channel: 'sms' })))[0]).toBe('channel')
    expect(optionIssue(leftOf(normalize('octopush', sms, throwing('channel') as never)))[0]).toBe('channel')
    expect(optionIssue(leftOf(messangi.normalizeLegacy(sms, throwing('unknownStatus') as never)))[0]).toBe('unknownStatus')
    expect(optionIssue(leftOf(normalizeInbound('octopush', sms, throwing('maxBodySize') as never)))[0]).toBe('maxBodySize')
  })

  it('an options object that is a revoked Proxy, or whose every trap throws, is unreadable as a whole', () => {
    const trapping = new Proxy({}, { getPrototypeOf: () => { throw new Error('trap') }, get: () => { throw new Error('trap') } })
    for (const options of [revoked(), trapping]) {
      expect(optionIssue(leftOf(normalize('octopush', sms, options as never)))).toStrictEqual([
        '(options)',
        'an object that could not be read',
        'options.(options): expected an object or undefined, received an object that could not be read',
      ])
      expect(optionIssue(leftOf(normalizeInbound('octopush', sms, options as never)))[0]).toBe('(options)')
      expect(optionIssue(leftOf(eventFromStatus('octopush', report, options as never)))[0]).toBe('(options)')
    }
  })

  it('parse throws a DeliveryKitError for them, nothing else', () => {
    let thrown: unknown
    try {
      parse('octopush', sms, throwing('timeZone') as never)
    } catch (error) {
      thrown = error
    }
    expect(isDeliveryKitError(thrown)).toBe(true)
    expect(isDeliveryKitError(thrown) && thrown.error.kind).toBe('invalid_options')
  })

  it('reads each option once', () => {
    const reads: Array<string> = []
    const options = {}
    for (const [key, value] of [['timeZone', 'UTC'], ['unknownStatus', 'keep'], ['channel', 'voice'], ['maxBodySize', 1000]] as const) {
      Object.defineProperty(options, key, {
        get: () => {
          reads.push(key)
          return value
        },
      })
    }
    const [event] = rightOf(normalize('octopush', sms, options as never))
    expect(event?.channel).toBe('voice')
    expect([...reads].sort()).toStrictEqual(['channel', 'maxBodySize', 'timeZone', 'unknownStatus'])
  })

  it('classify names the vendor, channel or code that cannot be read', () => {
    expect(optionIssue(leftOf(classify(revoked(), 'sms', 'DELIVERED')))[0]).toBe('vendor')
    expect(optionIssue(leftOf(classify('octopush', revoked(), 'DELIVERED')))[1]).toBe('an object that could not be read')
    expect(optionIssue(leftOf(classify('octopush', 'sms', revoked())))[0]).toBe('code')
  })

  it('eventFromStatus names the report, or the field of it, that cannot be read, and reads each field once', () => {
    expect(optionIssue(leftOf(eventFromStatus('octopush', revoked())))).toStrictEqual([
      'report',
      'an object that could not be read',
      'options.report: expected an object with channel, code, messageId and recipient, received an object that could not be read',
    ])
    const withThrowingCode = Object.defineProperties({ ...report }, { code: { enumerable: true, get: () => { throw new Error('no') } } })
    expect(optionIssue(leftOf(eventFromStatus('octopush', withThrowingCode)))[0]).toBe('code')
    const date = new Date('2025-01-22T10:46:06Z')
    let reads = 0
    const counted = Object.defineProperty({ ...report }, 'occurredAt', { enumerable: true, get: () => (reads++ === 0 ? date : 'not a time') })
    const event = rightOf(eventFromStatus('octopush', counted))
    expect([event.occurredAt, reads]).toStrictEqual(['2025-01-22T10:46:06.000+00:00', 1])
    expect(optionIssue(leftOf(eventFromStatus('octopush', { ...report, occurredAt: revoked() })))[0]).toBe('occurredAt')
  })
})

describe('the other exports answer a value that cannot be read', () => {
  const [event] = rightOf(normalize('octopush', sms))
  if (event === undefined) throw new Error('no event')

  it('describeValue describes anything, briefly', () => {
    expect(describeValue(revoked())).toBe('an object that could not be read')
    expect(describeValue(Proxy.revocable([], {}).proxy)).toBe('an array of 0 items')
    expect(describeValue(Symbol('x'))).toBe('a symbol')
    expect(describeValue(() => 1)).toBe('a function')
    expect(describeValue(new Proxy([], { get: () => 'x'.repeat(1000) }))).toBe('an array')
    expect(describeValue(2n ** 400n)).toMatch(/^\d{60}…n \(121 digits\)$/)
  })

  it('detectVendor: not detected, because the body could not be read', () => {
    const byRevoked = detectVendor(revoked())
    expect(byRevoked.detected).toBe(false)
    expect(!byRevoked.detected && byRevoked.reason).toMatch(/^the body could not be read: .*revoked/)
    expect(detectVendor(throwing('message_id', revoked()))).toStrictEqual({ detected: false, reason: 'the body could not be read: an object that could not be read' })
  })

  it('isDeliveryKitError: false for what cannot be read, true for the real thing', () => {
    expect(isDeliveryKitError(revoked())).toBe(false)
    expect(isDeliveryKitError(Object.defineProperty(new Error('x'), 'name', { get: () => { throw new Error('no') } }))).toBe(false)
    expect(isDeliveryKitError(new DeliveryKitError(leftOf(normalize('octopush', {}))))).toBe(true)
  })

  it('formatError, formatPath and DeliveryKitError render what they can', () => {
    expect(formatError(revoked())).toBe('deliverykit: an error that could not be read')
    expect(new DeliveryKitError(revoked()).message).toBe('deliverykit: an error that could not be read')
    expect(formatPath(revoked())).toBe('(a path that could not be read)')
    expect(formatPath(['a', Symbol('s') as unknown as string, 1])).toBe('a[a symbol][1]')
  })

  it('advance keeps the event that can be read; rankOf and the guards answer as for an unknown event', () => {
    const hostile = revoked() as AnyEvent
    expect(advance(event, hostile)).toBe(event)
    expect(advance(hostile, event)).toBe(event)
    expect(rankOf(hostile)).toBe(-1)
    expect(isFinal(hostile)).toBe(false)
    expect(isFinal(event)).toBe(true)
  })

  it('catalog look-ups: no entry in catalogs that cannot be read, or under an inherited channel or a key that is not text', () => {
    expect(lookupStatus(revoked() as typeof OCTOPUSH_CATALOGS, 'sms', 'DELIVERED')).toBeUndefined()
    expect(lookupStatus(OCTOPUSH_CATALOGS, '__proto__' as 'sms', 'toString')).toBeUndefined()
    expect(lookupStatus(OCTOPUSH_CATALOGS, 'sms', 'DELIVERED')?.status).toBe('delivered')
    expect(isOctopushStatusCode({ toString: () => { throw new Error('no') } } as unknown as string)).toBe(false)
    expect(isOctopushStatusCode('DELIVERED')).toBe(true)
    expect(isMasstackEnvelope(revoked())).toBe(false)
  })
})

describe('a body whose accessor throws something hostile is still an unreadable error', () => {
  it('a thrown revoked Proxy is described, a thrown megabyte message cut', () => {
    const byProxy = leftOf(normalize('octopush', throwing('status', revoked())))
    expect(byProxy.issues[0].message).toBe('(root): the body could not be read: an object that could not be read')
    const long = leftOf(normalize('octopush', throwing('status', new Error('x'.repeat(1_000_000)))))
    expect(long.issues[0].message).toBe(`(root): the body could not be read: ${'x'.repeat(200)}… (1000000 characters)`)
    const atLimit = leftOf(normalize('octopush', throwing('status', new Error('y'.repeat(200)))))
    expect(atLimit.issues[0].message).toBe(`(root): the body could not be read: ${'y'.repeat(200)}`)
  })
})
