// npm run bench, part three: the HTTP path. Two webhook server processes on 127.0.0.1
// (deliverykit/handler with createPostgresStore over pg) against the PostgreSQL server at
// DATABASE_URL, and a load generator in a process of its own posting the campaign of
// issue 23 (bench/postgresCampaign.mjs: 3,000 SMS receipts, 60 e-mail bodies of 200, a
// tenth redelivered, shuffled), plus refused bodies, at 16 concurrent senders that retry
// every answer that is not 2xx. Reported: events per second against a plain batched INSERT
// of the same rows measured in the same run, p50/p99 of the SMS bodies, and one e-mail body
// of 10,000 recipients. The load generator posts with node:http and a keep-alive agent. Then the same load again with faults (backends terminated, one
// server killed and started again), checked: every event stored once, every standing
// status advance's fold, every refused body kept. Writes bench/results/http.json.
import { mkdirSync, writeFileSync } from 'node:fs'

import pg from 'pg'

import { parseWebhook } from '../dist/index.js'
import { POSTGRES_SCHEMA } from '../dist/postgres.js'
import { checkHttpStored, percentile, runHttpLoad, startServer, statementsOf, stop } from './httpRun.mjs'
import { BATCH_SCHEMA, WAYS, campaignRawBodies, storeAll } from './postgresCampaign.mjs'

const url = process.env['DATABASE_URL']
if (url === undefined || url === '') {
  console.log('HTTP path: skipped, DATABASE_URL is not set (bash .ci/run sets up a local cluster; export its DATABASE_URL to include it)')
  process.exit(0)
}

const SECRET = 'bench-secret-0123456789abcdef'
const CONNECTIONS = 16
// node:http with a keep-alive agent: fetch (undici) took twice its CPU on the two shared
// cores, and the load generator is not what is measured (bench/httpProfile.mjs compares them).
const CLIENT = 'http keep-alive'
const TABLES = 'deliverykit_events, deliverykit_status, deliverykit_inbound, deliverykit_kept_bodies'

const raw = campaignRawBodies()
// Refused bodies: a code deliverykit does not map, and bytes that are no callback (NUL, invalid UTF-8).
const refused = Array.from({ length: 30 }, (_, i) =>
  i % 2 === 0
    ? JSON.stringify({ message_id: `refused_${String(i)}`, number: '+33600000001', status: `NEW_CODE_${String(i)}`, delivery_date: '2025-01-22 10:00:00' })
    : Uint8Array.of(0x7b, 0x00, 0xff, i, 0x7d),
)
const texts = raw.map((body) => JSON.stringify(body))
const decoded = raw.map((body) => parseWebhook('octopush', body))
const bodies = [...texts, ...refused]
const events = decoded.reduce((n, list) => n + list.length, 0)

const schema = `deliverykit_http_${String(process.pid)}`
const admin = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` })
await admin.connect()
await admin.query(`CREATE SCHEMA ${schema}`)
const report = { node: process.version, date: new Date().toISOString(), bodies: bodies.length, events, connections: CONNECTIONS, client: CLIENT }
try {
  await admin.query(POSTGRES_SCHEMA)
  await admin.query(BATCH_SCHEMA)

  // The baseline: a plain batched INSERT of the same rows, one statement per body, 16 connections, best of 2.
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: CONNECTIONS })
  const run = async (query) => (await pool.query(query)).rows
  let plain = 0
  for (let round = 0; round < 2; round++) {
    await pool.query('TRUNCATE bench_batch')
    plain = Math.max(plain, await storeAll(run, decoded, WAYS['plain batched INSERT'], CONNECTIONS))
  }
  await pool.end()
  report.plainBatchedInsertPerSecond = plain

  // The HTTP path, no faults: the figures.
  await admin.query(`TRUNCATE ${TABLES}`)
  const clean = await runHttpLoad({ url, schema, secret: SECRET, admin, bodies, concurrency: CONNECTIONS, client: CLIENT })
  const smsMs = clean.results.slice(0, texts.length).filter((_, i) => decoded[i].length === 1).map((result) => result.ms)
  report.http = {
    seconds: clean.seconds,
    eventsPerSecond: events / clean.seconds,
    ratioToPlainBatchedInsert: events / clean.seconds / plain,
    smsP50Ms: percentile(smsMs, 50),
    smsP99Ms: percentile(smsMs, 99),
    retried: clean.results.filter((result) => result.attempts > 1).length,
    wrong: await checkHttpStored(admin, decoded, refused),
  }

  // One e-mail body of 10,000 recipients: one statement, timed.
  const big = JSON.stringify(campaignRawBodies({ sms: 0, emails: 1, recipients: 10_000 }).find((body) => body.deliveries !== undefined))
  const server = await startServer({ url, schema, secret: SECRET })
  try {
    const before = await statementsOf(server)
    const times = []
    for (let round = 0; round < 3; round++) {
      await admin.query(`TRUNCATE ${TABLES}`)
      const start = performance.now()
      const response = await fetch(`${server.base}/webhooks/octopush?token=${SECRET}`, { method: 'POST', body: big })
      times.push(performance.now() - start)
      if (response.status !== 204) throw new Error(`the 10,000-recipient body was answered ${String(response.status)}`)
    }
    report.email10k = { ms: times, statementsPerBody: ((await statementsOf(server)) - before) / 3 }
  } finally {
    await stop(server.child)
  }

  // The same load with faults: backends terminated, one server killed and started again.
  await admin.query(`TRUNCATE ${TABLES}`)
  const faulted = await runHttpLoad({ url, schema, secret: SECRET, admin, bodies, concurrency: CONNECTIONS, client: CLIENT, faults: { everyMs: 400, terminations: 8, restartAfterMs: 1500 } })
  report.faults = {
    seconds: faulted.seconds,
    eventsPerSecond: events / faulted.seconds,
    terminated: faulted.terminated,
    restarted: faulted.restarted,
    retried: faulted.results.filter((result) => result.attempts > 1).length,
    notStored: faulted.results.filter((result) => result.status < 200 || result.status >= 300).length,
    wrong: await checkHttpStored(admin, decoded, refused),
  }
} finally {
  await admin.query(`DROP SCHEMA ${schema} CASCADE`)
  await admin.end()
}

const fmt = (n) => `${Math.round(n).toLocaleString('en-US')}/s`
console.log(`HTTP path, ${String(report.bodies)} bodies, ${String(report.events)} events, 2 server processes, ${String(CONNECTIONS)} senders`)
console.log(`  plain batched INSERT (16 connections)   ${fmt(report.plainBatchedInsertPerSecond)}`)
console.log(`  handler + createPostgresStore over HTTP  ${fmt(report.http.eventsPerSecond)}  ÷ plain batched INSERT ${report.http.ratioToPlainBatchedInsert.toFixed(2)}  SMS body p50 ${report.http.smsP50Ms.toFixed(1)} ms, p99 ${report.http.smsP99Ms.toFixed(1)} ms  ${report.http.wrong.length === 0 ? 'checked' : `WRONG: ${report.http.wrong.join('; ')}`}`)
console.log(`  e-mail body of 10,000 recipients         ${report.email10k.ms.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}; ${String(report.email10k.statementsPerBody)} statement per body`)
console.log(`  with faults (${String(report.faults.terminated)} backends terminated, ${report.faults.restarted ? 'one server restarted' : 'no restart'})  ${fmt(report.faults.eventsPerSecond)}  ${String(report.faults.retried)} bodies retried, ${String(report.faults.notStored)} never stored  ${report.faults.wrong.length === 0 ? 'checked: every event once, every status the fold, every refused body kept' : `WRONG: ${report.faults.wrong.join('; ')}`}`)
mkdirSync(new URL('results/', import.meta.url), { recursive: true })
writeFileSync(new URL('results/http.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`)
console.log('written to bench/results/http.json')
if (report.http.wrong.length > 0 || report.faults.wrong.length > 0 || report.faults.notStored > 0) process.exitCode = 1
