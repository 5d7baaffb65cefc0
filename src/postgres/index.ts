/**
 * The standing status of every message in PostgreSQL, decided by PostgreSQL itself with
 * exactly `advance`'s order, so that webhook processes racing on the same message cannot
 * move it backwards, and a redelivered callback is recorded once; opt-outs and replies are
 * kept next to it, one statement storing a whole body. Pure and driver-free:
 * the functions build `{ text, values }` queries for `pg`, PGlite or any driver that takes
 * parameters, and do no I/O. See the Postgres guide.
 *
 * @example
 * ```ts
 * import pg from 'pg'
 * import { parseWebhook } from 'deliverykit'
 * import { POSTGRES_SCHEMA, currentStatus, recordEvents, type CurrentStatusRow } from 'deliverykit/postgres'
 *
 * const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'] })
 * await pool.query(POSTGRES_SCHEMA)
 * // One statement per body, whatever it holds: receipts, a STOP, a reply.
 * await pool.query(recordEvents(parseWebhook('octopush', '{"message_id":"sms_1","number":"+33600112233","status":"DELIVERED","delivery_date":"2025-01-22 11:46:06"}')))
 * const { rows } = await pool.query<CurrentStatusRow>(currentStatus('octopush', 'sms_1', '+33600112233'))
 * console.log(rows[0]?.event.status) // delivered
 * ```
 * @module postgres
 */
export { POSTGRES_SCHEMA } from './schema.js'
export { currentStatus, recordEvent, type CurrentStatusRow, type PostgresQuery, type PostgresValue, type RecordEventRow } from './queries.js'
export { postgresText } from './encode.js'
export { recordEvents, recordedEvents, type RecordEventsRow, type RecordedEvents } from './recordEvents.js'
export { createPostgresStore, isTransientPostgresError, type PostgresQueryFunction, type PostgresStore } from './store.js'
export { optedOut, replies, type OptOutScope, type OptedOutRow, type ReplyRow } from './optOuts.js'
