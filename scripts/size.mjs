// npm run size: bundles a minimal consumer of each entry point from the built dist/ with
// esbuild (minified, ESM, tree-shaken, io-ts and fp-ts included), and prints bytes raw and
// gzipped, against a baseline measured in the same run: the smallest io-ts + fp-ts
// program (one codec decode), i.e. what any io-ts user already pays.
import { gzipSync } from 'node:zlib'
import { writeFileSync, mkdirSync } from 'node:fs'

import { build } from 'esbuild'

const root = new URL('..', import.meta.url).pathname

const CONSUMERS = {
  'baseline: io-ts + fp-ts alone': `import * as t from 'io-ts'\nimport { either } from 'fp-ts'\nconsole.log(either.isRight(t.type({ a: t.string }).decode({ a: 'x' })))`,
  'deliverykit (root, all vendors)': `import { normalize, formatError } from './dist/index.js'\nconsole.log(normalize, formatError)`,
  'deliverykit/octopush': `import { normalize } from './dist/octopush.js'\nconsole.log(normalize)`,
  'deliverykit/messangi': `import { normalize } from './dist/messangi.js'\nconsole.log(normalize)`,
  'deliverykit/masstack': `import { normalize } from './dist/masstack.js'\nconsole.log(normalize)`,
}

/** Identifiers of other vendors that must not be in a single-vendor bundle. */
const MUST_NOT_APPEAR = {
  'deliverykit/octopush': ['MESSANGI', 'MASSTACK', 'terminatingNumber', 'MESSANGI_ID'],
  'deliverykit/messangi': ['OCTOPUSH', 'MASSTACK', 'terminatingNumber', 'delivery_date'],
  'deliverykit/masstack': ['OCTOPUSH', 'MESSANGI', 'MESSANGI_ID', 'delivery_date'],
}

const GOALS = { 'deliverykit (root, all vendors)': 16 * 1024, 'deliverykit/octopush': 8 * 1024, 'deliverykit/messangi': 8 * 1024, 'deliverykit/masstack': 8 * 1024 }

const rows = []
let failed = false
for (const [name, contents] of Object.entries(CONSUMERS)) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0].contents
  const text = new TextDecoder().decode(code)
  const gzip = gzipSync(code, { level: 9 }).length
  const leaks = (MUST_NOT_APPEAR[name] ?? []).filter((word) => text.includes(word))
  if (leaks.length > 0) failed = true
  rows.push({ name, raw: code.length, gzip, goal: GOALS[name] ?? null, leaks })
}

const baseline = rows[0]
const kb = (n) => `${(n / 1024).toFixed(1)} KB`
console.log(`${'entry'.padEnd(34)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'gzip / baseline'.padStart(17)}${'goal (gzip)'.padStart(13)}`)
for (const row of rows) {
  const verdict = row.goal === null ? '' : row.gzip <= row.goal ? ` ${kb(row.goal)} ok` : ` ${kb(row.goal)} OVER`
  console.log(`${row.name.padEnd(34)}${kb(row.raw).padStart(10)}${kb(row.gzip).padStart(10)}${(row.gzip / baseline.gzip).toFixed(2).padStart(16)}x${verdict.padStart(13)}`)
  if (row.leaks.length > 0) console.log(`  ! contains another vendor's identifiers: ${row.leaks.join(', ')}`)
}
mkdirSync(new URL('../bench/results/', import.meta.url), { recursive: true })
writeFileSync(new URL('../bench/results/size.json', import.meta.url), `${JSON.stringify(rows, null, 2)}\n`)
if (failed) process.exitCode = 1
