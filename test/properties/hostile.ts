/**
 * Hostile values for any argument of any export, and plausible ones to fill the other
 * arguments with so that the hostile one is reached (a known vendor before its options, a
 * valid body before the events are built). Each is made by a named factory: fast-check
 * cannot print or shrink a revoked proxy, and a name says which one failed.
 */
import { normalize, type AnyEvent, type NormalizeError } from 'deliverykit'
import { OCTOPUSH_CATALOGS } from 'deliverykit/octopush'
import { either as E } from 'fp-ts'

import { payload } from '../helpers.js'

const thrower = (what: string) => (): never => {
  throw new Error(`${what} trap`)
}

/** Every trap a Proxy can have, each throwing. */
const THROWING_TRAPS: ProxyHandler<object> = {
  apply: thrower('apply'),
  construct: thrower('construct'),
  defineProperty: thrower('defineProperty'),
  deleteProperty: thrower('deleteProperty'),
  get: thrower('get'),
  getOwnPropertyDescriptor: thrower('getOwnPropertyDescriptor'),
  getPrototypeOf: thrower('getPrototypeOf'),
  has: thrower('has'),
  isExtensible: thrower('isExtensible'),
  ownKeys: thrower('ownKeys'),
  preventExtensions: thrower('preventExtensions'),
  set: thrower('set'),
  setPrototypeOf: thrower('setPrototypeOf'),
}

const revoked = (target: object): object => {
  const { proxy, revoke } = Proxy.revocable(target, {})
  revoke()
  return proxy
}

/** Keys deliverykit reads from options, reports, events, errors, paths and bodies. */
const READ_KEYS = [
  'vendor', 'channel', 'code', 'messageId', 'recipient', 'occurredAt', 'reference', 'cost', 'details', 'raw',
  'timeZone', 'unknownStatus', 'maxBodySize', 'status', 'classification', 'eventId', 'issues', 'kind', 'input',
  'name', 'message', 'error', 'length', 'message_id', 'number', 'delivery_date', 'deliveries', 'id', 'to', 'data',
  'commit', 'TYPE', 'STATUS', 'then', 'toString', 'valueOf', 'toJSON', 'constructor', '0',
] as const

/** An object (or array) whose every key deliverykit might read is an accessor that throws `thrown()`. */
const withThrowingGetters = <T extends object>(target: T, thrown: () => unknown): T => {
  for (const key of [...READ_KEYS, Symbol.toPrimitive, Symbol.iterator, Symbol.toStringTag]) {
    // An array's length cannot become an accessor.
    if (Array.isArray(target) && key === 'length') continue
    Object.defineProperty(target, key, {
      enumerable: typeof key === 'string',
      configurable: true,
      get: () => {
        throw thrown()
      },
    })
  }
  return target
}

const deep = (depth: number): unknown => {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { status: value }
  return value
}

const cyclic = (): object => {
  const value: Record<string, unknown> = { message_id: 'sms_1', status: 'DELIVERED' }
  value['self'] = value
  value['deliveries'] = [value]
  return value
}

const deepFrozen = <A>(value: A): A => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key of Reflect.ownKeys(value)) deepFrozen((value as Record<PropertyKey, unknown>)[key])
  }
  return value
}

// Built once: big, and only read.
const HUGE_TEXT = 'x'.repeat(1 << 20)
const DEEP = deep(100_000)
const EMAIL_TEXT = JSON.stringify(payload('octopush/email.json'))

/** Hostile values by name: each call makes a fresh one. */
export const HOSTILE: Readonly<Record<string, () => unknown>> = {
  'a revoked Proxy': () => revoked({}),
  'a revoked Proxy of an array': () => revoked([]),
  'a revoked Proxy of a function': () => revoked(() => undefined),
  'a Proxy whose every trap throws': () => new Proxy({}, THROWING_TRAPS),
  'a Proxy of an array whose every trap throws': () => new Proxy([], THROWING_TRAPS),
  'a Proxy of a function whose every trap throws': () => new Proxy(() => undefined, THROWING_TRAPS),
  'an object whose accessors throw': () => withThrowingGetters({}, () => new Error('getter')),
  'an array whose accessors throw': () => withThrowingGetters([], () => new Error('getter')),
  'an Error whose accessors throw': () => withThrowingGetters(new Error('x'), () => new Error('getter')),
  'an object whose accessors throw a revoked Proxy': () => withThrowingGetters({}, () => revoked({})),
  'an object whose accessors throw an Error whose accessors throw': () => withThrowingGetters({}, () => withThrowingGetters(new Error('x'), () => 1)),
  'an object whose accessors throw a 1 MB message': () => withThrowingGetters({}, () => new Error(HUGE_TEXT)),
  'an object whose accessors throw a Proxy whose every trap throws': () => withThrowingGetters({}, () => new Proxy({}, THROWING_TRAPS)),
  'a null-prototype object': () => Object.create(null) as object,
  'a null-prototype object with option and body keys': () =>
    Object.assign(Object.create(null) as object, { channel: 'sms', timeZone: 'UTC', message_id: 'm', number: 'n', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }),
  'an object whose toString and valueOf throw': () => ({ toString: thrower('toString'), valueOf: thrower('valueOf'), [Symbol.toPrimitive]: thrower('toPrimitive') }),
  'a symbol': () => Symbol('hostile'),
  'a bigint': () => 10n,
  'a huge bigint': () => 2n ** 4000n,
  'a 1 MB string': () => HUGE_TEXT,
  // JSON.parse takes about 30 ms per 100,000 levels: 10,000 keeps the sweep quick.
  'a string of 10,000 opening brackets': () => '['.repeat(10_000),
  'deep nesting (100,000 levels)': () => DEEP,
  'a cyclic object': cyclic,
  'a deep-frozen valid body': () => deepFrozen(JSON.parse(EMAIL_TEXT) as unknown),
  'a frozen empty array': () => Object.freeze([]),
  'a function': () => () => 'x',
  'a class': () =>
    class Hostile {
      readonly hostile = true
    },
  NaN: () => Number.NaN,
  '-0': () => -0,
  Infinity: () => Number.POSITIVE_INFINITY,
  '-Infinity': () => Number.NEGATIVE_INFINITY,
  'an invalid Date': () => new Date(Number.NaN),
  'a boxed string': () => new String('octopush'),
  'bytes that are not UTF-8': () => Uint8Array.of(0xff, 0xfe, 0xfd),
  'a detached ArrayBuffer': () => detached().buffer,
  'a DataView over a detached ArrayBuffer': () => detached().view,
  'an object with ArrayBuffer.prototype': () => Object.create(ArrayBuffer.prototype) as unknown,
}

/** A buffer holding a valid body and a view over it, the buffer then transferred away: neither has bytes left. */
function detached(): { readonly buffer: ArrayBuffer; readonly view: DataView } {
  const buffer = new TextEncoder().encode(JSON.stringify({ message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED' })).slice().buffer
  const view = new DataView(buffer, 2)
  structuredClone(buffer, { transfer: [buffer] })
  return { buffer, view }
}

const validSms = { message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }

const anEvent = (): AnyEvent => {
  const result = normalize('octopush', validSms)
  if (E.isLeft(result) || result.right[0] === undefined) throw new Error('the plausible event did not decode')
  return result.right[0]
}

const anError = (): NormalizeError => {
  const result = normalize('octopush', { status: 'DELIVERED' })
  if (E.isRight(result)) throw new Error('the plausible error decoded')
  return result.left
}

/** Plausible arguments of the exports, to put around the hostile one. */
export const PLAUSIBLE: ReadonlyArray<() => unknown> = [
  () => undefined,
  () => 'octopush',
  () => 'messangi',
  () => 'masstack',
  () => 'sms',
  () => 'email',
  () => 'DELIVERED',
  () => ({ ...validSms }),
  () => ({ id: 'wa-1', status: 'READ', to: '+5588999999999', date: '2024-01-01T12:00:00.000Z' }),
  () => payload('masstack/record.json'),
  () => ({ channel: 'sms' }),
  () => ({ unknownStatus: 'keep', timeZone: 'UTC' }),
  () => ({ channel: 'sms', code: 'DELIVERED', messageId: 'sms_1', recipient: '+33600000000', occurredAt: '2025-01-22T11:46:06+01:00' }),
  anEvent,
  anError,
  () => OCTOPUSH_CATALOGS,
  () => ['deliveries', 1, 'status'],
]

const octopushSms = (): unknown => ({ ...validSms })
const messangiCallback = (): unknown => ({ id: 'wa-1', status: 'READ', to: '+5588999999999', date: '2024-01-01T12:00:00.000Z' })
const report = (): unknown => ({ channel: 'sms', code: 'DELIVERED', messageId: 'sms_1', recipient: '+33600000000', occurredAt: '2025-01-22T11:46:06+01:00' })

/**
 * Well-formed calls, one per shape of export, for the sweep to put a hostile value into
 * each position of: a vendor, a body and its options; a vendor, a channel and a code; a
 * vendor, a report and options; two events; an error; catalogs, a channel and a code.
 */
export const CANONICAL: ReadonlyArray<ReadonlyArray<() => unknown>> = [
  [() => 'octopush', octopushSms, () => ({ channel: 'sms', unknownStatus: 'keep', timeZone: 'UTC', maxBodySize: 1000 }), () => undefined],
  [() => 'messangi', messangiCallback, () => ({ channel: 'whatsapp' }), () => undefined],
  [octopushSms, () => ({ channel: 'voice', timeZone: 'Europe/Paris' }), () => undefined, () => undefined],
  [messangiCallback, () => ({ channel: 'whatsapp' }), () => undefined, () => undefined],
  [() => 'octopush', () => 'sms', () => 'DELIVERED', () => undefined],
  [() => 'octopush', report, () => ({ unknownStatus: 'keep' }), () => undefined],
  [anEvent, anEvent, () => undefined, () => undefined],
  [anError, () => undefined, () => undefined, () => undefined],
  [() => OCTOPUSH_CATALOGS, () => 'sms', () => 'DELIVERED', () => undefined],
]
