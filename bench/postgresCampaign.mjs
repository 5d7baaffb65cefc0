// The campaign of issue 23, for bench/postgres.mjs: Octopush bodies as a campaign produces
// them, decoded by parseWebhook, then stored three ways in the same run through the same
// connections: recordEvents (one statement per body), recordEvent (one statement per
// event, as the 0.1.0 guide shows), and the baseline, a plain batched
// INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING of the same rows into a copy of the
// event table (same columns, same keys and indexes), one statement per body.
import { advance, parseWebhook } from '../dist/index.js'
import { recordEvent, recordEvents } from '../dist/postgres.js'

import { campaignRawBodies } from './campaignBodies.mjs'

export { campaignRawBodies }

/** The campaign's bodies (campaignBodies.mjs), each as the events parseWebhook gives for it. */
export const campaignBodies = (sizes = {}) => campaignRawBodies(sizes).map((body) => parseWebhook('octopush', body))

export const BATCH_SCHEMA = 'CREATE TABLE IF NOT EXISTS bench_batch (LIKE deliverykit_events INCLUDING ALL)'

const COLUMNS = 'event_id, vendor, message_id, recipient, channel, status, rank, occurred_at_ms, status_order, event_id_order, channel_order, event'
const PLAIN_BATCH = `INSERT INTO bench_batch (${COLUMNS})
SELECT event_id, vendor, message_id, recipient, channel, status, rank, occurred_at_ms, status_order, event_id_order, channel_order, event::json
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::smallint[], $8::float8[], $9::smallint[], $10::bytea[], $11::bytea[], $12::text[])
    AS given (${COLUMNS})
ON CONFLICT (event_id) DO NOTHING`

/** The baseline's statement for a body: the twelve columns of its events, as recordEvent encodes them. */
const plainBatch = (events) => {
  const columns = Array.from({ length: 12 }, () => [])
  for (const event of events) recordEvent(event).values.forEach((value, i) => columns[i].push(value))
  return { text: PLAIN_BATCH, values: columns }
}

/** Every way of storing a body: the statements it takes, run one after the other. */
export const WAYS = {
  'plain batched INSERT': (events) => [plainBatch(events)],
  recordEvents: (events) => [recordEvents(events)],
  'recordEvent per event': (events) => events.map(recordEvent),
}

/**
 * The two batched ways again as named statements, which pg prepares once per connection
 * and PostgreSQL then plans once, instead of at every body (PGlite's `query` ignores the
 * name, so these run on the server only).
 */
export const PREPARED_WAYS = {
  'plain batched INSERT, prepared': (events) => [{ ...plainBatch(events), name: 'bench_plain_batch' }],
  'recordEvents, prepared': (events) => [{ ...recordEvents(events), name: 'deliverykit_record_events' }],
}

/** Runs every body through `connections` callers taking the next body in turn; events per second. */
export const storeAll = async (run, bodies, way, connections) => {
  let next = 0
  const caller = async () => {
    while (next < bodies.length) for (const query of way(bodies[next++])) await run(query)
  }
  const start = performance.now()
  await Promise.all(Array.from({ length: connections }, caller))
  return bodies.reduce((sum, events) => sum + events.length, 0) / ((performance.now() - start) / 1000)
}

/** Throws unless the tables hold each event once and, per message and recipient, advance's fold. */
export const checkStored = async (run, bodies, database) => {
  const events = new Map(bodies.flat().map((event) => [event.eventId, event]))
  const standing = new Map()
  for (const event of events.values()) {
    const key = JSON.stringify([event.vendor, event.messageId, event.recipient])
    standing.set(key, advance(standing.get(key), event))
  }
  const [counts] = await run({ text: 'SELECT (SELECT count(*) FROM deliverykit_events)::int AS events, (SELECT count(*) FROM deliverykit_status)::int AS statuses', values: [] })
  const rows = await run({ text: 'SELECT event_id FROM deliverykit_status', values: [] })
  const expected = new Set([...standing.values()].map((event) => event.eventId))
  const wrong = rows.filter((row) => !expected.has(row.event_id)).length
  if (counts.events !== events.size || counts.statuses !== standing.size || wrong !== 0) {
    throw new Error(`${database}: wrong answer (${String(counts.events)}/${String(events.size)} events, ${String(counts.statuses)}/${String(standing.size)} statuses, ${String(wrong)} not advance's)`)
  }
}
