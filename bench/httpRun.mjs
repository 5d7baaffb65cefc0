// The HTTP path under load and faults, for bench/http.mjs and
// test/postgres/http-faults.test.ts: webhook server processes (httpServer.mjs) against one
// PostgreSQL, a load generator in a process of its own (httpLoad.mjs), and, while the load
// runs, backends of the servers terminated (pg_terminate_backend) and one server killed and
// started again. Every process is started here and killed in `finally`; every wait is
// bounded in time.
import { fork } from 'node:child_process'
import { createHash } from 'node:crypto'

import { advance } from '../dist/index.js'

const SERVER = new URL('httpServer.mjs', import.meta.url)
const LOAD = new URL('httpLoad.mjs', import.meta.url)

/** Waits for a child's message that `pick` accepts, at most `ms`. */
const messageFrom = (child, pick, ms, what) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', listen)
      reject(new Error(`${what}: no answer within ${String(ms)} ms`))
    }, ms)
    const listen = (message) => {
      const value = pick(message)
      if (value === undefined) return
      clearTimeout(timer)
      child.off('message', listen)
      resolve(value)
    }
    child.on('message', listen)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${what}: the process exited (${String(code)})`))
    })
  })

/**
 * A webhook server process; resolves once it listens. `env` adds settings (BENCH_MODE,
 * BENCH_PROFILE: httpServer.mjs), `execArgv` Node flags (`--cpu-prof`).
 */
export const startServer = async ({ url, schema, secret, pool = 8, env = {}, execArgv = [] }) => {
  const child = fork(SERVER, [], { env: { ...process.env, DATABASE_URL: url, BENCH_SCHEMA: schema, BENCH_SECRET: secret, BENCH_POOL: String(pool), ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const port = await messageFrom(child, (message) => message?.port, 30_000, 'webhook server')
  return { child, base: `http://127.0.0.1:${String(port)}` }
}

/** Ends a process: SIGTERM, then SIGKILL if it has not exited within a second. */
export const stop = async (child) => {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 1000)
  await exited
  clearTimeout(timer)
}

/** How many statements a server ran so far. */
export const statementsOf = async (server) => (await statsOf(server)).statements

/** A server's { statements, cpu, stages? } so far (httpServer.mjs). */
export const statsOf = (server) => {
  const answer = messageFrom(server.child, (message) => message?.stats, 5000, 'server stats')
  server.child.send('stats')
  return answer
}

/** Terminates one random backend of the webhook servers; whether there was one. */
const terminateOne = async (admin) => {
  const { rows } = await admin.query(
    `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
      WHERE application_name = 'deliverykit_bench_server' AND datname = current_database() AND pid <> pg_backend_pid()
      ORDER BY random() LIMIT 1`,
  )
  return rows[0]?.done === true
}

/**
 * Posts `bodies` (strings or bytes) through `servers` server processes at `concurrency`
 * senders. With `faults`, terminates a random backend of the servers every
 * `faults.everyMs` until `faults.terminations` are done, and kills and starts again the
 * first server `faults.restartAfterMs` after the start. `admin` is a pg client.
 */
export const runHttpLoad = async ({ url, schema, secret, admin, bodies, servers = 2, concurrency = 16, faults, maxAttempts = 30, deadlineMs = 120_000, server: serverSettings = {}, client, collectStats = false, beforeStop }) => {
  const running = []
  let load
  const fired = { terminated: 0, restarted: false }
  let done = false
  try {
    for (let i = 0; i < servers; i++) running.push(await startServer({ url, schema, secret, ...serverSettings }))
    load = fork(LOAD, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    const urls = () => running.map((server) => server.base)
    load.send({ urls: urls() })
    const finished = messageFrom(load, (message) => message?.done, deadlineMs + 30_000, 'load generator')
    load.send({ bodies, secret, concurrency, maxAttempts, deadlineMs, client })
    const injector = (async () => {
      if (faults === undefined) return
      const started = Date.now()
      // Bounded: at most this many turns, each at least everyMs apart.
      for (let turn = 0; turn < 10_000 && !done; turn++) {
        await new Promise((resolve) => setTimeout(resolve, faults.everyMs))
        if (done) return
        if (fired.terminated < faults.terminations && (await terminateOne(admin))) fired.terminated += 1
        if (!fired.restarted && Date.now() - started >= faults.restartAfterMs) {
          fired.restarted = true
          const [first] = running
          first.child.kill('SIGKILL')
          running[0] = await startServer({ url, schema, secret, ...serverSettings })
          load.send({ urls: urls() })
        }
        if (fired.terminated >= faults.terminations && fired.restarted) return
      }
    })()
    const result = await finished
    done = true
    await injector
    const stats = collectStats ? await Promise.all(running.map(statsOf)) : undefined
    if (beforeStop !== undefined) await beforeStop()
    return { ...result, ...fired, servers: running, stats }
  } finally {
    done = true
    if (load !== undefined) await stop(load)
    for (const server of running) await stop(server.child)
  }
}

/** The sha-256 of bytes or text, hex. */
export const digest = (body) => createHash('sha256').update(body).digest('hex')

/**
 * What the tables must hold after the load, whatever the faults: each event of the decoded
 * bodies once, each standing status advance's fold, each refused body kept (by digest).
 * Returns the list of what is wrong (empty when right).
 */
export const checkHttpStored = async (admin, decoded, refused) => {
  const events = new Map(decoded.flat().map((event) => [event.eventId, event]))
  const standing = new Map()
  for (const event of events.values()) {
    const key = JSON.stringify([event.vendor, event.messageId, event.recipient])
    standing.set(key, advance(standing.get(key), event))
  }
  const wrong = []
  const [counts] = (await admin.query('SELECT (SELECT count(*) FROM deliverykit_events)::int AS events, (SELECT count(DISTINCT event_id) FROM deliverykit_events)::int AS distinct_events, (SELECT count(*) FROM deliverykit_status)::int AS statuses')).rows
  if (counts.events !== events.size || counts.distinct_events !== events.size) wrong.push(`${String(counts.events)} events stored, ${String(events.size)} expected`)
  if (counts.statuses !== standing.size) wrong.push(`${String(counts.statuses)} statuses, ${String(standing.size)} expected`)
  const stood = new Set((await admin.query('SELECT event_id FROM deliverykit_status')).rows.map((row) => row.event_id))
  const notFold = [...standing.values()].filter((event) => !stood.has(event.eventId)).length
  if (notFold !== 0) wrong.push(`${String(notFold)} standing statuses are not advance's fold`)
  const kept = new Set((await admin.query("SELECT encode(sha256(body), 'hex') AS digest FROM deliverykit_kept_bodies")).rows.map((row) => row.digest))
  const lost = refused.filter((body) => !kept.has(digest(body))).length
  if (lost !== 0) wrong.push(`${String(lost)} refused bodies not kept`)
  return wrong
}

/** The p-th percentile (0–100) of numbers, nearest rank. */
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
