// One webhook server process for bench/http.mjs, bench/httpProfile.mjs and
// test/postgres/http-faults.test.ts: the Octopush handler of deliverykit/handler with
// createPostgresStore over a pg pool, on 127.0.0.1 at a port the system picks. Started
// with child_process.fork; it tells its parent { port } once listening, answers { stats }
// with how many statements it ran (and, under BENCH_PROFILE, the time of each stage and
// its own CPU), and exits on SIGTERM or when its parent goes. Settings come from the
// environment: DATABASE_URL, BENCH_SCHEMA (search_path), BENCH_SECRET, BENCH_POOL
// (connections), BENCH_MODE (`postgres`, the default; `nodb`: the same handler and store
// with a query function that answers without a database; `noop`: a bare node:http server
// that reads the body and answers 204, the machine's HTTP ceiling), BENCH_PROFILE=1,
// BENCH_DIST (the build to serve; default ../dist/).
import { AsyncLocalStorage } from 'node:async_hooks'
import { createServer } from 'node:http'

import pg from 'pg'

// BENCH_DIST: another build to serve (a folder relative to this one, e.g. `../.tmp/dist-before/`), to compare two in one run.
const dist = new URL(process.env['BENCH_DIST'] ?? '../dist/', import.meta.url)
const { createWebhookHandler } = await import(new URL('handler.js', dist).href)
const { createPostgresStore } = await import(new URL('postgres.js', dist).href)

const url = process.env['DATABASE_URL']
if (url === undefined || process.send === undefined) throw new Error('httpServer.mjs: run it with fork() and DATABASE_URL set')
const mode = process.env['BENCH_MODE'] ?? 'postgres'
const profiling = process.env['BENCH_PROFILE'] === '1'

const pool = new pg.Pool({
  connectionString: url,
  max: Number(process.env['BENCH_POOL'] ?? 8),
  // The fault injector terminates backends of this name only: the server is shared.
  application_name: 'deliverykit_bench_server',
  options: `-c search_path=${process.env['BENCH_SCHEMA'] ?? 'public'}`,
})
// A connection terminated while idle: the pool drops it and opens another.
pool.on('error', () => undefined)

// Under BENCH_PROFILE: per request, the instants its stages end, summed per stage and per
// kind of body (one event, or many). Timers only: performance.now() around the library's
// public seams, nothing in the library itself.
const STAGES = ['auth', 'read', 'decode', 'build', 'poolWait', 'roundTrip', 'readRows', 'respond']
const totals = { one: { requests: 0, ms: Object.fromEntries(STAGES.map((s) => [s, 0])) }, many: { requests: 0, ms: Object.fromEntries(STAGES.map((s) => [s, 0])) } }
const current = new AsyncLocalStorage()

let statements = 0
const runQuery =
  mode === 'nodb'
    ? // What the statement would return if every event were new and none stood: recordedEvents accepts it.
      async (text, values) => {
        statements += 1
        return { rows: [{ recorded: values[0], standing: [] }] }
      }
    : async (text, values, name) => {
        statements += 1
        const t = current.getStore()
        if (t === undefined) return pool.query({ text, values, name })
        t.queryCalled = performance.now()
        const client = await pool.connect()
        t.connected = performance.now()
        try {
          return await client.query({ text, values, name })
        } finally {
          t.queryDone = performance.now()
          client.release()
        }
      }
const postgresStore = createPostgresStore(runQuery)
const store = profiling
  ? {
      ...postgresStore,
      recordEvents: async (events) => {
        const t = current.getStore()
        if (t !== undefined) {
          t.recordCalled = performance.now()
          t.events = events.length
        }
        try {
          return await postgresStore.recordEvents(events)
        } finally {
          if (t !== undefined) t.recordDone = performance.now()
        }
      },
    }
  : postgresStore
const webhook = createWebhookHandler({ vendor: 'octopush', store, secrets: [process.env['BENCH_SECRET'] ?? ''], maxBodySize: 64 * 1024 * 1024 })

const noop = async (request, response) => {
  for await (const chunk of request) void chunk
  response.statusCode = 204
  response.end()
}

const profiled = (request, response) => {
  const t = { start: performance.now() }
  // The handler starts reading the body once the secret checked out: that instant ends "auth".
  const iterate = request[Symbol.asyncIterator].bind(request)
  request[Symbol.asyncIterator] = () => {
    t.readStart = performance.now()
    return iterate()
  }
  request.once('end', () => (t.readEnd = performance.now()))
  response.once('finish', () => {
    const end = performance.now()
    if (t.queryDone === undefined) return // not a stored body (a refused one): not counted
    const sums = t.events === 1 ? totals.one : totals.many
    sums.requests += 1
    const add = (stage, ms) => (sums.ms[stage] += ms)
    add('auth', t.readStart - t.start)
    add('read', t.readEnd - t.readStart)
    add('decode', t.recordCalled - t.readEnd)
    add('build', t.queryCalled - t.recordCalled)
    add('poolWait', t.connected - t.queryCalled)
    add('roundTrip', t.queryDone - t.connected)
    add('readRows', t.recordDone - t.queryDone)
    add('respond', end - t.recordDone)
  })
  return current.run(t, () => webhook.node(request, response))
}

const server = createServer(mode === 'noop' ? noop : profiling ? profiled : webhook.node)
server.keepAliveTimeout = 30_000
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: server.address().port })
})

process.on('message', (message) => {
  if (message === 'stats') process.send?.({ stats: { statements, ...(profiling && { stages: totals }), cpu: process.cpuUsage() } })
})
const stop = () => {
  server.close()
  server.closeAllConnections()
  void pool.end().finally(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('disconnect', stop)
