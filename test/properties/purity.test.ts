import { normalize, type AnyEvent, type NormalizeError } from 'deliverykit'
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { deepStrictEqual, strictEqual } from 'node:assert/strict'

import { describe } from 'vitest'

import { deepFreeze } from '../helpers.js'
import { anyValidBody, jsonLike, mutatedBody, type Json } from './arbitraries.js'
import { ENTRY_POINTS } from './entry-points.js'
import { property } from './harness.js'
import { checkPlainData, ok } from './oracle.js'

type Result = E.Either<NormalizeError, ReadonlyArray<AnyEvent>>

/** A result without the input and raw fields, which are the body itself (compared by identity elsewhere). */
const comparable = (result: Result): unknown =>
  E.isLeft(result) ? { ...result.left, input: undefined } : result.right.map(({ raw: _raw, ...rest }) => rest)

const snapshotOfGlobals = (): string =>
  JSON.stringify([Object.prototype, Array.prototype, Function.prototype, String.prototype].map((proto) => Object.getOwnPropertyNames(proto).sort()))

const GLOBALS = snapshotOfGlobals()

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const

/** Inserts `key: value` as an own property into every object of a JSON tree (through JSON text, as a wire would). */
const withKeyEverywhere = (body: Json, key: string, value: Json): { readonly text: string; readonly body: unknown } => {
  const insert = (node: Json): string => {
    if (node === null || typeof node !== 'object') return JSON.stringify(node)
    if (Array.isArray(node)) return `[${(node as ReadonlyArray<Json>).map(insert).join(',')}]`
    const entries = Object.entries(node).map(([k, v]) => `${JSON.stringify(k)}:${insert(v)}`)
    return `{${[`${JSON.stringify(key)}:${JSON.stringify(value)}`, ...entries].join(',')}}`
  }
  const text = insert(body)
  return { text, body: JSON.parse(text) as unknown }
}

describe('purity', () => {
  property('deep-frozen inputs are never mutated, and give the answer a fresh copy gives', [fc.oneof(anyValidBody.map((b) => b.body), mutatedBody.map((m) => m.body), jsonLike as fc.Arbitrary<Json>)], (body) => {
    const text = JSON.stringify(body)
    const frozen = deepFreeze(JSON.parse(text) as unknown)
    for (const [index, entry] of ENTRY_POINTS.entries()) {
      // A third of the entry points per input, rotating with the input's length.
      if ((index + text.length) % 3 !== 0) continue
      const fromFrozen = entry.normalize(frozen)
      // Writing to a frozen object throws in strict mode: normalize would turn that into an unreadable error.
      deepStrictEqual(comparable(fromFrozen), comparable(entry.normalize(JSON.parse(text))))
      if (E.isLeft(fromFrozen)) ok(fromFrozen.left.input === frozen, 'the error keeps the frozen input')
      else for (const event of fromFrozen.right) checkPlainData(withoutRaw(event))
    }
    strictEqual(JSON.stringify(frozen), text)
  })

  property(
    '__proto__, constructor and prototype keys in every object: nothing global changes, the events are those of the body without them',
    [anyValidBody, fc.constantFrom(...PROTO_KEYS), fc.oneof(jsonLike as fc.Arbitrary<Json>, fc.constant({ polluted: true, status: 'DELIVERED', toString: 'x' }))],
    (valid, key, value) => {
      const { text, body } = withKeyEverywhere(valid.body, key, value)
      const form = new URLSearchParams([[`${key}[polluted]`, 'yes'], [`constructor[prototype][polluted]`, 'yes'], [key, 'x']]).toString()
      for (const [index, entry] of ENTRY_POINTS.entries()) {
        if ((index + text.length) % 3 !== 0) continue
        for (const input of [body, text, `${form}&${new URLSearchParams(Object.entries(typeof valid.body === 'object' && valid.body !== null ? valid.body : {}).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString()}`]) {
          const result = entry.normalize(input)
          if (E.isRight(result)) for (const event of result.right) checkPlainData(withoutRaw(event))
        }
      }
      strictEqual(snapshotOfGlobals(), GLOBALS)
      strictEqual(({} as Record<string, unknown>)['polluted'], undefined)
      strictEqual(Object.prototype.toString.call([]), '[object Array]')
      // A `__proto__` key is data, never a prototype; `constructor` and `prototype` are extra fields: same events, apart from raw.
      const own = (input: unknown) => normalize(valid.vendor as 'octopush', input, valid.options)
      const without = own(valid.body)
      const withKeys = own(body)
      deepStrictEqual(comparable(withKeys), comparable(without))
      if (E.isRight(withKeys)) for (const event of withKeys.right) ok(Object.getPrototypeOf(event.raw) === Object.prototype, 'raw has the plain prototype')
    },
  )
})

function withoutRaw({ raw: _raw, ...rest }: AnyEvent): Omit<AnyEvent, 'raw'> {
  return rest
}
