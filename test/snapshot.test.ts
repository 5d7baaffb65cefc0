import { describe, expect, it } from 'vitest'

import { snapshot } from '../src/internal/snapshot.js'

describe('snapshot: a caller’s object read once into plain data', () => {
  it('copies objects and arrays, sharing nothing with the input', () => {
    const input = { a: 1, list: [{ b: 'x' }, 2], nested: { deep: { c: true } } }
    const copy = snapshot(input) as typeof input
    expect(copy).toStrictEqual(input)
    expect(copy).not.toBe(input)
    expect(copy.list).not.toBe(input.list)
    expect(copy.list[0]).not.toBe(input.list[0])
    expect(copy.nested.deep).not.toBe(input.nested.deep)
  })

  it('keeps cycles as cycles and shared objects as shared, past the objects it scans for them', () => {
    const shared = { s: 1 }
    const root: Record<string, unknown> = { shared, again: shared }
    root['self'] = root
    // More objects than snapshot compares one by one, each pointing at the shared one.
    root['many'] = Array.from({ length: 40 }, (_, i) => ({ i, shared }))
    const copy = snapshot(root) as Record<string, unknown> & { readonly many: ReadonlyArray<{ readonly shared: unknown }> }
    expect(copy['self']).toBe(copy)
    expect(copy['shared']).not.toBe(shared)
    expect(copy['again']).toBe(copy['shared'])
    for (const item of copy.many) expect(item.shared).toBe(copy['shared'])
    expect(copy.many.at(-1)).toStrictEqual({ i: 39, shared: { s: 1 } })
  })

  it('reads each property once, keeps __proto__ as data and a null prototype as none, and keeps other objects as they are', () => {
    let reads = 0
    const withGetter = Object.defineProperty({}, 'n', { enumerable: true, get: () => ++reads })
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { k: 'v' })
    const date = new Date(0)
    const input = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as Record<string, unknown>
    input['g'] = withGetter
    input['bare'] = bare
    input['date'] = date
    const copy = snapshot(input) as Record<string, unknown>
    expect(reads).toBe(1)
    expect((copy['g'] as Record<string, unknown>)['n']).toBe(1)
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(Object.keys(copy)).toStrictEqual(['__proto__', 'x', 'g', 'bare', 'date'])
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toStrictEqual({ polluted: true })
    expect(Object.getPrototypeOf(copy['bare'])).toBeNull()
    expect(copy['date']).toBe(date)
  })
})
