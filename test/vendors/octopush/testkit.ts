/**
 * Octopush's rows of the shared tests (test/vendors/testkit.ts says which): its generators
 * of valid bodies, STOPs and replies, its body shapes, its entry points, and what each of its
 * example payloads is and gives.
 */
import { normalize, normalizeInbound, parse, safeParse, type Channel } from 'deliverykit'
import * as octopush from 'deliverykit/octopush'
import fc from 'fast-check'

import { fromSafe, keep } from '../../properties/entry-kit.js'
import { codesOf, localDateTime, numericText, optionalFields, price, text, type JsonObject, type ValidBody } from '../../properties/pieces.js'
import type { Testkit } from '../testkit.js'

const OCTOPUSH_PHONE: ReadonlyArray<readonly [string | undefined, Channel]> = [
  ['sms', 'sms'],
  ['voice_sms', 'voice'],
  ['rcs', 'rcs'],
  ['whatsapp', 'whatsapp'],
  ['facebook', 'facebook'],
  ['instagram', 'instagram'],
  [undefined, 'sms'],
]

const VOICE_FIELDS = ['call_duration', 'charged_duration', 'pressed_keys_code'] as const

/** A 2020-format receipt (no `channel`) with a voice call's fields is a voice call's; any other is SMS. */
const channelOf2020 = (extra: Readonly<Record<string, unknown>>): Channel => {
  const meta = extra['meta_data']
  const inMeta = typeof meta === 'object' && meta !== null ? (meta as Readonly<Record<string, unknown>>) : {}
  return VOICE_FIELDS.some((field) => extra[field] !== undefined || inMeta[field] !== undefined) ? 'voice' : 'sms'
}

/**
 * An Octopush number as events report it, written from the docs: a form whose `+` was not
 * percent-encoded turns it into a space, so a leading space before a digit is read as `+`;
 * `00` international notation (`0033601010101`, 7 to 15 digits after `00`, the first not 0)
 * is reported with `+`.
 */
const asReportedNumber = (number: string): string =>
  /^ [0-9]/.test(number) ? `+${number.slice(1)}` : /^00[1-9][0-9]{6,14}$/.test(number) ? `+${number.slice(2)}` : number

const octopushPhone: fc.Arbitrary<ValidBody> = fc
  .tuple(fc.constantFrom(...OCTOPUSH_PHONE), fc.constantFrom(...codesOf('octopush', 'sms')), text, text, localDateTime)
  .chain(([[wire, channel], status, messageId, number, date]) =>
    optionalFields({
      list_name: text,
      unit_price: price,
      meta_data: optionalFields({ call_duration: numericText, charged_duration: fc.nat(10_000), pressed_keys_code: fc.stringMatching(/^[0-9]{0,6}$/) }),
      pressed_keys_code: fc.stringMatching(/^[0-9]{0,6}$/),
    }).map((extra) => ({
      vendor: 'octopush' as const,
      body: { ...(wire !== undefined && { channel: wire }), message_id: messageId, number, status, delivery_date: date, ...extra },
      options: {},
      expected: [{ channel: wire === undefined ? channelOf2020(extra) : channel, messageId, recipient: asReportedNumber(number), vendorStatus: status, historyLength: 0 }],
    })),
  )

const octopushEmail: fc.Arbitrary<ValidBody> = fc
  .tuple(
    text,
    fc.array(
      fc.record({
        email: text,
        status: fc.constantFrom(...codesOf('octopush', 'email')),
        delivery_date: localDateTime,
        status_history: fc.option(fc.array(fc.record({ status: fc.constantFrom(...codesOf('octopush', 'email')), delivery_date: localDateTime }, { noNullPrototype: true }), { maxLength: 4 }), {
          nil: undefined,
        }),
      }, { noNullPrototype: true }),
      { maxLength: 12 },
    ),
    fc.boolean(),
  )
  .map(([messageId, deliveries, named]) => ({
    vendor: 'octopush' as const,
    body: {
      ...(named && { channel: 'email' }),
      message_id: messageId,
      deliveries: deliveries.map(({ status_history, ...delivery }) => (status_history === undefined ? delivery : { ...delivery, status_history })),
    },
    options: {},
    expected: deliveries.map((delivery) => ({
      channel: 'email' as const,
      messageId,
      recipient: delivery.email,
      vendorStatus: delivery.status,
      historyLength: delivery.status_history?.length ?? 0,
    })),
  }))

/** An Octopush sender in a node, as a reply handler in the wild reads it: `{ metadata: { number, message_id? } }`, or spelled `meta_data`. */
const senderInNode: fc.Arbitrary<JsonObject> = fc
  .tuple(fc.constantFrom('metadata', 'meta_data'), text, fc.option(text, { nil: undefined }))
  .map(([node, number, messageId]) => ({ [node]: { number, ...(messageId !== undefined && { message_id: messageId }) } }))

export const testkit = {
  vendor: 'octopush',
  validBodies: {
    octopushPhone: { title: 'Octopush phone callbacks (SMS, voice SMS, RCS, WhatsApp, 2020 format), every code', arbitrary: octopushPhone },
    octopushEmail: { title: 'Octopush e-mail callbacks with 0-12 recipients and their histories, every code', arbitrary: octopushEmail },
  },
  interactionBodies: [
    fc.tuple(fc.record({ stop_date: localDateTime }, { noNullPrototype: true }), senderInNode, optionalFields({ text })).map(([body, sender, extra]) => ({ vendor: 'octopush' as const, body: { ...body, ...sender, ...extra }, options: {} })),
    fc
      .tuple(fc.record({ text }, { noNullPrototype: true }), fc.oneof(fc.record({ reception_date: localDateTime }, { noNullPrototype: true }), fc.constant({})), senderInNode, optionalFields({ sim_card_number: text }))
      .map(([body, date, sender, extra]) => ({ vendor: 'octopush' as const, body: { ...body, ...date, ...sender, ...extra }, options: {} })),
    fc.tuple(fc.record({ number: text, stop_date: localDateTime }, { noNullPrototype: true }), optionalFields({ text, message_id: text, channel: fc.constantFrom('sms', 'voice_sms', 'whatsapp', 'email') })).map(([body, extra]) => ({ vendor: 'octopush' as const, body: { ...body, ...extra }, options: {} })),
    fc
      .tuple(
        fc.record({ number: text, text }, { noNullPrototype: true }),
        fc.oneof(fc.record({ reception_date: localDateTime }, { noNullPrototype: true }), fc.record({ answer_date: localDateTime }, { noNullPrototype: true }), fc.constant({})),
        optionalFields({ message_id: text, sim_card_number: text, meta_data: fc.oneof(optionalFields({ message_id: text }), fc.constant(''), fc.constant([])) }),
      )
      .map(([body, date, extra]) => ({ vendor: 'octopush' as const, body: { ...body, ...date, ...extra }, options: {} })),
  ],
  shapes: {
    phone: ['channel', 'message_id', 'number', 'status', 'delivery_date', 'DELIVERY_DATE', 'list_name', 'unit_price', 'meta_data', 'pressed_keys_code', 'call_duration', 'charged_duration'],
    email: ['channel', 'message_id', 'deliveries', 'list_name', 'meta_data'],
    stop: ['number', 'text', 'stop_date', 'message_id', 'channel'],
    inbound: ['number', 'text', 'reception_date', 'answer_date', 'message_id', 'sim_card_number', 'meta_data', 'channel'],
  },
  shapeOf: (body) => ('stop_date' in body ? 'stop' : 'reception_date' in body ? 'inbound' : 'deliveries' in body ? 'email' : 'phone'),
  namesChannels: true,
  entryPoints: [
    { name: "normalize('octopush')", vendor: 'octopush', normalize: (b) => normalize('octopush', b), parse: (b) => parse('octopush', b) },
    {
      name: "normalize('octopush', voice, keep, New York)",
      vendor: 'octopush',
      normalize: (b) => normalize('octopush', b, { channel: 'voice', ...keep, timeZone: 'America/New_York' }),
      parse: (b) => parse('octopush', b, { channel: 'voice', ...keep, timeZone: 'America/New_York' }),
    },
    { name: "safeParse('octopush')", vendor: 'octopush', normalize: (b) => fromSafe(safeParse('octopush', b)) },
    { name: 'octopush.normalize', vendor: 'octopush', normalize: (b) => octopush.normalize(b), parse: (b) => octopush.parse(b) },
    { name: 'octopush.safeParse(rcs)', vendor: 'octopush', normalize: (b) => fromSafe(octopush.safeParse(b, { channel: 'rcs' })) },
  ],
  inboundEntryPoints: [
    { name: "normalizeInbound('octopush')", vendor: 'octopush', normalize: (b: unknown) => normalizeInbound('octopush', b) },
    { name: "normalizeInbound('octopush', UTC)", vendor: 'octopush', normalize: (b: unknown) => normalizeInbound('octopush', b, { timeZone: 'UTC' }) },
    { name: 'octopush.normalizeInbound', vendor: 'octopush', normalize: (b: unknown) => octopush.normalizeInbound(b) },
  ],
  detected: {
    'octopush/email.json': ['delivery', 'Octopush e-mail delivery callback', 'email'],
    'octopush/inbound.json': ['inbound', 'Octopush inbound SMS callback', 'sms'],
    'octopush/rcs.json': ['delivery', 'Octopush delivery callback', 'rcs'],
    'octopush/sms-2020.json': ['delivery', 'Octopush delivery callback', 'sms'],
    'octopush/sms.json': ['delivery', 'Octopush delivery callback', 'sms'],
    'octopush/stop.json': ['opt_out', 'Octopush STOP callback', 'sms'],
    'octopush/voice-sms-2020.json': ['delivery', 'Octopush delivery callback', 'voice'],
    'octopush/voice-sms.json': ['delivery', 'Octopush delivery callback', 'voice'],
    'octopush/whatsapp.json': ['delivery', 'Octopush delivery callback', 'whatsapp'],
  },
  routes: [
    { file: 'octopush/email.json', route: '/webhooks/octopush', form: false, events: [
      ['email', 'email_0000000000000000000000', 'first.recipient@example.com', 'OPENED', 'read', 'final'],
      ['email', 'email_0000000000000000000000', 'second.recipient@example.com', 'SPAM_PRESUMPTION', 'unconfirmed', 'failure'],
    ] },
    // One URL receives receipts, STOPs and replies: they are told apart by their fields.
    { file: 'octopush/inbound.json', route: '/webhooks/octopush', form: false, events: [], received: [['sms', '+44600000000', 'some reply']] },
    { file: 'octopush/rcs.json', route: '/webhooks/octopush', form: false, events: [
      ['rcs', 'rcs_0000000000000000000000', '+33600112233', 'DELIVERED', 'delivered', 'final'],
    ] },
    { file: 'octopush/sms-2020.json', route: '/webhooks/octopush', form: false, events: [
      ['sms', 'sms_5fa275dbf21dc', '+33600000000', 'DELIVERED', 'delivered', 'final'],
    ] },
    { file: 'octopush/sms.json', route: '/webhooks/octopush', form: false, events: [
      ['sms', 'sms_0000000000000000000000', '+33600112233', 'DELIVERED', 'delivered', 'final'],
    ] },
    { file: 'octopush/stop.json', route: '/webhooks/octopush', form: false, events: [], suppressed: [['sms', '+33600000000', 'opted_out']] },
    // The older voice format names no channel: its call durations say voice. Posted as a form.
    { file: 'octopush/voice-sms-2020.json', route: '/webhooks/octopush', form: true, events: [
      ['voice', 'voice_5fa275dbf21dc', '+33600000000', 'NOT_DELIVERED', 'undeliverable', 'failure'],
    ] },
    { file: 'octopush/voice-sms.json', route: '/webhooks/octopush', form: false, events: [
      ['voice', 'voice_0000000000000000000000', '+33600112233', 'DELIVERED', 'delivered', 'final'],
    ] },
    { file: 'octopush/whatsapp.json', route: '/webhooks/octopush', form: false, events: [
      ['whatsapp', 'whatsapp_0000000000000000000000', '+33600112233', 'READ', 'read', 'final'],
    ] },
  ],
  /** What each of its wild fixtures gives (test/vendors/wild-bodies.test.ts): its events' summaries, or the first line of the refusal. */
  wild: {
    // Octopush's zone-less times are read in Europe/Paris: UTC+1 in winter, UTC+2 in summer.
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
  },
} as const satisfies Testkit
