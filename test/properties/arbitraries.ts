/**
 * Arbitraries for the property suite: valid bodies of every vendor, channel and code
 * (built from the catalogs, each with the events it must give), junk of every kind, hostile
 * hand-built objects, and mutations of valid bodies.
 */
import { lookupStatus, type Channel, type ChannelCatalogs, type Vendor } from 'deliverykit'
import fc from 'fast-check'

import { testkitOf, TESTKITS } from '../vendors/testkit.js'
import { payloadFiles, payloadOptions, payloadText, payloadVendor } from '../webhookRoutes.js'
import { CATALOGS, localDateTime, offsetDateTime, numericText, text, type Json, type JsonObject, type ValidBody } from './pieces.js'

export { CATALOGS, codesOf, type ExpectedEvent, type Json, type ValidBody } from './pieces.js'

/**
 * The catalogs an event's code is read in: those its vendor's testkit names for its raw (a
 * Messangi legacy form callback's are the legacy API's), else its vendor's.
 */
export const catalogsOf = (vendor: Vendor, raw: unknown): ChannelCatalogs => testkitOf(vendor).catalogsOf?.(raw) ?? CATALOGS[vendor]

/** Every code of every vendor and channel, to swap into another vendor's body. */
export const ALL_CODES: ReadonlyArray<string> = [
  ...new Set(
    (Object.values(CATALOGS) as ReadonlyArray<ChannelCatalogs>).flatMap((catalogs) => Object.values(catalogs).flatMap((catalog) => Object.keys(catalog))),
  ),
]

/** Each vendor's generators of valid bodies, by name (test/vendors/<vendor>/testkit.ts), for properties that name the generator. */
export const VALID_BODIES: Readonly<Record<string, fc.Arbitrary<ValidBody>>> = Object.fromEntries(
  TESTKITS.flatMap((kit) => Object.entries(kit.validBodies).map(([name, { arbitrary }]) => [name, arbitrary])),
)

/** A valid body of any vendor, channel and code, with the events it must give. */
export const validBody: fc.Arbitrary<ValidBody> = fc.oneof(...Object.values(VALID_BODIES))

/** The valid bodies shipped in examples/payloads, with the options they need. */
export const EXAMPLE_BODIES: ReadonlyArray<Omit<ValidBody, 'expected'>> = payloadFiles().flatMap((file) => {
  const vendor = payloadVendor(file)
  return vendor === undefined ? [] : [{ vendor, body: JSON.parse(payloadText(file)) as Json, options: payloadOptions(vendor, file) }]
})

/** STOPs and inbound messages of every vendor that sends them (test/vendors/<vendor>/testkit.ts), each shape with its optional fields. */
export const interactionBody: fc.Arbitrary<Omit<ValidBody, 'expected'>> = fc.oneof(...TESTKITS.flatMap((kit) => kit.interactionBodies ?? []))

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
