import { hashWords, hex128, paddedLength, SWAP } from './sha256.js'

/**
 * The key of an event (`eventId`): SHA-256 of its identifying fields, cut to 128 bits, as
 * 32 lowercase hex digits. The same in every runtime (plain JavaScript, no Node built-in,
 * synchronous), the same length whatever the fields (a database index entry stays small),
 * and no one can build two field lists with the same key: that would take a SHA-256
 * collision, about 2^64 tries at 128 bits, and the list is encoded one-to-one before it is
 * hashed.
 *
 * The encoding: for each part, its length in UTF-16 code units (LEB128: seven bits a
 * byte, low first, high bit set on all but the last byte), then its text as UTF-8 with a
 * lone surrogate written as its own three bytes rather than replaced (WTF-8). The bytes
 * read back into exactly one list, so `['ab', 'c']` and `['a', 'bc']`, or `'\uD800'` and
 * `'\uFFFD'`, stay apart.
 */
export const digest = (parts: ReadonlyArray<string>): string => {
  // Short messages (every real event) reuse one buffer; a long one gets its own, so a
  // megabyte-long field does not keep a megabyte alive.
  const size = paddedLength(maxEncodedLength(parts))
  let words = SCRATCH_WORDS
  let bytes = SCRATCH_BYTES
  if (size > SCRATCH_BYTES.length) {
    words = new Int32Array(size >> 2)
    bytes = new Uint8Array(words.buffer)
  }
  return hex128(hashWords(words, bytes, encodeParts(parts, bytes, SWAP)))
}

/** An upper bound of the bytes `encodeParts` writes: at most 5 bytes of length and 3 bytes per code unit. */
export const maxEncodedLength = (parts: ReadonlyArray<string>): number => {
  let most = 0
  for (const part of parts) most += 5 + 3 * part.length
  return most
}

/**
 * Writes the one-to-one encoding of `parts` (see {@link digest}) at the start of
 * `buffer`, byte `i` at `i ^ swap` (0: in order; `SWAP`: laid out for `hashWords`);
 * returns its length in bytes. Text is copied a code unit at a time while it is ASCII, the
 * usual case, and handed to the UTF-8 writer from its first other code unit.
 */
export const encodeParts = (parts: ReadonlyArray<string>, buffer: Uint8Array, swap = 0): number => {
  let at = 0
  for (const part of parts) {
    let n = part.length
    while (n >= 0x80) {
      buffer[at++ ^ swap] = n | 0x80 // the low seven bits, and the flag saying more follow
      n = Math.floor(n / 0x80)
    }
    buffer[at++ ^ swap] = n
    let i = 0
    for (; i < part.length; i++) {
      const c = part.charCodeAt(i)
      if (c >= 0x80) break
      buffer[at++ ^ swap] = c
    }
    if (i < part.length) at = writeUtf8(part, i, buffer, at, swap)
  }
  return at
}

/** The buffer short messages are written to; see the note on scratch arrays in sha256.ts. */
const SCRATCH_WORDS = /*#__PURE__*/ new Int32Array(256)
const SCRATCH_BYTES = /*#__PURE__*/ new Uint8Array(SCRATCH_WORDS.buffer)

/** Writes `text` from code unit `from` as UTF-8 (a lone surrogate as its own three bytes) at `at`; returns where it ended. */
const writeUtf8 = (text: string, from: number, buffer: Uint8Array, at: number, swap: number): number => {
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
