/**
 * A 64-bit, non-cryptographic digest of some strings, as 16 hex digits. Deterministic:
 * no randomness, no clock, the same in every runtime. Two 32-bit lanes mixed with
 * `Math.imul` (the cyrb53 construction, keeping all 64 bits).
 *
 * Used for `eventId`, an idempotency key, not for anything an attacker could profit from
 * colliding: the worst a forged collision can do is make a handler skip a forged event.
 */
export const digest = (parts: ReadonlyArray<string>): string => {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const code = part.charCodeAt(i)
      h1 = Math.imul(h1 ^ code, 2654435761)
      h2 = Math.imul(h2 ^ code, 1597334677)
    }
    // Mixing in each part's length keeps ['ab', 'c'] and ['a', 'bc'] apart.
    h1 = Math.imul(h1 ^ part.length, 2246822507)
    h2 = Math.imul(h2 ^ part.length, 3266489909)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return hex8(h2) + hex8(h1)
}

const HEX = '0123456789abcdef'

/** Eight hex digits of a 32-bit value (faster than toString(16) and padStart on hot paths). */
const hex8 = (n: number): string => {
  let out = ''
  for (let shift = 28; shift >= 0; shift -= 4) out += HEX[(n >>> shift) & 0xf] ?? ''
  return out
}
