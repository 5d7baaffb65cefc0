import { hashWords, hex128, paddedLength, SWAP } from './sha256.js'

/**
 * A value `digest` takes: text, a number, nothing (an absent field), or a list of such
 * values. Each kind is written with its own tag, so `undefined` and `''`, `5` and `'5'`,
 * `[]` and `undefined` give different bytes.
 */
export type DigestValue = string | number | undefined | ReadonlyArray<DigestValue>

/** The tag of each kind of value, in the low two bits of its header (see {@link digest}). */
const ABSENT = 0
const TEXT = 1
const NUMBER = 2
const LIST = 3

/**
 * SHA-256 of a list of values, cut to 128 bits, as 32 lowercase hex digits: the digest
 * `eventId` is made of (see src/kit/eventId.ts for what goes in). The same in every
 * runtime (plain JavaScript, no Node built-in, synchronous), the same length whatever the
 * values (a database index entry stays small), and no one can build two value lists with
 * the same digest: that would take a SHA-256 collision, about 2^64 tries at 128 bits, and
 * the list is encoded one-to-one before it is hashed.
 *
 * The encoding: each value is a header, `4 × n + tag` in LEB128 (seven bits a byte, low
 * first, high bit set on all but the last byte), then its content:
 * - absent (`undefined`): tag 0, n = 0, no content;
 * - text: tag 1, n its length in UTF-16 code units, then the text as UTF-8 with a lone
 *   surrogate written as its own three bytes rather than replaced (WTF-8);
 * - a number: tag 2, then its shortest round-trip text as ASCII (`String(x)`, and `-0`
 *   for minus zero), n its length;
 * - a list: tag 3, n its number of values, then each value.
 *
 * The bytes read back into exactly one list, so `['ab', 'c']` and `['a', 'bc']`,
 * `'\uD800'` and `'\uFFFD'`, `[undefined]` and `['']` all stay apart.
 */
export const digest = (values: ReadonlyArray<DigestValue>): string => {
  // Short messages (every real event) reuse one buffer; a long one gets its own, so a
  // megabyte-long field does not keep a megabyte alive.
  const size = paddedLength(maxEncodedLength(values))
  let words = SCRATCH_WORDS
  let bytes = SCRATCH_BYTES
  if (size > SCRATCH_BYTES.length) {
    words = new Int32Array(size >> 2)
    bytes = new Uint8Array(words.buffer)
  }
  return hex128(hashWords(words, bytes, encodeValues(values, bytes, SWAP)))
}

/** The longest text `numberText` gives (`-2.2250738585072014e-308`, 24 characters), with room to spare. */
const NUMBER_TEXT_MOST = 32

/** An upper bound of the bytes `encodeValues` writes: at most 5 bytes of header, 3 bytes per code unit, 32 per number. */
export const maxEncodedLength = (values: ReadonlyArray<DigestValue>): number => {
  let most = 5
  for (const value of values) {
    if (typeof value === 'string') most += 5 + 3 * value.length
    else if (typeof value === 'number') most += 5 + NUMBER_TEXT_MOST
    else if (isList(value)) most += maxEncodedLength(value)
    else most += 1
  }
  return most
}

/**
 * Whether a value is a list. Anything that is not text, a number or a list is written as
 * absent, so the encoding never throws: the types allow only `undefined`, and only a
 * JavaScript caller of `eventFromStatus` can get another value this far (a `reference`,
 * `cost` or `details` that is not what its type says), which that function is to refuse.
 */
const isList = (value: DigestValue): value is ReadonlyArray<DigestValue> => Array.isArray(value)

/** A number's text: JavaScript's shortest round-trip form, which tells every number apart but minus zero. */
const numberText = (value: number): string => (Object.is(value, -0) ? '-0' : String(value))

/**
 * Writes the one-to-one encoding of `values` (see {@link digest}: the values one after
 * the other, with no header of their own) at the start of `buffer`, byte `i` at `i ^ swap`
 * (0: in order; `SWAP`: laid out for `hashWords`); returns its length in bytes.
 */
export const encodeValues = (values: ReadonlyArray<DigestValue>, buffer: Uint8Array, swap = 0): number => writeValues(values, buffer, 0, swap)

const writeValues = (values: ReadonlyArray<DigestValue>, buffer: Uint8Array, from: number, swap: number): number => {
  let at = from
  for (const value of values) {
    if (typeof value === 'string') {
      at = writeHeader(value.length, TEXT, buffer, at, swap)
      at = writeText(value, buffer, at, swap)
    } else if (typeof value === 'number') {
      const text = numberText(value)
      at = writeHeader(text.length, NUMBER, buffer, at, swap)
      at = writeText(text, buffer, at, swap)
    } else if (isList(value)) {
      at = writeHeader(value.length, LIST, buffer, at, swap)
      at = writeValues(value, buffer, at, swap)
    } else {
      buffer[at++ ^ swap] = ABSENT
    }
  }
  return at
}

/** Writes `4 × n + tag` in LEB128 at `at`; returns where it ended. */
const writeHeader = (n: number, tag: number, buffer: Uint8Array, from: number, swap: number): number => {
  let at = from
  let header = n * 4 + tag
  while (header >= 0x80) {
    buffer[at++ ^ swap] = (header % 0x80) | 0x80 // the low seven bits, and the flag saying more follow
    header = Math.floor(header / 0x80)
  }
  buffer[at++ ^ swap] = header
  return at
}

/**
 * Writes `text` as WTF-8 at `at`; returns where it ended. Text is copied a code unit at a
 * time while it is ASCII, the usual case, and handed to the UTF-8 writer from its first
 * other code unit.
 */
const writeText = (text: string, buffer: Uint8Array, from: number, swap: number): number => {
  let at = from
  let i = 0
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x80) break
    buffer[at++ ^ swap] = c
  }
  return i < text.length ? writeUtf8(text, i, buffer, at, swap) : at
}

/** The buffer short messages are written to; see the note on scratch arrays in sha256.ts. */
const SCRATCH_WORDS = /*#__PURE__*/ new Int32Array(256)
const SCRATCH_BYTES = /*#__PURE__*/ new Uint8Array(SCRATCH_WORDS.buffer)

/** Writes `text` from code unit `from` as UTF-8 (a lone surrogate as its own three bytes) at `at`; returns where it ended. */
const writeUtf8 = (text: string, from: number, buffer: Uint8Array, start: number, swap: number): number => {
  let at = start
  for (let i = from; i < text.length; i++) {
    let c = text.charCodeAt(i)
    if (c < 0x80) {
      buffer[at++ ^ swap] = c
    } else if (c < 0x800) {
      buffer[at++ ^ swap] = 0xc0 | (c >> 6)
      buffer[at++ ^ swap] = 0x80 | (c & 0x3f)
    } else {
      const next = text.charCodeAt(i + 1) // NaN past the end, which fails both tests
      if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00)
        i++
        buffer[at++ ^ swap] = 0xf0 | (c >> 18)
        buffer[at++ ^ swap] = 0x80 | ((c >> 12) & 0x3f)
      } else {
        buffer[at++ ^ swap] = 0xe0 | (c >> 12)
      }
      buffer[at++ ^ swap] = 0x80 | ((c >> 6) & 0x3f)
      buffer[at++ ^ swap] = 0x80 | (c & 0x3f)
    }
  }
  return at
}
