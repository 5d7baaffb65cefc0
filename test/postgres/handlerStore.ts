/**
 * The webhook handler with the PostgreSQL store, end to end, whatever the database (PGlite
 * in store.test.ts, a server in server.test.ts): every example payload posted and posted
 * again, each event stored once and the fold of `advance` standing, STOPs and replies in
 * deliverykit_inbound, refused bodies kept byte for byte and replayed, and a lost
 * connection answered by a retry, not by a lost body.
 */
import { type AnyEvent, type AnyWebhookEvent } from 'deliverykit'
import { createWebhookHandler, replay, type WebhookHandler, type WebhookRoute } from 'deliverykit/handler'
import { createPostgresStore, postgresText, type PostgresQueryFunction, type PostgresStore } from 'deliverykit/postgres'
import { expect, it } from 'vitest'

import { payload } from '../helpers.js'
import { directEvents, routeOf, SECRET, urlOf } from '../handler/routes.js'
import { CASES, bodyOf } from '../webhookRoutes.js'
import { expectStoredFold, type Database } from './stored.js'

const CLOCK = new Date('2026-01-02T03:04:05.678Z')
export const TRUNCATE_ALL = 'TRUNCATE deliverykit_events, deliverykit_status, deliverykit_inbound, deliverykit_kept_bodies'

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

const post = (webhook: WebhookHandler, path: string, body: Uint8Array): Promise<Response> =>
  webhook.fetch(new Request(urlOf(path), { method: 'POST', body }))

const handlerOf = (store: PostgresStore, route: WebhookRoute): WebhookHandler => createWebhookHandler({ ...route, store, secrets: [SECRET], now: () => CLOCK })

const isDelivery = (event: AnyWebhookEvent): event is AnyEvent => event.kind === 'delivery'

/** Registers the end-to-end tests; `query` and `db` are read when each test runs. */
export const handlerStoreTests = (query: () => PostgresQueryFunction, db: () => Database): void => {
  it('stores every example payload once, the fold of advance standing, STOPs and replies in deliverykit_inbound, when each is posted twice', async () => {
    await db().query(TRUNCATE_ALL)
    const store = createPostgresStore(query())
    const all: Array<AnyWebhookEvent> = []
    for (const round of [CASES, [...CASES].reverse()]) {
      for (const c of round) {
        const bytes = encode(bodyOf(c))
        if (round === CASES) all.push(...directEvents(routeOf(c.route), bytes))
        expect((await post(handlerOf(store, routeOf(c.route)), c.route, bytes)).status, c.file).toBe(204)
      }
    }
    const distinct = [...new Map(all.map((event) => [event.eventId, event])).values()]
    await expectStoredFold(db(), distinct.filter(isDelivery))
    const inbound = distinct.filter((event) => !isDelivery(event))
    expect(inbound.map((event) => event.kind)).toEqual(expect.arrayContaining(['opt_out', 'inbound']))
    const rows = await db().query<{ readonly event_id: string; readonly kind: string; readonly event: AnyWebhookEvent }>('SELECT event_id, kind, event FROM deliverykit_inbound')
    expect(new Map(rows.map((row) => [row.event_id, row.event]))).toEqual(new Map(inbound.map((event) => [postgresText(event.eventId), event])))
    expect(await db().query('SELECT id FROM deliverykit_kept_bodies')).toEqual([])
  })

  it('keeps refused bodies byte for byte (NUL, invalid UTF-8) with route and reason, and replays what now decodes', async () => {
    await db().query(TRUNCATE_ALL)
    const store = createPostgresStore(query())
    const messangi = handlerOf(store, { vendor: 'messangi', options: { channel: 'whatsapp', timeZone: 'UTC' } })
    const octopush = handlerOf(store, { vendor: 'octopush' })
    const garbage = Uint8Array.of(0x7b, 0x00, 0xff, 0xfe, 0x22, 0xc3, 0x28, 0x0a, 0x7d)
    const unknown = encode(JSON.stringify({ ...payload('octopush/sms.json'), status: 'BOUNCY' }))
    expect((await post(messangi, '/webhooks/messangi/whatsapp', garbage)).status).toBe(202)
    expect((await post(octopush, '/webhooks/octopush', unknown)).status).toBe(202)
    // Kept by an older version that did not map it: today's decoder does.
    const decodable = encode(JSON.stringify(payload('octopush/sms.json')))
    await store.keepBody({ vendor: 'octopush', options: {}, body: decodable, errorKind: 'unknown_status', reason: 'kept by an older version', receivedAt: CLOCK.toISOString() })

    const kept = await store.keptBodies(undefined, 10)
    expect(kept.map(({ id: _id, reason: _reason, ...rest }) => rest)).toEqual([
      { vendor: 'messangi', options: { channel: 'whatsapp', timeZone: 'UTC' }, body: garbage, errorKind: 'invalid_body', receivedAt: CLOCK.toISOString() },
      { vendor: 'octopush', options: {}, body: unknown, errorKind: 'unknown_status', receivedAt: CLOCK.toISOString() },
      { vendor: 'octopush', options: {}, body: decodable, errorKind: 'unknown_status', receivedAt: CLOCK.toISOString() },
    ])
    expect(kept[1]?.reason).toMatch(/^status: "BOUNCY" is not an Octopush status/)
    // The cursor goes on after a page, in the order kept.
    expect((await store.keptBodies(kept[0]?.id, 1)).map((body) => body.id)).toEqual([kept[1]?.id])

    const report = await replay(store, { pageSize: 2 })
    expect([report.recorded, report.events, report.stillKept.map((body) => body.id)]).toEqual([1, 1, [kept[0]?.id, kept[1]?.id]])
    const [event] = directEvents({ vendor: 'octopush' }, decodable)
    const stored = await db().query<{ readonly event: unknown }>('SELECT event FROM deliverykit_events')
    expect(stored.map((row) => row.event)).toEqual([event])
    expect((await store.keptBodies(undefined, 10)).map((body) => body.body)).toEqual([garbage, unknown])
  })

  it('answers 204 after a lost connection, retrying the statement, and 503 when the store keeps failing', async () => {
    await db().query(TRUNCATE_ALL)
    const body = encode(JSON.stringify({ ...payload('octopush/sms.json'), message_id: 'retried' }))
    let failures = 1
    const names: Array<string> = []
    const flaky: PostgresQueryFunction = (text, values, name) => {
      names.push(name)
      if (failures-- > 0) return Promise.reject(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))
      return query()(text, values, name)
    }
    expect((await post(handlerOf(createPostgresStore(flaky), { vendor: 'octopush' }), '/webhooks/octopush', body)).status).toBe(204)
    // Tried twice, under the one name a driver prepares once per connection.
    expect(names).toEqual(['deliverykit_record_events', 'deliverykit_record_events'])
    const broken: PostgresQueryFunction = () => Promise.reject(new Error('Connection terminated unexpectedly'))
    expect((await post(handlerOf(createPostgresStore(broken), { vendor: 'octopush' }), '/webhooks/octopush', body)).status).toBe(503)
    const rows = await db().query<{ readonly message_id: string }>('SELECT message_id FROM deliverykit_events')
    expect(rows).toEqual([{ message_id: 'retried' }])
  })
}
