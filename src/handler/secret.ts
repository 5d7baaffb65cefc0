import { hashWords, paddedLength, SWAP } from '../util/sha256.js'

/**
 * The secret in the callback URL, checked in constant time. Each configured secret is
 * hashed once, when the handler is made; each request's is hashed once, and its digest is
 * compared with every configured digest, whole, with no early exit: the time taken depends
 * on the length of what was presented, never on how much of it is right, nor on which
 * secret it matched. Digests have the same length whatever the secret, so no comparison
 * stops at a shorter one. Plain JavaScript SHA-256 (../util/sha256.ts): no Node
 * crypto, so the same code runs in every runtime that runs the Web handler.
 */

/** A secret's SHA-256 digest: eight 32-bit words. */
export type SecretDigest = Int32Array

/**
 * SHA-256 of a text's UTF-16 code units, two bytes each, big-endian: a one-to-one
 * encoding of any string (lone surrogates included), which is all a comparison needs.
 */
export const secretDigest = (text: string): SecretDigest => {
  const length = text.length * 2
  const words = new Int32Array(paddedLength(length) >> 2)
  const bytes = new Uint8Array(words.buffer)
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    bytes[(2 * i) ^ SWAP] = unit >> 8
    bytes[(2 * i + 1) ^ SWAP] = unit & 0xff
  }
  // hashWords returns its scratch state: copy it before the next call overwrites it.
  return Int32Array.from(hashWords(words, bytes, length))
}

/**
 * Whether `presented` is one of the secrets whose digests are given. Every digest is
 * compared in full, and the verdicts are combined without a branch on any of them.
 */
export const isOneOf = (presented: string, digests: ReadonlyArray<SecretDigest>): boolean => {
  const digest = secretDigest(presented)
  let matched = 0
  for (const candidate of digests) {
    let difference = 0
    // Stryker disable next-line EqualityOperator: equivalent, a digest has 8 words: a ninth is undefined on both sides, 0 ^ 0
    for (let i = 0; i < 8; i++) difference |= (digest[i] ?? 0) ^ (candidate[i] ?? 0)
    // 1 when every word was equal, without a branch: `folded` is 0 exactly when `difference`
    // is, and never negative, so `folded - 1` is negative (top bit set) exactly then.
    const folded = (difference >>> 1) | (difference & 1)
    matched |= (folded - 1) >>> 31
  }
  return matched === 1
}
