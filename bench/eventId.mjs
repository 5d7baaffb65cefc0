// npm run bench:eventid: the candidates for eventId (issue 12, defect 6) against today's
// baselines, measured in the same run: the old 64-bit digest (bench/legacyDigest.mjs) and
// the whole normalize of an Octopush SMS body (built dist/, which uses the chosen digest).
// Each candidate hashes the fields of that SMS body's event: the 0.1.0 pre-release's five,
// or (issue 21) everything the event reports, with its format, kind and shape. Prints nanoseconds and ratios,
// and writes them to bench/results/eventId.json. BENCH_TIME_MS (default 400) is the time
// per task, spread over BENCH_ROUNDS rounds (default 5).
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'

import { Bench } from 'tinybench'

import { normalize } from '../dist/index.js'
import { BODIES } from './bodies.mjs'
import { deliveryIdFields, eventIdOf, digest as sha256Digest } from './digestFromSource.mjs'
import { exactKey } from './exactKey.mjs'
import { digest as legacyDigest } from './legacyDigest.mjs'
import { zodNormalizeOctopush } from './zodReference.mjs'

const time = Number(process.env['BENCH_TIME_MS'] ?? 400)
const sms = BODIES['octopush sms'].body
const parts = ['octopush', sms.message_id, sms.number, sms.status, sms.delivery_date]
// A body whose message id and recipient are long (1,000 characters each): the cost per byte.
const longParts = ['octopush', 'm'.repeat(1000), 'r'.repeat(1000), sms.status, sms.delivery_date]

// Reference only, not a candidate: Node's native SHA-256 is not available in browsers or
// workers, and WebCrypto's is asynchronous.
const nodeSha256 = (p) => createHash('sha256').update(exactKey(p)).digest('hex').slice(0, 32)

const normalized = normalize('octopush', sms)
if (normalized._tag !== 'Right') throw new Error('normalize rejected the SMS body')
// Since issue 21 an id hashes the format, vendor, kind and shape, and every field the event
// reports (list_name and unit_price included): what the SMS event's id is made of.
const smsEvent = normalized.right[0]
const idOfEvent = () => eventIdOf({ vendor: 'octopush', kind: 'delivery', shape: 'phone', fields: deliveryIdFields(smsEvent), rawIdentity: [] })
if (idOfEvent() !== smsEvent.eventId) throw new Error('the bench does not hash what normalize does')
if (sha256Digest(parts).length !== 32) throw new Error('the SHA-256 digest is not 32 hex digits')

const TASKS = {
  'legacy 64-bit digest (baseline)': () => legacyDigest(parts),
  '(a) SHA-256/128, src/util/digest.ts': () => sha256Digest(parts),
  '(a) SHA-256/128 of the whole event (issue 21)': idOfEvent,
  '(b) exact key (length-prefixed text)': () => exactKey(parts),
  'node:crypto SHA-256 (reference only)': () => nodeSha256(parts),
  '(a) SHA-256/128, 1,000-character id and recipient': () => sha256Digest(longParts),
  '(b) exact key, 1,000-character id and recipient': () => exactKey(longParts),
  'normalize(octopush SMS object), dist/': () => normalize('octopush', sms),
  'zod reference(octopush SMS object)': () => zodNormalizeOctopush(sms, undefined),
}

// The machine is shared: rounds of every task in turn, and the median of each ratio over
// the rounds, keep a burst of load from landing on one task only.
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5)
const rounds = []
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: time / ROUNDS, warmupTime: round === 0 ? 100 : 20 })
  for (const [name, run] of Object.entries(TASKS)) bench.add(name, run)
  await bench.run()
  rounds.push(Object.fromEntries(bench.tasks.map((task) => [task.name, task.result.latency.mean * 1e6])))
}
const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const LEGACY = 'legacy 64-bit digest (baseline)'
const WHOLE = 'normalize(octopush SMS object), dist/'
const ZOD = 'zod reference(octopush SMS object)'
const ns = Object.fromEntries(Object.keys(TASKS).map((name) => [name, median(rounds.map((r) => r[name]))]))
const ratios = Object.fromEntries(
  Object.keys(TASKS).map((name) => [name, { legacy: median(rounds.map((r) => r[name] / r[LEGACY])), normalize: median(rounds.map((r) => r[name] / r[WHOLE])), zod: median(rounds.map((r) => r[name] / r[ZOD])) }]),
)
const fmt = (n) => (n >= 1e3 ? `${(n / 1e3).toFixed(2)} µs` : `${n.toFixed(0)} ns`)
console.log(`median of ${String(ROUNDS)} rounds`)
console.log(`${'task'.padEnd(52)}${'time'.padStart(10)}${'/ legacy'.padStart(10)}${'/ normalize'.padStart(13)}${'/ zod'.padStart(9)}`)
for (const name of Object.keys(TASKS)) {
  const r = ratios[name]
  console.log(`${name.padEnd(52)}${fmt(ns[name]).padStart(10)}${r.legacy.toFixed(2).padStart(9)}x${r.normalize.toFixed(2).padStart(12)}x${r.zod.toFixed(2).padStart(8)}x`)
}
console.log(`key length for the SMS body: (a) ${String(sha256Digest(parts).length)} characters, (b) ${String(exactKey(parts).length)}; with 1,000-character fields: (a) ${String(sha256Digest(longParts).length)}, (b) ${String(exactKey(longParts).length)}`)

mkdirSync(new URL('results/', import.meta.url), { recursive: true })
writeFileSync(new URL('results/eventId.json', import.meta.url), `${JSON.stringify({ node: process.version, date: new Date().toISOString(), rounds: ROUNDS, ns, ratios }, null, 2)}\n`)
console.log('written to bench/results/eventId.json')
