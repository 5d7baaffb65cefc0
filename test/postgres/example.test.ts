/**
 * examples/postgres-server.ts over real HTTP: the Express server storing events through
 * deliverykit/postgres, on PGlite, and on the PostgreSQL server too when DATABASE_URL is set
 * (in a schema of its own). Every example payload is posted, then posted again in reverse
 * order as redeliveries; the standing events must be what `advance` keeps.
 */
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'

import { advance, type AnyEvent, type DeliveryEvent } from 'deliverykit'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { normalizeRoute } from '../../examples/route.js'
import { startPostgresServer, type RunningServer } from '../../examples/postgres-server.js'
import { payload } from '../helpers.js'
import { CASES, bodyOf, contentType } from '../webhookRoutes.js'
import { foldByKey } from './events.js'

const url = process.env['DATABASE_URL']
const SECRET = 'example-secret-0123456789'

/** The events a route gives for a body, as the server computes them. */
const eventsOf = (route: string, body: string): ReadonlyArray<DeliveryEvent> => {
  const [, , vendor = '', channel] = route.split('/')
  const result = normalizeRoute(vendor, channel, body)
  if (!result?.success) throw new Error(`${route} refused the example payload`)
  return result.events.filter((event): event is DeliveryEvent => event.kind === 'delivery')
}

const backends: ReadonlyArray<readonly [string, string | undefined]> = [['PGlite', undefined], ...(url === undefined ? [] : [['a PostgreSQL server', url] as const])]

describe.each(backends)('examples/postgres-server.ts on %s', (_name, databaseUrl) => {
  let app: RunningServer
  let base = ''
  const schema = `deliverykit_example_${randomUUID().replaceAll('-', '')}`

  beforeAll(async () => {
    let connection = databaseUrl
    if (databaseUrl !== undefined) {
      const admin = new pg.Client({ connectionString: databaseUrl })
      await admin.connect()
      await admin.query(`CREATE SCHEMA ${schema}`)
      await admin.end()
      const withSchema = new URL(databaseUrl)
      withSchema.searchParams.set('options', `-c search_path=${schema}`)
      connection = withSchema.toString()
    }
    app = await startPostgresServer({ port: 0, databaseUrl: connection, secrets: [SECRET] })
    base = `http://127.0.0.1:${String((app.server.address() as AddressInfo).port)}`
  }, 120_000)

  afterAll(async () => {
    if (databaseUrl !== undefined) await app.db.exec(`DROP SCHEMA ${schema} CASCADE`)
    await app.close()
  })

  const post = (route: string, body: string, type = 'application/json'): Promise<Response> =>
    fetch(`${base}${route}?token=${SECRET}`, { method: 'POST', body, headers: { 'content-type': type } })

  const count = async (table: string): Promise<number> => {
    const [row] = await app.db.query<{ readonly n: number }>({ text: `SELECT count(*)::int AS n FROM ${table}`, values: [] })
    return row?.n ?? -1
  }

  it('stores every example payload, and keeps the standing events when all arrive again in reverse order', async () => {
    const all = CASES.flatMap((c) => eventsOf(c.route, bodyOf(c)))
    for (const c of CASES) expect((await post(c.route, bodyOf(c), contentType(c.form))).status, c.file).toBe(204)
    const expected = foldByKey(all)
    expect(expected.size).toBeGreaterThan(10)
    const check = async (): Promise<void> => {
      for (const winner of expected.values()) expect(await app.store.current(winner.vendor, winner.messageId, winner.recipient)).toEqual(winner)
      expect(await count('deliverykit_events')).toBe(new Set(all.map((event) => event.eventId)).size)
      expect(await count('deliverykit_status')).toBe(expected.size)
    }
    await check()
    for (const c of [...CASES].reverse()) expect((await post(c.route, bodyOf(c), contentType(c.form))).status).toBe(204)
    await check()
  })

  it('keeps delivered when the acknowledgement arrives after it', async () => {
    const sms = { ...payload('octopush/sms.json'), message_id: 'late-ack' }
    const delivered = JSON.stringify({ ...sms, status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' })
    const ack = JSON.stringify({ ...sms, status: 'ACK', delivery_date: '2025-01-22 11:47:00' })
    for (const body of [delivered, ack]) expect((await post('/webhooks/octopush', body)).status).toBe(204)
    const events = [delivered, ack].flatMap((body) => eventsOf('/webhooks/octopush', body))
    const [recipient] = events.map((event) => event.recipient)
    expect((await app.store.current('octopush', 'late-ack', recipient ?? ''))?.vendorStatus).toBe('DELIVERED')
    expect(await app.store.current('octopush', 'late-ack', recipient ?? '')).toEqual(events.reduce<AnyEvent | undefined>(advance, undefined))
  })

  it('suppresses permanent failures and quarantines bad bodies as received, NUL characters included', async () => {
    const blacklisted = JSON.stringify({ ...payload('octopush/sms.json'), message_id: 'blacklisted', status: 'BLACKLISTED_NUMBER' })
    expect((await post('/webhooks/octopush', blacklisted)).status).toBe(204)
    const suppressed = await app.db.query<{ readonly recipient: string; readonly reason: string }>({ text: 'SELECT recipient, reason FROM example_suppressions ORDER BY recipient', values: [] })
    // The example payloads' STOPs (octopush/stop.json, and Messangi's sms/mo.json, whose
    // text the default optOutKeywords read as one) were suppressed by the first test.
    expect(suppressed).toEqual([
      { recipient: '+33600000000', reason: 'opted_out' },
      { recipient: '+33600112233', reason: 'opted_out' },
      { recipient: '+5588999999999', reason: 'opted_out' },
    ])

    const bad = '{"status":"DELIVERED","message_id":"a\\u0000b"}'
    expect((await post('/webhooks/octopush', bad)).status).toBe(202)
    const quarantined = await app.db.query<{ readonly body: unknown; readonly why: string }>({ text: 'SELECT body, why FROM example_quarantine', values: [] })
    expect(quarantined).toEqual([{ body: bad, why: expect.stringMatching(/^number: missing/) as unknown }])
  })
})
