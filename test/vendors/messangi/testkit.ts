/**
 * Messangi's rows of the shared tests (test/vendors/testkit.ts says which): its generators
 * of valid bodies and inbound messages, the legacy catalogs its legacy callbacks are read
 * in, its body shapes, its entry points, and what each of its example payloads is and gives.
 */
import { normalize, normalizeInbound, parse, safeParse, type Channel } from 'deliverykit'
import * as messangiEntry from 'deliverykit/messangi'
import { MESSANGI_LEGACY_CATALOGS } from 'deliverykit/messangi'
import fc from 'fast-check'

import { fromSafe, keep } from '../../properties/entry-kit.js'
import { codesOf, moDate, offsetDateTime, optionalFields, text, type ValidBody } from '../../properties/pieces.js'
import type { Testkit } from '../testkit.js'

const MESSANGI_CHANNELS = ['sms', 'email', 'push', 'rcs', 'whatsapp'] as const
const LEGACY_TYPE: Partial<Record<Channel, string>> = { sms: 'SMS', push: 'PUSH', email: 'EMAIL' }
const messangiId = fc.oneof(text, fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }))
const idText = (id: string | number): string => (typeof id === 'number' ? String(id) : id)

const messangi: fc.Arbitrary<ValidBody> = fc
  .constantFrom(...MESSANGI_CHANNELS)
  .chain((channel) =>
    fc.tuple(fc.constant(channel), fc.constantFrom(...codesOf('messangi', channel)), messangiId, text, fc.constantFrom('callback', 'send', 'legacy')),
  )
  .chain(([channel, status, id, to, shape]) => {
    const legacyType = LEGACY_TYPE[channel]
    if (shape === 'legacy' && legacyType !== undefined) {
      // A legacy callback's STATUS is a code of the legacy API's appendix for its TYPE.
      return fc.tuple(optionalFields({ FROM: text, MESSAGE_BODY: text, CLIENT_ID: text }), fc.constantFrom(...Object.keys(MESSANGI_LEGACY_CATALOGS[channel] ?? {}))).map(
        ([extra, legacyStatus]): ValidBody => ({
          vendor: 'messangi',
          body: { TYPE: legacyType, MESSANGI_ID: id, STATUS: legacyStatus, TO: to, ...extra },
          // TYPE names the channel and wins over the option: say another one to show it.
          options: { channel: channel === 'sms' ? 'whatsapp' : 'sms' },
          expected: [{ channel, messageId: idText(id), recipient: to, vendorStatus: legacyStatus, historyLength: 0 }],
        }),
      )
    }
    if (shape === 'send') {
      return fc
        .tuple(optionalFields({ date: offsetDateTime, from: text, text, type: text }), optionalFields({ timestamp: fc.oneof(fc.nat(), text), transactionId: text }))
        .map(
          ([data, meta]): ValidBody => ({
            vendor: 'messangi',
            body: { meta, data: { id, status, to, ...data } },
            options: { channel },
            expected: [{ channel, messageId: idText(id), recipient: to, vendorStatus: status, historyLength: 0 }],
          }),
        )
    }
    return optionalFields({ date: offsetDateTime, externalId: text, campaignId: messangiId, from: text, message: text, username: text, timestamp: fc.oneof(fc.nat(), text) }).map(
      (extra): ValidBody => ({
        vendor: 'messangi',
        body: { id, status, to, ...extra },
        options: { channel },
        expected: [{ channel, messageId: idText(id), recipient: to, vendorStatus: status, historyLength: 0 }],
      }),
    )
  })

export const testkit = {
  vendor: 'messangi',
  validBodies: {
    messangi: { title: 'Messangi status callbacks, send responses and legacy callbacks, every channel and code', arbitrary: messangi },
  },
  interactionBodies: [
    fc
      .tuple(fc.record({ user: messangiId, text }, { noNullPrototype: true }), optionalFields({ date: moDate, origin: text, connection: fc.constantFrom('SMS', 'WHATSAPP'), id: messangiId, externalId: text, processId: messangiId, owner: text, callback: text }))
      .map(([body, extra]) => ({ vendor: 'messangi' as const, body: { ...body, ...extra }, options: { channel: 'sms' } })),
    fc.tuple(fc.record({ FROM: text, TEXT: text }, { noNullPrototype: true }), optionalFields({ TO: text, ENCODING: fc.constant('UTF-8') })).map(([body, extra]) => ({ vendor: 'messangi' as const, body: { TYPE: 'MO_MESSAGE', ...body, ...extra }, options: { channel: 'sms' } })),
    fc
      .tuple(fc.record({ FROM: text, MESSAGE_BODY: text }, { noNullPrototype: true }), optionalFields({ TO: text, CLIENT_ID: text, MESSANGI_ID: messangiId }))
      .map(([body, extra]) => ({ vendor: 'messangi' as const, body: { TYPE: 'FACEBOOK', ...body, ...extra }, options: { channel: 'sms' } })),
    fc.record({ mo: text, mobile: fc.oneof(text, fc.nat()) }, { noNullPrototype: true }).map((body) => ({ vendor: 'messangi' as const, body, options: { channel: 'sms' } })),
  ],
  /** A legacy form callback's codes (its raw has `TYPE` and `MESSANGI_ID`) are the legacy API's. */
  catalogsOf: (raw) => (typeof raw === 'object' && raw !== null && 'TYPE' in raw && 'MESSANGI_ID' in raw ? MESSANGI_LEGACY_CATALOGS : undefined),
  shapes: {
    status: ['id', 'status', 'to', 'date', 'externalId', 'campaignId', 'from', 'message', 'username', 'timestamp', 'callback'],
    send: ['meta', 'data'],
    legacy: ['TYPE', 'MESSANGI_ID', 'STATUS', 'TO', 'FROM', 'MESSAGE_BODY', 'CLIENT_ID'],
    mo: ['user', 'text', 'date', 'origin', 'connection', 'id', 'externalId', 'processId', 'owner', 'callback'],
    legacyMo: ['TYPE', 'FROM', 'TEXT', 'TO', 'ENCODING'],
    legacyFacebook: ['TYPE', 'FROM', 'MESSAGE_BODY', 'TO', 'CLIENT_ID', 'MESSANGI_ID'],
    legacyInbound: ['mo', 'mobile'],
  },
  shapeOf: (body) => ('data' in body ? 'send' : 'TYPE' in body ? 'legacy' : 'status'),
  namesChannels: true,
  entryPoints: [
    { name: "normalize('messangi', sms)", vendor: 'messangi', normalize: (b) => normalize('messangi', b, { channel: 'sms' }), parse: (b) => parse('messangi', b, { channel: 'sms' }) },
    { name: "normalize('messangi', whatsapp, keep)", vendor: 'messangi', normalize: (b) => normalize('messangi', b, { channel: 'whatsapp', ...keep }) },
    { name: "safeParse('messangi', push)", vendor: 'messangi', normalize: (b) => fromSafe(safeParse('messangi', b, { channel: 'push' })) },
    { name: 'messangi.normalize(email)', vendor: 'messangi', normalize: (b) => messangiEntry.normalize(b, { channel: 'email' }), parse: (b) => messangiEntry.parse(b, { channel: 'email' }) },
    { name: 'messangi.normalizeLegacy', vendor: 'messangi', normalize: (b) => messangiEntry.normalizeLegacy(b), parse: (b) => messangiEntry.parseLegacy(b) },
    { name: 'messangi.safeParseLegacy(keep)', vendor: 'messangi', normalize: (b) => fromSafe(messangiEntry.safeParseLegacy(b, keep)) },
  ],
  inboundEntryPoints: [
    { name: "normalizeInbound('messangi')", vendor: 'messangi', normalize: (b: unknown) => normalizeInbound('messangi', b) },
  ],
  detected: {
    'messangi/legacy-email.json': ['delivery', 'Messangi legacy status callback', 'email'],
    'messangi/legacy-sms.json': ['delivery', 'Messangi legacy status callback', 'sms'],
    'messangi/sms/mo.json': ['inbound', 'Messangi inbound (MO) callback', undefined],
    'messangi/sms/mt-callback.json': ['delivery', 'Messangi status callback (the channel must be named)', undefined],
    'messangi/sms/send-response.json': ['delivery', 'Messangi send API response', undefined],
    'messangi/whatsapp/callback.json': ['delivery', 'Messangi status callback (the channel must be named)', undefined],
  },
  routes: [
    // Legacy callbacks are forms, and name their channel in TYPE.
    { file: 'messangi/legacy-email.json', route: '/webhooks/messangi/legacy', form: true, events: [
      ['email', '2758ebc5-0f3c-4b7e-9d7e-3b7b1f0a9c21', 'someone@example.com', 'BOUNCED', 'undeliverable', 'failure'],
    ] },
    { file: 'messangi/legacy-sms.json', route: '/webhooks/messangi/legacy', form: true, events: [
      ['sms', '-8174720676710228700', '584141234567', 'DELIVRD', 'delivered', 'final'],
    ] },
    // Messangi documents no opt-out callback: a STOP is an inbound message, which the default optOutKeywords make an opt-out.
    { file: 'messangi/sms/mo.json', route: '/webhooks/messangi/sms', form: false, events: [], suppressed: [['sms', '+5588999999999', 'opted_out']] },
    { file: 'messangi/sms/mt-callback.json', route: '/webhooks/messangi/sms', form: false, events: [
      ['sms', '0b6f4a52-3c1e-4d8f-9a57-2f1c7e0d9b11', '5588999999999', 'DELIVRD', 'delivered', 'final'],
    ] },
    { file: 'messangi/sms/send-response.json', route: '/webhooks/messangi/sms', form: false, events: [
      ['sms', 'abc123-def456-ghi789', '+5588999999999', 'ACCEPTED', 'accepted', 'transient'],
    ] },
    { file: 'messangi/whatsapp/callback.json', route: '/webhooks/messangi/whatsapp', form: false, events: [
      ['whatsapp', '7d0c2b8e-9f4a-4e61-8b3d-5a6c1e2f3a40', '+5588999999999', 'READ', 'read', 'final'],
    ] },
  ],
  /** What each of its wild fixtures gives (test/vendors/wild-bodies.test.ts): its events' summaries, or the first line of the refusal. */
  wild: {
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
  },
} as const satisfies Testkit
