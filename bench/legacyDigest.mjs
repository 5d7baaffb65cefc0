// The eventId digest before issue 12 (src/util/digest.ts at 15df1a7), kept verbatim as the
// baseline of bench/eventId.mjs: a 64-bit cyrb53-style digest whose two lanes absorb the same
// words, so collisions can be built. Not used by the library.
/**
 * A 64-bit, non-cryptographic digest of some strings, as 16 hex digits. Deterministic:
 * no randomness, no clock, the same in every runtime. Two 32-bit lanes mixed with
 * `Math.imul` (the cyrb53 construction, keeping all 64 bits).
 *
 * Used for `eventId`, an idempotency key, not for anything an attacker could profit from
 * colliding: the worst a forged collision can do is make a handler skip a forged event.
 */
export const digest = (parts) => {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (const part of parts) {
    // Two UTF-16 units per round: half the multiplications, the same information.
    const even = part.length - (part.length % 2)
    for (let i = 0; i < even; i += 2) {
      const pair = part.charCodeAt(i) | (part.charCodeAt(i + 1) << 16)
      h1 = Math.imul(h1 ^ pair, 2654435761)
      h2 = Math.imul(h2 ^ pair, 1597334677)
    }
    if (even < part.length) {
      const last = part.charCodeAt(even)
      h1 = Math.imul(h1 ^ last, 2654435761)
      h2 = Math.imul(h2 ^ last, 1597334677)
    }
    // Mixing in each part's length keeps ['ab', 'c'] and ['a', 'bc'] apart.
    h1 = Math.imul(h1 ^ part.length, 2246822507)
    h2 = Math.imul(h2 ^ part.length, 3266489909)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return hex8(h2) + hex8(h1)
}

/** Two hex digits per byte value: four lookups per 32-bit lane instead of eight. */
const BYTE_HEX = /*#__PURE__*/ Array.from({ length: 256 }, (_, byte) => (byte < 16 ? '0' : '') + byte.toString(16))

/** Eight hex digits of a 32-bit value (faster than toString(16) and padStart on hot paths). */
const hex8 = (n) =>
  (BYTE_HEX[(n >>> 24) & 0xff] ?? '') + (BYTE_HEX[(n >>> 16) & 0xff] ?? '') + (BYTE_HEX[(n >>> 8) & 0xff] ?? '') + (BYTE_HEX[n & 0xff] ?? '')
