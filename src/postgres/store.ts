import type { NormalizeError } from '../errors/error.js'
import type { KeptBody, ReplayableStore, StoredKeptBody } from '../types/store.js'
import { isVendor } from '../model/vendor.js'
import type { AnyWebhookEvent } from '../model/webhook.js'
import { postgresText } from './encode.js'
import { guarded } from './guard.js'
import type { PostgresQuery } from './queries.js'
import { recordEvents, recordedEvents, type RecordEventsRow, type RecordedEvents } from './recordEvents.js'

/**
 * What the PostgreSQL store needs of a driver: one function that runs a parameterized
 * statement and gives its rows. `pg`'s `pool.query` and PGlite's `db.query` are such
 * functions: `(text, values) => db.query(text, values)`. `name` is the same for every run
 * of a statement (`deliverykit_record_events`, …): give it to a driver that prepares named
 * statements, `(text, values, name) => pool.query({ text, values, name })` with `pg`, and
 * PostgreSQL plans the statement once per connection instead of once per body (the
 * Postgres guide's "Speed" measures it). Behind PgBouncer in transaction mode, leave it
 * out unless PgBouncer is 1.21 or later with `max_prepared_statements` set.
 *
 * @category Postgres
 */
export type PostgresQueryFunction = (text: string, values: PostgresQuery['values'], name: string) => Promise<{ readonly rows: ReadonlyArray<unknown> }>

/**
 * The webhook handler's store on PostgreSQL ({@link createPostgresStore}): `replay` can
 * run over it, and `recordEvents` gives what {@link recordedEvents} reads.
 *
 * @category Postgres
 */
export interface PostgresStore extends ReplayableStore {
  /** Runs the one statement {@link recordEvents} builds for the body's events. */
  readonly recordEvents: (events: ReadonlyArray<AnyWebhookEvent>) => Promise<RecordedEvents<AnyWebhookEvent>>
  /** Whether a failure is worth trying again at once: see {@link isTransientPostgresError}. */
  readonly isTransient: (error: unknown) => boolean
}

const KEEP_BODY = `INSERT INTO deliverykit_kept_bodies (vendor, route_options, body, error_kind, reason, received_at)
VALUES ($1, $2::jsonb, $3::bytea, $4, $5, $6::timestamptz)`

/**
 * The kept bodies after a cursor, oldest first. The time is read as text in UTC, so
 * every driver gives the same string back, whatever its type parsers do with timestamps.
 */
const KEPT_BODIES = `SELECT id::text AS id, vendor, route_options::text AS route_options, body, error_kind, reason,
       to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS received_at
  FROM deliverykit_kept_bodies
 WHERE id > coalesce($1::bigint, 0)
 ORDER BY id
 LIMIT $2::integer`

const RELEASE_BODY = 'DELETE FROM deliverykit_kept_bodies WHERE id = $1::bigint'

/**
 * SQLSTATEs after which the same statement may well succeed at once: a serialization
 * failure, a deadlock, and the server ending the connection (`pg_terminate_backend`, a
 * shutdown, a server still starting). Every class `08` code (connection exception) too.
 */
const TRANSIENT_SQLSTATES: ReadonlySet<string> = new Set(['40001', '40P01', '57P01', '57P02', '57P03'])

/** Node's codes for a connection the other side closed or never opened. */
const CONNECTION_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'])

/** `pg`'s own words when a connection was lost: these errors carry no code. */
const CONNECTION_LOST = ['Connection terminated', 'Client has encountered a connection error', 'terminating connection']

/**
 * Whether a PostgreSQL failure is worth retrying at once: `40001` (serialization failure),
 * `40P01` (deadlock), `57P01`–`57P03` and class `08` (the server ended or refused the
 * connection, `pg_terminate_backend` included), Node's `ECONNRESET`, `ECONNREFUSED`,
 * `EPIPE` and `ETIMEDOUT`, and `pg`'s "Connection terminated" errors. A statement that
 * failed so stored nothing, or committed just before the connection went; either way
 * running it again is safe, since every write is idempotent by `eventId`. The webhook
 * handler retries these a few times, then answers 503 so the vendor retries later.
 *
 * @category Postgres
 */
export const isTransientPostgresError = (error: unknown): boolean => {
  try {
    // Stryker disable next-line ConditionalExpression: equivalent, null fails the destructuring below and the catch answers false too
    if (typeof error !== 'object' || error === null) return false
    const { code, message } = error as { readonly code?: unknown; readonly message?: unknown }
    if (typeof code === 'string' && (TRANSIENT_SQLSTATES.has(code) || CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true
    return typeof message === 'string' && CONNECTION_LOST.some((words) => message.includes(words))
  } catch {
    // An error whose properties cannot be read is not one we know to be transient.
    return false
  }
}

/** The bytes of a `bytea` column: drivers give a `Uint8Array` (pg a `Buffer`), or the text form `\x…`. */
const bytesOf = (value: unknown): Uint8Array | undefined => {
  if (value instanceof Uint8Array) return Uint8Array.from(value)
  if (typeof value !== 'string' || !/^\\x(?:[0-9a-fA-F]{2})*$/.test(value)) return undefined
  return Uint8Array.from({ length: (value.length - 2) / 2 }, (_, i) => parseInt(value.slice(2 + 2 * i, 4 + 2 * i), 16))
}

/** The route options as stored: a JSON object of strings, numbers and booleans. */
const optionsOf = (value: unknown): StoredKeptBody['options'] | undefined => {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value
  // Stryker disable next-line ConditionalExpression: equivalent, Object.entries(null) throws and guarded refuses the row the same way
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined
  const entries = Object.entries(parsed as Readonly<Record<string, unknown>>)
  return entries.every(([, option]) => ['string', 'number', 'boolean'].includes(typeof option)) ? (Object.fromEntries(entries) as StoredKeptBody['options']) : undefined
}

/** The decoder's error kinds: a record, so a new kind fails to compile until it is listed. */
const ERROR_KINDS: Readonly<Record<NormalizeError['kind'], true>> = {
  invalid_body: true,
  unknown_status: true,
  unknown_channel: true,
  unexpected_callback: true,
  invalid_options: true,
}
const isErrorKind = (kind: unknown): kind is NormalizeError['kind'] => typeof kind === 'string' && Object.prototype.hasOwnProperty.call(ERROR_KINDS, kind)

/** One row of KEPT_BODIES as a kept body; `undefined` for a row that is not one. */
const keptBodyOf = (row: unknown): StoredKeptBody | undefined => {
  // Stryker disable next-line ConditionalExpression: equivalent, null fails the destructuring below and guarded refuses the row the same way
  if (typeof row !== 'object' || row === null) return undefined
  const { id, vendor, route_options, body, error_kind, reason, received_at } = row as Readonly<Record<string, unknown>>
  const bytes = bytesOf(body)
  const options = optionsOf(route_options)
  if (typeof id !== 'string' || !isVendor(vendor) || bytes === undefined || options === undefined) return undefined
  if (!isErrorKind(error_kind) || typeof reason !== 'string' || typeof received_at !== 'string') return undefined
  return { id, vendor, options, body: bytes, errorKind: error_kind, reason, receivedAt: received_at }
}

/**
 * The webhook handler's store on PostgreSQL, for any driver: give it a function that runs
 * a parameterized statement. Each body costs one statement: its events go through
 * {@link recordEvents} (every event once by `eventId`, the standing status `advance`'s fold,
 * STOPs and replies in `deliverykit_inbound`), and a body the decoder refused is one
 * `INSERT` into `deliverykit_kept_bodies`, byte for byte, for `replay`. Run
 * {@link POSTGRES_SCHEMA} once at deploy time first. Failures reject with the driver's
 * error; `isTransient` tells the handler which to retry ({@link isTransientPostgresError}).
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * import pg from 'pg'
 * import { createWebhookHandler } from 'deliverykit/handler'
 * import { createPostgresStore } from 'deliverykit/postgres'
 *
 * const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'] })
 * // Named statements: pg prepares each once per connection.
 * const store = createPostgresStore((text, values, name) => pool.query({ text, values, name }))
 * const webhook = createWebhookHandler({ vendor: 'octopush', store, secrets: [process.env['WEBHOOK_SECRET'] ?? ''] })
 * createServer(webhook.node).listen(3000)
 * ```
 * @category Postgres
 */
export const createPostgresStore = (query: PostgresQueryFunction): PostgresStore => {
  const checkedQuery = guarded('query', 'a function (text, values) => Promise<{ rows }>', query, () => (typeof query === 'function' ? query : undefined))
  const run = async (statement: PostgresQuery, name: string): Promise<ReadonlyArray<unknown>> => (await checkedQuery(statement.text, statement.values, name)).rows
  return {
    recordEvents: async (events) => recordedEvents(events, (await run(recordEvents(events), 'deliverykit_record_events')) as ReadonlyArray<RecordEventsRow>),
    keepBody: (kept: KeptBody) =>
      run({
        text: KEEP_BODY,
        values: [kept.vendor, JSON.stringify(kept.options), kept.body, kept.errorKind, postgresText(kept.reason), kept.receivedAt],
      }, 'deliverykit_keep_body'),
    keptBodies: async (after, limit) => {
      const rows = await run({ text: KEPT_BODIES, values: [after ?? null, limit] }, 'deliverykit_kept_bodies')
      return rows.map((row, i) => guarded(`rows[${String(i)}]`, 'a row of deliverykit_kept_bodies', row, () => keptBodyOf(row)))
    },
    releaseBody: (id) => run({ text: RELEASE_BODY, values: [id] }, 'deliverykit_release_body'),
    isTransient: isTransientPostgresError,
  }
}
