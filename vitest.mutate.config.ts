import { defineConfig, mergeConfig } from 'vitest/config'

import base from './vitest.config.js'

// The PGlite tests take seconds and cover only src/postgres: run them for that folder.
const postgresOnly = process.env['MUTATE_FOLDER'] === 'postgres' ? [] : ['test/postgres/pglite.test.ts']

/**
 * The tests a mutation run uses (`npm run mutate`): the unit suite without the tests that
 * only guard against a throw (a mutant they "kill" by throwing says nothing of the values
 * it computes), without the tests that run the built package or a compiler rather than
 * src/, and with fewer property runs, since each mutant reruns the tests that cover it.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        // Throw-only: any value passes, only a throw fails.
        'test/properties/never-throws.test.ts',
        'test/properties/hostile-arguments.test.ts',
        // They run dist/, tsc or a database server, not the mutated src/.
        'test/cli/process.test.ts',
        'test/docs/doc-blocks.test.ts',
        'test/docs/playground.test.ts',
        'test/docs/bench.test.ts',
        'test/postgres/server.test.ts',
        // They read src/ as text, and Stryker's copy of src/ holds every mutant's code.
        'test/hostile/regex.test.ts',
        'test/errors/build.test.ts',
        // They check the docs against git's file list and the compiler's view of src/: no
        // value src/ computes, and Stryker's copy is no git checkout.
        'test/docs/shipped-docs.test.ts',
        'test/docs/api-reference.test.ts',
        ...postgresOnly,
      ],
      typecheck: { enabled: false },
      // Each mutant reruns its covering tests; reimporting src/ for every test file is
      // most of that cost, and with static mutants left out no module state changes.
      isolate: false,
      reporters: ['default'],
      env: { FUZZ_RUNS: '100', LIMITS_LARGE: '2000' },
      // Instrumented code runs several times slower than src/ itself.
      testTimeout: 30_000,
    },
  }),
)
