/**
 * The standing status of every message in PostgreSQL, decided by PostgreSQL itself with
 * exactly `advance`'s order, so that webhook processes racing on the same message cannot
 * move it backwards, and a redelivered callback is recorded once. Pure and driver-free:
 * the functions build `{ text, values }` queries for `pg`, PGlite or any driver that takes
 * parameters, and do no I/O. See the Postgres guide.
 *
 * @example
 * ```ts
 * import pg from 'pg'
 * import { parse } from 'deliverykit'
 * import { POSTGRES_SCHEMA, currentStatus, recordEvent, type CurrentStatusRow } from 'deliverykit/postgres'
 *
 * const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'] })
 * await pool.query(POSTGRES_SCHEMA)
 * for (const event of parse('octopush', '{"message_id":"sms_1","number":"+33600112233","status":"DELIVERED","delivery_date":"2025-01-22 11:46:06"}')) {
 *   await pool.query(recordEvent(event))
 * }
 * const { rows } = await pool.query<CurrentStatusRow>(currentStatus('octopush', 'sms_1', '+33600112233'))
 * console.log(rows[0]?.event.status) // delivered
 * ```
 * @module postgres
 */
export { POSTGRES_SCHEMA } from './schema.js'
export { currentStatus, recordEvent, type CurrentStatusRow, type PostgresQuery, type PostgresValue, type RecordEventRow } from './queries.js'
export { postgresText } from './encode.js'
export { recordEvents, recordedEvents, type RecordEventsRow, type RecordedEvents } from './recordEvents.js'
export { optedOut, replies, type OptOutScope, type OptedOutRow, type ReplyRow } from './optOuts.js'
