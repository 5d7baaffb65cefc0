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
import { deepStrictEqual } from 'node:assert/strict'
import { describe, expect, it } from 'vitest'

import { jsonToForm } from '../../src/cli/form.js'
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
