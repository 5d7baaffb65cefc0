// Mutation testing, one folder of src/ at a time: `npm run mutate -- <folder>` (see
// scripts/mutate.mjs, which sets MUTATE_FOLDER and prints the score table). Not part of
// `npm test`. Each folder keeps its own incremental file in stryker/, committed, so a run
// retests only the mutants whose code or covering tests changed.
import { FOLDERS } from './scripts/mutationFolders.mjs'

const folder = process.env.MUTATE_FOLDER ?? 'model'
const globs = FOLDERS[folder]
if (globs === undefined) throw new Error(`MUTATE_FOLDER=${folder}: expected one of ${Object.keys(FOLDERS).join(', ')}`)
const slug = folder.replaceAll('/', '-')

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: globs,
  // Static mutants (module-level tables: the catalogs, their rationales, the registries)
  // would need the whole suite rerun per mutant. They are left out: the catalog tests
  // compare every row with the vendor's table (test/*/catalog.test.ts).
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `stryker/${slug}.json`,
  concurrency: 2,
  timeoutMS: 10_000,
  tempDirName: '.tmp/stryker',
  cleanTempDir: 'always',
  reporters: ['progress', 'json', 'clear-text'],
  clearTextReporter: { reportTests: false, reportMutants: true, reportScoreTable: true, skipFull: true },
  jsonReporter: { fileName: `.tmp/mutation/${slug}.json` },
  thresholds: { high: 90, low: 80, break: null },
}
