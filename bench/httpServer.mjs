// One webhook server process for bench/http.mjs and test/postgres/http-faults.test.ts: the
// Octopush handler of deliverykit/handler with createPostgresStore over a pg pool, on
// 127.0.0.1 at a port the system picks. Started with child_process.fork; it tells its
// parent { port } once listening, answers { stats } with how many statements it ran, and
// exits on SIGTERM or when its parent goes. Settings come from the environment:
// DATABASE_URL, BENCH_SCHEMA (search_path), BENCH_SECRET, BENCH_POOL (connections).
import { createServer } from 'node:http'

import pg from 'pg'

import { createWebhookHandler } from '../dist/handler.js'
import { createPostgresStore } from '../dist/postgres.js'

const url = process.env['DATABASE_URL']
if (url === undefined || process.send === undefined) throw new Error('httpServer.mjs: run it with fork() and DATABASE_URL set')

const pool = new pg.Pool({
  connectionString: url,
  max: Number(process.env['BENCH_POOL'] ?? 8),
  // The fault injector terminates backends of this name only: the server is shared.
  application_name: 'deliverykit_bench_server',
  options: `-c search_path=${process.env['BENCH_SCHEMA'] ?? 'public'}`,
})
// A connection terminated while idle: the pool drops it and opens another.
pool.on('error', () => undefined)

let statements = 0
const store = createPostgresStore((text, values, name) => {
  statements += 1
  return pool.query({ text, values, name })
})
const webhook = createWebhookHandler({ vendor: 'octopush', store, secrets: [process.env['BENCH_SECRET'] ?? ''], maxBodySize: 64 * 1024 * 1024 })
const server = createServer(webhook.node)
server.keepAliveTimeout = 30_000
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: server.address().port })
})

process.on('message', (message) => {
  if (message === 'stats') process.send?.({ stats: { statements } })
})
const stop = () => {
  server.close()
  server.closeAllConnections()
  void pool.end().finally(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('disconnect', stop)
