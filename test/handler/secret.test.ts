/**
 * The pieces of the secret check: the SHA-256 digest against Node's, the comparison
 * against plain equality, and the query parsing against URLSearchParams, each a property
 * over text with lone surrogates, escapes and separators.
 */
import { createHash } from 'node:crypto'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { queryValues } from '../../src/handler/query.js'
import { isOneOf, secretDigest } from '../../src/handler/secret.js'

const RUNS = 1000

/** Text rich in what URLs and encodings get wrong. */
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom('&', '=', '+', '%', '#', '?', ' ', '\t', '\n', '%2', '%41', '%zz', '%C3%A9', '%FF', '%E2%82', 'é', '😀', '\uD800', '\uDC00', '\uFEFF', '%EF%BB%BF', 'token', 'a'),
    fc.string({ unit: 'grapheme', maxLength: 2 }),
  ),
  maxLength: 20,
})

/** The digest as Node computes it, of the UTF-16BE bytes secretDigest promises to hash. */
const nodeDigest = (text: string): Int32Array => {
  const bytes = Buffer.alloc(text.length * 2)
  for (let i = 0; i < text.length; i++) bytes.writeUInt16BE(text.charCodeAt(i), 2 * i)
  const hash = createHash('sha256').update(bytes).digest()
  return Int32Array.from({ length: 8 }, (_, i) => hash.readInt32BE(4 * i))
}

describe('secretDigest', () => {
  it("is SHA-256 of the text's UTF-16BE code units, as Node's crypto computes it (property)", () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        expect([...secretDigest(text)]).toEqual([...nodeDigest(text)])
      }),
      { seed: 23, numRuns: RUNS },
    )
  })

  it('is a copy: a later digest does not change an earlier one', () => {
    const first = secretDigest('first-secret-0123456789')
    const copy = [...first]
    secretDigest('second-secret-0123456789')
    expect([...first]).toEqual(copy)
  })
})

describe('isOneOf', () => {
  it('is exactly membership, for any texts, whichever position the match is in (property)', () => {
    fc.assert(
      fc.property(fc.array(tricky, { minLength: 1, maxLength: 4 }), tricky, fc.nat(), fc.boolean(), (secrets, other, at, pick) => {
        const presented = pick ? (secrets[at % secrets.length] ?? other) : other
        expect(isOneOf(presented, secrets.map(secretDigest))).toBe(secrets.includes(presented))
      }),
      { seed: 23, numRuns: RUNS },
    )
  })

  it('tells apart texts a lossy encoding would merge, and a text from its prefix', () => {
    expect(isOneOf('\uD800', [secretDigest('\uFFFD')])).toBe(false)
    expect(isOneOf('secret', [secretDigest('secret\u0000')])).toBe(false)
    expect(isOneOf('', [secretDigest('x')])).toBe(false)
    expect(isOneOf('', [])).toBe(false)
  })
})

describe('queryValues', () => {
  it('reads a parameter as URLSearchParams reads it, from a path or an absolute URL (property)', () => {
    fc.assert(
      fc.property(tricky, tricky, fc.constantFrom('token', 'é', 'a b', '+'), fc.boolean(), (before, query, name, absolute) => {
        const url = `${absolute ? 'https://example.com' : ''}/p${before.includes('?') ? '' : before}?${query}`
        expect(queryValues(url, name)).toEqual(new URL(url, 'http://localhost').searchParams.getAll(name))
      }),
      { seed: 23, numRuns: RUNS * 5 },
    )
  })

  it('with the name present in many forms', () => {
    for (const query of ['token=a&token=b', 'tok%65n=x', 'token', 'token=&x=1', 'x=1&token=a%2Bb+c#token=no', '&&token=%E2%82&', 'token=%EF%BB%BFx']) {
      expect(queryValues(`/p?${query}`, 'token')).toEqual(new URLSearchParams(query.split('#')[0]).getAll('token'))
    }
    expect(queryValues('/p', 'token')).toEqual([])
  })
})
