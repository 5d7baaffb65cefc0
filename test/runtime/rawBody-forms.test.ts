// How a raw body becomes a value (src/runtime/rawBody.ts): JSON or a form, told by its first
// character; bracket keys of a form nested, numbered ones made lists, odd ones kept whole.
import { describe, expect, it, vi } from 'vitest'

import { formToObject, readBody } from '../../src/runtime/rawBody.js'
import { nestsDeeperThan } from '../../src/runtime/snapshot.js'

const form = (text: string): unknown => formToObject(new URLSearchParams(text))

describe('form bodies', () => {
  it.each([
    ['a=1&b=2', { a: '1', b: '2' }],
    ['a[b]=1&a[c]=2', { a: { b: '1', c: '2' } }],
    ['a[0]=x&a[1]=y', { a: ['x', 'y'] }],
    ['a[0][e]=x&a[1][e]=y', { a: [{ e: 'x' }, { e: 'y' }] }],
    ['a[1]=x', { a: { 1: 'x' } }],
    ['a[1]=x&a[0]=y', { a: ['y', 'x'] }],
    ['a[]=1', { 'a[]': '1' }],
    ['a[b[c]]=1', { 'a[b[c]]': '1' }],
    ['a[b]]=1', { 'a[b]]': '1' }],
    ['[a]=1', { '[a]': '1' }],
    ['a[b]c=1', { 'a[b]c': '1' }],
    ['a[bc=1', { 'a[bc': '1' }],
    ['a[b][]=1', { 'a[b][]': '1' }],
    ['a[][b]=1', { 'a[][b]': '1' }],
    ['a=1&a[b]=2', { a: { b: '2' } }],
    ['a[b]=2&a=1', { a: '1' }],
    ['a=1&a=2', { a: '2' }],
    [`k${'[x]'.repeat(8)}=1`, { k: { x: { x: { x: { x: { x: { x: { x: { x: '1' } } } } } } } } }],
    [`k${'[x]'.repeat(9)}=1`, { [`k${'[x]'.repeat(9)}`]: '1' }],
  ])('%s', (text, value) => {
    expect(form(text)).toEqual(value)
  })

  it('__proto__ and constructor are own, enumerable, writable data', () => {
    const value = form('__proto__=x&a[__proto__]=y') as Record<string, unknown>
    expect(Object.keys(value)).toEqual(['__proto__', 'a'])
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')).toEqual({ value: 'x', enumerable: true, writable: true, configurable: true })
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.keys(value['a'] as object)).toEqual(['__proto__'])
  })
})

const syntax = (expected: string, message: string) => ({ ok: false, problem: { code: 'invalid_syntax', path: [], expected, message: `(root): ${message}` } })

describe('readBody', () => {
  it.each([
    ['{"a":1}', { ok: true, value: { a: 1 } }],
    [' \t\r\n{"a":1} ', { ok: true, value: { a: 1 } }],
    ['\ufeff[1]', { ok: true, value: [1] }],
    ['"a=b"', { ok: true, value: 'a=b' }],
    // A form is read as URLSearchParams reads it: spaces around it are part of its first key and last value.
    ['\n a=1&b=2 \n', { ok: true, value: { '\n a': '1', b: '2 \n' }, form: true }],
    ['a=1&b=2', { ok: true, value: { a: '1', b: '2' }, form: true }],
    ['7', { ok: true, value: 7 }],
    [' \n\t\r', syntax('a JSON or form-encoded body', 'the body is empty')],
    ['', syntax('a JSON or form-encoded body', 'the body is empty')],
    ['\ufeff', syntax('a JSON or form-encoded body', 'the body is empty')],
  ])('%j', (text, read) => {
    expect(readBody(text)).toEqual(read)
  })

  it('text that is neither is a JSON error with the parser\'s reason; so is text after a second byte-order mark', () => {
    for (const text of ['hello', '\ufeff\ufeff{"a":1}', '\ufeff\ufeff[1]']) {
      const read = readBody(text)
      expect(read).toMatchObject({ ok: false, problem: { code: 'invalid_syntax', path: [], expected: 'a JSON or form-encoded body' } })
      expect(read.ok ? '' : read.problem.message).toMatch(/^\(root\): not valid JSON \(.+\)$/)
    }
  })

  it('bytes are read as UTF-8 after one byte-order mark, as a string is, and refused when they are not UTF-8', () => {
    const encode = (text: string) => new TextEncoder().encode(text)
    expect(readBody(encode('a=é'))).toEqual({ ok: true, value: { a: 'é' }, form: true })
    expect(readBody(encode('\ufeff{"a":1}'))).toEqual({ ok: true, value: { a: 1 } })
    expect(readBody(encode('\ufeff\ufeff{"a":1}'))).toEqual(readBody('\ufeff\ufeff{"a":1}'))
    // After the one mark, a second is text: part of a form's first key, as URLSearchParams has it.
    expect(readBody(encode('\ufeff\ufeffa=1'))).toEqual({ ok: true, value: { '\ufeffa': '1' }, form: true })
    expect(readBody('\ufeff\ufeffa=1')).toEqual({ ok: true, value: { '\ufeffa': '1' }, form: true })
    expect(readBody(new Uint8Array([0xff, 0xfe, 0x7b]))).toEqual(syntax('UTF-8 text', 'the bytes are not valid UTF-8'))
  })

  it('a string is text, or a parsed JSON string when the caller says the body was parsed (a Standard Schema)', () => {
    expect(readBody('{"a":1}', 'value')).toEqual({ ok: true, value: '{"a":1}' })
    expect(readBody('a=1', 'value')).toEqual({ ok: true, value: 'a=1' })
    expect(readBody(new TextEncoder().encode('{"a":1}'), 'value')).toEqual({ ok: true, value: { a: 1 } })
  })

  it('URLSearchParams are told by their internal slot, not by Symbol.toStringTag; any other object is copied', () => {
    expect(readBody(new URLSearchParams('a[0]=x'))).toEqual({ ok: true, value: { a: ['x'] }, form: true })
    const object = { a: 1 }
    const read = readBody(object)
    expect(read).toEqual({ ok: true, value: { a: 1 } })
    expect(read.ok && read.value).not.toBe(object)
    const spoof = { [Symbol.toStringTag]: 'URLSearchParams', a: 'x' }
    expect(Object.prototype.toString.call(spoof)).toBe('[object URLSearchParams]')
    expect(readBody(spoof)).toEqual({ ok: true, value: { a: 'x' } })
    expect(readBody({ forEach: () => undefined })).toEqual({
      ok: false,
      problem: { code: 'invalid_type', path: ['forEach'], expected: 'a plain object or array (JSON data)', received: 'a function', message: 'forEach: expected a plain object or array (JSON data), received a function' },
    })
  })
})

describe('readBody: measured text, brand checks, and runtimes without the classes it uses', () => {
  it('a string of exactly the limit is read; one character more is refused unread', () => {
    expect(readBody('{"a":1}', 'text', 7)).toEqual({ ok: true, value: { a: 1 } })
    expect(readBody('"abcde"', 'value', 7)).toEqual({ ok: true, value: '"abcde"' })
    expect(readBody('{"a":1} ', 'text', 7)).toMatchObject({ ok: false, problem: { code: 'too_large' } })
  })

  it('a plain body, or one refused at a path or not an object, pays for no URLSearchParams brand check; URLSearchParams do', () => {
    const forEach = vi.spyOn(URLSearchParams.prototype, 'forEach')
    try {
      expect(readBody({ a: 1 })).toEqual({ ok: true, value: { a: 1 } })
      expect(readBody({ a: new Map() })).toMatchObject({ ok: false, problem: { code: 'invalid_type', path: ['a'] } })
      expect(readBody(() => 1)).toMatchObject({ ok: false, problem: { code: 'invalid_type', path: [] } })
      expect(forEach).not.toHaveBeenCalled()
      expect(readBody(new Map())).toMatchObject({ ok: false, problem: { code: 'invalid_type', path: [] } })
      expect(forEach).toHaveBeenCalledTimes(1)
      expect(readBody(new URLSearchParams('a=1'))).toEqual({ ok: true, value: { a: '1' }, form: true })
      expect(forEach).toHaveBeenCalledTimes(2)
    } finally {
      forEach.mockRestore()
    }
  })

  it('without URLSearchParams, form text is a syntax error and any other object is refused as it is, not a throw', () => {
    const refusal = readBody(new Map())
    expect(refusal).toMatchObject({ ok: false, problem: { code: 'invalid_type', path: [] } })
    vi.stubGlobal('URLSearchParams', undefined)
    try {
      expect(readBody('a=1')).toEqual(syntax('JSON', 'form bodies need URLSearchParams, which this runtime lacks'))
      expect(readBody(new Map())).toEqual(refusal)
      expect(readBody('{"a":1}')).toEqual({ ok: true, value: { a: 1 } })
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('nestsDeeperThan: the depth of a parsed value, without its path', () => {
  it.each([
    ['{}', 1],
    ['[[]]', 2],
    ['[[],[[]]]', 3],
    ['{"a":"[[[[{{{{"}', 1],
    ['{"a":{"b":1},"c":[[{"d":[]}]]}', 5],
    ['"[[[["', 1],
    ['[1,{"k":[{"x":{}}]},[]]', 5],
  ])('%s nests %i levels', (text, depth) => {
    const value: unknown = JSON.parse(text)
    // The limit counts the value itself as level 1: a limit below that is never asked.
    expect([nestsDeeperThan(value, Math.max(1, depth - 1)), nestsDeeperThan(value, depth)]).toEqual([depth > 1, false])
  })
})
