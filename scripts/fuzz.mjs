// Runs the property suite (test/properties) with FUZZ_RUNS runs per property (default
// 100,000) and prints one line: properties × runs = inputs tried, and the wall time.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'

const runs = process.env.FUZZ_RUNS ?? '100000'
const record = fileURLToPath(new URL('../.tmp/fuzz-runs.jsonl', import.meta.url))
rmSync(record, { force: true })
const started = Date.now()
const vitest = spawnSync('npx', ['vitest', 'run', 'test/properties', '--typecheck.enabled=false', `--maxWorkers=${availableParallelism()}`], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_RECORD: record },
})
const seconds = (Date.now() - started) / 1000
const rows = existsSync(record) ? readFileSync(record, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)) : []
const inputs = rows.reduce((sum, row) => sum + row.runs, 0)
const fmt = (n) => n.toLocaleString('en-US')
// A property that fails records nothing: the line says so, rather than count only the passes.
const verdict = vitest.status === 0 ? 'fuzz:' : `fuzz: FAILED (vitest exit code ${String(vitest.status)}, see above);`
console.log(`${verdict} ${fmt(rows.length)} properties passed × ${fmt(Number(runs))} runs = ${fmt(inputs)} inputs tried in ${seconds.toFixed(0)} s (seed ${process.env.FUZZ_SEED ?? 'default'})`)
process.exit(vitest.status ?? 1)
