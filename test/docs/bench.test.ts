// docs/performance.md's figures come from `npm run bench`, which times each body's
// contenders only once they agree (bench/contenders.mjs). The checks alone, here, on the
// built package as the bench runs it: a change to the library that the zod reference or
// the hand-written floor does not follow fails `npm test`, not the next benchmark.
import { describe, expect, it } from 'vitest'

interface BenchBody {
  readonly vendor: string
  readonly recipients: number
  readonly options?: object
  readonly entry?: 'webhook'
}

interface Contenders {
  readonly events: ReadonlyArray<unknown>
  readonly floor: unknown
}

/** A plain JavaScript module of the bench, or the built package: no declarations, typed here. */
const load = async <T>(path: string): Promise<T> => (await import(new URL(path, import.meta.url).href)) as T

const library = await load<object>('../../dist/index.js')
const { BODIES } = await load<{ readonly BODIES: Readonly<Record<string, BenchBody>> }>('../../bench/bodies.mjs')
const { contendersOf } = await load<{ readonly contendersOf: (library: object, name: string, spec: BenchBody) => Contenders }>('../../bench/contenders.mjs')

describe('the benchmark contenders agree', () => {
  it.each(Object.entries(BODIES))('%s', (name, spec) => {
    const { events, floor } = contendersOf(library, name, spec)
    expect(events).toHaveLength(spec.recipients)
    // The floor is timed on Octopush's delivery bodies in the default options.
    expect(floor !== undefined).toBe(spec.vendor === 'octopush' && spec.entry === undefined && spec.options === undefined)
  })
})
