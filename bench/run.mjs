// npm run bench: deliverykit's normalize against the baselines a user would otherwise
// have, measured in the same run. Prints each figure and the ratios, and writes them as
// JSON (bench/results/latest.json) to compare between commits.
import { mkdirSync, writeFileSync } from 'node:fs'

import { Bench } from 'tinybench'

import { normalize } from '../dist/index.js'
import { BODIES } from './bodies.mjs'
import { zodNormalizeMasstack, zodNormalizeMessangi, zodNormalizeOctopush } from './zodReference.mjs'

const REFERENCES = { octopush: zodNormalizeOctopush, messangi: zodNormalizeMessangi, masstack: zodNormalizeMasstack }
const time = Number(process.env['BENCH_TIME_MS'] ?? 400)

const rows = []
for (const [name, { vendor, body, options, recipients }] of Object.entries(BODIES)) {
  const text = JSON.stringify(body)
  const reference = REFERENCES[vendor]
  // Check that every contender gives an answer before timing it.
  if (normalize(vendor, body, options)._tag !== 'Right') throw new Error(`${name}: normalize rejected the body`)
  if (reference && !reference(body, options).success) throw new Error(`${name}: the zod reference rejected the body`)

  const bench = new Bench({ time: recipients > 1000 ? time * 2 : time, warmupTime: 100 })
  bench.add('normalize(object)', () => normalize(vendor, body, options))
  bench.add('normalize(text)', () => normalize(vendor, text, options))
  bench.add('JSON.parse(text)', () => JSON.parse(text))
  if (reference) bench.add('zod reference(object)', () => reference(body, options))
  await bench.run()

  const ns = Object.fromEntries(bench.tasks.map((task) => [task.name, task.result.latency.mean * 1e6]))
  const row = {
    body: name,
    recipients,
    ns,
    ratios: {
      'normalize(object) / zod reference': reference ? ns['normalize(object)'] / ns['zod reference(object)'] : null,
      'normalize(text) / JSON.parse(text)': ns['normalize(text)'] / ns['JSON.parse(text)'],
    },
    nsPerRecipient: ns['normalize(object)'] / recipients,
  }
  rows.push(row)
  const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} ms` : n >= 1e3 ? `${(n / 1e3).toFixed(2)} µs` : `${n.toFixed(0)} ns`)
  console.log(
    `${name.padEnd(24)} normalize(object) ${fmt(ns['normalize(object)']).padStart(10)}  normalize(text) ${fmt(ns['normalize(text)']).padStart(10)}  JSON.parse ${fmt(ns['JSON.parse(text)']).padStart(10)}  zod ${reference ? fmt(ns['zod reference(object)']).padStart(10) : 'n/a'.padStart(10)}  | obj/zod ${row.ratios['normalize(object) / zod reference']?.toFixed(2) ?? 'n/a'}  text/parse ${row.ratios['normalize(text) / JSON.parse(text)'].toFixed(2)}`,
  )
}

const perRecipient = (name, task = 'normalize(object)') => {
  const row = rows.find((r) => r.body === name)
  return row.ns[task] / row.recipients
}
const linearity = perRecipient('octopush email x10000') / perRecipient('octopush email x100')
// The same ratio for the zod reference: the baseline for what the runtime (V8's garbage
// collector with 10,000 live events) adds by itself.
const zodLinearity = perRecipient('octopush email x10000', 'zod reference(object)') / perRecipient('octopush email x100', 'zod reference(object)')
console.log(`e-mail per-recipient cost, 10,000 vs 100 recipients: ${linearity.toFixed(2)}x (zod reference: ${zodLinearity.toFixed(2)}x)`)

mkdirSync(new URL('results/', import.meta.url), { recursive: true })
const out = new URL('results/latest.json', import.meta.url)
writeFileSync(out, `${JSON.stringify({ node: process.version, date: new Date().toISOString(), rows, emailLinearity: linearity, zodEmailLinearity: zodLinearity }, null, 2)}\n`)
console.log(`written to bench/results/latest.json`)
