// npm run size: bundles a minimal consumer of each entry point from the built dist/ with
// esbuild (minified, ESM, tree-shaken, io-ts and fp-ts included), and prints bytes raw and
// gzipped, against baselines measured in the same run: the smallest io-ts program (one
// codec decode), what any io-ts user already pays, and the same with fp-ts's Either
// barrel. Exits non-zero when an entry is over its budget (GOALS) or holds another
// vendor's identifiers. Not part of `npm test`.
//
// `npm run size -- --why` also bundles each consumer from src/ with esbuild's metafile and
// lists the bytes each source file leaves in the minified bundle, then measures what each
// piece of size machinery saves in each entry (scripts/sizePieces.mjs); with `--pure` too,
// what each file's /*#__PURE__*/ annotations save.
import { gzipSync } from 'node:zlib'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'

import { build } from 'esbuild'

import { VENDORS } from './vendorNames.mjs'

import { PIECES, measurePieces, printPieces, purePieces } from './sizePieces.mjs'

const root = new URL('..', import.meta.url).pathname

const BASELINE = 'baseline: io-ts alone'

/** name → [consumer of dist/, the same consumer of src/ (for --why)] */
const CONSUMERS = {
  [BASELINE]: [`import * as t from 'io-ts'\nconsole.log(t.type({ a: t.string }).decode({ a: 'x' })._tag)`],
  'baseline: io-ts + fp-ts Either barrel': [`import * as t from 'io-ts'\nimport { either } from 'fp-ts'\nconsole.log(either.isRight(t.type({ a: t.string }).decode({ a: 'x' })))`],
  'deliverykit (root, all vendors)': [
    `import { normalize, formatError } from './dist/index.js'\nconsole.log(normalize, formatError)`,
    `import { normalize, formatError } from './src/index.ts'\nconsole.log(normalize, formatError)`,
  ],
  ...Object.fromEntries(VENDORS.map((vendor) => [`deliverykit/${vendor}`, [`import { normalize } from './dist/${vendor}.js'\nconsole.log(normalize)`, `import { normalize } from './src/vendors/${vendor}/index.ts'\nconsole.log(normalize)`]])),
  'deliverykit/handler': [`import { createWebhookHandler } from './dist/handler.js'\nconsole.log(createWebhookHandler)`, `import { createWebhookHandler } from './src/handler/index.ts'\nconsole.log(createWebhookHandler)`],
}

/** Every property name a vendor's JSON Schema gives its bodies. */
const fieldsOf = (vendor) => {
  const names = new Set()
  const walk = (node) => {
    if (Array.isArray(node)) for (const item of node) walk(item)
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties') for (const name of Object.keys(value)) names.add(name)
        walk(value)
      }
    }
  }
  walk(JSON.parse(readFileSync(new URL(`../src/vendors/${vendor}/callbacks.schema.json`, import.meta.url), 'utf8')))
  return names
}
const FIELDS = Object.fromEntries(VENDORS.map((vendor) => [vendor, fieldsOf(vendor)]))
/**
 * The distinctive fields of a vendor's bodies, which no other vendor's have and no plain
 * word spells (`delivery_date`, `MESSANGI_ID`, `terminatingNumber`): a decoder of its left
 * in a bundle writes them. Plain words (`number`, `email`) are also the model's.
 */
const DISTINCTIVE = /[a-z]_[a-z]|[A-Z]_[A-Z]|^[a-z]{6,}[A-Z][a-z]{4,}$/
const ownFields = (vendor) => [...FIELDS[vendor]].filter((field) => DISTINCTIVE.test(field) && VENDORS.every((other) => other === vendor || !FIELDS[other].has(field)))

/** Identifiers of other vendors that must not be in a single-vendor bundle: their own fields. */
const MUST_NOT_APPEAR = Object.fromEntries(VENDORS.map((vendor) => [`deliverykit/${vendor}`, VENDORS.filter((other) => other !== vendor).flatMap(ownFields)]))

/** The budgets, gzipped: a vendor entry 10 KB, the root with every vendor 16 KB. */
const GOALS = { 'deliverykit (root, all vendors)': 16 * 1024, ...Object.fromEntries(VENDORS.map((vendor) => [`deliverykit/${vendor}`, 10 * 1024])) }

const why = process.argv.includes('--why')

const bundle = (contents, loader, metafile = false) =>
  build({
    stdin: { contents, resolveDir: root, loader },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
    metafile,
    outfile: 'consumer.js',
  })

const rows = []
let failed = false
for (const [name, [contents, fromSource]] of Object.entries(CONSUMERS)) {
  const result = await bundle(contents, 'js')
  const code = result.outputFiles[0].contents
  const text = new TextDecoder().decode(code)
  const gzip = gzipSync(code, { level: 9 }).length
  const leaks = (MUST_NOT_APPEAR[name] ?? []).filter((word) => text.includes(word))
  const goal = GOALS[name] ?? null
  if (leaks.length > 0 || (goal !== null && gzip > goal)) failed = true
  let inputs
  if (why && fromSource !== undefined) {
    const metafile = (await bundle(fromSource, 'ts', true)).metafile
    inputs = Object.entries(Object.values(metafile.outputs)[0].inputs)
      .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
      .filter(({ bytes }) => bytes > 0)
      .sort((a, b) => b.bytes - a.bytes)
  }
  rows.push({ name, raw: code.length, gzip, goal, leaks, ...(inputs && { inputs }) })
}

const baseline = rows.find((row) => row.name === BASELINE)
const kb = (n) => `${(n / 1024).toFixed(1)} KB`
console.log(`${'entry'.padEnd(38)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'gzip / io-ts'.padStart(14)}${'goal (gzip)'.padStart(13)}`)
for (const row of rows) {
  const verdict = row.goal === null ? '' : row.gzip <= row.goal ? ` ${kb(row.goal)} ok` : ` ${kb(row.goal)} OVER`
  console.log(`${row.name.padEnd(38)}${kb(row.raw).padStart(10)}${kb(row.gzip).padStart(10)}${(row.gzip / baseline.gzip).toFixed(2).padStart(13)}x${verdict.padStart(13)}`)
  if (row.leaks.length > 0) console.log(`  ! contains another vendor's identifiers: ${row.leaks.join(', ')}`)
  else if (MUST_NOT_APPEAR[row.name] !== undefined) console.log(`  none of the ${MUST_NOT_APPEAR[row.name].length} fields only other vendors' bodies have (${MUST_NOT_APPEAR[row.name].slice(0, 4).join(', ')}, …)`)
}
for (const row of rows) {
  if (row.inputs === undefined) continue
  console.log(`\n${row.name}, bundled from src/: bytes each file leaves in the minified bundle (before gzip)`)
  for (const { file, bytes } of row.inputs) console.log(`${String(bytes).padStart(8)}  ${file}`)
}

let pieces
if (why) {
  const entries = Object.entries(CONSUMERS).filter(([, [contents]]) => contents.includes('./dist/'))
  /** gzip bytes of each entry's consumer, bundled against the build in `dir`. */
  const measure = async (dir) => {
    const sizes = {}
    for (const [name, [contents]] of entries) {
      const result = await bundle(contents.replace('./dist/', `./${dir.slice(root.length)}/`), 'js')
      sizes[name] = gzipSync(result.outputFiles[0].contents, { level: 9 }).length
    }
    return sizes
  }
  pieces = await measurePieces(root, measure, process.argv.includes('--pure') ? [...PIECES, ...purePieces(root)] : PIECES)
  printPieces(pieces)
}

if (failed) console.log('\nover budget, or another vendor leaked in: exit code 1')
mkdirSync(new URL('../bench/results/', import.meta.url), { recursive: true })
writeFileSync(new URL('../bench/results/size.json', import.meta.url), `${JSON.stringify(rows, null, 2)}\n`)
if (pieces !== undefined) writeFileSync(new URL('../bench/results/size-pieces.json', import.meta.url), `${JSON.stringify(pieces, null, 2)}\n`)
if (failed) process.exitCode = 1
