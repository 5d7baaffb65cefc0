import type { AnyEvent } from '../model/event.js'
import { readDeliveryEvent } from '../runtime/readEvent.js'
import { precedenceKey } from '../model/precedence.js'
import { isVendor, type Vendor } from '../model/vendor.js'
import { jsonText, postgresText, utf16be } from './encode.js'
import { guarded } from './guard.js'

/**
 * A parameterized query, the shape PostgreSQL drivers take: `client.query(query)` with
 * `pg`, `db.query(query.text, query.values)` with PGlite. The text is always the same for a
 * function; every value of the event is a parameter, never part of the text.
 *
 * @category Postgres
 */
export interface PostgresQuery {
  /** The SQL, with `$1`, `$2`, … for the values. */
  readonly text: string
  /**
   * The parameters: text, numbers (`-Infinity` included), `Uint8Array` for `bytea`, `null`,
   * and arrays of those (one per column, for {@link recordEvents}). A new array for every
   * call; mutable only because drivers' types ask for `any[]`.
   */
  readonly values: Array<PostgresValue | ReadonlyArray<PostgresValue>>
}

/**
 * One value a {@link PostgresQuery} passes, alone or in an array.
 *
 * @category Postgres
 */
export type PostgresValue = string | number | Uint8Array | null

/**
 * The row {@link recordEvent} returns: whether the event was new, and whether it became
 * the standing event of its message and recipient.
 *
 * @category Postgres
 */
// A type literal, not an interface: pg's `query<Row>` requires a row type with an index signature.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type RecordEventRow = {
  /** `false` for a redelivery: an event with this `eventId` was already recorded, and nothing changed. */
  readonly recorded: boolean
  /** `true` when the event now stands for its message and recipient (it was the first, or it won). */
  readonly standing: boolean
}

/**
 * The row {@link currentStatus} returns, when the message and recipient have an event.
 *
 * @category Postgres
 */
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type CurrentStatusRow = {
  /** The standing event, as recorded (your driver parses the `json` column). */
  readonly event: AnyEvent
}

/** The columns `advance`'s order compares, most significant first. */
export const ORDER = 'rank, occurred_at_ms, status_order, event_id_order, channel_order'

/**
 * The standing row's update, under its lock: the incoming event replaces the stored one
 * only when it is greater in `advance`'s order. Both statements that record events end
 * their `INSERT INTO deliverykit_status AS stored` with it.
 */
export const ADVANCE_UPSERT = `  ON CONFLICT (vendor, message_id, recipient) DO UPDATE SET
    rank = excluded.rank,
    occurred_at_ms = excluded.occurred_at_ms,
    status_order = excluded.status_order,
    event_id_order = excluded.event_id_order,
    channel_order = excluded.channel_order,
    event_id = excluded.event_id,
    status = excluded.status,
    event = excluded.event,
    updated_at = now()
  WHERE (excluded.${ORDER.replaceAll(', ', ', excluded.')})
      > (stored.${ORDER.replaceAll(', ', ', stored.')})`

const RECORD_EVENT = `WITH recorded AS (
  INSERT INTO deliverykit_events
    (event_id, vendor, message_id, recipient, channel, status, ${ORDER}, event)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::json)
  ON CONFLICT (event_id) DO NOTHING
  RETURNING vendor, message_id, recipient, ${ORDER}, event_id, status, event
), standing AS (
  INSERT INTO deliverykit_status AS stored
    (vendor, message_id, recipient, ${ORDER}, event_id, status, event)
  SELECT vendor, message_id, recipient, ${ORDER}, event_id, status, event FROM recorded
${ADVANCE_UPSERT}
  RETURNING event_id
)
SELECT EXISTS (SELECT FROM recorded) AS recorded, EXISTS (SELECT FROM standing) AS standing`

/**
 * One statement that records an event: it inserts the event into `deliverykit_events`
 * once (a redelivery, the same `eventId`, changes nothing), and makes it the standing
 * event of its (vendor, message, recipient) in `deliverykit_status` only if it wins under
 * exactly {@link deliverykit.advance | advance}'s order. PostgreSQL decides, in the same statement and under the
 * lock of the status row, so processes that record events of the same message at the same
 * time cannot move it backwards: the row ends as `advance` folding every event, whatever
 * the order they arrived or committed in. Run it in its own transaction (autocommit) at
 * `READ COMMITTED`, PostgreSQL's default; see the Postgres guide for why, and for other
 * isolation levels.
 *
 * It returns one {@link RecordEventRow}. The event is stored whole, as JSON, so fields a
 * later deliverykit adds are kept too (a `bigint` a big-integer parser left in `raw` as its
 * digits).
 *
 * It takes exactly the delivery events deliverykit makes, read once into a copy and checked
 * field by field against the model's lists (vendors, channels, statuses with their
 * classifications, failure reasons), own properties only. Anything else throws a
 * `DeliveryKitError` with an `invalid_options` error, and no query is built.
 *
 * @example
 * ```ts
 * import pg from 'pg'
 * import { parse } from 'deliverykit'
 * import { recordEvent, type RecordEventRow } from 'deliverykit/postgres'
 *
 * const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'] })
 * for (const event of parse('octopush', '{"message_id":"sms_1","number":"+33600112233","status":"DELIVERED","delivery_date":"2025-01-22 11:46:06"}')) {
 *   const { rows } = await pool.query<RecordEventRow>(recordEvent(event))
 *   if (rows[0]?.standing === true) console.log(event.recipient, 'is now', event.status)
 * }
 * ```
 * @category Postgres
 */
export const recordEvent = (event: AnyEvent): PostgresQuery =>
  guarded('event', 'a delivery event deliverykit made', event, () => {
    // Read once and checked: every value below comes from this copy, never the caller's object.
    const owned = readDeliveryEvent(event)
    // Stryker disable next-line ConditionalExpression: equivalent, precedenceKey(undefined) throws and guarded refuses the event the same way
    if (owned === undefined) return undefined
    const key = precedenceKey(owned)
    return {
    text: RECORD_EVENT,
    values: [
      postgresText(owned.eventId),
      owned.vendor,
      postgresText(owned.messageId),
      postgresText(owned.recipient),
      postgresText(owned.channel),
      owned.status,
      key.rank,
      key.instantMs,
      key.statusOrder,
      utf16be(key.eventId),
      utf16be(key.channel),
      jsonText(owned),
    ],
    }
  })

const CURRENT_STATUS = 'SELECT event FROM deliverykit_status WHERE vendor = $1 AND message_id = $2 AND recipient = $3'

/**
 * The standing event of a message and recipient: a query whose single row is a
 * {@link CurrentStatusRow}, the event {@link deliverykit.advance | advance} would keep from every event recorded
 * for them; no row when none was. Give the message id and recipient as deliverykit reports
 * them (`event.messageId`, `event.recipient`).
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite'
 * import { currentStatus, type CurrentStatusRow } from 'deliverykit/postgres'
 *
 * const db = await PGlite.create()
 * const query = currentStatus('octopush', 'sms_1', '+33600112233')
 * const { rows } = await db.query<CurrentStatusRow>(query.text, query.values)
 * console.log(rows[0]?.event.status ?? 'nothing recorded yet')
 * ```
 * @category Postgres
 */
export const currentStatus = (vendor: Vendor, messageId: string, recipient: string): PostgresQuery =>
  guarded('vendor, messageId and recipient', 'a vendor and two texts', [vendor, messageId, recipient], () =>
    // Stryker disable next-line ConditionalExpression: equivalent, postgresText throws on what is not text and guarded refuses it the same way
    isVendor(vendor) && typeof messageId === 'string' && typeof recipient === 'string'
      ? { text: CURRENT_STATUS, values: [vendor, postgresText(messageId), postgresText(recipient)] }
      : undefined,
  )
