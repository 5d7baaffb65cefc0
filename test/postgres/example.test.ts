/**
 * examples/postgres-server.ts over real HTTP: the Express server whose routes are the
 * webhook handler with deliverykit/postgres's store, on PGlite, and on the PostgreSQL
 * server too when DATABASE_URL is set (in a schema of its own). Every example payload is
 * posted, then posted again in reverse order as redeliveries; the standing events must be
 * what `advance` keeps, STOPs and replies are stored (never refused), and a refused body
 * is kept byte for byte.
 */
import { createHash, randomUUID } from 'node:crypto'
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

  const post = (route: string, body: string | Uint8Array, type?: string): Promise<Response> =>
    fetch(`${base}${route}?token=${SECRET}`, { method: 'POST', body, ...(type !== undefined && { headers: { 'content-type': type } }) })

  // Named by the text's hash: pg prepares a name once per connection, for one text only.
  const select = async <Row>(text: string): Promise<ReadonlyArray<Row>> =>
    (await app.db.query(text, [], `test_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`)).rows as ReadonlyArray<Row>

  const count = async (table: string): Promise<number> => {
    const [row] = await select<{ readonly n: number }>(`SELECT count(*)::int AS n FROM ${table}`)
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
    // Again, with no Content-Type at all: the handler reads the bytes whatever the header says.
    for (const c of [...CASES].reverse()) expect((await post(c.route, bodyOf(c))).status).toBe(204)
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

  it('stores STOPs and replies in deliverykit_inbound, and the policy reads them and permanent failures', async () => {
    // The example payloads' STOPs (octopush/stop.json, and Messangi's sms/mo.json, whose
    // text the default optOutKeywords read as one) were stored by the first test.
    const inbound = await select<{ readonly kind: string; readonly from_address: string }>('SELECT kind, from_address FROM deliverykit_inbound ORDER BY kind, from_address')
    expect(inbound.filter((row) => row.kind === 'opt_out').map((row) => row.from_address)).toEqual(CASES.flatMap((c) => (c.suppressed ?? []).map(([, address]) => address)).sort())
    expect(inbound.some((row) => row.kind === 'inbound')).toBe(true)
    expect(await app.store.mayContact('sms', '+33600000000')).toBe('opted out')
    // An opt-out binds the channel it came on.
    expect(await app.store.mayContact('email', '+33600000000')).toBe('send')

    const blacklisted = JSON.stringify({ ...payload('octopush/sms.json'), message_id: 'blacklisted', number: '+33611111111', status: 'BLACKLISTED_NUMBER' })
    expect((await post('/webhooks/octopush', blacklisted)).status).toBe(204)
    expect(await app.store.mayContact('sms', '+33611111111')).toBe('opted out')
    const unknownNumber = JSON.stringify({ ...payload('octopush/sms.json'), message_id: 'gone', number: '+33622222222', status: 'BAD_DESTINATION' })
    expect((await post('/webhooks/octopush', unknownNumber)).status).toBe(204)
    expect(await app.store.mayContact('sms', '+33622222222')).toBe('failed permanently')
  })

  it('keeps a refused body byte for byte, NUL and invalid UTF-8 included, answering 202', async () => {
    const bad = Uint8Array.of(...new TextEncoder().encode('{"status":"DELIVERED","message_id":"a\\u0000b"'), 0x00, 0xff, 0x7d)
    expect((await post('/webhooks/octopush', bad, 'application/vnd.x+json')).status).toBe(202)
    const kept = await app.store.keptBodies(undefined, 10)
    expect(kept.map((body) => [body.vendor, body.body, body.errorKind])).toEqual([['octopush', bad, 'invalid_body']])
  })
})
