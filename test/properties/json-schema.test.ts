/**
 * The JSON Schemas and deliverykit agree on which bodies are callbacks: Ajv accepts a
 * body exactly when deliverykit gives events for it, catalog codes aside (a body refused
 * only for a status code or channel deliverykit does not know counts as accepted: the
 * schemas do not enumerate them).
 *
 * No generated body is excluded. The differences the frameworks guide lists need a number
 * JSON.parse overflowed to Infinity (JSON.stringify never writes one), a value JSON
 * cannot carry (a bigint), or the same Octopush sender number at the root and in a node
 * (the generators put a sender in one place); test/vendors/json-schema.test.ts shows each. A form
 * is checked against the schemas as a form reads (test/jsonSchemas.ts, asFormSchema: an
 * empty field is an empty list where a list goes).
 */
import { VENDORS, normalizeWebhook, webhookSchema, type Vendor } from 'deliverykit'
import { MasstackDateTime } from 'deliverykit/masstack'
import { MessangiDateTime, MessangiMoCallback } from 'deliverykit/messangi'
import { OctopushDateTime } from 'deliverykit/octopush'
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { strictEqual } from 'node:assert/strict'
import { describe, it } from 'vitest'

import { jsonToForm } from '../../src/cli/form.js'
import { readBody } from '../../src/runtime/rawBody.js'
import { decodingOptions } from '../helpers.js'
import { definitionAccepts, deliverykitAccepts, schemaAccepts, schemaErrors } from '../jsonSchemas.js'
import { anyValidBody, jsonLike, markerEntry, mutatedBody, validBody, type Json } from './arbitraries.js'
import { property } from './harness.js'
import { ok } from './oracle.js'

/**
 * Both sides on the same text, as it would arrive: deliverykit reads it (JSON or form),
 * and Ajv validates what deliverykit's reader made of it. Text no reader makes a value of
 * is outside the schemas, and deliverykit must refuse it.
 */
const agreeOnText = (vendor: Vendor, text: string): void => {
  const accepted = deliverykitAccepts(vendor, text)
  const read = readBody(text)
  if (!read.ok) {
    strictEqual(accepted, false, `deliverykit accepted ${text.slice(0, 200)}, which it cannot read`)
    return
  }
  const encoding = read.form === true ? 'form' : 'json'
  strictEqual(schemaAccepts(vendor, read.value, encoding), accepted, `${vendor}: deliverykit ${accepted ? 'accepts' : 'refuses'} ${text.slice(0, 400)}\n${schemaErrors(vendor, encoding)}\n${describeRefusal(vendor, text)}`)
}

const describeRefusal = (vendor: Vendor, text: string): string => {
  const result = normalizeWebhook(vendor, text, decodingOptions(vendor))
  return E.isLeft(result) ? result.left.issues.map((issue) => issue.message).join('\n') : 'events'
}

/**
 * A body as a form, bracket keys for what nests (`deliveries[0][email]=…`), every value
 * text, an empty list or object an empty field: what a vendor posting
 * `application/x-www-form-urlencoded` sends, as the CLI's `send --form` writes it. A body
 * that is no object (or nests deeper than a form's keys) has no form.
 */
const asForm = (body: Json): string | undefined => {
  const form = jsonToForm(JSON.stringify(body))
  return 'form' in form ? form.form : undefined
}

describe('Ajv and deliverykit agree on accept or reject', () => {
  property('valid bodies of every vendor, channel and code, and the example payloads: both accept', [anyValidBody], ({ vendor, body }) => {
    const text = JSON.stringify(body)
    strictEqual(deliverykitAccepts(vendor, text), true)
    strictEqual(schemaAccepts(vendor, JSON.parse(text)), true, schemaErrors(vendor))
  })

  property('mutated valid bodies (a field dropped, retyped, renamed, duplicated, a status swapped), as sent', [mutatedBody], ({ original, text }) => {
    agreeOnText(original.vendor, text)
  })

  property('mutated valid bodies, through the other vendors\' schemas', [mutatedBody], ({ original, text }) => {
    for (const vendor of VENDORS) if (vendor !== original.vendor) agreeOnText(vendor, text)
  })

  property(
    'valid bodies with fields of other kinds added (a body with the fields of two kinds is refused), through every vendor',
    [anyValidBody, fc.array(markerEntry, { minLength: 1, maxLength: 3 })],
    ({ body }, added) => {
      if (body === null || typeof body !== 'object' || Array.isArray(body)) return
      const text = JSON.stringify(Object.fromEntries([...Object.entries(body), ...added]))
      for (const vendor of VENDORS) agreeOnText(vendor, text)
    },
  )

  property('arbitrary JSON with the vendors\' field names, through every vendor', [jsonLike], (value) => {
    const text = JSON.stringify(value) as string | undefined
    if (text === undefined) return
    for (const vendor of VENDORS) agreeOnText(vendor, text)
  })

  property(
    'a double-encoded body (a JSON string holding a valid body), as text and as the string a framework parsed: Ajv, the Standard Schema and normalizeWebhook all refuse it',
    [anyValidBody, fc.integer({ min: 1, max: 3 })],
    ({ vendor, body }, encodings) => {
      let text = JSON.stringify(body)
      for (let i = 0; i < encodings; i++) text = JSON.stringify(text)
      const parsed: unknown = JSON.parse(text)
      strictEqual(typeof parsed, 'string')
      strictEqual(schemaAccepts(vendor, parsed), false, 'Ajv refuses a string')
      strictEqual(deliverykitAccepts(vendor, text), false, 'normalizeWebhook refuses the text')
      const validated = webhookSchema(vendor, { ...decodingOptions(vendor), unknownStatus: 'keep' })['~standard'].validate(parsed)
      ok(validated.issues !== undefined, 'the Standard Schema refuses the string a framework parsed')
      agreeOnText(vendor, text)
    },
  )

  property('valid and mutated bodies posted as forms (every value text, bracket keys nested, an empty list an empty field)', [fc.oneof(validBody.map((valid) => ({ vendor: valid.vendor, body: valid.body })), mutatedBody.map((mutated) => ({ vendor: mutated.original.vendor, body: mutated.body })))], ({ vendor, body }) => {
    const form = asForm(body)
    if (form !== undefined) agreeOnText(vendor, form)
  })
})

// ---------------------------------------------------------------------------------------
// date-times: each schema's pattern against the codec's own check
// ---------------------------------------------------------------------------------------

const padded = (min: number, max: number, width = 2): fc.Arbitrary<string> => fc.integer({ min, max }).map((n) => String(n).padStart(width, '0'))

/** Mostly a value in range, sometimes one from `edges` (one past the range, zero, …). */
const field = (inRange: fc.Arbitrary<string>, edges: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.oneof({ arbitrary: inRange, weight: 5 }, { arbitrary: edges, weight: 1 })

/**
 * Text near the date-time formats: mostly well formed, with every field sometimes one past
 * its range, leap days of leap and common years, every separator and zone form.
 */
const dateLike: fc.Arbitrary<string> = fc
  .record({
    year: fc.oneof(padded(1, 9999, 4), fc.constantFrom('0000', '0001', '0004', '0100', '0400', '1900', '2000', '2023', '2024', '2100', '9996')),
    month: field(padded(1, 12), padded(0, 13)),
    day: fc.oneof({ arbitrary: padded(1, 28), weight: 3 }, { arbitrary: fc.constantFrom('29', '30', '31'), weight: 2 }, { arbitrary: padded(0, 32), weight: 1 }),
    hour: field(padded(0, 23), padded(0, 24)),
    minute: field(padded(0, 59), padded(0, 60)),
    second: field(padded(0, 59), padded(0, 60)),
    // Octopush's exact format a third of the time, otherwise any separator, fraction and zone.
    rest: fc.oneof(
      fc.constant({ separator: ' ', fraction: '', zone: '' }),
      fc.record({
        separator: fc.constantFrom(' ', 'T', 't', '-T', '-t', '- ', '_'),
        fraction: fc.oneof(fc.constant(''), fc.tuple(fc.constantFrom('.', ','), fc.stringMatching(/^[0-9]{0,10}$/)).map(([mark, digits]) => `${mark}${digits}`)),
        zone: fc.oneof(
          fc.constantFrom('', 'Z', 'z', '+', 'UTC'),
          fc.tuple(fc.constantFrom('+', '-'), field(padded(0, 23), padded(0, 25)), fc.constantFrom(':', ''), field(padded(0, 59), padded(0, 60))).map((parts) => parts.join('')),
        ),
      }),
      fc.record({ separator: fc.constantFrom('T', ' '), fraction: fc.constantFrom('', '.123', ',5', '.123456789'), zone: fc.constantFrom('Z', '+01:00', '-0330', '') }),
    ),
    tail: fc.oneof({ arbitrary: fc.constant(''), weight: 8 }, { arbitrary: fc.constantFrom(' ', '\n', 'x', '0'), weight: 1 }),
  })
  .map(({ year, month, day, hour, minute, second, rest, tail }) => `${year}-${month}-${day}${rest.separator}${hour}:${minute}:${second}${rest.fraction}${rest.zone}${tail}`)

const octopushDateTime = definitionAccepts('octopush', 'dateTime')
const messangiDateTime = definitionAccepts('messangi', 'dateTime')
const messangiInboundDateTime = definitionAccepts('messangi', 'inboundDateTime')
const masstackDateTime = definitionAccepts('masstack', 'dateTime')

describe('each date-time pattern accepts exactly what its codec accepts', () => {
  it('is given both sides: texts each codec accepts and texts it refuses', () => {
    const texts = fc.sample(dateLike, { numRuns: 2_000, seed: 1 })
    for (const is of [OctopushDateTime.is, MessangiDateTime.is, MasstackDateTime.is]) {
      const accepted = texts.filter((text) => is(text)).length
      ok(accepted > 100 && accepted < 1_900, `${String(accepted)} of 2,000 accepted`)
    }
  })

  property('Octopush "YYYY-MM-DD HH:mm:ss", Messangi (with Z or an offset; an inbound date without), Masstack', [dateLike], (text) => {
    strictEqual(octopushDateTime(text), OctopushDateTime.is(text), `Octopush ${text}`)
    strictEqual(messangiDateTime(text), MessangiDateTime.is(text), `Messangi ${text}`)
    strictEqual(messangiInboundDateTime(text), MessangiMoCallback.is({ user: 'u', text: 't', date: text }), `Messangi inbound ${text}`)
    strictEqual(masstackDateTime(text), MasstackDateTime.is(text), `Masstack ${text}`)
  })
})
