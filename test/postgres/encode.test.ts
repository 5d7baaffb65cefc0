/**
 * The pure pieces of deliverykit/postgres: the key of `advance`'s order, the text escape,
 * the UTF-16BE bytes that sort as JavaScript sorts strings, and JSON that keeps `-0`.
 */
import { readFileSync, readdirSync } from 'node:fs'

import { advance, type AnyEvent } from 'deliverykit'
import { postgresText, recordEvent } from 'deliverykit/postgres'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'

import { jsonText, jsonTextWritten, utf16be } from '../../src/postgres/encode.js'
import { precedenceKey, type PrecedenceKey } from '../../src/model/precedence.js'
import { SEED, anyText, eventSet } from './events.js'

const RUNS = 1000

/** Byte-wise order, a prefix first: PostgreSQL's order of `bytea`. */
const compareBytes = (a: Uint8Array, b: Uint8Array): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0)
  return a.length - b.length
}

/** The inverse of postgresText, written from its documentation. */
const unescape = (text: string): string =>
  text.replace(/\uFFFD(0|!|d[0-9a-f]{3})/g, (_, tag: string) => (tag === '0' ? '\u0000' : tag === '!' ? '\uFFFD' : String.fromCharCode(parseInt(tag, 16))))

/** Whether a string survives UTF-8 (no lone surrogate). */
const isWellFormed = (text: string): boolean => new TextDecoder().decode(new TextEncoder().encode(text)) === text

const lexicographic = (a: PrecedenceKey, b: PrecedenceKey): number =>
  Math.sign(a.rank - b.rank) ||
  Math.sign(a.instantMs === b.instantMs ? 0 : a.instantMs - b.instantMs) ||
  Math.sign(a.statusOrder - b.statusOrder) ||
  Math.sign(compareBytes(utf16be(a.eventId), utf16be(b.eventId))) ||
  Math.sign(compareBytes(utf16be(a.channel), utf16be(b.channel)))

describe('precedenceKey', () => {
  it('compared part by part, as PostgreSQL compares the row, it is exactly advance’s order (property)', () => {
    // Pairs from one set, plus pairs that share an eventId or differ only in channel.
    const pairs = eventSet(6).chain((events) =>
      fc.tuple(fc.constantFrom(...events), fc.constantFrom(...events), anyText, fc.boolean()).map(([a, b, channel, sameId]): readonly [AnyEvent, AnyEvent] => {
        const other = { ...b, ...(sameId && { eventId: a.eventId }), ...(channel !== '' && { channel: channel as AnyEvent['channel'] }) }
        return [a, other]
      }),
    )
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const order = lexicographic(precedenceKey(a), precedenceKey(b))
        // advance(current, incoming) takes incoming only when it is strictly greater.
        expect(advance(b, a) === a).toBe(order > 0)
        expect(advance(a, b) === b).toBe(order < 0)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  })

  it('counts an absent or unreadable time as earliest, and time to the millisecond', () => {
    const [event] = fc.sample(eventSet(1), { seed: SEED, numRuns: 1 })[0] ?? []
    if (event === undefined) throw new Error('no event')
    expect(precedenceKey({ ...event, occurredAt: '2025-01-22T11:00:00.0009+01:00' }).instantMs).toBe(Date.UTC(2025, 0, 22, 10))
    expect(precedenceKey({ ...event, occurredAt: 'yesterday' }).instantMs).toBe(Number.NEGATIVE_INFINITY)
    const { occurredAt: _absent, ...timeless } = event
    expect(precedenceKey(timeless).instantMs).toBe(Number.NEGATIVE_INFINITY)
  })
})

describe('utf16be', () => {
  it('orders bytes exactly as JavaScript orders the strings, astral characters, NUL and lone surrogates included (property)', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        expect(Math.sign(compareBytes(utf16be(a), utf16be(b)))).toBe(a < b ? -1 : a > b ? 1 : 0)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  })

  it('is JavaScript’s order, not code-point order', () => {
    // U+FFFF is one unit, U+10000 is two starting at 0xD800: JavaScript puts U+10000 first.
    const [astral, last]: ReadonlyArray<string> = ['\u{10000}', '\uFFFF']
    expect(astral !== undefined && last !== undefined && astral < last).toBe(true)
    expect(compareBytes(utf16be('\u{10000}'), utf16be('\uFFFF'))).toBeLessThan(0)
    expect([...utf16be('a\u{1F600}')]).toEqual([0x00, 0x61, 0xd8, 0x3d, 0xde, 0x00])
  })
})

describe('postgresText', () => {
  it('is the identity on text PostgreSQL can hold that has no U+FFFD', () => {
    for (const text of ['', '+33600112233', 'a@example.com', 'sms_0000000000000000000000', 'é😀中', '\uE000\uFFFF']) expect(postgresText(text)).toBe(text)
  })

  it('escapes NUL, lone surrogates and U+FFFD', () => {
    expect(postgresText('a\u0000b')).toBe('a\uFFFD0b')
    expect(postgresText('\uD800x\uDFFF')).toBe('\uFFFDd800x\uFFFDdfff')
    expect(postgresText('\uFFFD')).toBe('\uFFFD!')
    expect(postgresText('\uD83D\uDE00\uDE00')).toBe('\uD83D\uDE00\uFFFDde00')
  })

  it('gives text PostgreSQL can hold, and is one-to-one: the escape undoes (property)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const stored = postgresText(text)
        expect(stored.includes('\u0000')).toBe(false)
        expect(isWellFormed(stored)).toBe(true)
        expect(unescape(stored)).toBe(text)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  })
})

describe('jsonText', () => {
  it('keeps -0, which JSON.parse reads back', () => {
    expect(jsonText({ a: -0, b: [-0, 0], c: { d: -0 } })).toBe('{"a":-0,"b":[-0,0],"c":{"d":-0}}')
    expect(Object.is((JSON.parse(jsonText([-0])) as ReadonlyArray<number>)[0], -0)).toBe(true)
    expect(jsonText(-0)).toBe('-0')
  })

  it('keeps -0 in an object without a prototype too, as form bodies are read', () => {
    expect(jsonText(Object.assign(Object.create(null) as object, { a: -0, b: 'x' }))).toBe('{"a":-0,"b":"x"}')
  })

  it('writes null for what JSON.stringify gives no text for, as a value of its own', () => {
    expect([jsonText(undefined), jsonText(() => 1), jsonText(Symbol('s'))]).toEqual(['null', 'null', 'null'])
  })

  it('round-trips JSON values, -0 included, deep-equal (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(jsonText(value))).toEqual(value)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  })

  it('writes what JSON.stringify writes for anything without -0 (property)', () => {
    let negativeZero = false
    const noNegativeZero = (value: unknown): boolean => {
      negativeZero = false
      JSON.stringify(value, (_key, v: unknown) => {
        if (Object.is(v, -0)) negativeZero = true
        return v
      })
      return !negativeZero
    }
    fc.assert(
      fc.property(fc.anything({ withDate: true, withMap: true, withSet: true, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withTypedArray: true }).filter(noNegativeZero), (value) => {
        // JSON.stringify gives undefined for undefined, a function or a symbol.
        expect(jsonText(value)).toBe((JSON.stringify(value) as string | undefined) ?? 'null')
      }),
      { seed: SEED, numRuns: RUNS },
    )
  })

  it('writes, through its fast path, exactly what its own writer writes: -0, bigints, toJSON and boxed values included (property)', () => {
    const leaves = [fc.constant(-0), fc.constant(0), fc.bigInt(), fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.oneof(fc.constant(-0), fc.bigInt(), fc.string()).map((inner) => ({ toJSON: () => inner }))]
    const anything = fc.anything({ values: leaves, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withTypedArray: true, withBigInt: true })
    fc.assert(
      fc.property(anything, (value) => {
        expect(jsonText(value)).toBe(jsonTextWritten(value))
      }),
      { seed: SEED, numRuns: RUNS },
    )
    // Deeper than the fast path looks: the writer decides, and keeps the -0 at the bottom.
    const deep = Array.from({ length: 100 }).reduce<unknown>((inner) => [inner], [-0])
    expect(jsonText(deep)).toBe(`${'['.repeat(101)}-0${']'.repeat(101)}`)
  })

  it('takes the fast path only where JSON.stringify writes the same: events as decoded', () => {
    const [events] = fc.sample(eventSet(8), { seed: SEED, numRuns: 1 })
    for (const event of events ?? []) expect(jsonText(event)).toBe(JSON.stringify(event))
    expect(jsonText({ a: [1, { b: -0 }] })).toBe('{"a":[1,{"b":-0}]}')
    expect(jsonText({ a: 2n ** 70n })).toBe('{"a":1180591620717411303424}')
    expect(jsonText({ a: { toJSON: () => -0 } })).toBe('{"a":-0}')
    // A boxed bigint, which JSON.stringify refuses: the writer writes its digits.
    expect(jsonText({ a: Object(5n) as object })).toBe('{"a":5}')
  })

  it('calls toJSON with the key, as JSON.stringify does', () => {
    const value = { at: new Date(0), custom: { toJSON: (key: string) => `key ${key}` }, list: [{ toJSON: (key: string) => key }] }
    expect(jsonText(value)).toBe(JSON.stringify(value))
    // At the top, the key is the empty text.
    expect(jsonText({ toJSON: (key: string) => `key [${key}]` })).toBe('"key []"')
  })
})

/**
 * Whether jsonText handed an object or array to JSON.stringify whole (its fast path) rather
 * than writing it piece by piece: its writer hands JSON.stringify only leaves and names.
 */
const takesFastPath = (value: object): boolean => {
  const stringify = vi.spyOn(JSON, 'stringify')
  try {
    jsonText(value)
    return stringify.mock.calls.some(([argument]) => argument === value)
  } finally {
    stringify.mockRestore()
  }
}

/** `levels` arrays (or objects, under `a`) nested in one another, a 1 in the innermost. */
const nested = (levels: number, wrap: (inner: unknown) => object): object => Array.from({ length: levels - 1 }).reduce<object>((inner) => wrap(inner), wrap(1))

describe('jsonText’s fast path', () => {
  it('hands JSON.stringify a decoded event, an array, a plain object and one without a prototype whole', () => {
    const [events] = fc.sample(eventSet(8), { seed: SEED, numRuns: 1 })
    expect(events?.length).toBeGreaterThan(0)
    for (const event of events ?? []) expect(takesFastPath(event)).toBe(true)
    expect(takesFastPath([1, 'a', null, [true, {}], { b: [2] }])).toBe(true)
    expect(takesFastPath({ a: 'x', b: { c: 1 } })).toBe(true)
    expect(takesFastPath(Object.assign(Object.create(null) as object, { a: 'x', b: [1] }))).toBe(true)
    expect(takesFastPath([])).toBe(true)
  })

  it('leaves to the writer what JSON.stringify would write otherwise', () => {
    for (const value of [{ a: [1, -0] }, [{ a: 1n }], { a: { toJSON: () => 1 } }, { a: new Map() }, [Object(true) as object]]) expect(takesFastPath(value)).toBe(false)
  })

  it('looks 64 levels of arrays and objects deep, and leaves anything deeper to the writer', () => {
    for (const wrap of [(inner: unknown) => [inner], (inner: unknown) => ({ a: inner })]) {
      expect(takesFastPath(nested(64, wrap))).toBe(true)
      expect(takesFastPath(nested(65, wrap))).toBe(false)
      expect(jsonText(nested(65, wrap))).toBe(JSON.stringify(nested(65, wrap)))
    }
  })
})

describe('jsonText’s writer', () => {
  it('calls a toJSON at the top with the empty key, as JSON.stringify does', () => {
    const value = { toJSON: (key: string) => `key [${key}]` }
    expect(jsonTextWritten(value)).toBe(JSON.stringify(value))
    expect(jsonTextWritten(value)).toBe('"key []"')
  })

  it('writes a class instance as its own fields, keeping -0 and bigints in them, as for a plain object', () => {
    class Reading {
      readonly level = -0
      readonly count = 2n ** 70n
    }
    expect(jsonText(new Reading())).toBe('{"level":-0,"count":1180591620717411303424}')
    expect(jsonText({ at: [new Reading()] })).toBe('{"at":[{"level":-0,"count":1180591620717411303424}]}')
  })
})

describe('recordEvent', () => {
  it('puts no value of the event in the query text', () => {
    const [events] = fc.sample(eventSet(8), { seed: SEED, numRuns: 1 })
    const texts = new Set((events ?? []).map((event) => recordEvent(event).text))
    expect(texts.size).toBe(1)
    const [event] = events ?? []
    if (event === undefined) throw new Error('no event')
    const { values } = recordEvent(event)
    expect(values).toHaveLength(12)
    expect(values[11]).toBe(jsonText(event))
    expect([...recordEvent(event).text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]))).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
  })
})

describe('the entry point', () => {
  // util/time.js: recordEvents reads an opt-out's occurredAt with the parser advance uses;
  // util/values.js: isRecord, what every layer takes for a JSON object (src/util imports nothing).
  it('imports only its own files, src/model, the errors, the time parser, isRecord, the read-once copy and the handler’s store types: no driver, no vendor', () => {
    const dir = new URL('../../src/postgres/', import.meta.url)
    const statements = readdirSync(dir)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => [...readFileSync(new URL(file, dir), 'utf8').matchAll(/^(import type|import|export)\b[^'"]*from '([^']+)'/gm)])
    const imports = statements.map((match) => match[2] ?? '')
    expect(imports.length).toBeGreaterThan(3)
    for (const specifier of imports) expect(specifier).toMatch(/^(\.\/[A-Za-z]+\.js|\.\.\/model\/[a-z]+\.js|\.\.\/errors\/[A-Za-z]+\.js|\.\.\/runtime\/(?:callerInput|readEvent|snapshot)\.js|\.\.\/util\/(?:time|values)\.js|\.\.\/types\/store\.js)$/)
    // The store's interface, as types only: erased from the build, so no handler code (and no vendor) comes with it.
    const handler = statements.filter((match) => match[2] === '../types/store.js')
    expect(handler.map((match) => match[1])).toEqual(['import type'])
  })
})
