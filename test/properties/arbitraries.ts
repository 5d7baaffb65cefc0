/**
 * Arbitraries for the property suite: valid bodies of every vendor, channel and code
 * (built from the catalogs, each with the events it must give), junk of every kind, hostile
 * hand-built objects, and mutations of valid bodies.
 */
import * as DELIVERYKIT from 'deliverykit'
import { lookupStatus, VENDORS, type Channel, type ChannelCatalogs, type Vendor } from 'deliverykit'
import { MESSANGI_LEGACY_CATALOGS } from 'deliverykit/messangi'
import fc from 'fast-check'

import { VENDOR_MANIFESTS } from '../../src/options.js'
import { payloadFiles, payloadOptions, payloadText, payloadVendor } from '../webhookRoutes.js'

export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }
// A recursive type needs the index signature.
// eslint-disable-next-line @typescript-eslint/consistent-indexed-object-style, @typescript-eslint/consistent-type-definitions
type JsonObject = { [key: string]: Json }

/** Each vendor's public catalogs: its entry's export that its manifest names (what `deliverykit catalog` prints). */
export const CATALOGS: Readonly<Record<Vendor, ChannelCatalogs>> = Object.fromEntries(
  VENDORS.map((vendor) => [vendor, (DELIVERYKIT[vendor] as Readonly<Record<string, unknown>>)[VENDOR_MANIFESTS[vendor].catalogExports.current] as ChannelCatalogs]),
) as Record<Vendor, ChannelCatalogs>

export const codesOf = (vendor: Vendor, channel: Channel): ReadonlyArray<string> => Object.keys(CATALOGS[vendor][channel] ?? {})

/**
 * The catalogs an event's code is read in: a Messangi legacy form callback's (its raw has
 * `TYPE` and `MESSANGI_ID`) are the legacy API's, every other body's its vendor's.
 */
export const catalogsOf = (vendor: Vendor, raw: unknown): ChannelCatalogs =>
  vendor === 'messangi' && typeof raw === 'object' && raw !== null && 'TYPE' in raw && 'MESSANGI_ID' in raw ? MESSANGI_LEGACY_CATALOGS : CATALOGS[vendor]

/** Every code of every vendor and channel, to swap into another vendor's body. */
export const ALL_CODES: ReadonlyArray<string> = [
  ...new Set(
    (Object.values(CATALOGS) as ReadonlyArray<ChannelCatalogs>).flatMap((catalogs) => Object.values(catalogs).flatMap((catalog) => Object.keys(catalog))),
  ),
]

/** What one event of a generated body must be. */
export interface ExpectedEvent {
  readonly channel: Channel
  readonly messageId: string
  readonly recipient: string
  readonly vendorStatus: string
  readonly historyLength: number
}

/** A generated valid body, how to call normalize on it, and the events it must give. */
export interface ValidBody {
  readonly vendor: Vendor
  readonly body: Json
  readonly options: Readonly<Record<string, string>>
  readonly expected: ReadonlyArray<ExpectedEvent>
}

// ---------------------------------------------------------------------------------------
// pieces
// ---------------------------------------------------------------------------------------

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** A real `YYYY-MM-DD HH:mm:ss`, including daylight-saving changes and leap days. */
const localDateTime = fc
  .record({
    // Mostly years under today's EU rule (arithmetic); one in ten before 1996, which Intl converts.
    year: fc.oneof({ arbitrary: fc.integer({ min: 1996, max: 2099 }), weight: 9 }, { arbitrary: fc.integer({ min: 1900, max: 1995 }), weight: 1 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ year, month, day, hour, minute, second }) => `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`)

/** ISO-8601 with `Z` or an offset, and up to nine fractional digits. */
const offsetDateTime = fc
  .tuple(localDateTime, fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }), fc.constantFrom('Z', '+01:00', '-03:30', '+0200', '+00:00'))
  .map(([local, fraction, zone]) => `${local.replace(' ', 'T')}${fraction === undefined ? '' : `.${fraction}`}${zone}`)

/** Ids and recipients: any text, including empty, unicode and `__proto__`. */
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'toString', ''))
const nonEmptyText = text.filter((s) => s.length > 0)
const digits = fc.stringMatching(/^\+?[0-9]{1,15}$/)
const numericText = fc.oneof(fc.integer({ min: 0, max: 100_000 }).map(String), fc.stringMatching(/^[0-9]{1,6}\.[0-9]{1,4}$/))
const price = fc.oneof(fc.double({ min: 0, max: 10, noNaN: true, noDefaultInfinity: true }), numericText)

/** Optional fields: each present or absent. */
const optionalFields = <T extends Record<string, unknown>>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<Partial<T>> =>
  fc.record(fields, { requiredKeys: [], noNullPrototype: true }) as fc.Arbitrary<Partial<T>>

// ---------------------------------------------------------------------------------------
// Octopush
// ---------------------------------------------------------------------------------------

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
export const asReportedNumber = (number: string): string =>
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

// ---------------------------------------------------------------------------------------
// Messangi
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Masstack
// ---------------------------------------------------------------------------------------

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

/** A valid body of any vendor, channel and code, with the events it must give. */
export const validBody: fc.Arbitrary<ValidBody> = fc.oneof(octopushPhone, octopushEmail, messangi, masstack)

/** Each vendor's generator, for properties that name the vendor. */
export const VALID_BODIES = { octopushPhone, octopushEmail, messangi, masstack } as const

/** The valid bodies shipped in examples/payloads, with the options they need. */
export const EXAMPLE_BODIES: ReadonlyArray<Omit<ValidBody, 'expected'>> = payloadFiles().flatMap((file) => {
  const vendor = payloadVendor(file)
  return vendor === undefined ? [] : [{ vendor, body: JSON.parse(payloadText(file)) as Json, options: payloadOptions(vendor, file) }]
})

// ---------------------------------------------------------------------------------------
// opt-outs and inbound messages
// ---------------------------------------------------------------------------------------

const moDate = fc.oneof(offsetDateTime, localDateTime.map((s) => s.replace(' ', 'T')))

/** An Octopush sender in a node, as a reply handler in the wild reads it: `{ metadata: { number, message_id? } }`, or spelled `meta_data`. */
const senderInNode: fc.Arbitrary<JsonObject> = fc
  .tuple(fc.constantFrom('metadata', 'meta_data'), text, fc.option(text, { nil: undefined }))
  .map(([node, number, messageId]) => ({ [node]: { number, ...(messageId !== undefined && { message_id: messageId }) } }))

/** STOPs and inbound messages of every vendor that sends them, each shape with its optional fields. */
export const interactionBody: fc.Arbitrary<Omit<ValidBody, 'expected'>> = fc.oneof(
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
  fc
    .tuple(fc.record({ user: messangiId, text }, { noNullPrototype: true }), optionalFields({ date: moDate, origin: text, connection: fc.constantFrom('SMS', 'WHATSAPP'), id: messangiId, externalId: text, processId: messangiId, owner: text, callback: text }))
    .map(([body, extra]) => ({ vendor: 'messangi' as const, body: { ...body, ...extra }, options: { channel: 'sms' } })),
  fc.tuple(fc.record({ FROM: text, TEXT: text }, { noNullPrototype: true }), optionalFields({ TO: text, ENCODING: fc.constant('UTF-8') })).map(([body, extra]) => ({ vendor: 'messangi' as const, body: { TYPE: 'MO_MESSAGE', ...body, ...extra }, options: { channel: 'sms' } })),
  fc
    .tuple(fc.record({ FROM: text, MESSAGE_BODY: text }, { noNullPrototype: true }), optionalFields({ TO: text, CLIENT_ID: text, MESSANGI_ID: messangiId }))
    .map(([body, extra]) => ({ vendor: 'messangi' as const, body: { TYPE: 'FACEBOOK', ...body, ...extra }, options: { channel: 'sms' } })),
  fc.record({ mo: text, mobile: fc.oneof(text, fc.nat()) }, { noNullPrototype: true }).map((body) => ({ vendor: 'messangi' as const, body, options: { channel: 'sms' } })),
)

/** A body a vendor's docs could have sent: generated from the catalogs, an opt-out or inbound message, or shipped as an example. */
export const anyValidBody: fc.Arbitrary<Omit<ValidBody, 'expected'>> = fc.oneof(validBody, interactionBody, fc.constantFrom(...EXAMPLE_BODIES))

// ---------------------------------------------------------------------------------------
// junk
// ---------------------------------------------------------------------------------------

/** Any JSON value, with object keys that include the body fields of every vendor. */
const FIELD_NAMES = [
  'channel', 'message_id', 'number', 'status', 'delivery_date', 'deliveries', 'email', 'status_history', 'meta_data', 'unit_price',
  'id', 'to', 'date', 'data', 'meta', 'TYPE', 'MESSANGI_ID', 'STATUS', 'TO', 'commit', 'terminatingNumber', 'destinationEmail',
  'externalId', 'updatedTime', 'errors', 'error', 'stop_date', 'reception_date', 'text', 'metadata', '__proto__', 'constructor', 'prototype',
]
const key = fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 6 }))
const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(...ALL_CODES),
  localDateTime,
  offsetDateTime,
  numericText,
)
export const jsonLike: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
})).value

/** Any JavaScript value fast-check can make, including NaN, -0, undefined, symbols-free objects with null prototypes. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(jsonLike, fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }))

/** Text a framework could hand over: JSON of junk or valid bodies, forms, and anything else. */
export const bodyText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.json(),
  jsonLike.map((v) => JSON.stringify(v)),
  anyValidBody.map((b) => JSON.stringify(b.body)),
  anyValidBody.map((b) => new URLSearchParams(Object.entries(b.body ?? {}).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString()),
  fc.array(fc.tuple(key, fc.string({ maxLength: 8 })), { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${k}[${v}]=${v}`).join('&')),
  fc.tuple(fc.constantFrom('\uFEFF', ' ', '\n', ''), fc.json()).map(([a, b]) => a + b),
)

/** Bytes: random, UTF-8 of text, and text with a byte cut off. */
export const bodyBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  bodyText.map((s) => new TextEncoder().encode(s)),
  bodyText.map((s) => {
    const bytes = new TextEncoder().encode(s)
    return bytes.subarray(0, Math.max(0, bytes.length - 1))
  }),
)

/**
 * Hand-built objects no wire can send but a JavaScript caller can: accessors that throw,
 * revoked and hostile proxies, null prototypes, class instances. Made by a factory in the
 * property, since fast-check itself cannot inspect a revoked proxy.
 */
export const hostileValue: fc.Arbitrary<() => unknown> = fc.oneof(
  fc.constant(() => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    return proxy
  }),
  fc.constant(
    () =>
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('get trap')
          },
          getPrototypeOf: () => {
            throw new Error('getPrototypeOf trap')
          },
          ownKeys: () => {
            throw new Error('ownKeys trap')
          },
          has: () => {
            throw new Error('has trap')
          },
          getOwnPropertyDescriptor: () => {
            throw new Error('getOwnPropertyDescriptor trap')
          },
        },
      ),
  ),
  fc.tuple(anyValidBody, fc.constantFrom('status', 'message_id', 'id', 'data', 'deliveries', 'STATUS', 'to'), fc.nat(5)).map(([valid, field, after]) => () => {
    // An accessor that answers `after` times, then throws: a value that changes under the reader.
    const body = typeof valid.body === 'object' && valid.body !== null && !Array.isArray(valid.body) ? { ...(valid.body as Readonly<Record<string, Json>>) } : {}
    const value = (body as Record<string, unknown>)[field]
    let reads = 0
    return Object.defineProperty(body, field, {
      enumerable: true,
      get: () => {
        if (reads++ >= after) throw new Error(`accessor of ${field} threw`)
        return value
      },
    })
  }),
  fc.constant(() => Object.create(null) as unknown),
  fc.constant(() => new (class Body {
    readonly status = 'DELIVERED'
  })()),
  fc.constant(() => Symbol('body')),
  fc.constant(() => () => 'body'),
  fc.constant(() => 10n ** 30n),
)

// ---------------------------------------------------------------------------------------
// mutations of valid bodies
// ---------------------------------------------------------------------------------------

type Path = ReadonlyArray<string | number>

/** Every path to a value in a JSON tree, root included. */
const pathsOf = (value: Json, at: Path = []): ReadonlyArray<Path> => {
  if (value === null || typeof value !== 'object') return [at]
  const children = Array.isArray(value)
    ? (value as ReadonlyArray<Json>).flatMap((item, i) => pathsOf(item, [...at, i]))
    : Object.entries(value).flatMap(([k, item]) => pathsOf(item, [...at, k]))
  return [at, ...children]
}

/** A copy of a JSON tree with the value at `path` replaced by `change(value)` (undefined drops it). */
const updateAt = (value: Json, path: Path, change: (old: Json, parent: JsonObject | Array<Json>, key: string | number) => void): Json => {
  const copy = JSON.parse(JSON.stringify(value)) as Json
  if (path.length === 0) return copy
  let node = copy as JsonObject | Array<Json>
  for (const step of path.slice(0, -1)) node = (node as Record<string | number, Json>)[step] as JsonObject | Array<Json>
  const last = path.at(-1) ?? ''
  change((node as Record<string | number, Json>)[last] as Json, node, last)
  return copy
}

export type Mutation =
  | { readonly kind: 'drop'; readonly path: Path }
  | { readonly kind: 'retype'; readonly path: Path; readonly value: Json }
  | { readonly kind: 'rename'; readonly path: Path; readonly to: string }
  | { readonly kind: 'duplicate'; readonly key: string; readonly value: Json }
  | { readonly kind: 'swap-status'; readonly path: Path; readonly code: string }
  | { readonly kind: 'add'; readonly key: string; readonly value: Json }

const STATUS_KEYS = new Set(['status', 'STATUS'])

/** The fields that tell one vendor's bodies apart (each kind or family, each channel), to add to a body of another. */
const MARKER_FIELDS = [
  'delivery_date', 'DELIVERY_DATE', 'deliveries', 'stop_date', 'reception_date', 'answer_date', 'channel',
  'data', 'TYPE', 'MESSANGI_ID', 'STATUS', 'mo', 'mobile', 'user', 'status', 'text',
  'commit', 'terminatingNumber', 'destinationEmail', 'errors', 'error', 'id', 'externalId',
] as const

const retypeValue: fc.Arbitrary<Json> = fc.oneof(
  scalar as fc.Arbitrary<Json>,
  fc.constant([]),
  fc.constant({}),
  // Long text, not shrunk character by character (a failure shows the code it was made of).
  fc.constantFrom(...ALL_CODES).map((code) => code.repeat(400)),
  fc.constant('\u00e9'.repeat(5_000)),
  // Numbers at the edges of what a JSON number keeps: 2^53, an integer beyond, a fraction, a negative.
  fc.constantFrom(2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1e21, 0.5, -1),
  // Text at the edges of numeric text: fifteen digits and sixteen, signs, exponents, spaces.
  fc.constantFrom('123456789012345', '1234567890123456', '0.123456789012345', '0.1234567890123456', '-5', '+5', '1e3', ' 5', '5.', '.5', ''),
)

/** The values that mean something in a marker field: every legacy TYPE and channel name of every vendor, and some that none uses. */
const MARKER_WORDS = ['SMS', 'PUSH', 'EMAIL', 'MO_MESSAGE', 'FACEBOOK', 'FAX', 'sms', 'voice_sms', 'rcs', 'whatsapp', 'facebook', 'instagram', 'email', 'Email', 'fax', '']

/** A value for a field of another kind of body (a STOP's stop_date on a receipt, say), null included. */
const markerValue: fc.Arbitrary<Json> = fc.oneof(retypeValue, localDateTime, offsetDateTime, text, fc.constantFrom(...MARKER_WORDS))

/** A marker field of some vendor's body and a value for it, most often one that means something there. */
export const markerEntry: fc.Arbitrary<readonly [string, Json]> = fc.constantFrom(...MARKER_FIELDS).chain((key) => {
  const meaningful = key.toLowerCase().includes('date') ? fc.oneof(localDateTime, offsetDateTime) : key === 'TYPE' || key === 'channel' ? fc.constantFrom(...MARKER_WORDS) : markerValue
  return fc.oneof({ arbitrary: meaningful, weight: 2 }, { arbitrary: markerValue, weight: 1 }).map((value) => [key, value] as const)
})

/** A mutation of one valid body, and the mutated body. */
export const mutatedBody: fc.Arbitrary<{ readonly original: Omit<ValidBody, 'expected'>; readonly mutation: Mutation; readonly body: Json; readonly text: string }> = anyValidBody.chain(
  (original) => {
    const paths = pathsOf(original.body)
    const inner = paths.filter((p) => p.length > 0)
    const statusPaths = inner.filter((p) => STATUS_KEYS.has(String(p[p.length - 1])))
    const topKeys = typeof original.body === 'object' && original.body !== null && !Array.isArray(original.body) ? Object.keys(original.body) : []
    const mutations: Array<fc.Arbitrary<Mutation>> = [fc.record({ kind: fc.constant('retype' as const), path: fc.constantFrom(...paths), value: retypeValue }, { noNullPrototype: true })]
    if (inner.length > 0) {
      mutations.push(fc.record({ kind: fc.constant('drop' as const), path: fc.constantFrom(...inner) }, { noNullPrototype: true }))
      mutations.push(fc.record({ kind: fc.constant('rename' as const), path: fc.constantFrom(...inner), to: fc.oneof(key, fc.constantFrom(...topKeys, 'Status', 'STATUS', 'messageId')) }, { noNullPrototype: true }))
    }
    if (topKeys.length > 0) mutations.push(fc.record({ kind: fc.constant('duplicate' as const), key: fc.constantFrom(...topKeys), value: retypeValue }, { noNullPrototype: true }))
    if (typeof original.body === 'object' && original.body !== null && !Array.isArray(original.body)) {
      mutations.push(markerEntry.map(([key, value]) => ({ kind: 'add' as const, key, value })))
    }
    if (statusPaths.length > 0) {
      mutations.push(fc.record({ kind: fc.constant('swap-status' as const), path: fc.constantFrom(...statusPaths), code: fc.constantFrom(...ALL_CODES) }, { noNullPrototype: true }))
    }
    return fc.oneof(...mutations).map((mutation) => ({ original, mutation, ...apply(original.body, mutation) }))
  },
)

const apply = (body: Json, mutation: Mutation): { readonly body: Json; readonly text: string } => {
  switch (mutation.kind) {
    case 'drop': {
      const result = updateAt(body, mutation.path, (_old, parent, at) => {
        if (Array.isArray(parent)) parent.splice(Number(at), 1)
        else Reflect.deleteProperty(parent, at)
      })
      return { body: result, text: JSON.stringify(result) }
    }
    case 'retype': {
      const result = mutation.path.length === 0 ? mutation.value : updateAt(body, mutation.path, (_old, parent, at) => ((parent as Record<string | number, Json>)[at] = mutation.value))
      return { body: result, text: JSON.stringify(result) }
    }
    case 'rename': {
      const result = updateAt(body, mutation.path, (old, parent, at) => {
        if (Array.isArray(parent)) return
        Reflect.deleteProperty(parent, at)
        Object.defineProperty(parent, mutation.to, { value: old, enumerable: true, writable: true, configurable: true })
      })
      return { body: result, text: JSON.stringify(result) }
    }
    case 'duplicate': {
      // The text carries the key twice, the first time with another value: JSON.parse keeps the last.
      const rest = JSON.stringify(body)
      const text = `{${JSON.stringify(mutation.key)}:${JSON.stringify(mutation.value)},${rest.slice(1)}`
      return { body: JSON.parse(text) as Json, text }
    }
    case 'swap-status': {
      const result = updateAt(body, mutation.path, (_old, parent, at) => ((parent as Record<string | number, Json>)[at] = mutation.code))
      return { body: result, text: JSON.stringify(result) }
    }
    case 'add': {
      const result = updateAt(body, [], () => undefined) as JsonObject
      Object.defineProperty(result, mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true })
      return { body: result, text: JSON.stringify(result) }
    }
  }
}

/** Whether a code is in the catalogs a body is read in ({@link catalogsOf}) for a channel. */
export const knows = (vendor: Vendor, channel: Channel, code: string, body: unknown): boolean => lookupStatus(catalogsOf(vendor, body), channel, code) !== undefined
