/**
 * Every body in test/fixtures/wild (the vendors' pages, public integrations and their
 * tests, and the shapes those sources imply; each file names its source) through the
 * webhook entry, as an object, JSON text, form text and bytes: the same events each way,
 * written out below from the body and the vendor's words, or the refusal and why.
 */
import { formatError, normalizeWebhook, type AnyWebhookEvent, type NormalizeError, type Vendor } from 'deliverykit'
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'

import { WILD_FILES, wildFixtureText } from '../wildFixtures.js'
import { TESTKITS, type WildExpected, type WildSummary } from './testkit.js'

interface Fixture {
  readonly callback: 'delivery' | 'opt_out' | 'inbound'
  readonly channel: string | null
  readonly encoding: 'json' | 'form'
  readonly body?: unknown
  readonly form?: string
}

const FILES: ReadonlyArray<string> = WILD_FILES.map(({ file }) => file)
const fixture = (file: string): Fixture => JSON.parse(wildFixtureText(file)) as Fixture


const summary = (event: AnyWebhookEvent): WildSummary =>
  event.kind === 'delivery'
    ? [event.kind, event.channel, event.recipient, event.vendorStatus, event.status, event.occurredAt]
    : [event.kind, event.channel, event.from, event.text, event.messageId, event.occurredAt]


/** Each fixture's expectation, from every vendor's testkit (its `wild`). */
const EXPECTED: Readonly<Record<string, WildExpected>> = Object.fromEntries(TESTKITS.flatMap((kit) => Object.entries(kit.wild)))

/** A JSON value as form fields, nested keys in brackets (`meta_data[call_duration]=35`), as PHP and deliverykit read them. */
const formFields = (value: unknown, prefix: string, out: Array<[string, string]>): Array<[string, string]> => {
  if (Array.isArray(value)) value.forEach((item, index) => formFields(item, `${prefix}[${String(index)}]`, out))
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) formFields(item, prefix === '' ? key : `${prefix}[${key}]`, out)
  else out.push([prefix, value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)])
  return out
}

/** The body as each of the four ways a handler can hand it over. */
const encodings = (f: Fixture): ReadonlyArray<readonly [string, unknown]> => {
  if (f.encoding === 'form') {
    const form = f.form ?? ''
    const object = Object.fromEntries(new URLSearchParams(form))
    return [
      ['form text', form],
      ['form bytes', new TextEncoder().encode(form)],
      ['URLSearchParams', new URLSearchParams(form)],
      ['the parsed form as an object', object],
    ]
  }
  const text = JSON.stringify(f.body)
  const ways: Array<readonly [string, unknown]> = [
    ['object', f.body],
    ['JSON text', text],
    ['JSON bytes', new TextEncoder().encode(text)],
  ]
  // A body that is an object travels as a form too (form bodies carry text only).
  if (typeof f.body === 'object' && f.body !== null && !Array.isArray(f.body)) ways.push(['form text', new URLSearchParams(formFields(f.body, '', [])).toString()])
  return ways
}

const vendorOf = (file: string): Vendor => file.slice(0, file.indexOf('/')) as Vendor

const run = (file: string, f: Fixture, body: unknown): E.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>> => {
  const vendor = vendorOf(file)
  // Messangi's status bodies do not name their channel: the URL registered for it does.
  return vendor === 'messangi' ? normalizeWebhook('messangi', body, { channel: f.channel === 'whatsapp' ? 'whatsapp' : 'sms' }) : normalizeWebhook(vendor, body)
}

describe('bodies from the wild', () => {
  it('every fixture has its expectation, and every expectation its fixture', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...FILES].sort())
  })

  for (const file of FILES) {
    const f = fixture(file)
    const expected = EXPECTED[file]
    describe(file, () => {
      for (const [way, body] of encodings(f)) {
        it(`as ${way}`, () => {
          const result = run(file, f, body)
          if (expected === undefined) throw new Error(`no expectation for ${file}`)
          if ('refused' in expected) {
            if (E.isRight(result)) expect.fail(`expected a refusal, got ${JSON.stringify(result.right.map(summary))}`)
            expect(formatError(result.left).split('\n')[0]).toBe(expected.refused)
            return
          }
          if (E.isLeft(result)) expect.fail(formatError(result.left))
          expect(result.right.map(summary)).toEqual(expected.events)
          // The fixture's own description of what it is agrees.
          for (const event of result.right) {
            expect(event.kind).toBe(f.callback)
            if (f.channel !== null) expect(event.channel).toBe(f.channel)
          }
        })
      }
    })
  }
})

describe('what the shapes from the wild carry beyond their summary', () => {
  const body = (file: string): Record<string, unknown> => fixture(file).body as Record<string, unknown>
  const only = (result: E.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>>): AnyWebhookEvent => {
    if (E.isLeft(result)) expect.fail(formatError(result.left))
    const [event] = result.right
    if (event === undefined) expect.fail('no event')
    return event
  }

  it('a 2020 voice receipt’s durations, sent as text, are numbers in details', () => {
    const event = only(normalizeWebhook('octopush', body('octopush/dev-2020-voice-receipt-string-durations.json')))
    expect(event.kind === 'delivery' && event.details).toEqual({ callDurationSeconds: 12, chargedDurationSeconds: 30 })
  })

  it('meta_data as [] (PHP’s json_encode) or as "" (an empty form field) is an empty meta_data', () => {
    const fromArray = only(normalizeWebhook('octopush', body('octopush/implied-meta-data-empty-array.json')))
    expect(fromArray.kind === 'delivery' && fromArray.details).toEqual({ listName: 'List Name' })
    const fromForm = only(normalizeWebhook('octopush', fixture('octopush/implied-form-meta-data-empty.json').form))
    expect(fromForm.kind === 'delivery' && fromForm.details).toEqual({})
  })

  it('DELIVERY_DATE in capitals is the delivery date: its text is the event’s vendorTime', () => {
    expect(only(normalizeWebhook('octopush', body('octopush/implied-delivery-date-capitals.json'))).vendorTime).toBe('2020-11-04 11:11:45')
  })

  it('a Messangi MO date without a zone is kept as sent in vendorTime', () => {
    const event = only(normalizeWebhook('messangi', body('messangi/implied-mo-date-without-zone.json'), { channel: 'sms' }))
    expect([event.vendorTime, 'occurredAt' in event]).toEqual(['2025-05-23T14:30:00', false])
  })

  it('Messangi’s campaignId, "an identifier you can use to uniquely identify the destination address in your systems", is the reference where externalId is missing or empty', () => {
    const whatsapp = body('messangi/implied-whatsapp-callback.json')
    const reference = (b: unknown) => {
      const event = only(normalizeWebhook('messangi', b, { channel: 'whatsapp' }))
      return event.kind === 'delivery' ? event.reference : undefined
    }
    expect(reference(whatsapp)).toBe('my-ref-123')
    expect(reference({ ...whatsapp, externalId: '' })).toBe('campaign-1')
    const { externalId: _externalId, ...withoutExternalId } = whatsapp
    expect(reference(withoutExternalId)).toBe('campaign-1')
  })
})
