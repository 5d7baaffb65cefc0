/**
 * createWebhookHandler's settings: each one refused with the error that names it (its
 * vendor, path, expected text and message, and the value as input), and the values each
 * accepts, down to the boundaries.
 */
import { VENDORS, isDeliveryKitError, type NormalizeError } from 'deliverykit'
import { createMemoryStore, createWebhookHandler } from 'deliverykit/handler'
import { describe, expect, it } from 'vitest'

import { describeValue } from '../../src/errors/format.js'
import { payload } from '../helpers.js'
import { SECRET } from './routes.js'

/** The error a handler's settings are refused with, failing the test when they are not. */
const refusal = (config: unknown): NormalizeError => {
  try {
    createWebhookHandler(config as never)
  } catch (error) {
    if (isDeliveryKitError(error)) return error.error
    throw error
  }
  return expect.fail('the settings were accepted')
}

/** The `invalid_options` error the handler itself writes for one setting. */
const refused = (vendor: string, name: string, expected: string, value: unknown): NormalizeError => ({
  kind: 'invalid_options',
  vendor,
  issues: [{ code: 'invalid_option', path: [name], expected, received: describeValue(value), message: `options.${name}: expected ${expected}, received ${describeValue(value)}` }],
  input: value,
})

const store = createMemoryStore()
const base = { vendor: 'octopush', store, secrets: [SECRET] } as const
const OPTIONS = "the vendor's options: text, numbers and booleans"
const STORE = 'a store with recordEvents and keepBody'
const SECRETS = 'a list of secrets of at least 16 characters'

describe('settings refused, each with the error that names it', () => {
  it.each([null, 'octopush', 42, undefined])('a config that is not an object (%s)', (config) => {
    expect(refusal(config)).toEqual(refused('handler', 'config', 'an object with vendor, store and secrets', config))
  })

  it('a config whose reading throws', () => {
    const config = {
      get vendor(): string {
        throw new Error('no reading')
      },
    }
    expect(refusal(config)).toEqual(refused('handler', 'config', 'settings that can be read', config))
  })

  it.each(['octopus', undefined, 3])('a vendor deliverykit does not know (%s)', (vendor) => {
    expect(refusal({ ...base, vendor })).toEqual(refused('handler', 'vendor', `one of ${VENDORS.join(', ')}`, vendor))
  })

  it.each([
    ['null', null],
    ['text', 'sms'],
    ['a list', ['sms']],
    ['a nested object', { channel: {} }],
    ['NaN', { foo: Number.NaN }],
    ['Infinity', { foo: Number.POSITIVE_INFINITY }],
    ['a function', { foo: () => 1 }],
    ['null inside', { foo: null }],
  ])('route options that are not plain text, numbers and booleans: %s', (_name, options) => {
    expect(refusal({ ...base, options })).toEqual(refused('octopush', 'options', OPTIONS, options))
  })

  it("route options the vendor's decoder refuses, with the decoder's error", () => {
    for (const timeZone of ['Nowhere/Atlantis', true, 5]) {
      const error = refusal({ ...base, options: { timeZone } })
      expect(error.kind).toBe('invalid_options')
      expect(error.issues[0].path).toEqual(['timeZone'])
      expect(error.issues[0].message).toMatch(/^options\.timeZone: expected an IANA time zone name/)
    }
  })

  it.each([-1, Number.NaN, '64', null])('a maxBodySize that is not a number of bytes, 0 or more (%s)', (maxBodySize) => {
    expect(refusal({ ...base, maxBodySize })).toEqual(refused('octopush', 'maxBodySize', 'a number of bytes, 0 or more', maxBodySize))
  })

  it("a maxBodySize of 0 passes the handler's own check, and is refused by the decoder's", () => {
    const error = refusal({ ...base, maxBodySize: 0 })
    expect(error.issues[0].path).toEqual(['maxBodySize'])
    expect(error.issues[0].message).toMatch(/^options\.maxBodySize: expected a positive whole number/)
  })

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['text', 'memory'],
    ['an object without the methods', {}],
    ['a function carrying the methods', Object.assign(() => undefined, { recordEvents: () => Promise.resolve(), keepBody: () => Promise.resolve() })],
    ['a store without keepBody', { recordEvents: () => Promise.resolve() }],
    ['a store without recordEvents', { keepBody: () => Promise.resolve() }],
    ['an isTransient that is not a function', { recordEvents: () => Promise.resolve(), keepBody: () => Promise.resolve(), isTransient: true }],
  ])('a store that is not one: %s', (_name, given) => {
    expect(refusal({ ...base, store: given })).toEqual(refused('octopush', 'store', STORE, given))
  })

  it.each([
    ['no list', SECRET, SECRET],
    ['an empty list', [], []],
    ['a secret of 15 characters', ['a'.repeat(15)], 'a'.repeat(15)],
    ['a secret that is not text', [SECRET, 1234567890123456], 1234567890123456],
  ])('secrets: %s', (_name, secrets, input) => {
    expect(refusal({ ...base, secrets })).toEqual(refused('octopush', 'secrets', SECRETS, input))
  })

  it.each(['', 5, null])('a secretParameter that is not the name of a query parameter (%s)', (secretParameter) => {
    expect(refusal({ ...base, secretParameter })).toEqual(refused('octopush', 'secretParameter', 'the name of a query parameter', secretParameter))
  })

  it.each([5, 'now', null])('a now that is not a function (%s)', (now) => {
    expect(refusal({ ...base, now })).toEqual(refused('octopush', 'now', 'a function that returns the time', now))
  })

  it.each([0, -1, 1.5, '3', Number.NaN, null])('a storeAttempts that is not a whole number, 1 or more (%s)', (storeAttempts) => {
    expect(refusal({ ...base, storeAttempts })).toEqual(refused('octopush', 'storeAttempts', 'a whole number, 1 or more', storeAttempts))
  })

  it.each(['log', 1, null])('an onProblem that is not a function (%s)', (onProblem) => {
    expect(refusal({ ...base, onProblem })).toEqual(refused('octopush', 'onProblem', 'a function', onProblem))
  })

  it('names the error the DeliveryKitError carries in its message', () => {
    let thrown: unknown
    try {
      createWebhookHandler({ ...base, storeAttempts: 0 })
    } catch (error) {
      thrown = error
    }
    expect(thrown instanceof Error && thrown.message).toBe('options.storeAttempts: expected a whole number, 1 or more, received 0')
  })
})

describe('settings accepted', () => {
  const sms = JSON.stringify(payload('octopush/sms.json'))
  const post = (body: string): Request => new Request(`https://example.com/webhooks/octopush?token=${SECRET}`, { method: 'POST', body })

  it('route options of text, finite numbers and booleans, kept with a body as given; maxBodySize and undefined left out', async () => {
    const kept = createMemoryStore()
    const webhook = createWebhookHandler({ vendor: 'octopush', store: kept, secrets: [SECRET], options: { label: 'eu', weight: 1.5, negative: -2, flag: true, off: false, gone: undefined, maxBodySize: 4096 } as never })
    expect((await webhook.fetch(post('not json'))).status).toBe(202)
    expect(kept.kept()[0]?.options).toEqual({ label: 'eu', weight: 1.5, negative: -2, flag: true, off: false })
  })

  it('a secret of exactly 16 characters, a storeAttempts of 1, any function as now and onProblem', async () => {
    const secret = '0123456789abcdef'
    const kept = createMemoryStore()
    const webhook = createWebhookHandler({ vendor: 'octopush', store: kept, secrets: [secret], storeAttempts: 1, now: () => new Date(0), onProblem: () => undefined })
    const answer = await webhook.fetch(new Request(`https://example.com/?token=${secret}`, { method: 'POST', body: sms }))
    expect(answer.status).toBe(204)
    expect(kept.events()).toHaveLength(1)
  })

  it('a store with an isTransient function', () => {
    const withTransient = { ...createMemoryStore(), isTransient: () => false }
    expect(() => createWebhookHandler({ ...base, store: withTransient })).not.toThrow()
  })

  it('no route options at all, and a handler maxBodySize over the route one', async () => {
    const kept = createMemoryStore()
    const webhook = createWebhookHandler({ vendor: 'octopush', store: kept, secrets: [SECRET], maxBodySize: 10, options: { maxBodySize: 1_000_000 } })
    expect((await webhook.fetch(post(sms))).status).toBe(413)
    const plain = createWebhookHandler({ vendor: 'octopush', store: kept, secrets: [SECRET] })
    expect((await plain.fetch(post(sms))).status).toBe(204)
  })
})
