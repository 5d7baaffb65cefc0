/**
 * deliverykit/postgres against PGlite (PostgreSQL compiled to WebAssembly, in process):
 * for generated sets of events of every vendor, arriving in any order with redeliveries,
 * the status table holds the fold of `advance` and the event table each event once.
 * One PGlite instance for the whole file, emptied between runs.
 */
import { readFileSync } from 'node:fs'

import { CHANNELS, advance, parse, type AnyEvent } from 'deliverykit'
import { POSTGRES_SCHEMA, currentStatus, recordEvent, type PostgresQuery } from 'deliverykit/postgres'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { SEED, eventSet, eventsAndArrivals } from './events.js'
import { TRUNCATE, expectSequentialFlags, expectStoredFold, recordAll, type Database } from './stored.js'
import { usePglite } from './withPglite.js'

const pglite = usePglite()
const db: Database = {
  query: async <Row>(query: PostgresQuery | string) =>
    typeof query === 'string' ? (await pglite().query<Row>(query)).rows : (await pglite().query<Row>(query.text, query.values)).rows,
}


describe('deliverykit/postgres on PGlite', () => {
  it('creates the schema idempotently', async () => {
    await pglite().exec(POSTGRES_SCHEMA)
    const tables = await db.query<{ readonly table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'deliverykit_%' ORDER BY 1")
    expect(tables.map((row) => row.table_name)).toEqual(['deliverykit_events', 'deliverykit_inbound', 'deliverykit_kept_bodies', 'deliverykit_log', 'deliverykit_opt_outs', 'deliverykit_status'])
  })

  it('stores the fold of advance and each event once, whatever the order and the redeliveries (property)', async () => {
    await fc.assert(
      fc.asyncProperty(eventsAndArrivals(10), async ([events, arrival]) => {
        await db.query(TRUNCATE)
        expectSequentialFlags(arrival, await recordAll(db, arrival, false))
        await expectStoredFold(db, events)
      }),
      { seed: SEED, numRuns: 200 },
    )
  }, 120_000)

  it('orders rows exactly as advance does, also on equal eventIds and on every channel (property)', async () => {
    const columns = (event: AnyEvent): PostgresQuery['values'] => recordEvent(event).values.slice(6, 11)
    // recordEvent takes the model's channels only; the bytes of any text sort as JavaScript does (encode.test.ts).
    const pairs = eventSet(4).chain((events) =>
      fc.tuple(fc.constantFrom(...events), fc.constantFrom(...events), fc.constantFrom(...CHANNELS), fc.boolean()).map(([a, b, channel, sameId]): readonly [AnyEvent, AnyEvent] =>
        [a, { ...b, ...(sameId && { eventId: a.eventId }), channel }],
      ),
    )
    await fc.assert(
      fc.asyncProperty(pairs, async ([a, b]) => {
        const [row] = await db.query<{ readonly wins: boolean }>({
          text: 'SELECT ($1::smallint, $2::float8, $3::smallint, $4::bytea, $5::bytea) > ($6::smallint, $7::float8, $8::smallint, $9::bytea, $10::bytea) AS wins',
          values: [...columns(a), ...columns(b)],
        })
        expect(row?.wins).toBe(advance(b, a) === a && a !== b)
      }),
      { seed: SEED, numRuns: 300 },
    )
  }, 60_000)

  it('runs the guide’s plain SQL, whose advance-ordered history ends on the standing event', async () => {
    await db.query(TRUNCATE)
    const base = { message_id: 'sms_1', number: '+33600112233' }
    const bodies = [
      { ...base, status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' },
      { ...base, status: 'ACK', delivery_date: '2025-01-22 11:45:00' },
      { ...base, status: 'BLACKLISTED_NUMBER', delivery_date: '2025-01-22 11:47:00' },
    ]
    // One at a time, a few milliseconds apart: "as the callbacks arrived" orders by recorded_at,
    // and two rows recorded within one tick of PGlite's clock would fall back to their eventIds.
    for (const event of bodies.flatMap((body) => parse('octopush', body))) {
      await recordAll(db, [event], false)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const guide = readFileSync(new URL('../../docs/postgres.md', import.meta.url), 'utf8')
    const reads = [...guide.matchAll(/^```sql\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '').filter((sql) => sql.startsWith('SELECT'))
    expect(reads).toHaveLength(3)
    const [standing, history, counts] = await Promise.all(reads.map((sql) => pglite().exec(sql)))
    expect(standing?.[0]?.rows).toEqual([expect.objectContaining({ recipient: '+33600112233', status: 'rejected', vendor_status: 'BLACKLISTED_NUMBER' })])
    expect(history?.[0]?.rows.map((row) => (row as { readonly status: string }).status)).toEqual(['delivered', 'sent', 'rejected'])
    expect(history?.[1]?.rows.map((row) => (row as { readonly status: string }).status)).toEqual(['sent', 'delivered', 'rejected'])
    expect(counts?.[0]?.rows).toEqual([{ status: 'rejected', count: 1 }])
    expect(counts?.[1]?.rows).toEqual([{ vendor: 'octopush', message_id: 'sms_1', recipient: '+33600112233', reason: 'opted_out' }])
  })

  it('returns no row for a message nothing was recorded for', async () => {
    await db.query(TRUNCATE)
    expect(await db.query(currentStatus('octopush', 'sms_1', '+33600112233'))).toEqual([])
  })
})
