/**
 * The HTTP path under a small load with faults, checked as bench/http.mjs checks the big
 * one: every event stored once, every standing status advance's fold, every refused body
 * kept, and every body answered 2xx in the end by a sender that retries as vendors do.
 *
 * - On PGlite, always, in process: two HTTP servers on 127.0.0.1 running the handler with
 *   createPostgresStore over one PGlite, whose query function fails now and then as a lost
 *   connection does (before the statement, or after it committed), and one server closed
 *   and started again on a new port while the load runs.
 * - On the PostgreSQL server (DATABASE_URL; CI=true sets it through .ci/run), with the built
 *   package: two server processes (bench/httpServer.mjs), the load generator in a process
 *   of its own, backends terminated with pg_terminate_backend, one server process killed
 *   and started again.
 */
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { PGlite } from '@electric-sql/pglite'
import { advance, parseWebhook, type AnyEvent, type AnyWebhookEvent } from 'deliverykit'
import { createWebhookHandler } from 'deliverykit/handler'
import { POSTGRES_SCHEMA, createPostgresStore, type PostgresQueryFunction } from 'deliverykit/postgres'
import pg from 'pg'
import { describe, expect, it } from 'vitest'

import { campaignRawBodies } from '../../bench/campaignBodies.mjs'
import { sendAll, type Sent } from '../../bench/httpLoad.mjs'
import { keyOf } from './events.js'

const SECRET = 'faults-secret-0123456789abcdef'
const url = process.env['DATABASE_URL']
const built = existsSync(new URL('../../dist/handler.js', import.meta.url))

/** About 200 bodies: 80 SMS in two steps, 2 e-mails to 20 recipients in two steps, a tenth twice, and 20 refused bodies. */
const raw = campaignRawBodies({ sms: 80, emails: 2, recipients: 20 })
const refused: ReadonlyArray<string | Uint8Array> = Array.from({ length: 20 }, (_, i) =>
  i % 2 === 0 ? JSON.stringify({ message_id: `refused_${String(i)}`, number: '+33600000001', status: `NEW_CODE_${String(i)}`, delivery_date: '2025-01-22 10:00:00' }) : Uint8Array.of(0x7b, 0x00, 0xff, i, 0x7d),
)
const decoded: ReadonlyArray<ReadonlyArray<AnyWebhookEvent>> = raw.map((body) => parseWebhook('octopush', body))
const bodies: ReadonlyArray<string | Uint8Array> = [...raw.map((body) => JSON.stringify(body)), ...refused]

const hex = (bytes: Uint8Array): string => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')
const bytesOf = (body: string | Uint8Array): Uint8Array => (typeof body === 'string' ? new TextEncoder().encode(body) : body)

type Select = (text: string) => Promise<ReadonlyArray<Record<string, unknown>>>

/** The tables after the load: each event once, advance's fold standing, each refused body kept byte for byte. */
const expectStored = async (select: Select, results: ReadonlyArray<Sent>): Promise<void> => {
  expect(results.filter((result) => result.status < 200 || result.status >= 300)).toEqual([])
  const events = new Map(decoded.flat().map((event) => [event.eventId, event]))
  const fold = new Map<string, AnyEvent>()
  for (const event of events.values()) if (event.kind === 'delivery') fold.set(keyOf(event), advance<AnyEvent>(fold.get(keyOf(event)), event))
  const stored = await select('SELECT event_id FROM deliverykit_events')
  expect(stored.map((row) => row['event_id']).sort()).toEqual([...events.keys()].sort())
  const standing = await select('SELECT event_id FROM deliverykit_status')
  expect(standing.map((row) => row['event_id']).sort()).toEqual([...fold.values()].map((event) => event.eventId).sort())
  const kept = new Set((await select("SELECT encode(body, 'hex') AS body FROM deliverykit_kept_bodies")).map((row) => row['body']))
  expect(refused.filter((body) => !kept.has(hex(bytesOf(body))))).toEqual([])
}

describe('the handler and createPostgresStore over HTTP, with faults, on PGlite', () => {
  it('stores every event once and keeps every refused body while statements fail and a server restarts', async () => {
    const db = await PGlite.create()
    const servers: Array<Server> = []
    try {
      await db.exec(POSTGRES_SCHEMA)
      // Every 7th statement fails as a lost connection does: before it ran, or after it committed.
      let calls = 0
      let failed = 0
      const query: PostgresQueryFunction = async (text, values) => {
        calls += 1
        if (calls % 7 === 0) {
          failed += 1
          if (calls % 14 === 0) await db.query(text, values)
          throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })
        }
        return db.query(text, values)
      }
      const webhook = createWebhookHandler({ vendor: 'octopush', store: createPostgresStore(query), secrets: [SECRET] })
      const listen = async (): Promise<Server> => {
        const server = createServer((request, response) => void webhook.node(request, response))
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
        return server
      }
      servers.push(await listen(), await listen())
      const base = (server: Server): string => `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`
      let urls = servers.map(base)
      let restarted = false
      // Restart the first server once, after a few bodies.
      const restart = (async () => {
        await new Promise((resolve) => setTimeout(resolve, 50))
        const [first] = servers
        if (first === undefined) return
        first.closeAllConnections()
        await new Promise((resolve) => first.close(resolve))
        servers[0] = await listen()
        urls = servers.map(base)
        restarted = true
      })()
      const load = await sendAll({ bodies, targets: () => urls, secret: SECRET, concurrency: 8, maxAttempts: 30, deadlineMs: 60_000 })
      await restart
      expect([restarted, failed > 10]).toEqual([true, true])
      expect(load.results.some((result) => result.attempts > 1)).toBe(true)
      await expectStored(async (text) => (await db.query<Record<string, unknown>>(text)).rows, load.results)
    } finally {
      for (const server of servers) {
        server.closeAllConnections()
        server.close()
      }
      await db.close()
    }
  }, 60_000)
})

describe.runIf(url !== undefined && (built || process.env['CI'] === 'true'))('the handler and createPostgresStore over HTTP, with faults, on a PostgreSQL server', () => {
  it('two server processes store every event once and keep every refused body while backends are terminated and one server restarts', async () => {
    const { runHttpLoad } = await import('../../bench/httpRun.mjs')
    const schema = `deliverykit_faults_${randomUUID().replaceAll('-', '')}`
    const admin = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` })
    await admin.connect()
    try {
      await admin.query(`CREATE SCHEMA ${schema}`)
      await admin.query(POSTGRES_SCHEMA)
      const load = await runHttpLoad({
        url: url ?? '',
        schema,
        secret: SECRET,
        admin,
        bodies,
        servers: 2,
        concurrency: 4,
        faults: { everyMs: 40, terminations: 3, restartAfterMs: 100 },
        deadlineMs: 40_000,
      })
      expect([load.terminated, load.restarted]).toEqual([3, true])
      await expectStored(async (text) => (await admin.query<Record<string, unknown>>(text)).rows, load.results)
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await admin.end()
    }
  }, 60_000)
})

if (url === undefined && process.env['CI'] === 'true') {
  it('http faults on a server: DATABASE_URL must be set under CI=true', () => {
    expect.fail('DATABASE_URL is not set')
  })
}
