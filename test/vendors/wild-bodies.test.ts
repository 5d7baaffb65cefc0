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

interface Fixture {
  readonly callback: 'delivery' | 'opt_out' | 'inbound'
  readonly channel: string | null
  readonly encoding: 'json' | 'form'
  readonly body?: unknown
  readonly form?: string
}

const FILES: ReadonlyArray<string> = WILD_FILES.map(({ file }) => file)
const fixture = (file: string): Fixture => JSON.parse(wildFixtureText(file)) as Fixture

/** What one event says: [kind, channel, who (recipient or sender), vendor code or text, canonical status (deliveries), occurredAt]. */
type Summary = readonly [string, string, string, string | undefined, string | undefined, string | undefined]

const summary = (event: AnyWebhookEvent): Summary =>
  event.kind === 'delivery'
    ? [event.kind, event.channel, event.recipient, event.vendorStatus, event.status, event.occurredAt]
    : [event.kind, event.channel, event.from, event.text, event.messageId, event.occurredAt]

type Expected = { readonly events: ReadonlyArray<Summary> } | { readonly refused: string }

// Octopush's zone-less times are read in Europe/Paris: UTC+1 in winter, UTC+2 in summer.
const EXPECTED: Readonly<Record<string, Expected>> = {
  // --- Octopush: the vendor's pages ---
  'octopush/readme-sms.json': { events: [['delivery', 'sms', '+33600112233', 'DELIVERED', 'delivered', '2025-01-22T11:46:06+01:00']] },
  'octopush/readme-voice-sms.json': { events: [['delivery', 'voice', '+33600112233', 'DELIVERED', 'delivered', '2025-01-22T12:28:27+01:00']] },
  'octopush/readme-rcs.json': { events: [['delivery', 'rcs', '+33600112233', 'DELIVERED', 'delivered', '2025-01-22T12:29:14+01:00']] },
  'octopush/readme-email.json': {
    events: [
      ['delivery', 'email', 'first.recipient@example.com', 'OPENED', 'read', '2025-01-22T12:24:30+01:00'],
      ['delivery', 'email', 'second.recipient@example.com', 'SPAM_PRESUMPTION', 'unconfirmed', '2025-01-22T12:19:30+01:00'],
    ],
  },
  'octopush/dev-2020-sms-receipt.json': { events: [['delivery', 'sms', '+33600000000', 'DELIVERED', 'delivered', '2020-11-04T11:11:45+01:00']] },
  // No channel, but a voice call's durations (as text): a voice receipt.
  'octopush/dev-2020-voice-receipt-string-durations.json': { events: [['delivery', 'voice', '+44600000000', 'DELIVERED', 'delivered', '2020-11-04T11:11:45+01:00']] },
  'octopush/dev-2020-inbound.json': { events: [['inbound', 'sms', '+44600000000', 'some reply', 'sms_5fa275dbf21dc', '2020-11-04T11:11:45+01:00']] },
  'octopush/dev-2020-opt-out.json': { events: [['opt_out', 'sms', '+33600000000', 'stop', 'sms_5fa275dbf21dc', '2020-11-04T11:11:45+01:00']] },
  // --- Octopush: shapes the sources imply ---
  'octopush/implied-2020-voice-fields-in-meta-data.json': { events: [['delivery', 'voice', '+33600000000', 'DELIVERED', 'delivered', '2020-11-04T11:11:45+01:00']] },
  'octopush/implied-2020-voice-fields-top-level.json': { events: [['delivery', 'voice', '+33600000000', 'DELIVERED', 'delivered', '2020-11-04T11:11:45+01:00']] },
  'octopush/implied-answer-date-inbound.json': { events: [['inbound', 'sms', '+44600000000', 'some reply', 'sms_5fa275dbf21dc', '2020-11-04T11:11:45+01:00']] },
  'octopush/implied-channel-facebook.json': { events: [['delivery', 'facebook', '+33600112233', 'DELIVERED', 'delivered', '2025-01-22T11:46:06+01:00']] },
  'octopush/implied-channel-instagram.json': { events: [['delivery', 'instagram', '+33600112233', 'DELIVERED', 'delivered', '2025-01-22T11:46:06+01:00']] },
  'octopush/implied-channel-whatsapp.json': { events: [['delivery', 'whatsapp', '+33600112233', 'READ', 'read', '2025-01-22T11:46:06+01:00']] },
  'octopush/implied-delivery-date-capitals.json': { events: [['delivery', 'sms', '+33600000000', 'DELIVERED', 'delivered', '2020-11-04T11:11:45+01:00']] },
  'octopush/implied-form-inbound.json': { events: [['inbound', 'sms', '+44600000000', 'some reply', 'sms_5fa275dbf21dc', '2020-11-04T11:11:45+01:00']] },
  'octopush/implied-form-meta-data-empty.json': { events: [['delivery', 'sms', '+33600000000', 'DELIVERED', 'delivered', '2020-11-04T11:11:45+01:00']] },
  'octopush/implied-form-opt-out.json': { events: [['opt_out', 'sms', '+33600000000', 'stop', 'sms_5fa275dbf21dc', '2020-11-04T11:11:45+01:00']] },
  // number=+33600000000 unencoded: the form reads a space, the `+` is given back.
  'octopush/implied-form-plus-not-encoded.json': { events: [['delivery', 'sms', '+33600000000', 'DELIVERED', 'delivered', '2020-11-04T11:11:45+01:00']] },
  'octopush/implied-inbound-message-id-in-meta-data.json': { events: [['inbound', 'sms', '+44600000000', 'some reply', 'sms_5fa275dbf21dc', '2020-11-04T11:11:45+01:00']] },
  'octopush/implied-meta-data-empty-array.json': { events: [['delivery', 'sms', '+33600112233', 'DELIVERED', 'delivered', '2025-01-22T11:46:06+01:00']] },
  // The sender and message id in a `metadata` node, text and date at the root (oui_client's fix).
  'octopush/implied-reply-metadata-node.json': { events: [['inbound', 'sms', '+33600000000', 'OUI', 'sms_5fa275dbf21dc', '2026-03-09T11:30:45+01:00']] },
  'octopush/implied-stop-metadata-node.json': { events: [['opt_out', 'sms', '+33600000000', 'stop', 'sms_5fa275dbf21dc', '2020-11-04T11:11:45+01:00']] },
  // An ISO-8601 instant is that instant, whatever the zone Octopush's zone-less times are read in.
  'octopush/implied-receipt-iso-date-simulation.json': { events: [['delivery', 'sms', '+33612345678', 'DELIVERED', 'delivered', '2026-03-08T17:01:23.000+00:00']] },
  // The octopush-dm.com API: form posts, numbers in 00 notation (reported with +), its own codes.
  'octopush/implied-old-api-receipt-invalid-destination-address.json': { events: [['delivery', 'sms', '+33601010101', 'INVALID_DESTINATION_ADDRESS', 'undeliverable', undefined]] },
  'octopush/implied-old-api-receipt-out-of-date.json': { events: [['delivery', 'sms', '+33601010101', 'OUT_OF_DATE', 'expired', undefined]] },
  'octopush/implied-old-api-inbound-00-number.json': { events: [['inbound', 'sms', '+33601010101', 'Oui', undefined, '2021-06-17T10:00:00+02:00']] },
  'octopush/implied-v1-api-inbound-json.json': { events: [['inbound', 'sms', '+44600000000', 'Oui', undefined, '2020-11-04T11:11:45+01:00']] },
  // --- Octopush: an integrator's own documents ---
  'octopush/oui-client-receipt-form-contract.json': { events: [['delivery', 'sms', '+33600000000', 'DELIVERED', 'delivered', '2026-03-08T18:01:23+01:00']] },
  // --- Octopush: integrations in the wild ---
  'octopush/wpsms-receipt-delivered.json': { events: [['delivery', 'sms', '+33612345678', 'DELIVERED', 'delivered', '2026-04-29T11:11:45+02:00']] },
  'octopush/wpsms-inbound-stop.json': { events: [['inbound', 'sms', '+33612345678', 'STOP', 'sms_5fa275dbf21dc', '2026-04-29T11:11:45+02:00']] },
  'octopush/yuno-receipt-blacklisted-number-without-plus.json': { events: [['delivery', 'sms', '33600112233', 'BLACKLISTED_NUMBER', 'rejected', undefined]] },
  'octopush/yuno-receipt-delivered-no-date.json': { events: [['delivery', 'sms', '+33600112233', 'DELIVERED', 'delivered', undefined]] },
  'octopush/yuno-inbound-national-number.json': { events: [['inbound', 'sms', '0600112233', 'STOP', undefined, undefined]] },
  'octopush/yuno-opt-out-number-and-date-only.json': { events: [['opt_out', 'sms', '+33600112233', undefined, undefined, '2026-10-08T12:00:00+02:00']] },
  'octopush/yuno-opt-out-with-message-id.json': { events: [['opt_out', 'sms', '+33600112233', undefined, 'sms_9', '2026-10-08T12:00:00+02:00']] },
  // wp-sms's tests post receipts with message_id and status alone: an event needs its
  // recipient, and Octopush documents number on every receipt, so they are refused.
  'octopush/wpsms-receipt-ack-no-number.json': { refused: 'number: missing; expected string' },
  'octopush/wpsms-receipt-bad-destination-no-number.json': { refused: 'number: missing; expected string' },
  'octopush/wpsms-receipt-blacklisted-no-number.json': { refused: 'number: missing; expected string' },
  // Bodies the integrations themselves refuse.
  'octopush/rejected-wpsms-empty-array.json': { refused: '(root): expected an Octopush callback (a JSON object), received an array of 0 items' },
  'octopush/rejected-wpsms-inbound-text-only.json': { refused: 'number: missing; expected string' },
  'octopush/rejected-yuno-receipt-no-message-id.json': { refused: 'message_id: missing; expected string' },
  // Yuno refuses a number that is not a phone number; Octopush documents no format for
  // `number`, and deliverykit keeps recipients as the vendor gave them.
  'octopush/rejected-yuno-receipt-number-not-a-phone.json': { events: [['delivery', 'sms', 'pas un numéro', 'DELIVERED', 'delivered', undefined]] },
  // --- Messangi ---
  'messangi/implied-mt-callback-field-table.json': { events: [['delivery', 'sms', '5588999999999', 'DELIVRD', 'delivered', '2024-01-01T12:00:00.000+00:00']] },
  // The pattern Messangi prints, yyyy-mm-dd-Thh:mm:ss.ssZ, with its "-" before the T.
  'messangi/implied-mt-callback-printed-date-pattern.json': { events: [['delivery', 'sms', '5588999999999', 'DELIVRD', 'delivered', '2024-01-01T12:00:00.000+00:00']] },
  'messangi/implied-mt-callback-to-as-number.json': { events: [['delivery', 'sms', '5588999999999', 'DELIVRD', 'delivered', '2024-01-01T12:00:00.000+00:00']] },
  'messangi/implied-whatsapp-callback.json': { events: [['delivery', 'whatsapp', '5588999999999', 'SENT', 'sent', '2024-01-01T12:00:00.000+00:00']] },
  'messangi/weni-send-response-nested-accepted.json': { events: [['delivery', 'sms', '+5588999999999', 'ACCEPTED', 'accepted', '2021-08-17T04:25:38.117+00:00']] },
  // The older flat send response names no recipient: no event can be built from it.
  'messangi/weni-send-response-flat-accepted.json': { refused: 'id: missing; expected id as text' },
  'messangi/weni-send-response-flat-rejected.json': { refused: 'id: missing; expected id as text' },
  // Legacy form callbacks: STATUS read in the legacy API's appendix for the TYPE.
  'messangi/implied-legacy-sms-delivered-to-device.json': { events: [['delivery', 'sms', '13056708084', 'DELIVERED_TO_DEVICE', 'delivered', undefined]] },
  'messangi/implied-legacy-sms-delivered-to-carrier-plus.json': { events: [['delivery', 'sms', '13056708084', 'DELIVERED TO CARRIER', 'sent', undefined]] },
  'messangi/implied-legacy-sms-invalid-routing-spaced.json': { events: [['delivery', 'sms', '13056708084', 'INVALID ROUTING', 'undeliverable', undefined]] },
  'messangi/implied-legacy-email-bounced.json': { events: [['delivery', 'email', 'someone@example.com', 'BOUNCED', 'undeliverable', undefined]] },
  'messangi/implied-legacy-push-sent.json': { events: [['delivery', 'push', '18133210984', 'SENT', 'delivered', undefined]] },
  'messangi/implied-legacy-push-delivered-to-device.json': { events: [['delivery', 'push', 'C626958C-8C17-4C73-AEB4-A0D8F2AA6B95', 'DELIVERED_TO_DEVICE', 'delivered', undefined]] },
  // Inbound messages (Messangi documents no opt-out callback: a STOP is an inbound message, which the default optOutKeywords read as an opt-out; none of these is one).
  'messangi/weni-mo-process-id-text.json': { events: [['inbound', 'sms', '+5588999999999', 'Olá, quero participar', undefined, '2025-05-23T14:30:00+00:00']] },
  'messangi/weni-mo-process-id-number.json': { events: [['inbound', 'sms', '+5588999999999', 'Olá, quero participar', undefined, '2025-05-23T14:30:00+00:00']] },
  'messangi/implied-mo-extra-info-contacts.json': { events: [['inbound', 'sms', '+5588999999999', 'Olá, quero participar', undefined, '2025-05-23T14:30:00+00:00']] },
  // A date without a zone is kept (vendorTime), not guessed: no occurredAt.
  'messangi/implied-mo-date-without-zone.json': { events: [['inbound', 'sms', '+5588999999999', 'Olá, quero participar', undefined, undefined]] },
  'messangi/courier-legacy-mo-form.json': { events: [['inbound', 'sms', '18765422035', 'Msg', undefined, undefined]] },
  'messangi/implied-legacy-mo-message.json': { events: [['inbound', 'sms', '13056708084', 'Hello', undefined, undefined]] },
  'messangi/implied-legacy-facebook-inbound.json': { events: [['inbound', 'facebook', '100000000000001', 'Hello', undefined, undefined]] },
  'messangi/rejected-courier-legacy-mo-missing-mobile.json': { refused: 'mobile: missing; expected string' },
  'messangi/rejected-weni-mo-missing-text.json': { refused: 'text: missing; expected string' },
  'messangi/rejected-weni-mo-missing-user.json': { refused: 'user: missing; expected string' },
  // --- Masstack: its documented error bodies and a non-communication envelope ---
  'masstack/rejected-error-response-errors-array.json': { refused: '(root): a Masstack error response, not communications: "String info error message"' },
  'masstack/rejected-error-response-commit-error.json': { refused: '(root): a Masstack error response, not communications: "String info error message"' },
  'masstack/rejected-envelope-managed-folder.json': { refused: 'data.channel: missing; expected "sms" or "email", or a terminatingNumber (SMS) or destinationEmail (e-mail) to tell it by' },
}

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
