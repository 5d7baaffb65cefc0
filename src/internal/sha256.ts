/**
 * SHA-256 (FIPS 180-4) in plain JavaScript: no Node built-in and no WebCrypto (which is
 * asynchronous), so the same bytes give the same digest in every runtime. Written for the
 * short messages `eventId` hashes: the caller writes the message into a buffer with room
 * for its padding ({@link paddedLength}), and {@link sha256Words} pads and hashes it in
 * place, with no copy and no streaming state.
 *
 * The message schedule and the state are scratch arrays reused by every call. That is
 * safe because hashing is synchronous and never calls out, so no call can see another's
 * words; allocating them on each call tripled the cost of an `eventId` (measured with
 * `npm run bench:eventid` while choosing).
 */

/** The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4, 4.2.2). */
const K: Int32Array = /*#__PURE__*/ Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])

/** The message schedule of the block being hashed. */
const W = /*#__PURE__*/ new Int32Array(64)
/** The state: H0…H7. */
const H = /*#__PURE__*/ new Int32Array(8)

/** The bytes a message of `length` bytes takes once padded: a multiple of 64, with room for the 0x80 byte and the 8-byte length. */
export const paddedLength = (length: number): number => (length + 72) & ~63

/**
 * SHA-256 of the first `length` bytes of `buffer`, which must hold at least
 * `paddedLength(length)` bytes; the bytes after the message are overwritten with the
 * padding. Returns the state, eight big-endian 32-bit words: a scratch array that the
 * next call overwrites, so read it at once.
 */
export const sha256Words = (buffer: Uint8Array, length: number): Int32Array => {
  const end = paddedLength(length)
  buffer[length] = 0x80
  // A loop: for the few bytes of a short message, fill() costs more than it saves.
  for (let i = length + 1; i < end - 8; i++) buffer[i] = 0
  // The length in bits, big-endian, in the last 8 bytes; messages up to 2^53 bits.
  const high = Math.floor(length / 0x20000000)
  const low = (length << 3) >>> 0
  buffer[end - 8] = high >>> 24
  buffer[end - 7] = high >>> 16
  buffer[end - 6] = high >>> 8
  buffer[end - 5] = high
  buffer[end - 4] = low >>> 24
  buffer[end - 3] = low >>> 16
  buffer[end - 2] = low >>> 8
  buffer[end - 1] = low
  // H0…H7 before the first block: the first 32 bits of the fractional parts of the square
  // roots of the first 8 primes (FIPS 180-4, 5.3.3).
  H[0] = 0x6a09e667
  H[1] = 0xbb67ae85
  H[2] = 0x3c6ef372
  H[3] = 0xa54ff53a
  H[4] = 0x510e527f
  H[5] = 0x9b05688c
  H[6] = 0x1f83d9ab
  H[7] = 0x5be0cd19
  for (let offset = 0; offset < end; offset += 64) compress(buffer, offset)
  return H
}

/** One 64-byte block at `offset` into the state. */
const compress = (buffer: Uint8Array, offset: number): void => {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4
    W[i] = ((buffer[j] ?? 0) << 24) | ((buffer[j + 1] ?? 0) << 16) | ((buffer[j + 2] ?? 0) << 8) | (buffer[j + 3] ?? 0)
  }
  for (let i = 16; i < 64; i++) {
    const x = W[i - 15] ?? 0
    const y = W[i - 2] ?? 0
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)
    W[i] = ((W[i - 16] ?? 0) + s0 + (W[i - 7] ?? 0) + s1) | 0
  }
  let a = H[0] ?? 0
  let b = H[1] ?? 0
  let c = H[2] ?? 0
  let d = H[3] ?? 0
  let e = H[4] ?? 0
  let f = H[5] ?? 0
  let g = H[6] ?? 0
  let h = H[7] ?? 0
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + (K[i] ?? 0) + (W[i] ?? 0)) | 0
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0
    h = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  H[0] = (H[0] ?? 0) + a
  H[1] = (H[1] ?? 0) + b
  H[2] = (H[2] ?? 0) + c
  H[3] = (H[3] ?? 0) + d
  H[4] = (H[4] ?? 0) + e
  H[5] = (H[5] ?? 0) + f
  H[6] = (H[6] ?? 0) + g
  H[7] = (H[7] ?? 0) + h
}

/** Two hex digits per byte value: four lookups per 32-bit word instead of eight. */
const BYTE_HEX: ReadonlyArray<string> = /*#__PURE__*/ Array.from({ length: 256 }, (_, byte) => (byte < 16 ? '0' : '') + byte.toString(16))

/** Eight hex digits of a 32-bit word, big-endian (faster than toString(16) and padStart on hot paths). */
export const hex8 = (n: number): string =>
  (BYTE_HEX[(n >>> 24) & 0xff] ?? '') + (BYTE_HEX[(n >>> 16) & 0xff] ?? '') + (BYTE_HEX[(n >>> 8) & 0xff] ?? '') + (BYTE_HEX[n & 0xff] ?? '')

/** SHA-256 of some bytes as 64 hex digits: for the known-answer tests, not a hot path. */
export const sha256Hex = (message: Uint8Array): string => {
  const buffer = new Uint8Array(paddedLength(message.length))
  buffer.set(message)
  return Array.from(sha256Words(buffer, message.length), hex8).join('')
}
