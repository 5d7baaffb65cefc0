// How a raw body becomes a value (src/internal/readBody): JSON or a form, told by its first
// character; bracket keys of a form nested, numbered ones made lists, odd ones kept whole.
import { describe, expect, it } from 'vitest'

import { formToObject, readBody } from '../src/internal/rawBody.js'

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

describe('readBody', () => {
  it.each([
    ['{"a":1}', { ok: true, value: { a: 1 }, owned: true }],
    [' \t\r\n{"a":1} ', { ok: true, value: { a: 1 }, owned: true }],
    ['\ufeff[1]', { ok: true, value: [1], owned: true }],
    ['"a=b"', { ok: true, value: 'a=b', owned: true }],
    ['\n a=1&b=2 \n', { ok: true, value: { a: '1', b: '2' }, owned: true }],
    ['7', { ok: true, value: 7, owned: true }],
    [' \n\t\r', { ok: false, expected: 'a JSON or form-encoded body', message: 'the body is empty' }],
    ['', { ok: false, expected: 'a JSON or form-encoded body', message: 'the body is empty' }],
  ])('%j', (text, read) => {
    expect(readBody(text)).toEqual(read)
  })

  it('text that is neither is a JSON error with the parser\'s reason', () => {
    const read = readBody('hello')
    expect(read).toMatchObject({ ok: false, expected: 'a JSON or form-encoded body' })
    expect(read.ok ? '' : read.message).toMatch(/^not valid JSON \(.+\)$/)
  })

  it('bytes are read as UTF-8, and refused when they are not', () => {
    expect(readBody(new TextEncoder().encode('a=é'))).toEqual({ ok: true, value: { a: 'é' }, owned: true })
    expect(readBody(new Uint8Array([0xff, 0xfe, 0x7b]))).toEqual({ ok: false, expected: 'UTF-8 text', message: 'the bytes are not valid UTF-8' })
  })

  it('URLSearchParams are a form the library owns; any other value is the caller\'s', () => {
    expect(readBody(new URLSearchParams('a[0]=x'))).toEqual({ ok: true, value: { a: ['x'] }, owned: true })
    const object = { a: 1 }
    const read = readBody(object)
    expect(read).toEqual({ ok: true, value: object, owned: false })
    expect(read.ok && read.value).toBe(object)
    const lookalike = { forEach: () => undefined }
    expect(readBody(lookalike)).toEqual({ ok: true, value: lookalike, owned: false })
  })
})
