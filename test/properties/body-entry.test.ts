/**
 * How a body enters the library (src/runtime/rawBody.ts, src/runtime/snapshot.ts): one
 * reader for every encoding, which reads the caller's input once and never holds, changes
 * or freezes anything of the caller's.
 *
 * - Any valid body in any encoding (an object, one of counting accessors, a Proxy, an
 *   object spoofing `Symbol.toStringTag`, JSON text, bytes, with a byte-order mark) gives
 *   the same events; each property is read exactly once; the input is as it was and
 *   nothing of it is frozen.
 * - A class instance, a Date, a Map, a function or a cycle anywhere in a body is refused
 *   with its path, wherever it is, and nothing of the caller's is frozen.
 * - The same form gives the same answer as text, bytes or `URLSearchParams`, whatever
 *   spaces surround it.
 * - Byte-order marks are read by one rule for strings and bytes.
 */
import { detectVendor, normalizeWebhook, webhookSchema, type AnyWebhookEvent, type NormalizeError } from 'deliverykit'
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { deepStrictEqual, strictEqual } from 'node:assert/strict'
import { isDeepStrictEqual } from 'node:util'
import { describe } from 'vitest'

import { anyValidBody, mutatedBody, type Json } from './arbitraries.js'
import { property } from './harness.js'
import { ok } from './oracle.js'

type Result = E.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>>
interface Valid {
  readonly vendor: string
  readonly body: Json
  readonly options?: object
}

/** The webhook entry with the body's own options, where it reads everything that vendor sends. */
const run = (valid: Valid, input: unknown): Result => normalizeWebhook(valid.vendor as 'octopush', input, valid.options as undefined)

/** The same through the Standard Schema, as a framework calls it. */
const viaSchema = (valid: Valid, input: unknown): Result => {
  const result = webhookSchema(valid.vendor as 'octopush', valid.options as undefined)['~standard'].validate(input)
  return result.issues === undefined ? E.right(result.value) : E.left({ kind: 'invalid_body', vendor: 'octopush', issues: [{ code: 'unreadable', path: [], message: result.issues.map((issue) => issue.message).join('\n') }], input })
}

/** A result to compare across encodings: events as JSON (raw included), an error without its input. */
const comparable = (result: Result): unknown => (E.isLeft(result) ? { ...result.left, input: undefined } : JSON.parse(JSON.stringify(result.right)))

/** A body rebuilt with every property an own enumerable getter that counts its reads, and every object it made. */
const withAccessors = (body: Json): { readonly input: unknown; readonly reads: Array<number>; readonly objects: Array<object> } => {
  const reads: Array<number> = []
  const objects: Array<object> = []
  const build = (value: Json): unknown => {
    if (value === null || typeof value !== 'object') return value
    const target: object = Array.isArray(value) ? [] : {}
    objects.push(target)
    for (const [key, item] of Object.entries(value)) {
      const index = reads.push(0) - 1
      const built = build(item)
      Object.defineProperty(target, key, {
        enumerable: true,
        configurable: true,
        get: () => {
          reads[index] = (reads[index] ?? 0) + 1
          return built
        },
      })
    }
    return target
  }
  return { input: build(body), reads, objects }
}

/** A body as Proxies that count their `get` traps, by property. */
const withProxies = (body: Json): { readonly input: unknown; readonly reads: Map<string, number> } => {
  const reads = new Map<string, number>()
  const build = (value: Json, at: string): unknown => {
    if (value === null || typeof value !== 'object') return value
    const target: Record<string, unknown> = Array.isArray(value) ? ([] as unknown as Record<string, unknown>) : {}
    for (const [key, item] of Object.entries(value)) Object.defineProperty(target, key, { value: build(item, `${at}/${key}`), enumerable: true, writable: true, configurable: true })
    return new Proxy(target, {
      get: (object, key, receiver) => {
        if (typeof key === 'string') reads.set(`${at}/${key}`, (reads.get(`${at}/${key}`) ?? 0) + 1)
        return Reflect.get(object, key, receiver) as unknown
      },
    })
  }
  return { input: build(body, ''), reads }
}

const everyObject = (value: unknown, seen = new Set<unknown>()): ReadonlyArray<object> => {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return []
  seen.add(value)
  return [value, ...Object.values(value).flatMap((item) => everyObject(item, seen))]
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('one reader for every body', () => {
  property(
    'any body in any encoding gives the same answer; each property is read exactly once; the input is untouched and not frozen',
    [fc.oneof(anyValidBody.map((valid): Valid => valid), mutatedBody.map((mutated): Valid => ({ ...mutated.original, body: mutated.body })))],
    (valid) => {
      // A string body is text, not an object to encode (the form and mark properties below cover text).
      if (valid.body === null || typeof valid.body !== 'object') return
      const text = JSON.stringify(valid.body)
      const plain = JSON.parse(text) as Json
      const expected = comparable(run(valid, plain))
      strictEqual(JSON.stringify(plain), text, 'the plain object is as it was')
      for (const object of everyObject(plain)) ok(!Object.isFrozen(object), 'no object of the caller’s is frozen')

      for (const [name, input] of [
        ['JSON text', text],
        ['JSON text after a byte-order mark', `\uFEFF${text}`],
        ['bytes', encode(text)],
        ['bytes after a byte-order mark', encode(`\uFEFF${text}`)],
        ['an object spoofing Symbol.toStringTag', Object.defineProperty(JSON.parse(text) as object, Symbol.toStringTag, { value: 'URLSearchParams' })],
      ] as const) {
        deepStrictEqual(comparable(run(valid, input)), expected, name)
      }

      for (const entry of [run, viaSchema]) {
        const accessors = withAccessors(plain)
        const result = entry(valid, accessors.input)
        ok(accessors.reads.every((count) => count === 1), `every getter is read once, not ${accessors.reads.join(',')}`)
        for (const object of accessors.objects) ok(!Object.isFrozen(object), 'no object of the caller’s is frozen')
        if (entry === run) deepStrictEqual(comparable(result), expected, 'accessors')
        if (E.isRight(result)) ok(!everyObject(result.right).some((object) => accessors.objects.includes(object)), 'the events hold no object of the caller’s')
      }
      const proxies = withProxies(plain)
      deepStrictEqual(comparable(run(valid, proxies.input)), expected, 'proxies')
      ok([...proxies.reads.values()].every((count) => count === 1), 'each property of a Proxy is read once')
      // detectVendor reads a body once too.
      const detected = withAccessors(plain)
      detectVendor(detected.input)
      ok(detected.reads.every((count) => count === 1), 'detectVendor reads every getter once')
    },
  )
})

class Dto {
  status = 'DELIVERED'
}

const aFunction = (): string => 'x'

/** What a caller may put in a body that is not JSON data, each built fresh (a function is one, compared by identity). */
const INTRUDERS: Readonly<Record<string, (root: object) => unknown>> = {
  'a Date': () => new Date(0),
  'a class instance (a NestJS DTO)': () => new Dto(),
  'a Map': () => new Map([['a', 1]]),
  'a function': () => aFunction,
  'a boxed number': () => Object(1) as object,
  'a cycle to the root': (root) => root,
}

describe('what is not JSON data is refused, with its path', () => {
  property(
    'a Date, a class instance, a Map, a function, a boxed value or a cycle anywhere in a body: invalid_body at its path; nothing of the caller’s changed or frozen',
    [anyValidBody, fc.constantFrom(...Object.keys(INTRUDERS)), fc.nat(), fc.constantFrom('x_extra', '__proto__', 'status')],
    (valid, intruder, choice, key) => {
      const build = () => {
        const body = JSON.parse(JSON.stringify(valid.body)) as Record<string, unknown>
        // An object of the body, and its path: the body itself, or one it nests.
        const places: Array<{ readonly object: Record<string, unknown>; readonly path: ReadonlyArray<string | number> }> = []
        const visit = (value: unknown, path: ReadonlyArray<string | number>): void => {
          if (value === null || typeof value !== 'object') return
          if (!Array.isArray(value)) places.push({ object: value as Record<string, unknown>, path })
          for (const [name, item] of Object.entries(value)) visit(item, [...path, Array.isArray(value) ? Number(name) : name])
        }
        visit(body, [])
        const place = places[choice % places.length]
        if (place === undefined) return undefined
        Object.defineProperty(place.object, key, { value: (INTRUDERS[intruder] ?? (() => undefined))(body), enumerable: true, writable: true, configurable: true })
        return { body, path: [...place.path, key] }
      }
      const given = build()
      const twin = build()
      if (given === undefined || twin === undefined) return
      for (const result of [run(valid, given.body), viaSchema(valid, given.body)]) {
        ok(E.isLeft(result), `${intruder} is refused`)
        if (result.left.kind === 'invalid_body' && result.left.issues[0].code !== 'unreadable') deepStrictEqual(result.left.issues[0].path, given.path)
        if (result.left.kind === 'invalid_body' && result.left.issues[0].code === 'unreadable') ok(result.left.issues[0].message.includes(`received`), 'the schema gives the message')
      }
      ok(isDeepStrictEqual(given.body, twin.body), 'the input is as it was')
      for (const object of everyObject(given.body)) ok(!Object.isFrozen(object), 'no object of the caller’s is frozen')
    },
  )

  property('a class instance as the body is refused at the root, and none of its getters is read', [anyValidBody], (valid) => {
    let reads = 0
    class Dto {
      constructor(fields: object) {
        Object.assign(this, fields)
      }
      get extra(): string {
        reads++
        return 'read'
      }
    }
    const result = run(valid, new Dto(JSON.parse(JSON.stringify(valid.body)) as object))
    ok(E.isLeft(result) && result.left.kind === 'invalid_body', 'refused')
    deepStrictEqual(result.left.issues.map(({ code, path }) => [code, path]), [['invalid_type', []]])
    strictEqual(reads, 0)
  })
})

/** Spaces a form may arrive with, before or after it. */
const spaces = fc.stringMatching(/^[ \t\r\n]{0,3}$/)

/** A body as a form, bracket keys for what nests, every value text. */
const asForm = (body: Json): string => {
  const pairs: Array<[string, string]> = []
  const walk = (value: Json, key: string): void => {
    if (value !== null && typeof value === 'object') {
      const entries: ReadonlyArray<readonly [string, Json]> = Array.isArray(value) ? value.map((item: Json, index) => [String(index), item] as const) : Object.entries(value)
      for (const [name, item] of entries) walk(item, key === '' ? name : `${key}[${name}]`)
    } else pairs.push([key, value === null ? '' : String(value)])
  }
  walk(body, '')
  return new URLSearchParams(pairs).toString()
}

describe('forms and byte-order marks: one rule whatever the encoding', () => {
  property(
    'a form gives the same answer as text, bytes and URLSearchParams, whatever spaces surround it',
    [fc.oneof(anyValidBody.map((valid): Valid => valid), mutatedBody.map((mutated): Valid => ({ ...mutated.original, body: mutated.body }))), spaces, spaces],
    (valid, before, after) => {
      const form = `${before}${asForm(valid.body)}${after}`
      // Only text read as a form: JSON text starts with {, [ or " after spaces.
      if (!form.includes('=') || /^[ \t\r\n]*[{["]/.test(form)) return
      const expected = comparable(run(valid, form))
      deepStrictEqual(comparable(run(valid, new URLSearchParams(form))), expected, 'URLSearchParams')
      deepStrictEqual(comparable(run(valid, encode(form))), expected, 'bytes')
    },
  )

  property(
    'any number of byte-order marks: a string and its UTF-8 bytes give the same answer, and only one mark is skipped',
    [anyValidBody, fc.integer({ min: 0, max: 3 }), fc.boolean()],
    (valid, marks, asFormText) => {
      const body = asFormText ? asForm(valid.body) : JSON.stringify(valid.body)
      const text = `${'\uFEFF'.repeat(marks)}${body}`
      const fromText = run(valid, text)
      deepStrictEqual(comparable(run(valid, encode(text))), comparable(fromText), 'bytes')
      if (marks <= 1) deepStrictEqual(comparable(fromText), comparable(run(valid, body)), 'one mark is not part of the body')
      // A second mark is part of the body: JSON text cannot start with it, a form's first key
      // does. Text without `=` is read as JSON (src/runtime/rawBody.ts), so an empty form (the
      // form of an empty list) after a second mark is refused as JSON, not read as a form.
      else if (asFormText && body.includes('=')) deepStrictEqual(comparable(fromText), comparable(run(valid, new URLSearchParams(text.slice(1)))), 'the rest is a form')
      else ok(E.isLeft(fromText), 'JSON text, or text without =, after a second mark is refused')
    },
  )
})
