/**
 * queryValues at the edges the property of secret.test.ts rarely draws: each side of the
 * hex digit ranges in a percent escape, each length of UTF-8, lone surrogates, the URL's
 * leading and trailing controls, empty pairs and names, and a runtime without TextDecoder.
 * Each is checked against what `new URL(url).searchParams.getAll(name)` reads.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'

import { queryValues } from '../../src/handler/query.js'

const viaUrl = (url: string, name: string): ReadonlyArray<string> => new URL(url, 'http://localhost').searchParams.getAll(name)

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('percent escapes', () => {
  // Each side of 0-9, A-F and a-f: '/' ':' '@' 'G' '`' 'g' are not hex digits.
  const around = ['/', '0', '9', ':', '@', 'A', 'F', 'G', '`', 'a', 'f', 'g']

  it.each(around)('an escape is decoded only when both its characters are hex digits: %s first or second', (digit) => {
    for (const escape of [`%${digit}1`, `%4${digit}`]) {
      const url = `/p?token=${escape}`
      expect(queryValues(url, 'token')).toEqual(viaUrl(url, 'token'))
    }
  })

  it('reads the digits each case gives', () => {
    expect(queryValues('/p?token=%41%5a%61%7A%30%39', 'token')).toEqual(['AZaz09'])
    expect(queryValues('/p?token=%4G%G4%4g%g4%4:%:4%4@%@4%4`%`4%4/%/4', 'token')).toEqual(['%4G%G4%4g%g4%4:%:4%4@%@4%4`%`4%4/%/4'])
  })
})

describe('characters written as they are', () => {
  it.each([
    ['U+007F', '\u007f'],
    ['U+0080', '\u0080'],
    ['U+07FF', '\u07ff'],
    ['U+0800', '\u0800'],
    ['U+D7FF', '\ud7ff'],
    ['U+E000', '\ue000'],
    ['U+FFFF', '\uffff'],
    ['U+10000', '\u{10000}'],
    ['an emoji', '😀'],
    ['a lone high surrogate', '\ud800'],
    ['the last high surrogate', '\udbff'],
    ['a lone low surrogate', '\udc00'],
    ['the last low surrogate', '\udfff'],
  ])('%s, in a name and a value', (_name, character) => {
    const url = `/p?${character}=${character}x&token=a${character}`
    expect(queryValues(url, 'token')).toEqual(viaUrl(url, 'token'))
    expect(queryValues(url, viaUrl(url, 'token')[0]?.slice(1) ?? '')).toEqual(viaUrl(url, viaUrl(url, 'token')[0]?.slice(1) ?? ''))
  })

  it('a lone surrogate reads as U+FFFD, a character next to it as itself', () => {
    expect(queryValues('/p?token=\ud7ff\udfff\ud800\ue000', 'token')).toEqual(['\ud7ff\ufffd\ufffd\ue000'])
    expect(queryValues('/p?token=😀', 'token')).toEqual(['😀'])
  })
})

describe("the URL's clean-up", () => {
  it.each([
    ['a trailing space', '/p?token=x '],
    ['a trailing C0 control', '/p?token=x\u0000'],
    ['a trailing U+001F', '/p?token=x\u001f'],
    ['trailing spaces and controls', '/p?token=x \u0001 \u0020'],
    ['a leading space', ' /p?token=x'],
    ['leading controls', '\u0000\u001f /p?token=x'],
    ['a tab, a newline and a carriage return inside', '/p?token=a\tb\nc\rd'],
    ['a character above space kept at the end', '/p?token=x!'],
  ])('%s', (_name, url) => {
    expect(queryValues(url, 'token')).toEqual(viaUrl(url, 'token'))
    expect(queryValues(url, 'token')).toHaveLength(1)
  })

  it('keeps what the clean-up leaves: x, and abcd', () => {
    expect(queryValues(' \u0000/p?token=x \u0000', 'token')).toEqual(['x'])
    expect(queryValues('/p?token=a\tb\nc\rd', 'token')).toEqual(['abcd'])
  })
})

describe('pairs', () => {
  it('skips empty pairs, even for the empty name', () => {
    expect(queryValues('/p?&&=v&', '')).toEqual(['v'])
    expect(queryValues('/p?&&=v&', '')).toEqual(viaUrl('/p?&&=v&', ''))
  })

  it('reads a pair without "=" as the name with an empty value, and only that name', () => {
    expect(queryValues('/p?token', 'token')).toEqual([''])
    expect(queryValues('/p?tokens', 'token')).toEqual([])
    expect(queryValues('/p?tokens', 'tokens')).toEqual([''])
  })

  it('reads nothing from a URL without "?"', () => {
    expect(queryValues('token=x', 'token')).toEqual([])
    expect(queryValues('token=x', 'token')).toEqual(viaUrl('token=x', 'token'))
  })
})

describe('a runtime without TextDecoder', () => {
  it('reads no value at all, so no secret matches', () => {
    vi.stubGlobal('TextDecoder', undefined)
    expect(queryValues('/p?token=x', 'token')).toEqual([])
  })
})
