import { createHash } from 'node:crypto'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { digest, encodeValues, maxEncodedLength, type DigestValue } from '../../src/util/digest.js'
import { sha256Hex } from '../../src/util/sha256.js'
import { lanes, legacyDigest, stateAfter } from '../fixtures/legacyDigest.js'

const SEED = 20261201
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
const repeat = (length: number, byte: number): Uint8Array => new Uint8Array(length).fill(byte)

describe('SHA-256 known answers', () => {
  // FIPS 180-2 appendix B (the "abc" one-block and two-block messages, and one million
  // "a"), and NIST's SHA2_Additional examples, which sit on the padding boundaries: 55
  // bytes fit one block with the length, 56 and 57 do not, 64 is exactly one block.
  const VECTORS: ReadonlyArray<readonly [string, Uint8Array, string]> = [
    ['"abc" (FIPS 180-2 B.1)', bytes('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['448-bit message (FIPS 180-2 B.2)', bytes('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    ['one million "a" (FIPS 180-2 B.3)', repeat(1_000_000, 0x61), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
    ['the empty message', new Uint8Array(0), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['1 byte 0xbd (SHA2_Additional #1)', Uint8Array.of(0xbd), '68325720aabd7c82f30f554b313d0570c95accbb7dc4b5aae11204c08ffe732b'],
    ['4 bytes c98c8e55 (#2)', Uint8Array.of(0xc9, 0x8c, 0x8e, 0x55), '7abc22c0ae5af26ce93dbb94433a0e0b2e119d014f8e7f65bd56c61ccccd9504'],
    ['55 zero bytes (#3)', repeat(55, 0), '02779466cdec163811d078815c633f21901413081449002f24aa3e80f0b88ef7'],
    ['56 zero bytes (#4)', repeat(56, 0), 'd4817aa5497628e7c77e6b606107042bbba3130888c5f47a375e6179be789fbb'],
    ['57 zero bytes (#5)', repeat(57, 0), '65a16cb7861335d5ace3c60718b5052e44660726da4cd13bb745381b235a1785'],
    ['64 zero bytes (#6)', repeat(64, 0), 'f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b'],
    ['1000 zero bytes (#7)', repeat(1000, 0), '541b3e9daa09b20bf85fa273e5cbd3e80185aa4ec298e765db87742b70138a53'],
    ['1000 bytes "A" (#8)', repeat(1000, 0x41), 'c2e686823489ced2017f6059b8b239318b6364f6dcd835d0a519105a1eadd6e4'],
    ['1005 bytes "U" (#9)', repeat(1005, 0x55), 'f4d62ddec0f3dd90ea1380fa16a5ff8dc4c54b21740650f24afc4120903552b0'],
  ]
  for (const [name, message, expected] of VECTORS) {
    it(name, () => {
      expect(sha256Hex(message)).toBe(expected)
    })
  }

  it('agrees with Node’s own SHA-256 on any bytes (a cross-check; the library uses none of Node)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (message) => {
        expect(sha256Hex(message)).toBe(createHash('sha256').update(message).digest('hex'))
      }),
      { seed: SEED, numRuns: 500 },
    )
  })
})

/** Reads the encoding back: the inverse that makes it one-to-one. */
const decodeValues = (encoded: Uint8Array): ReadonlyArray<DigestValue> => {
  let at = 0
  const next = (): number => {
    const byte = encoded[at++]
    if (byte === undefined) throw new Error('truncated')
    return byte
  }
  const text = (units: number): string => {
    let part = ''
    while (part.length < units) {
      const lead = next()
      if (lead < 0x80) part += String.fromCharCode(lead)
      else if (lead < 0xe0) part += String.fromCharCode(((lead & 0x1f) << 6) | (next() & 0x3f))
      else if (lead < 0xf0) part += String.fromCharCode(((lead & 0x0f) << 12) | ((next() & 0x3f) << 6) | (next() & 0x3f))
      else part += String.fromCodePoint(((lead & 0x07) << 18) | ((next() & 0x3f) << 12) | ((next() & 0x3f) << 6) | (next() & 0x3f))
    }
    return part
  }
  const value = (): DigestValue => {
    let header = 0
    for (let shift = 1; ; shift *= 0x80) {
      const byte = next()
      header += (byte & 0x7f) * shift
      if (byte < 0x80) break
    }
    const n = Math.floor(header / 4)
    switch (header % 4) {
      case 0:
        if (n !== 0) throw new Error('an absent value with a length')
        return undefined
      case 1:
        return text(n)
      case 2:
        return Number(text(n))
      default:
        return Array.from({ length: n }, value)
    }
  }
  const values: Array<DigestValue> = []
  while (at < encoded.length) values.push(value())
  return values
}

const encode = (values: ReadonlyArray<DigestValue>): Uint8Array => {
  const buffer = new Uint8Array(maxEncodedLength(values))
  return buffer.subarray(0, encodeValues(values, buffer))
}

/** Any UTF-16 code unit, lone surrogates included, with the troublesome ones more often. */
const codeUnit = fc.oneof(
  fc.nat(0xffff).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFD', '\u0000', '\u007F', '\u0080', '\u07FF', '\u0800', ':', '|', '\\'),
  fc.constantFrom('😀', '𝄞'),
)
const part = fc.oneof(fc.string({ unit: codeUnit, maxLength: 12 }), fc.string({ maxLength: 200 }), fc.constant(''))
const partList = fc.array(part, { maxLength: 6 })
/** Any number, minus zero, NaN and the infinities included, and numbers whose text is that of another value. */
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, 0, Number.NaN, Infinity, -Infinity, 5e-324, 1e21, 2 ** 53))
/** Values of every kind, nested. */
const value: fc.Arbitrary<DigestValue> = fc.letrec<{ value: DigestValue }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, part, number, fc.constant(undefined), fc.array(tie('value'), { maxLength: 4 })),
})).value
const valueList = fc.array(value, { maxLength: 6 })

/** Equality as the encoding sees it: minus zero is not zero, NaN is NaN. */
const sameValues = (a: ReadonlyArray<DigestValue>, b: ReadonlyArray<DigestValue>): boolean =>
  a.length === b.length && a.every((x, i) => sameValue(x, b[i]))
const sameValue = (a: DigestValue, b: DigestValue): boolean =>
  Array.isArray(a) && Array.isArray(b) ? sameValues(a, b) : !Array.isArray(a) && !Array.isArray(b) && Object.is(a, b)

/**
 * Two messages of the same length whose eventIds collided under the old digest: both
 * lanes absorb the same word, so two prefixes with the same xor of their lanes, each
 * followed by a word that cancels the prefixes' difference, leave both lanes equal. A
 * birthday search on 32 bits: at most about 2^16 prefixes, 362 with these.
 */
const legacyCollision = (): readonly [string, string] => {
  const start = stateAfter(['octopush']) // the state before the message id of any Octopush event
  const seen = new Map<number, readonly [string, number, number]>()
  for (let i = 0; i < 1 << 20; i++) {
    const prefix = `sms_${String(i).padStart(8, '0')}` // 12 code units: whole words
    const [h1, h2] = lanes(prefix, start)
    const earlier = seen.get((h1 ^ h2) >>> 0)
    if (earlier !== undefined) {
      const [other, o1] = earlier
      const word = 0x00410041 // "AA"
      const cancel = word ^ h1 ^ o1
      const suffix = String.fromCharCode(cancel & 0xffff, (cancel >>> 16) & 0xffff)
      return [`${other}AA`, `${prefix}${suffix}`]
    }
    seen.set((h1 ^ h2) >>> 0, [prefix, h1, h2])
  }
  throw new Error('no collision found')
}

describe('eventId digest: no two value lists share an id', () => {
  it('encodes a value list one-to-one: the bytes read back into exactly that list', () => {
    fc.assert(
      fc.property(valueList, (values) => {
        expect(sameValues(decodeValues(encode(values)), values)).toBe(true)
      }),
      { seed: SEED, numRuns: 2000 },
    )
  })

  it('distinct lists give distinct ids, equal lists equal ids (random and adversarial pairs)', () => {
    const adversarial = fc.oneof(
      // The same text split in two places, as ['ab', 'c'] and ['a', 'bc'].
      fc.tuple(fc.string({ unit: codeUnit, maxLength: 20 }), fc.nat(20), fc.nat(20)).map(([text, i, j]) => [
        [text.slice(0, i % (text.length + 1)), text.slice(i % (text.length + 1))],
        [text.slice(0, j % (text.length + 1)), text.slice(j % (text.length + 1))],
      ]),
      // A list and the same list with one part moved into the next, a separator included.
      fc.tuple(partList, fc.constantFrom(':', '|', '\u0000', '\u0001', '\u0080')).map(([parts, separator]) => [parts, [parts.join(separator)]]),
      // A lone surrogate against the replacement character a UTF-8 encoder would put in its place.
      fc.tuple(part, part).map(([a, b]) => [[`${a}\uD800${b}`], [`${a}\uFFFD${b}`]]),
      // An absent value against the empty text, the text "undefined", an empty list, nothing.
      fc.tuple(valueList, fc.constantFrom<DigestValue>('', 'undefined', [], [undefined])).map(([values, stand]) => [[...values, undefined], [...values, stand]]),
      fc.tuple(valueList, valueList).map(([a, b]) => [[...a, undefined, ...b], [...a, ...b]]),
      // A number against its own text, and minus zero against zero.
      number.map((n) => [[n], [String(n)]]),
      fc.constant([[-0], [0]]),
      // A list against its values spread into the outer list.
      valueList.map((values) => [[values], values]),
      // The same list, or the same list with an empty part added.
      valueList.map((values) => [values, [...values]]),
      valueList.map((values) => [values, [...values, '']]),
      fc.tuple(valueList, valueList),
    )
    fc.assert(
      fc.property(adversarial, ([a, b]) => {
        expect(digest(a) === digest(b)).toBe(sameValues(a, b))
      }),
      { seed: SEED, numRuns: 3000 },
    )
  })

  it('keeps apart the message ids that collided under the old 64-bit digest', () => {
    const [first, second] = legacyCollision()
    expect(first).not.toBe(second)
    const event = (messageId: string) => ['octopush', messageId, '+33600000000', 'DELIVERED', '2025-01-22 11:46:06']
    // The defect: two events that differ in their message id alone had the same id.
    expect(legacyDigest(event(first))).toBe(legacyDigest(event(second)))
    expect(digest(event(first))).not.toBe(digest(event(second)))
  })

  it('is the first 128 bits of SHA-256 of the encoding, as 32 lowercase hex digits (the encoding pinned byte by byte)', () => {
    // Headers are 4 × n + tag: text 1, "octopush" 8 units (33); "é" and "a" (2 units, 3 bytes): 9;
    // a lone surrogate (1 unit, 3 bytes): 5; the empty text: 1; absent: 0; the number 0.5 as "0.5": 14;
    // minus zero as "-0": 10; a list of two values (11), "x" then absent.
    const expected = Uint8Array.of(33, ...bytes('octopush'), 9, 0xc3, 0xa9, 0x61, 5, 0xed, 0xa0, 0x80, 1, 0, 14, ...bytes('0.5'), 10, ...bytes('-0'), 11, 5, 0x78, 0)
    const values: ReadonlyArray<DigestValue> = ['octopush', 'éa', '\uD800', '', undefined, 0.5, -0, ['x', undefined]]
    expect(encode(values)).toStrictEqual(expected)
    expect(digest(values)).toBe(sha256Hex(expected).slice(0, 32))
    expect(digest(values)).toMatch(/^[0-9a-f]{32}$/)
    // A header of 128 or more takes two bytes, low seven bits first: 300 code units of text is 4 × 300 + 1.
    expect(Array.from(encode(['x'.repeat(300)]).subarray(0, 2))).toStrictEqual([(1201 % 128) | 0x80, Math.floor(1201 / 128)])
  })

  it('is Node’s SHA-256 of the encoding, cut to 128 bits, on any part list (ASCII, UTF-8, lone surrogates, past the scratch buffer)', () => {
    const asciiPart = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 400 })
    const lists = fc.array(fc.oneof(part, asciiPart, value), { maxLength: 8 })
    fc.assert(
      fc.property(lists, (parts) => {
        expect(digest(parts)).toBe(createHash('sha256').update(encode(parts)).digest('hex').slice(0, 32))
      }),
      { seed: SEED, numRuns: 2000 },
    )
  })

  it('gives the same id for long fields as for short ones, whichever buffer it used', () => {
    const long = ['octopush', 'm'.repeat(5_000), '😀'.repeat(400)]
    const direct = createHash('sha256').update(Buffer.from(encode(long))).digest('hex').slice(0, 32)
    expect(digest(long)).toBe(direct)
    // A short digest after a long one is unaffected by the bytes the long one left behind.
    expect(digest(['a'])).toBe(sha256Hex(Uint8Array.of(5, 0x61)).slice(0, 32))
  })
})
