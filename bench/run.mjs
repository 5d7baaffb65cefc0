// npm run bench: deliverykit's entries against the baselines a user would otherwise have,
// measured in the same run: JSON.parse of the same text, a zod 4 reference that builds
// the same events (bench/zodReference.mjs), and for Octopush delivery bodies the
// hand-written floor (bench/floor.mjs). Prints each figure and the ratios, and writes them
// as JSON (bench/results/latest.json) to compare between commits.
//
// BENCH_BEFORE=<a dist/ directory> also times that build's entries in the same rounds
// (an earlier commit's `npm run build`, copied aside), for before/after ratios from one
// run. BENCH_TIME_MS (default 400) is the time per task, spread over BENCH_ROUNDS rounds
// (default 3); the figures are medians over the rounds, so a burst of load on the shared
// machine lands on one round, not on one task. BENCH_ONLY=<regexp> times the matching
// bodies only.
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

import { Bench } from 'tinybench'

import * as after from '../dist/index.js'
import { BODIES } from './bodies.mjs'
import { contendersOf, entryOf } from './contenders.mjs'

const before = process.env['BENCH_BEFORE'] ? await import(pathToFileURL(resolve(process.env['BENCH_BEFORE'], 'index.js')).href) : undefined
const time = Number(process.env['BENCH_TIME_MS'] ?? 400)
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3)
const only = process.env['BENCH_ONLY'] ? new RegExp(process.env['BENCH_ONLY']) : undefined

const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} ms` : n >= 1e3 ? `${(n / 1e3).toFixed(2)} µs` : `${n.toFixed(0)} ns`)

const rows = []
for (const [name, spec] of Object.entries(BODIES)) {
  if (only && !only.test(name)) continue
  const { vendor, body, options, recipients, entry, sameAs } = spec
  // Every contender must give the same answer before it is timed (bench/contenders.mjs).
  const { text, normalize, reference, floor } = contendersOf(after, name, spec)

  const tasks = {
    'normalize(object)': () => normalize(vendor, body, options),
    'normalize(text)': () => normalize(vendor, text, options),
  }
  if (before) {
    const old = entryOf(before, entry)
    tasks['before: normalize(object)'] = () => old(vendor, body, options)
    tasks['before: normalize(text)'] = () => old(vendor, text, options)
  }
  if (sameAs) {
    const base = BODIES[sameAs]
    tasks[`${sameAs}: normalize(object)`] = () => normalize(base.vendor, base.body, base.options)
    if (before) tasks[`before: ${sameAs}: normalize(object)`] = () => entryOf(before, base.entry)(base.vendor, base.body, base.options)
  }
  tasks['JSON.parse(text)'] = () => JSON.parse(text)
  tasks['zod reference(object)'] = () => reference(body, options)
  if (floor) tasks['floor(text)'] = () => floor(text)

  const perRound = []
  const taskTime = (recipients > 1000 ? 2 * time : time) / ROUNDS
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time: taskTime, warmupTime: round === 0 ? 100 : 20, iterations: recipients > 1000 ? 3 : 10 })
    for (const [task, run] of Object.entries(tasks)) bench.add(task, run)
    await bench.run()
    perRound.push(Object.fromEntries(bench.tasks.map((task) => [task.name, task.result.latency.mean * 1e6])))
  }
  const ns = Object.fromEntries(Object.keys(tasks).map((task) => [task, median(perRound.map((r) => r[task]))]))
  const ratio = (a, b) => (a in ns && b in ns ? median(perRound.map((r) => r[a] / r[b])) : null)
  const row = {
    body: name,
    recipients,
    ns,
    ratios: {
      'normalize(object) / zod reference': ratio('normalize(object)', 'zod reference(object)'),
      'normalize(text) / JSON.parse(text)': ratio('normalize(text)', 'JSON.parse(text)'),
      'normalize(text) / floor(text)': ratio('normalize(text)', 'floor(text)'),
      'before: normalize(object) / zod reference': ratio('before: normalize(object)', 'zod reference(object)'),
      'before: normalize(text) / JSON.parse(text)': ratio('before: normalize(text)', 'JSON.parse(text)'),
      'before: normalize(text) / floor(text)': ratio('before: normalize(text)', 'floor(text)'),
      'normalize(object) / before': ratio('normalize(object)', 'before: normalize(object)'),
      'normalize(text) / before': ratio('normalize(text)', 'before: normalize(text)'),
      ...(sameAs && {
        [`normalize(object) / ${sameAs}`]: ratio('normalize(object)', `${sameAs}: normalize(object)`),
        [`before: normalize(object) / ${sameAs}`]: ratio('before: normalize(object)', `before: ${sameAs}: normalize(object)`),
      }),
    },
    nsPerRecipient: ns['normalize(object)'] / recipients,
  }
  rows.push(row)
  const r = row.ratios
  const part = (label, value) => (value === null || value === undefined ? '' : `  ${label} ${value.toFixed(2)}`)
  console.log(
    `${name.padEnd(24)} object ${fmt(ns['normalize(object)']).padStart(9)}  text ${fmt(ns['normalize(text)']).padStart(9)}  JSON.parse ${fmt(ns['JSON.parse(text)']).padStart(9)}  zod ${fmt(ns['zod reference(object)']).padStart(9)}${floor ? `  floor ${fmt(ns['floor(text)']).padStart(9)}` : ''}` +
      ` |${part('obj/zod', r['normalize(object) / zod reference'])}${part('text/parse', r['normalize(text) / JSON.parse(text)'])}${part('text/floor', r['normalize(text) / floor(text)'])}` +
      (sameAs ? part(`/ ${sameAs}`, r[`normalize(object) / ${sameAs}`]) : '') +
      (before
        ? ` | before:${part('obj/zod', r['before: normalize(object) / zod reference'])}${part('text/parse', r['before: normalize(text) / JSON.parse(text)'])}${part('text/floor', r['before: normalize(text) / floor(text)'])}${sameAs ? part(`/ ${sameAs}`, r[`before: normalize(object) / ${sameAs}`]) : ''}${part('after/before obj', r['normalize(object) / before'])}${part('text', r['normalize(text) / before'])}`
        : ''),
  )
}

const perRecipient = (name, task) => {
  const row = rows.find((r) => r.body === name)
  return row === undefined || !(task in row.ns) ? Number.NaN : row.ns[task] / row.recipients
}
const linearity = (task) => perRecipient('octopush email x10000', task) / perRecipient('octopush email x100', task)
const emailLinearity = linearity('normalize(object)')
// The same ratio for the zod reference: the baseline for what the runtime (V8's garbage
// collector with 10,000 live events) adds by itself.
const zodEmailLinearity = linearity('zod reference(object)')
if (!Number.isNaN(emailLinearity)) {
  console.log(
    `e-mail per-recipient cost, 10,000 vs 100 recipients: ${emailLinearity.toFixed(2)}x (zod reference: ${zodEmailLinearity.toFixed(2)}x, floor: ${linearity('floor(text)').toFixed(2)}x${before ? `, before: ${linearity('before: normalize(object)').toFixed(2)}x` : ''})`,
  )
}

mkdirSync(new URL('results/', import.meta.url), { recursive: true })
const out = new URL('results/latest.json', import.meta.url)
writeFileSync(out, `${JSON.stringify({ node: process.version, date: new Date().toISOString(), rounds: ROUNDS, before: process.env['BENCH_BEFORE'] ?? null, rows, emailLinearity, zodEmailLinearity }, null, 2)}\n`)
console.log(`written to bench/results/latest.json`)
