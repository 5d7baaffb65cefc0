// Mutation testing, one folder of src/ at a time, each with its incremental file in
// stryker/: `npm run mutate` runs every folder, `npm run mutate -- internal cli` those named.
// Prints a Markdown table: mutants, killed (timeouts count as killed), survived, not
// covered, and the score, as Stryker computes it (detected ÷ valid mutants).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { FOLDERS } from './mutationFolders.mjs'

const named = process.argv.slice(2)
const unknown = named.filter((folder) => !(folder in FOLDERS))
if (unknown.length > 0) {
  console.error(`mutate: unknown folder ${unknown.join(', ')}; expected one of ${Object.keys(FOLDERS).join(', ')}`)
  process.exit(2)
}
const folders = named.length > 0 ? named : Object.keys(FOLDERS)
const root = fileURLToPath(new URL('..', import.meta.url))

const rows = []
for (const folder of folders) {
  const started = Date.now()
  const run = spawnSync('npx', ['stryker', 'run'], { cwd: root, stdio: 'inherit', env: { ...process.env, MUTATE_FOLDER: folder } })
  if (run.status !== 0) process.exit(run.status ?? 1)
  const report = JSON.parse(readFileSync(new URL(`../.tmp/mutation/${folder.replaceAll('/', '-')}.json`, import.meta.url), 'utf8'))
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 }
  for (const file of Object.values(report.files)) for (const mutant of file.mutants) if (mutant.status in count) count[mutant.status] += 1
  const detected = count.Killed + count.Timeout
  const valid = detected + count.Survived + count.NoCoverage
  rows.push({ folder, valid, detected, survived: count.Survived, noCoverage: count.NoCoverage, score: valid === 0 ? 100 : (100 * detected) / valid, minutes: (Date.now() - started) / 60_000 })
}

console.log('\n| folder | mutants | killed | survived | no coverage | score | minutes |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const row of rows) console.log(`| src/${row.folder === 'root' ? '' : `${row.folder}/`} | ${row.valid} | ${row.detected} | ${row.survived} | ${row.noCoverage} | ${row.score.toFixed(1)}% | ${row.minutes.toFixed(1)} |`)
