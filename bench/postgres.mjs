// npm run bench, part two: deliverykit/postgres's recordEvent against a plain INSERT of the
// same rows into a table of the same columns without keys (the baseline), measured in the
// same run, through one connection and through eight, on PGlite and, when DATABASE_URL is
// set, on that PostgreSQL server (in a schema of its own, dropped at the end). Then the
// campaign of issue 23 through sixteen connections (bench/postgresCampaign.mjs):
// recordEvents, one statement per body, and recordEvent, one per event, against a plain
// batched INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING of the same rows. Prints
// events per second and the ratios, and writes them to bench/results/postgres.json.
import { mkdirSync, writeFileSync } from 'node:fs'

import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

import { eventFromStatus } from '../dist/index.js'
import { POSTGRES_SCHEMA, recordEvent } from '../dist/postgres.js'
import { BATCH_SCHEMA, PREPARED_WAYS, WAYS, campaignBodies, checkStored, storeAll } from './postgresCampaign.mjs'

const MESSAGES = Number(process.env['BENCH_PG_MESSAGES'] ?? 1000)
const WARMUP = 200

/** mulberry32: a seeded generator, so every run records the same events in the same order. */
const random = (() => {
  let seed = 20261201
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
})()

/** Each message's life (accepted, sent, delivered or failed), a tenth of the callbacks redelivered, all shuffled. */
const makeEvents = (prefix, messages) => {
  const events = []
  for (let m = 0; m < messages; m++) {
    const life = [['ACK', '10:00:00'], ['TRANSMITTED', '10:00:05'], [random() < 0.8 ? 'DELIVERED' : 'NOT_DELIVERED', '10:00:30']]
    for (const [code, time] of life) {
      const result = eventFromStatus('octopush', { channel: 'sms', code, messageId: `${prefix}-${String(m)}`, recipient: `+336${String(m).padStart(8, '0')}`, occurredAt: `2025-01-22T${time}+01:00` })
      if (result._tag !== 'Right') throw new Error(`eventFromStatus refused ${code}`)
      events.push(result.right)
      if (random() < 0.1) events.push(structuredClone(result.right))
    }
  }
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[events[i], events[j]] = [events[j], events[i]]
  }
  return events
}

const PLAIN_SCHEMA = 'CREATE TABLE IF NOT EXISTS bench_plain (LIKE deliverykit_events INCLUDING DEFAULTS INCLUDING GENERATED)'
/** The baseline: the same twelve values into the same columns, one plain INSERT, no key, no conflict, no status. */
const plainInsert = (event) => {
  const { values } = recordEvent(event)
  return {
    text: 'INSERT INTO bench_plain (event_id, vendor, message_id, recipient, channel, status, rank, occurred_at_ms, status_order, event_id_order, channel_order, event) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::json)',
    values,
  }
}

/** Runs every query through `workers` callers taking the next event in turn; events per second. */
const rate = async (run, events, build, workers) => {
  let next = 0
  const worker = async () => {
    while (next < events.length) await run(build(events[next++]))
  }
  const start = performance.now()
  await Promise.all(Array.from({ length: workers }, worker))
  return events.length / ((performance.now() - start) / 1000)
}

const rows = []
const fmt = (n) => `${Math.round(n).toLocaleString('en-US')}/s`.padStart(10)

const measure = async (database, connections, run, truncate) => {
  // Check the answer before timing: every message ends with its last state, each event once.
  await truncate()
  const check = makeEvents('check', 50)
  await rate(run, check, recordEvent, connections)
  const counts = await run({ text: 'SELECT (SELECT count(*) FROM deliverykit_events)::int AS events, (SELECT count(*) FROM deliverykit_status WHERE rank = 2)::int AS settled', values: [] })
  const { events: stored, settled } = counts[0]
  if (stored !== new Set(check.map((e) => e.eventId)).size || settled !== 50) throw new Error(`${database}: wrong answer (${String(stored)} events, ${String(settled)} settled)`)

  const events = makeEvents(`${database}-${String(connections)}`, MESSAGES)
  await truncate()
  await rate(run, makeEvents('warm', WARMUP / 3), plainInsert, connections)
  await rate(run, makeEvents('warm', WARMUP / 3), recordEvent, connections)
  await truncate()
  const plain = await rate(run, events, plainInsert, connections)
  await truncate()
  const recorded = await rate(run, events, recordEvent, connections)
  const row = { database, connections, events: events.length, plainPerSecond: plain, recordPerSecond: recorded, ratio: recorded / plain }
  rows.push(row)
  console.log(`${database.padEnd(18)} ${String(connections)} connection${connections === 1 ? ' ' : 's'}  plain INSERT ${fmt(plain)}  recordEvent ${fmt(recorded)}  recordEvent / plain ${row.ratio.toFixed(2)}`)
}

const CAMPAIGN_CONNECTIONS = 16
const CAMPAIGN_ROUNDS = Number(process.env['BENCH_PG_ROUNDS'] ?? 3)
const campaign = campaignBodies()
const campaignRows = []

/**
 * The campaign, each way in turn, `CAMPAIGN_ROUNDS` rounds (the best rate of each way is
 * kept: the machine is shared, and a slower round says more about the neighbours than the
 * statement). Each round starts from empty tables; recordEvents and recordEvent are checked
 * against advance's fold after every round.
 */
const measureCampaign = async (database, run, truncate, ways) => {
  const best = Object.fromEntries(Object.keys(ways).map((name) => [name, 0]))
  for (const name of Object.keys(ways)) {
    await truncate()
    await storeAll(run, campaign.slice(0, 100), ways[name], CAMPAIGN_CONNECTIONS)
  }
  for (let round = 0; round < CAMPAIGN_ROUNDS; round++) {
    for (const [name, way] of Object.entries(ways)) {
      await truncate()
      best[name] = Math.max(best[name], await storeAll(run, campaign, way, CAMPAIGN_CONNECTIONS))
      if (!name.startsWith('plain')) await checkStored(run, campaign, `${database}, ${name}`)
    }
  }
  // Each way against the plain batched INSERT run the same way (prepared against prepared).
  const baseline = (name) => best[name.endsWith(', prepared') ? 'plain batched INSERT, prepared' : 'plain batched INSERT']
  const row = { database, connections: CAMPAIGN_CONNECTIONS, bodies: campaign.length, events: campaign.reduce((n, events) => n + events.length, 0), perSecond: best, ratioToPlainBatch: Object.fromEntries(Object.entries(best).map(([name, rate]) => [name, rate / baseline(name)])) }
  campaignRows.push(row)
  for (const [name, rate] of Object.entries(best)) {
    console.log(`${database.padEnd(18)} campaign, ${String(CAMPAIGN_CONNECTIONS)} connections  ${name.padEnd(30)} ${fmt(rate)}  / plain batched INSERT${name.endsWith(', prepared') ? ', prepared' : ''} ${(rate / baseline(name)).toFixed(2)}`)
  }
}

// PGlite: one in-process database; "eight connections" are eight concurrent callers, which PGlite serves one at a time.
{
  const db = await PGlite.create()
  await db.exec(POSTGRES_SCHEMA)
  await db.exec(PLAIN_SCHEMA)
  await db.exec(BATCH_SCHEMA)
  const run = async (query) => (await db.query(query.text, query.values)).rows
  const truncate = () => db.exec('TRUNCATE deliverykit_events, deliverykit_status, deliverykit_inbound, bench_plain, bench_batch')
  for (const connections of [1, 8]) await measure('PGlite', connections, run, truncate)
  await measureCampaign('PGlite', run, truncate, WAYS)
  await db.close()
}

const url = process.env['DATABASE_URL']
if (url === undefined || url === '') {
  console.log('PostgreSQL server: skipped, DATABASE_URL is not set (bash .ci/run sets up a local cluster; export its DATABASE_URL to include it)')
} else {
  const schema = `deliverykit_bench_${String(process.pid)}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  try {
    for (const connections of [1, 8]) {
      const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: connections })
      await pool.query(POSTGRES_SCHEMA)
      await pool.query(PLAIN_SCHEMA)
      const run = async (query) => (await pool.query(query)).rows
      const truncate = () => pool.query('TRUNCATE deliverykit_events, deliverykit_status, bench_plain')
      await measure('PostgreSQL server', connections, run, truncate)
      await pool.end()
    }
    const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: CAMPAIGN_CONNECTIONS })
    await pool.query(BATCH_SCHEMA)
    await measureCampaign('PostgreSQL server', async (query) => (await pool.query(query)).rows, () => pool.query('TRUNCATE deliverykit_events, deliverykit_status, deliverykit_inbound, bench_batch'), { ...WAYS, ...PREPARED_WAYS })
    await pool.end()
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`)
    await admin.end()
  }
}

mkdirSync(new URL('results/', import.meta.url), { recursive: true })
writeFileSync(new URL('results/postgres.json', import.meta.url), `${JSON.stringify({ node: process.version, date: new Date().toISOString(), messages: MESSAGES, rows, campaign: campaignRows }, null, 2)}\n`)
console.log('written to bench/results/postgres.json')
