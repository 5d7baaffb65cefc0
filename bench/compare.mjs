// Two builds of deliverykit in one process, A/B: for each bench body, both builds'
// normalize are warmed up, then run in short alternating runs (the order swapped each
// round), and the median of the per-round ratios B/A is printed. On a shared machine this
// is steadier than timing each build alone: a burst of load lands on both sides of a round.
// How the speed of each change in docs/performance.md was measured.
//
//   node bench/compare.mjs <dist of A> <dist of B> [body regexp] [object|text]
//
// Each dist is a directory holding a build's index.js (an earlier commit's `npm run build`,
// copied aside). BENCH_ROUNDS (default 31) is the number of rounds, each about 2 x 15 ms.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

import { BODIES } from './bodies.mjs'

const [distA, distB, only = '.', mode = 'object'] = process.argv.slice(2)
if (distA === undefined || distB === undefined) {
  console.error('usage: node bench/compare.mjs <dist of A> <dist of B> [body regexp] [object|text]')
  process.exit(2)
}
const A = await import(pathToFileURL(resolve(distA, 'index.js')).href)
const B = await import(pathToFileURL(resolve(distB, 'index.js')).href)
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 31)

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]

/** Median time per call of each, and the median of the per-round ratios b / a. */
const compare = (a, b) => {
  for (const run of [a, b, a, b]) {
    const start = performance.now()
    while (performance.now() - start < 60) for (let i = 0; i < 100; i++) run()
  }
  // Calls per run: about 15 ms of `a`.
  let n = 1
  for (;;) {
    const start = performance.now()
    for (let i = 0; i < n; i++) a()
    const elapsed = performance.now() - start
    if (elapsed > 4) {
      n = Math.max(1, Math.round((n * 15) / elapsed))
      break
    }
    n *= 2
  }
  const time = (run) => {
    const start = performance.now()
    for (let i = 0; i < n; i++) run()
    return (performance.now() - start) / n
  }
  const as = []
  const bs = []
  const ratios = []
  for (let round = 0; round < rounds; round++) {
    let ta
    let tb
    if (round % 2 === 0) {
      ta = time(a)
      tb = time(b)
    } else {
      tb = time(b)
      ta = time(a)
    }
    as.push(ta)
    bs.push(tb)
    ratios.push(tb / ta)
  }
  return { a: median(as) * 1e6, b: median(bs) * 1e6, ratio: median(ratios) }
}

const pattern = new RegExp(only)
for (const [name, { vendor, body, options, entry, recipients }] of Object.entries(BODIES)) {
  if (!pattern.test(name) || recipients > 1000) continue
  const input = mode === 'text' ? JSON.stringify(body) : body
  const fa = entry === 'webhook' ? A.normalizeWebhook : A.normalize
  const fb = entry === 'webhook' ? B.normalizeWebhook : B.normalize
  const { a, b, ratio } = compare(
    () => fa(vendor, input, options),
    () => fb(vendor, input, options),
  )
  console.log(`${name.padEnd(26)} ${mode.padEnd(6)} A ${a.toFixed(0).padStart(8)} ns  B ${b.toFixed(0).padStart(8)} ns  B/A ${ratio.toFixed(2)}`)
}
