/**
 * A JSON body and the form that stands for it give the same events (issue 24, item 6). A
 * form writes every value as text and has no way to write an empty list: the form encoder
 * the CLI posts with (src/cli/form.ts), like any encoder that writes every field, sends an
 * empty field, which the codecs read as the empty list where a list goes, in a form only
 * (src/kit/codecs.ts, `emptyListInForm`).
 *
 * - Every shipped example, every JSON body from the wild that decodes, and any generated
 *   valid body: its form, as text, bytes or `URLSearchParams`, gives the JSON's events
 *   (all but `raw`, which keeps each encoding's values as sent).
 * - An empty field is the empty list at every list field of every vendor, in a form only:
 *   JSON's `""` stays refused, as text, bytes or an object, and so does a codec called directly.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { normalizeWebhook, type AnyWebhookEvent, type NormalizeError } from 'deliverykit'
import { MasstackEnvelope } from 'deliverykit/masstack'
import { OctopushEmailCallback } from 'deliverykit/octopush'
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { deepStrictEqual } from 'node:assert/strict'
import { describe, expect, it } from 'vitest'

import { jsonToForm } from '../../src/cli/form.js'
import {
  MAX_ISSUES_PER_LIST,
  NumberFromNumberOrText,
  PhoneNumberText,
  TextFromTextOrNumber,
  cappedList,
  dispatch,
  fromPick,
  isFormBody,
  struct,
  withAliases,
} from '../../src/kit/codecs.js'
import { VENDORS, type Vendor } from '../../src/model/vendor.js'
import { leftOf, rightOf } from '../helpers.js'
import { anyValidBody } from '../properties/arbitraries.js'
import { property } from '../properties/harness.js'

type Result = E.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>>

const decode = (vendor: Vendor, body: unknown, channel: string | undefined): Result =>
  vendor === 'messangi' ? normalizeWebhook('messangi', body, { channel: (channel ?? 'sms') as 'sms' }) : normalizeWebhook(vendor, body)

/**
 * Events without `raw`, the body as decoded, where a field deliverykit does not read keeps
 * each encoding's value (a Messangi `timestamp` as text in a form); an error as its messages.
 */
const events = (result: Result): unknown =>
  E.isRight(result) ? JSON.parse(JSON.stringify(result.right, (key, value: unknown) => (key === 'raw' ? undefined : value))) : result.left.issues.map((issue) => issue.message)

/** The form of a JSON text, as the CLI's `send --form` posts it. */
const formOf = (json: string): string => {
  const form = jsonToForm(json)
  if ('error' in form) throw new Error(form.error)
  return form.form
}

/** A form as text, as its bytes and as `URLSearchParams`: each must give the JSON's events. */
const agree = (vendor: Vendor, json: string, channel: string | undefined, name: string): void => {
  const expected = events(decode(vendor, json, channel))
  const form = formOf(json)
  for (const [encoding, body] of [['form text', form], ['form bytes', new TextEncoder().encode(form)], ['URLSearchParams', new URLSearchParams(form)]] as const) {
    deepStrictEqual(events(decode(vendor, body, channel)), expected, `${name} as ${encoding}: ${form.slice(0, 300)}`)
  }
}

const payloads = fileURLToPath(new URL('../../examples/payloads/', import.meta.url))
const wild = fileURLToPath(new URL('../fixtures/wild/', import.meta.url))

/** Every shipped example: vendor, path, and the Messangi channel its folder names. */
const shipped: ReadonlyArray<readonly [Vendor, string, string | undefined]> = VENDORS.flatMap((vendor) =>
  readdirSync(join(payloads, vendor), { withFileTypes: true }).flatMap((entry): ReadonlyArray<readonly [Vendor, string, string | undefined]> =>
    entry.isDirectory()
      ? readdirSync(join(payloads, vendor, entry.name)).map((name) => [vendor, join(vendor, entry.name, name), entry.name] as const)
      : entry.name.endsWith('.json')
        ? [[vendor, join(vendor, entry.name), undefined]]
        : [],
  ),
)

interface WildFixture {
  readonly body?: unknown
  readonly channel?: string | null
}

/** Every wild fixture sent as JSON: vendor, name, body and channel. */
const wildJson = VENDORS.flatMap((vendor) =>
  readdirSync(join(wild, vendor))
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ vendor, name, fixture: JSON.parse(readFileSync(join(wild, vendor, name), 'utf8')) as WildFixture }))
    .filter(({ fixture }) => 'body' in fixture),
)

/**
 * Whether every number of a body has text a form can carry: numeric text is at most 15
 * digits before and after the point, with no exponent, so a number JavaScript writes as
 * `5e-324` or `1e+21` has none, and its form is refused where the number is read.
 */
const formCanCarry = (value: unknown): boolean => {
  if (typeof value === 'number') return /^-?\d{1,15}(\.\d{1,15})?$/.test(String(value))
  if (typeof value !== 'object' || value === null) return true
  return Object.values(value).every(formCanCarry)
}

describe('a JSON body and its form give the same events', () => {
  it.each(shipped)('%s %s', (vendor, path, channel) => {
    const json = readFileSync(join(payloads, path), 'utf8')
    rightOf(decode(vendor, json, channel))
    agree(vendor, json, channel, path)
  })

  it('every wild JSON body that decodes', () => {
    let agreed = 0
    for (const { vendor, name, fixture } of wildJson) {
      const json = JSON.stringify(fixture.body)
      const channel = fixture.channel ?? undefined
      // A body JSON refuses may be read from a form (a number as text is text there): only what decodes is compared.
      if (E.isLeft(decode(vendor, json, channel))) continue
      if (typeof fixture.body !== 'object' || fixture.body === null || Array.isArray(fixture.body)) {
        expect(jsonToForm(json), name).toEqual({ error: 'a form needs a JSON object at the root' })
        continue
      }
      agree(vendor, json, channel, `${vendor}/${name}`)
      agreed++
    }
    expect(agreed).toBeGreaterThan(35)
  })

  it('the shipped e-mail example is among them: its recipient with no history is posted as an empty field', () => {
    const form = new URLSearchParams(formOf(readFileSync(join(payloads, 'octopush/email.json'), 'utf8')))
    expect(form.getAll('deliveries[1][status_history]')).toEqual([''])
  })

  property('any valid body of every vendor, channel and code, empty lists included', [anyValidBody], (valid) => {
    if (typeof valid.body !== 'object' || valid.body === null || Array.isArray(valid.body) || !formCanCarry(valid.body)) return
    const channel = (valid.options as { readonly channel?: string } | undefined)?.channel
    agree(valid.vendor, JSON.stringify(valid.body), channel, 'the body')
  })
})

describe('an empty field is the empty list, in a form only', () => {
  const delivery = 'deliveries[0][email]=a%40example.com&deliveries[0][status]=OPENED&deliveries[0][delivery_date]=2025-01-22+12%3A24%3A30'
  const emailWithout = (history: unknown) => ({
    channel: 'email',
    message_id: 'email_1',
    deliveries: [{ email: 'a@example.com', status: 'OPENED', delivery_date: '2025-01-22 12:24:30', status_history: history }],
  })

  it.each([
    ['octopush', `channel=email&message_id=email_1&${delivery}&deliveries[0][status_history]=`, emailWithout([]), ['deliveries', 0, 'status_history'], emailWithout('')],
    ['octopush', 'channel=email&message_id=email_1&deliveries=', { channel: 'email', message_id: 'email_1', deliveries: [] }, ['deliveries'], { channel: 'email', message_id: 'email_1', deliveries: '' }],
    ['masstack', 'commit=v2&data=', { commit: 'v2', data: [] }, ['data'], { commit: 'v2', data: '' }],
  ] as const)('%s %s reads as its JSON with [], which refuses ""', (vendor, form, asJson, path, withEmptyText) => {
    const expected = events(decode(vendor, asJson, undefined))
    for (const body of [form, new TextEncoder().encode(form), new URLSearchParams(form)]) expect(events(decode(vendor, body, undefined))).toEqual(expected)
    for (const body of [withEmptyText, JSON.stringify(withEmptyText), new TextEncoder().encode(JSON.stringify(withEmptyText))]) {
      const error = leftOf(decode(vendor, body, undefined))
      expect([error.kind, error.issues.map((issue) => [issue.path, 'received' in issue ? issue.received : undefined])]).toEqual(['invalid_body', [[path, '""']]])
    }
  })

  it('the events are the JSON body’s, raw and eventId included; a list keeps refusing an empty item', () => {
    expect(rightOf(decode('octopush', `channel=email&message_id=email_1&${delivery}&deliveries[0][status_history]=`, undefined))).toEqual(rightOf(decode('octopush', emailWithout([]), undefined)))
    expect(leftOf(decode('octopush', 'channel=email&message_id=email_1&deliveries[0]=', undefined)).issues.map((issue) => issue.message)).toEqual(['deliveries[0]: expected OctopushEmailDelivery, received ""'])
  })

  it('the codecs, called directly, decode JSON data: "" is not a list there', () => {
    expect(E.isLeft(OctopushEmailCallback.decode(emailWithout('')))).toBe(true)
    expect(E.isLeft(MasstackEnvelope.decode({ data: '' }))).toBe(true)
    expect(E.isRight(OctopushEmailCallback.decode(emailWithout([])))).toBe(true)
  })
})

/**
 * The kit's codecs through their own exports: each fast `is` agrees with the slow path on
 * values that differ from a decoded one in a single field, alias or type, and a value
 * already in decoded form comes back as it came, not a copy.
 */
describe('the kit codecs, called directly', () => {
  /** A text codec that counts the values it validated: a fast path validates none. */
  const countingText = () => {
    let validated = 0
    const codec = new t.Type<string, string, unknown>('counted', t.string.is, (u, c) => (validated++, t.string.validate(u, c)), t.identity)
    return { codec, validated: () => validated }
  }

  it('NumberFromNumberOrText takes numbers and numeric text only, not what merely prints as one', () => {
    expect(rightOf(NumberFromNumberOrText.decode('35'))).toBe(35)
    for (const value of ['abc', '', null, true, Infinity, ['35'], { toString: () => '35' }]) expect(E.isLeft(NumberFromNumberOrText.decode(value)), String(value)).toBe(true)
  })

  it('TextFromTextOrNumber takes text and finite numbers only', () => {
    expect(rightOf(TextFromTextOrNumber.decode(35))).toBe('35')
    for (const value of [Infinity, -Infinity, NaN, null, true, {}]) expect(E.isLeft(TextFromTextOrNumber.decode(value)), JSON.stringify(value)).toBe(true)
  })

  it('PhoneNumberText reads a space before a digit, 0 to 9, as a lost plus, and nothing else', () => {
    for (const [text, decoded] of [[' 0600', '+0600'], [' 9600', '+9600'], [' /600', ' /600'], [' :600', ' :600'], [' ', ' ']] as const) {
      expect(rightOf(PhoneNumberText.decode(text)), text).toBe(decoded)
      expect(PhoneNumberText.is(text), text).toBe(text === decoded)
    }
  })

  it('isFormBody answers false for an empty context', () => {
    expect(isFormBody([])).toBe(false)
  })

  it('fromPick reports an unknown channel by name, at its path', () => {
    const failure = leftOf(fromPick<'sms', string>({ unknownChannel: { channel: 'fax', expected: ['sms', 'email'], path: ['channel'] } }, { sms: t.string }, []) as t.Validation<string>)
    expect(failure.map((error) => [error.message, error.context.map((entry) => entry.key)])).toEqual([['"fax" is not a channel deliverykit knows yet; expected one of sms, email', ['channel']]])
  })

  it('dispatch returns a value its shape already accepts without validating it again', () => {
    const { codec, validated } = countingText()
    const shaped = dispatch<string>('shaped', () => codec)
    expect(rightOf(shaped.decode('text'))).toBe('text')
    expect(validated()).toBe(0)
    expect(E.isLeft(shaped.decode(5))).toBe(true)
    expect(validated()).toBe(1)
  })

  describe('struct', () => {
    const S = struct('S', { text: t.string, count: t.number }, { note: t.string })

    it('is: every field, required or optional, text or not, must have its decoded form', () => {
      expect(S.is({ text: 'a', count: 1 })).toBe(true)
      expect(S.is({ text: 'a', count: 1, note: 'n', '': 'an empty key is just another extra' })).toBe(true)
      for (const value of [{ text: 'a' }, { count: 1 }, { text: 1, count: 1 }, { text: 'a', count: '1' }, { text: 'a', count: 1, note: 1 }, {}, null, [], 'a']) {
        expect(S.is(value), JSON.stringify(value)).toBe(false)
      }
    })

    it('a value in decoded form comes back as it came, its fields not validated again', () => {
      const { codec, validated } = countingText()
      const counted = struct('C', { text: codec }, {})
      const value = { text: 'a' }
      expect(rightOf(counted.decode(value))).toBe(value)
      expect(validated()).toBe(0)
    })

    it('a value whose fields decode to themselves comes back as it came, even off the fast path', () => {
      // A codec whose `is` refuses what its validate keeps: the value takes the detailed path.
      const slow = new t.Type<string, string, unknown>('slow', (_u): _u is string => false, (u, c) => t.string.validate(u, c), t.identity)
      const value = { text: 'a' }
      expect(rightOf(struct('Slow', { text: slow }, {}).decode(value))).toBe(value)
    })

    it('a converted value is a copy that adds no key the input lacked', () => {
      const value = { count: '5' }
      const decoded = rightOf(struct('U', { absent: t.unknown, count: NumberFromNumberOrText }, {}).decode(value))
      expect(decoded).not.toBe(value)
      expect(Object.keys(decoded)).toEqual(['count'])
      expect(decoded.count).toBe(5)
    })
  })

  describe('withAliases', () => {
    const A = withAliases({ ALIAS: 'name', OTHER: 'other' }, struct('A', {}, { name: t.string, other: t.string }))

    it('is: a value whose field is only under its alias is not in decoded form', () => {
      for (const value of [{}, { name: 'n' }, { name: 'n', ALIAS: 'a' }, { ALIAS: undefined }, { other: 'o', OTHER: 'p' }]) expect(A.is(value), JSON.stringify(value)).toBe(true)
      for (const value of [{ ALIAS: 'a' }, { ALIAS: 'a', other: 'o' }, { other: 'o', OTHER: 'p', ALIAS: 'a' }, null, 'a', { name: 1 }]) {
        expect(A.is(value), JSON.stringify(value)).toBe(false)
      }
    })

    it('decodes the alias into a plain data property, its own name winning when both are there', () => {
      const value = { ALIAS: 'a' }
      const decoded = rightOf(A.decode(value))
      expect(decoded).toEqual({ ALIAS: 'a', name: 'a' })
      expect(Object.getOwnPropertyDescriptor(decoded, 'name')).toEqual({ value: 'a', writable: true, enumerable: true, configurable: true })
      expect(value).toEqual({ ALIAS: 'a' })
      const both = { name: 'n', ALIAS: 'a' }
      expect(rightOf(A.decode(both))).toBe(both)
      for (const value of [null, 'a', 5]) expect(E.isLeft(A.decode(value))).toBe(true)
    })
  })

  describe('cappedList', () => {
    const list = cappedList(t.string, 'texts')
    const messages = (items: ReadonlyArray<unknown>): ReadonlyArray<string | undefined> => leftOf(list.decode(items)).map((error) => error.message)

    it(`stops at ${String(MAX_ISSUES_PER_LIST)} issues and says how many entries were left unchecked`, () => {
      const bad = (count: number): ReadonlyArray<number> => Array.from({ length: count }, (_, index) => index)
      expect(messages(bad(MAX_ISSUES_PER_LIST))).toHaveLength(MAX_ISSUES_PER_LIST)
      expect(messages(bad(MAX_ISSUES_PER_LIST + 1)).slice(MAX_ISSUES_PER_LIST)).toEqual([`the first ${String(MAX_ISSUES_PER_LIST)} issues of its entries are listed; 1 more entry was not checked`])
      expect(messages(bad(MAX_ISSUES_PER_LIST + 10)).slice(MAX_ISSUES_PER_LIST)).toEqual([`the first ${String(MAX_ISSUES_PER_LIST)} issues of its entries are listed; 10 more entries were not checked`])
      expect(messages([...bad(MAX_ISSUES_PER_LIST - 1), 'ok', 50, 'ok'])).toHaveLength(MAX_ISSUES_PER_LIST + 1)
    })

    it('a list whose entries decode to themselves comes back as it came', () => {
      const items = ['a', 'b']
      expect(rightOf(list.decode(items))).toBe(items)
    })
  })
})
