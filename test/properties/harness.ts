/**
 * The property harness: fixed seed, runs from FUZZ_RUNS (1,000 in `npm test`, 100,000 in
 * `npm run fuzz`), the seed and the way to replay printed on failure, and a record of the
 * runs each property made for the fuzz summary line.
 */
import { appendFileSync, mkdirSync } from 'node:fs'

import fc from 'fast-check'
import { it } from 'vitest'

/** Runs per property: 1,000 unless `FUZZ_RUNS` says otherwise (`npm run fuzz` sets 100,000). */
export const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000)

/** The seed every property starts from; `FUZZ_SEED` replays another one. */
export const SEED = Number(process.env['FUZZ_SEED'] ?? 20260601)

/** Where each property appends `{ name, runs }`, read by scripts/fuzz.mjs for its summary. */
const RECORD = process.env['FUZZ_RECORD']

/** About four times the slowest property’s cost per run (purity, 2 ms), so 100,000 runs do not time out on a busy machine. */
export const TIMEOUT_MS = 20_000 + RUNS * 10

/**
 * A property test: `RUNS` runs from `SEED`. On failure the message starts with the seed and
 * the command that replays it; fast-check adds the shrunk counterexample and its path.
 */
export const property = <Ts extends [unknown, ...Array<unknown>]>(
  name: string,
  arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  predicate: (...args: Ts) => void,
): void => {
  it(
    name,
    () => {
      try {
        fc.assert(fc.property(...arbitraries, predicate), { seed: SEED, numRuns: RUNS })
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error)
        throw new Error(`[property "${name}" failed with seed ${String(SEED)}; replay: FUZZ_SEED=${String(SEED)} FUZZ_RUNS=${String(RUNS)} npx vitest run test/properties]\n${why}`, { cause: error })
      }
      if (RECORD !== undefined) {
        mkdirSync(new URL('.', `file://${RECORD}`).pathname, { recursive: true })
        appendFileSync(RECORD, `${JSON.stringify({ name, runs: RUNS })}\n`)
      }
    },
    TIMEOUT_MS,
  )
}
