// npm run bench:zones: Octopush SMS bodies read in an IANA zone (not the default zone's
// arithmetic), their dates spread over 1 day, 30 days and 1990-2037: the last is the case
// where a zone's memo of Intl offsets misses nearly every time. BENCH_BEFORE=<a dist/
// directory> also times that build (an earlier commit's `npm run build`, copied aside),
// alternating rounds, and checks that both give the same events. BENCH_ZONE (default
// America/New_York) names the zone; BENCH_ROUNDS (default 7) the rounds, whose medians
// are shown.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { isDeepStrictEqual } from 'node:util'

import * as after from '../dist/index.js'

const before = process.env['BENCH_BEFORE'] ? await import(pathToFileURL(resolve(process.env['BENCH_BEFORE'], 'index.js')).href) : undefined
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 7)
const options = { timeZone: process.env['BENCH_ZONE'] ?? 'America/New_York' }
const BODIES = 20_000
const sms = JSON.parse(readFileSync(new URL('../examples/payloads/octopush/sms.json', import.meta.url), 'utf8'))

// A fixed linear congruential sequence: the same dates every run.
let seed = 12345
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
const bodiesOver = (days) =>
  Array.from({ length: BODIES }, () => ({ ...sms, delivery_date: new Date(Date.UTC(1990, 0, 1) + Math.floor(next() * days * 86_400_000)).toISOString().slice(0, 19).replace('T', ' ') }))

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]
/** Microseconds per body, the whole list normalized once. */
const timeOf = (library, bodies) => {
  const started = performance.now()
  for (const body of bodies) library.normalize('octopush', body, options)
  return ((performance.now() - started) / bodies.length) * 1000
}

for (const [label, days] of [['1 day', 1], ['30 days', 30], ['1990-2037', 48 * 365]]) {
  const bodies = bodiesOver(days)
  if (before) {
    for (const body of bodies) {
      if (!isDeepStrictEqual(after.normalize('octopush', body, options), before.normalize('octopush', body, options))) throw new Error(`${body.delivery_date}: the builds give other events`)
    }
  }
  const times = { after: [], before: [] }
  for (let round = 0; round < ROUNDS; round++) {
    times.after.push(timeOf(after, bodies))
    if (before) times.before.push(timeOf(before, bodies))
  }
  const line = `${options.timeZone}, dates over ${label}: ${median(times.after).toFixed(2)} µs per body`
  console.log(before ? `${line}, before ${median(times.before).toFixed(2)} µs, after/before ${(median(times.after) / median(times.before)).toFixed(2)}` : line)
}
