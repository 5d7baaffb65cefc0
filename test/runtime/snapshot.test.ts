import { describe, expect, it } from 'vitest'

import { deepFreeze, MAX_DEPTH, nestsDeeperThan, refusalIssue, snapshot, type Snapshot } from '../../src/runtime/snapshot.js'

const copyOf = (read: Snapshot): unknown => {
  if (!read.ok) throw new Error(`refused: ${JSON.stringify(read.refusal)}`)
  return read.value
}

const NOT_PLAIN = 'a plain object or array (JSON data)'

class Dto {
  readonly status = 'DELIVERED'
}

describe('snapshot: a caller’s object read once into plain data, or refused', () => {
  it('copies objects and arrays, sharing nothing with the input', () => {
    const input = { a: 1, list: [{ b: 'x' }, 2], nested: { deep: { c: true } } }
    const copy = copyOf(snapshot(input, false)) as typeof input
    expect(copy).toStrictEqual(input)
    expect(copy).not.toBe(input)
    expect(copy.list).not.toBe(input.list)
    expect(copy.list[0]).not.toBe(input.list[0])
    expect(copy.nested.deep).not.toBe(input.nested.deep)
  })

  it('refuses an object met twice, shared or a cycle, past the objects it scans for them, naming both places', () => {
    const shared = { s: 1 }
    expect(snapshot({ shared, again: shared }, false)).toEqual({
      ok: false,
      refusal: { code: 'invalid_value', path: ['again'], expected: 'each object and array in one place only (JSON data has no shared objects or cycles)', received: 'the object already at shared' },
    })
    const root: Record<string, unknown> = { many: Array.from({ length: 40 }, (_, i) => ({ i })) }
    root['self'] = root
    expect(snapshot(root, false)).toMatchObject({ ok: false, refusal: { path: ['self'], received: 'the object already at (root)' } })
    const list = Array.from({ length: 40 }, (_, i) => ({ i }))
    // Breadth first: the shallower place is met first.
    expect(snapshot({ list, last: list[39] }, false)).toMatchObject({ ok: false, refusal: { path: ['list', 39], received: 'the object already at last' } })
  })

  it('reads each property once, keeps __proto__ as data and a null prototype as none', () => {
    let reads = 0
    const withGetter = Object.defineProperty({}, 'n', { enumerable: true, get: () => ++reads })
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { k: 'v' })
    const input = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as Record<string, unknown>
    input['g'] = withGetter
    input['bare'] = bare
    const copy = copyOf(snapshot(input, false)) as Record<string, unknown>
    expect(reads).toBe(1)
    expect((copy['g'] as Record<string, unknown>)['n']).toBe(1)
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(Object.keys(copy)).toStrictEqual(['__proto__', 'x', 'g', 'bare'])
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toStrictEqual({ polluted: true })
    expect(Object.getPrototypeOf(copy['bare'])).toBeNull()
  })

  it.each([
    ['a Date', new Date(0), 'a Date'],
    ['a class instance', new Dto(), 'an instance of a class (not a plain object)'],
    ['a Map', new Map(), 'an instance of a class (not a plain object)'],
    ['a boxed string', Object('x') as object, 'an instance of a class (not a plain object)'],
    ['a function', () => 1, 'a function'],
  ])('refuses %s, at the root and anywhere below, and reads nothing of it', (_name, value, received) => {
    expect(snapshot(value, false)).toEqual({ ok: false, refusal: { code: 'invalid_type', path: [], expected: NOT_PLAIN, received } })
    expect(snapshot({ a: [{ b: value }] }, false)).toEqual({ ok: false, refusal: { code: 'invalid_type', path: ['a', 0, 'b'], expected: NOT_PLAIN, received } })
  })

  it(`keeps ${String(MAX_DEPTH)} levels of nesting, and refuses the first object or array below them, owned or not`, () => {
    const nested = (levels: number): unknown => {
      let value: unknown = 'bottom'
      for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { k: value }
      return value
    }
    for (const owned of [true, false]) {
      expect(snapshot(nested(MAX_DEPTH), owned)).toEqual({ ok: true, value: nested(MAX_DEPTH) })
      const refused = snapshot(nested(MAX_DEPTH + 1), owned)
      expect(refused).toMatchObject({ ok: false, refusal: { code: 'invalid_value', expected: 'at most 100 levels of nested objects and arrays', received: 'an array at level 101' } })
      expect(!refused.ok && refused.refusal.path).toHaveLength(MAX_DEPTH)
    }
  })

  it('leaves a value the library made as it is: nothing copied', () => {
    const parsed = JSON.parse('{"a":[{"b":1}]}') as unknown
    expect(copyOf(snapshot(parsed, true))).toBe(parsed)
  })

  it('keeps __proto__ an ordinary data property: enumerable, writable, configurable', () => {
    const input = JSON.parse('{"__proto__": 1}') as Record<string, unknown>
    const copy = copyOf(snapshot(input, false)) as Record<string, unknown>
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')).toStrictEqual({ value: 1, enumerable: true, writable: true, configurable: true })
  })

  it('names an array’s own keys that are not indexes as text in a path', () => {
    for (const key of ['1x', 'x1', '01']) {
      const list: Array<unknown> = []
      Object.defineProperty(list, key, { value: () => 1, enumerable: true })
      expect(snapshot({ list }, false)).toMatchObject({ ok: false, refusal: { path: ['list', key] } })
    }
  })

  it('quotes the other place of a shared object whole up to 200 characters, and cut past them', () => {
    const within = 'k'.repeat(200)
    const shared = {}
    expect(snapshot({ [within]: shared, again: shared }, false)).toMatchObject({ ok: false, refusal: { received: `the object already at ${within}` } })
    const past = 'k'.repeat(201)
    expect(snapshot({ [past]: shared, again: shared }, false)).toMatchObject({ ok: false, refusal: { received: `the object already at ${within}…` } })
  })

  it('names where an object met past the objects it scans was met first', () => {
    const list = Array.from({ length: 40 }, (_, i) => ({ i }))
    // Breadth first: every item of the list is met before `later.again`.
    expect(snapshot({ list, later: { again: list[30] } }, false)).toMatchObject({ ok: false, refusal: { path: ['later', 'again'], received: 'the object already at list[30]' } })
  })

  it('reads a body of 200,000 objects in linear time', () => {
    // A scan of the objects met for each new one would take minutes here: past the few
    // objects it scans, snapshot must find them in a Map (a mutant that scans times out).
    const list = Array.from({ length: 200_000 }, (_, i) => ({ i }))
    const copy = copyOf(snapshot({ list }, false)) as { list: Array<{ i: number }> }
    expect(copy.list).toHaveLength(200_000)
    expect(copy.list[199_999]).toStrictEqual({ i: 199_999 })
    expect(copy.list[199_999]).not.toBe(list[199_999])
  })

  it('writes nothing to a value the library made: a frozen one is read as it is', () => {
    const parsed = Object.freeze({ a: 1, b: 'x' })
    expect(copyOf(snapshot(parsed, true))).toBe(parsed)
  })
})

describe('refusalIssue: a refusal’s path cut when long', () => {
  it('quotes a path of 1000 characters whole, and cuts a longer one', () => {
    const within = 'k'.repeat(1000)
    expect(refusalIssue({ code: 'invalid_type', path: [within], expected: 'x', received: 'y' }).message).toBe(`${within}: expected x, received y`)
    const past = 'k'.repeat(1001)
    expect(refusalIssue({ code: 'invalid_value', path: [past], expected: 'x', received: 'y' }).message).toBe(`${within}…: expected x, received y`)
  })
})

describe('nestsDeeperThan', () => {
  it('finds no nesting in null or a primitive', () => {
    expect(nestsDeeperThan(null, 0)).toBe(false)
    expect(nestsDeeperThan('text', 0)).toBe(false)
  })
})

describe('deepFreeze: everything reachable frozen, frozen parts not walked again', () => {
  it('freezes every object and array, past a property that holds undefined', () => {
    const value = { inner: { deeper: [{}] }, gap: undefined, none: null }
    expect(deepFreeze(value)).toBe(value)
    expect([value, value.inner, value.inner.deeper, value.inner.deeper[0]].map((part) => Object.isFrozen(part))).toStrictEqual([true, true, true, true])
  })

  it('leaves what a frozen part holds, null and a function as they are', () => {
    const held = { k: 1 }
    const frozen = Object.freeze({ held })
    deepFreeze({ frozen })
    expect(Object.isFrozen(held)).toBe(false)
    expect(deepFreeze(null)).toBeNull()
    const callback = (): number => 1
    expect(deepFreeze(callback)).toBe(callback)
    expect(Object.isFrozen(callback)).toBe(false)
  })
})
