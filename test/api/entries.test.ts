import {
  CHANNELS,
  CLASSIFICATION_OF_STATUS,
  DeliveryKitError,
  STATUSES,
  VENDORS,
  VENDOR_NAMES,
  absurd,
  isDeliveryKitError,
  isFailure,
  isFinal,
  isTransient,
  isUnknownStatus,
  isVendor,
  messangi,
  normalize,
  octopush,
  parse,
  safeParse,
} from 'deliverykit'
import * as octopushEntry from 'deliverykit/octopush'
import { describe, expect, it } from 'vitest'

import { payload, rightOf } from '../helpers.js'

describe('safeParse and parse', () => {
  it('safeParse returns the events on success', () => {
    const result = safeParse('octopush', payload('octopush/sms.json'))
    expect(result).toEqual({ success: true, events: rightOf(normalize('octopush', payload('octopush/sms.json'))) })
  })

  it('safeParse returns the same error normalize gives', () => {
    const result = safeParse('octopush', { status: 'DELIVERED' })
    const expected = normalize('octopush', { status: 'DELIVERED' })
    expect(result).toEqual({ success: false, error: expected._tag === 'Left' ? expected.left : undefined })
  })

  it('parse returns the events, or throws a DeliveryKitError carrying the error and its formatted message', () => {
    expect(parse('octopush', payload('octopush/rcs.json')).map((event) => event.channel)).toEqual(['rcs'])
    let thrown: unknown
    try {
      parse('octopush', { status: 'DELIVERED', number: 1 })
    } catch (error) {
      thrown = error
    }
    expect(isDeliveryKitError(thrown)).toBe(true)
    expect(thrown).toBeInstanceOf(DeliveryKitError)
    if (!isDeliveryKitError(thrown)) return
    expect(thrown.name).toBe('DeliveryKitError')
    expect(thrown.error.kind).toBe('invalid_body')
    expect(thrown.message.split('\n')).toEqual([
      'message_id: missing; expected string',
      'number: expected string, received 1',
    ])
  })

  it('isDeliveryKitError refuses other errors', () => {
    expect(isDeliveryKitError(new Error('x'))).toBe(false)
    expect(isDeliveryKitError({ name: 'DeliveryKitError', error: {} })).toBe(false)
    expect(isDeliveryKitError(undefined)).toBe(false)
  })
})

describe('the Octopush entry point', () => {
  it('normalizes, safe-parses and parses like the root with vendor "octopush"', () => {
    const body = payload('octopush/email.json')
    expect(octopushEntry.normalize(body)).toEqual(normalize('octopush', body))
    expect(octopushEntry.safeParse(body)).toEqual(safeParse('octopush', body))
    expect(octopushEntry.parse(body, { timeZone: 'UTC' })).toEqual(parse('octopush', body, { timeZone: 'UTC' }))
  })

  it('is also reachable from the root as the octopush namespace', () => {
    expect(octopush.OCTOPUSH_CATALOG).toBe(octopushEntry.OCTOPUSH_CATALOG)
    expect(octopush.OCTOPUSH_DEFAULT_TIME_ZONE).toBe('Europe/Paris')
  })
})

describe('the Messangi entry point', () => {
  it('is reachable from the root as the messangi namespace, with its channel list and guard', () => {
    expect(messangi.MESSANGI_CHANNELS).toEqual(['sms', 'email', 'push', 'rcs', 'whatsapp'])
    expect([messangi.isMessangiChannel('whatsapp'), messangi.isMessangiChannel('voice')]).toEqual([true, false])
    expect(messangi.isOptOutKeyword('Stop!')).toBe(true)
  })
})

describe('model helpers', () => {
  const events = rightOf(normalize('octopush', payload('octopush/email.json')))

  it('type guards pick events by classification', () => {
    expect(events.filter(isFinal).map((event) => event.status)).toEqual(['read'])
    expect(events.filter(isFailure).map((event) => event.failure)).toEqual([{ reason: 'spam', permanent: false }])
    expect(events.filter(isTransient)).toEqual([])
    const kept = normalize('octopush', { message_id: 'm', number: 'n', status: 'NEW', delivery_date: '2025-01-22 11:46:06' }, { unknownStatus: 'keep' })
    expect(kept._tag === 'Right' && kept.right.filter(isUnknownStatus).map((event) => event.vendorStatus)).toEqual(['NEW'])
  })

  it('absurd throws if the types lied', () => {
    expect(() => absurd('surprise' as never)).toThrow('deliverykit: unexpected value "surprise" in an exhaustive switch')
  })

  it('lists channels, vendors and statuses', () => {
    expect(CHANNELS).toEqual(['sms', 'voice', 'email', 'push', 'rcs', 'whatsapp', 'facebook', 'instagram'])
    // The vendor list is VENDOR_NAMES' keys, in the order they were added.
    expect(VENDORS).toEqual(Object.keys(VENDOR_NAMES))
    expect(isVendor('octopush')).toBe(true)
    expect(isVendor('messangi')).toBe(true)
    expect(isVendor('constructor')).toBe(false)
    expect(STATUSES).toHaveLength(12)
    expect(STATUSES.filter((status) => CLASSIFICATION_OF_STATUS[status] === 'failure')).toEqual([
      'rejected', 'undeliverable', 'expired', 'complained', 'unsubscribed', 'unconfirmed',
    ])
  })
})
