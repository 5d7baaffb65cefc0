/**
 * Masstack's rows of the shared tests (test/vendors/testkit.ts says which): its generator of
 * records, lists and envelopes, its body shapes, its entry points, and what each of its
 * example payloads is and gives. Masstack sends no opt-out or inbound callback.
 */
import { normalize, parse } from 'deliverykit'
import * as masstackEntry from 'deliverykit/masstack'
import fc from 'fast-check'

import { fromSafe, keep } from '../../properties/entry-kit.js'
import { codesOf, digits, localDateTime, nonEmptyText, offsetDateTime, optionalFields, text, type ExpectedEvent, type JsonObject, type ValidBody } from '../../properties/pieces.js'
import type { Testkit } from '../testkit.js'

const casing = (name: string) => fc.constantFrom(name, name.toUpperCase(), `${name.charAt(0).toUpperCase()}${name.slice(1)}`)
const masstackId = fc.oneof(nonEmptyText, fc.nat())

const masstackRecord: fc.Arbitrary<{ readonly record: JsonObject; readonly expected: ExpectedEvent }> = fc
  .constantFrom('sms' as const, 'email' as const)
  .chain((channel) =>
    fc.record({
      channel: fc.constant(channel),
      named: fc.option(casing(channel), { nil: undefined }),
      status: fc.constantFrom(...codesOf('masstack', channel)),
      recipient: channel === 'sms' ? fc.oneof(digits, fc.nat()) : text,
      identity: fc.oneof(
        fc.record({ id: masstackId }, { noNullPrototype: true }),
        fc.record({ externalId: masstackId }, { noNullPrototype: true }),
        fc.record({ id: masstackId, externalId: masstackId }, { noNullPrototype: true }),
      ),
      times: optionalFields({ updatedTime: offsetDateTime, requestTime: fc.oneof(offsetDateTime, localDateTime.map((s) => s.replace(' ', 'T'))), createdTime: offsetDateTime }),
      extra: optionalFields({ clientId: text, type: text, countryCode: digits }),
    }, { noNullPrototype: true }),
  )
  .map(({ channel, named, status, recipient, identity, times, extra }) => {
    const recipientKey = channel === 'sms' ? 'terminatingNumber' : 'destinationEmail'
    const record = { ...(named !== undefined && { channel: named }), status, [recipientKey]: recipient, ...identity, ...times, ...extra } as JsonObject
    const id = 'id' in identity ? identity.id : identity.externalId
    return { record, expected: { channel, messageId: String(id), recipient: String(recipient), vendorStatus: status, historyLength: 0 } }
  })

const masstack: fc.Arbitrary<ValidBody> = fc.oneof(
  masstackRecord.map(({ record, expected }): ValidBody => ({ vendor: 'masstack', body: record, options: {}, expected: [expected] })),
  fc.array(masstackRecord, { maxLength: 10 }).map((records): ValidBody => ({
    vendor: 'masstack',
    body: records.map((r) => r.record),
    options: {},
    expected: records.map((r) => r.expected),
  })),
  fc.tuple(fc.array(masstackRecord, { maxLength: 10 }), fc.boolean(), optionalFields({ commit: text, id: masstackId })).map(([records, list, envelope]): ValidBody => {
    const [first] = records
    const one = !list && first !== undefined
    return {
      vendor: 'masstack',
      body: { ...envelope, data: one ? first.record : records.map((r) => r.record) },
      options: {},
      expected: one ? [first.expected] : records.map((r) => r.expected),
    }
  }),
)

export const testkit = {
  vendor: 'masstack',
  validBodies: {
    masstack: { title: 'Masstack records, lists and envelopes, both channels, every code', arbitrary: masstack },
  },
  shapes: {
    record: ['id', 'externalId', 'channel', 'status', 'terminatingNumber', 'countryCode', 'destinationEmail', 'clientId', 'requestTime', 'createdTime', 'updatedTime'],
    envelope: ['commit', 'id', 'data'],
  },
  shapeOf: (body) => ('data' in body ? 'envelope' : 'record'),
  namesChannels: false,
  entryPoints: [
    { name: "normalize('masstack')", vendor: 'masstack', normalize: (b) => normalize('masstack', b), parse: (b) => parse('masstack', b) },
    { name: "normalize('masstack', keep, UTC)", vendor: 'masstack', normalize: (b) => normalize('masstack', b, { ...keep, timeZone: 'UTC' }) },
    { name: 'masstack.normalize', vendor: 'masstack', normalize: (b) => masstackEntry.normalize(b), parse: (b) => masstackEntry.parse(b) },
    { name: 'masstack.safeParse(keep)', vendor: 'masstack', normalize: (b) => fromSafe(masstackEntry.safeParse(b, keep)) },
  ],
  detected: {
    'masstack/envelope-list.json': ['delivery', 'Masstack Communications API envelope', undefined],
    'masstack/envelope-one.json': ['delivery', 'Masstack Communications API envelope', undefined],
    'masstack/record.json': ['delivery', 'Masstack communication record', 'email'],
  },
  routes: [
    { file: 'masstack/envelope-list.json', route: '/webhooks/masstack', form: false, events: [
      ['sms', '0b6f3c52-4d0e-4a57-9a51-3f1c2d7e8a10', '666123123', 'DELIVERED', 'delivered', 'final'],
      ['email', '5d2a9e71-8c34-4f0b-b6e2-91a7c0f4d3e5', 'customer@example.com', 'OPEN', 'read', 'final'],
      // Masstack's e-mail REJECTED is a temporary rejection (over quota): a soft bounce.
      ['email', 'a41c7f08-2b9d-4e63-8d15-6f0e3b2c9a77', 'full.mailbox@example.com', 'REJECTED', 'undeliverable', 'failure'],
    ] },
    { file: 'masstack/envelope-one.json', route: '/webhooks/masstack', form: false, events: [
      ['sms', 'c3f1e2d4-7b8a-4c9d-8e0f-1a2b3c4d5e6f', '612345678', 'REGISTERED', 'accepted', 'transient'],
    ] },
    // No id: externalId is the message id.
    { file: 'masstack/record.json', route: '/webhooks/masstack', form: false, events: [
      ['email', 'newsletter-2025-01', 'busy.server@example.com', 'DEFERRED', 'deferred', 'transient'],
    ] },
  ],
  /** What each of its wild fixtures gives (test/vendors/wild-bodies.test.ts): its events' summaries, or the first line of the refusal. */
  wild: {
    // --- Masstack: its documented error bodies and a non-communication envelope ---
    'masstack/rejected-error-response-errors-array.json': { refused: '(root): a Masstack error response, not communications: "String info error message"' },
    'masstack/rejected-error-response-commit-error.json': { refused: '(root): a Masstack error response, not communications: "String info error message"' },
    'masstack/rejected-envelope-managed-folder.json': { refused: 'data.channel: missing; expected "sms" or "email", or a terminatingNumber (SMS) or destinationEmail (e-mail) to tell it by' },
  },
} as const satisfies Testkit
