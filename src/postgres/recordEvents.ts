import { parseOffsetDateTime } from '../util/time.js'
import { isOneOf, isOptionalText, isRecord } from '../util/values.js'
import { CHANNELS } from '../model/channel.js'
import type { AnyEvent } from '../model/event.js'
import type { InboundEvent } from '../model/inbound.js'
import { isVendor } from '../model/vendor.js'
import type { AnyWebhookEvent } from '../model/webhook.js'
import { jsonText, postgresText } from './encode.js'
import { guarded } from './guard.js'
import { ADVANCE_UPSERT, ORDER, recordEvent, type PostgresQuery, type PostgresValue } from './queries.js'
import { MAX_DEPTH, snapshot } from '../runtime/snapshot.js'

/**
 * The row {@link recordEvents} returns (always exactly one): `eventId`s as stored, that is
 * {@link postgresText} of the events' `eventId`s. Read it with {@link recordedEvents}.
 *
 * @category Postgres
 */
// A type literal, not an interface: pg's `query<Row>` requires a row type with an index signature.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type RecordEventsRow = {
  /**
   * The events this statement stored: a redelivery (an `eventId` already recorded, or
   * given twice in the batch) is not in it. Its length is how many events the body added.
   */
  readonly recorded: ReadonlyArray<string>
  /** The delivery events that now stand for their (vendor, message, recipient). */
  readonly standing: ReadonlyArray<string>
}

/**
 * {@link RecordEventsRow} read back into the events: what a handler acts on.
 *
 * @category Postgres
 */
export interface RecordedEvents<E extends AnyWebhookEvent> {
  /** The events that were new (`recorded.length` is how many), in the order given; the first copy of an event given twice. */
  readonly recorded: ReadonlyArray<E>
  /** The delivery events that now stand for their message and recipient, in the order given. */
  readonly standing: ReadonlyArray<Extract<E, AnyEvent>>
}

/**
 * One statement for a whole body. Every step goes through its rows in one order, which
 * every batch shares: the event log by `event_id`, opt-outs and replies by `event_id`, the
 * status rows by (vendor, message_id, recipient). Two batches that touch the same rows
 * therefore wait for each other and never each hold what the other waits for. The status
 * step sees only this batch's new events, reduced to the greatest per key (a statement
 * cannot update a row twice), then compares it with the stored row under the row's lock,
 * as recordEvent does. The final SELECT reads the CTEs in a fixed order, so every batch
 * also takes the three steps in the same order. The arrays hold each eventId once:
 * recordEvents drops the later copies.
 */
const RECORD_EVENTS = `WITH recorded AS (
  INSERT INTO deliverykit_events
    (event_id, vendor, message_id, recipient, channel, status, ${ORDER}, event)
  SELECT event_id, vendor, message_id, recipient, channel, status, ${ORDER}, event::json
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                $7::smallint[], $8::float8[], $9::smallint[], $10::bytea[], $11::bytea[], $12::text[])
      AS given (event_id, vendor, message_id, recipient, channel, status, ${ORDER}, event)
   ORDER BY event_id
  ON CONFLICT (event_id) DO NOTHING
  RETURNING vendor, message_id, recipient, ${ORDER}, event_id, status, event
), standing AS (
  INSERT INTO deliverykit_status AS stored
    (vendor, message_id, recipient, ${ORDER}, event_id, status, event)
  SELECT DISTINCT ON (vendor, message_id, recipient)
         vendor, message_id, recipient, ${ORDER}, event_id, status, event
    FROM recorded
   ORDER BY vendor, message_id, recipient,
            rank DESC, occurred_at_ms DESC, status_order DESC, event_id_order DESC, channel_order DESC
${ADVANCE_UPSERT}
  RETURNING event_id
), inbound AS (
  INSERT INTO deliverykit_inbound
    (event_id, kind, vendor, channel, from_address, to_address, message_id, message_text, occurred_at_ms, event)
  SELECT event_id, kind, vendor, channel, from_address, to_address, message_id, message_text, occurred_at_ms, event::json
    FROM unnest($13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[],
                $21::float8[], $22::text[])
      AS given (event_id, kind, vendor, channel, from_address, to_address, message_id, message_text, occurred_at_ms, event)
   ORDER BY event_id
  ON CONFLICT (event_id) DO NOTHING
  RETURNING event_id
)
SELECT ARRAY(SELECT event_id FROM recorded UNION ALL SELECT event_id FROM inbound) AS recorded,
       ARRAY(SELECT event_id FROM standing) AS standing`

/** The parameters of the statement: one array per column, delivery events then inbound ones. */
const DELIVERY_COLUMNS = 12
const INBOUND_COLUMNS = 10

type Columns = ReadonlyArray<Array<PostgresValue>>

const columns = (count: number): Columns => Array.from({ length: count }, () => [])

const push = (into: Columns, row: ReadonlyArray<PostgresValue>): void => {
  // Stryker disable next-line OptionalChaining: equivalent, a row has exactly as many values as its columns (12 or 10)
  row.forEach((value, i) => into[i]?.push(value))
}

const optionalText = (value: string | undefined): string | null => (value === undefined ? null : postgresText(value))

/** Whether a value has the fields of an opt-out or inbound event that the statement reads. */
const isInboundEvent = (event: unknown): event is InboundEvent => {
  // Not an array either: JSON would write one carrying an event's fields as `[]`.
  if (!isRecord(event)) return false
  return (
    (event['kind'] === 'opt_out' || event['kind'] === 'inbound') &&
    isVendor(event['vendor']) &&
    isOneOf(CHANNELS, event['channel']) &&
    // Stryker disable next-line ConditionalExpression: equivalent, postgresText refuses what is not text, and guarded answers that with the same error
    typeof event['from'] === 'string' &&
    // Stryker disable next-line ConditionalExpression: equivalent, postgresText refuses what is not text, and guarded answers that with the same error
    typeof event['eventId'] === 'string' &&
    ['to', 'messageId', 'occurredAt', 'text'].every((key) => isOptionalText(event, key)) &&
    (event['kind'] === 'opt_out' || typeof event['text'] === 'string')
  )
}

/** The row of an opt-out or inbound message: its own columns, the instant as `advance` would read it. */
const inboundRow = (given: unknown): ReadonlyArray<PostgresValue> | undefined => {
  // Read once, into a copy (an event holds its body one level down), so a getter cannot
  // answer one thing to the check and another to the row.
  const copy = snapshot(given, false, MAX_DEPTH + 1)
  if (!copy.ok || !isInboundEvent(copy.value)) return undefined
  const event = copy.value
  const instantMs = event.occurredAt === undefined ? Number.NEGATIVE_INFINITY : (parseOffsetDateTime(event.occurredAt)?.instantMs ?? Number.NEGATIVE_INFINITY)
  return [
    postgresText(event.eventId),
    event.kind,
    event.vendor,
    event.channel,
    postgresText(event.from),
    optionalText(event.to),
    optionalText(event.messageId),
    optionalText(event.text),
    instantMs,
    jsonText(event),
  ]
}

/** The columns of the statement, each eventId once. */
interface Batch {
  readonly delivery: Columns
  readonly inbound: Columns
  readonly eventIds: Set<PostgresValue | undefined>
}

/**
 * Adds the event's row to the columns of its kind, unless an event of the same eventId
 * came first (an eventId names one event: a copy is a redelivery); `undefined` for what is
 * no event.
 */
const addRow = (batch: Batch, event: unknown): true | undefined => {
  // A primitive has no kind; null and undefined have none either.
  // Stryker disable next-line OptionalChaining: equivalent, reading a field of null or undefined throws a TypeError that guarded answers as it answers inboundRow's undefined
  const isDelivery = (event as { readonly kind?: unknown } | null | undefined)?.kind === 'delivery'
  // recordEvent's own guard and encoders: the twelve values of its statement, in its order.
  const row = isDelivery ? recordEvent(event as AnyEvent).values as ReadonlyArray<PostgresValue> : inboundRow(event)
  // Stryker disable next-line ConditionalExpression: equivalent, row[0] of undefined throws a TypeError that guarded answers as it answers undefined
  if (row === undefined) return undefined
  // Stryker disable next-line BooleanLiteral: equivalent, guarded tells only undefined from a value, and the value is dropped
  if (batch.eventIds.has(row[0])) return true
  batch.eventIds.add(row[0])
  push(isDelivery ? batch.delivery : batch.inbound, row)
  // Stryker disable next-line BooleanLiteral: equivalent, guarded tells only undefined from a value, and the value is dropped
  return true
}

/**
 * One statement that records every event of a body, whatever their number and kind
 * (delivery events, opt-outs, inbound messages: what `safeParseWebhook` returns).
 *
 * - Each event is stored once, keyed by `eventId`: delivery events in
 *   `deliverykit_events`, opt-outs and inbound messages in `deliverykit_inbound`. A
 *   redelivery, in this batch or an earlier one, changes nothing.
 * - For each (vendor, message, recipient), the standing event in `deliverykit_status`
 *   becomes `advance`'s fold of everything recorded, exactly as with {@link recordEvent}:
 *   the batch's new events are reduced to the greatest, which is compared with the stored
 *   one under the row's lock.
 * - Batches running at the same time that touch the same messages do not deadlock each
 *   other: every step takes its rows in one order.
 *
 * The statement text is the same for every batch (each column is one array parameter), so
 * a driver can prepare it once. Run it in its own transaction (autocommit) at `READ
 * COMMITTED`. It returns one {@link RecordEventsRow}; {@link recordedEvents} reads it. If
 * it fails (a terminated connection, or SQLSTATE `40P01`/`40001` in the cases the Postgres
 * guide lists), nothing of the batch is stored: run the whole batch again, which is
 * idempotent. Throws a `DeliveryKitError` naming `events[i]` for an element that is not an
 * event a webhook entry made.
 *
 * @example
 * ```ts
 * import pg from 'pg'
 * import { parseWebhook } from 'deliverykit'
 * import { recordEvents, recordedEvents, type RecordEventsRow } from 'deliverykit/postgres'
 *
 * const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'] })
 * const events = parseWebhook('octopush', '{"message_id":"sms_1","number":"+33600112233","text":"STOP","stop_date":"2025-01-22 11:46:06"}')
 * const { rows } = await pool.query<RecordEventsRow>(recordEvents(events))
 * const { recorded, standing } = recordedEvents(events, rows)
 * console.log(`${String(recorded.length)} new, ${String(standing.length)} now standing`)
 * ```
 * @category Postgres
 */
export const recordEvents = (events: ReadonlyArray<AnyWebhookEvent>): PostgresQuery => {
  const list = guarded('events', 'an array of events', events, () => (Array.isArray(events) ? [...(events as ReadonlyArray<unknown>)] : undefined))
  const batch: Batch = { delivery: columns(DELIVERY_COLUMNS), inbound: columns(INBOUND_COLUMNS), eventIds: new Set() }
  list.forEach((event, position) => {
    guarded(`events[${String(position)}]`, 'an event a webhook entry made', event, () => addRow(batch, event))
  })
  return { text: RECORD_EVENTS, values: [...batch.delivery, ...batch.inbound] }
}

/** The texts of an array PostgreSQL returned, as a set; `undefined` for anything else. */
const textsIn = (value: unknown): ReadonlySet<string> | undefined =>
  Array.isArray(value) &&
  // Stryker disable next-line ConditionalExpression: equivalent, an item that is not text is an id no event has, which recordedEvents' count of ids refuses too
  value.every((item) => typeof item === 'string')
    ? new Set(value as ReadonlyArray<string>)
    : undefined

/**
 * Reads the rows {@link recordEvents} returned into the events they name: those that were
 * new, and the delivery events that now stand. Pass the same array of events the statement
 * was built from. Throws a `DeliveryKitError` if the rows are not one {@link RecordEventsRow}
 * about that array.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite'
 * import { parseWebhook } from 'deliverykit'
 * import { POSTGRES_SCHEMA, recordEvents, recordedEvents, type RecordEventsRow } from 'deliverykit/postgres'
 *
 * const db = await PGlite.create()
 * await db.exec(POSTGRES_SCHEMA)
 * const events = parseWebhook('octopush', '{"message_id":"sms_1","number":"+33600112233","status":"DELIVERED","delivery_date":"2025-01-22 11:46:06"}')
 * const query = recordEvents(events)
 * const { rows } = await db.query<RecordEventsRow>(query.text, query.values)
 * for (const event of recordedEvents(events, rows).standing) console.log(event.recipient, 'is now', event.status)
 * ```
 * @category Postgres
 */
export const recordedEvents = <E extends AnyWebhookEvent>(events: ReadonlyArray<E>, rows: ReadonlyArray<RecordEventsRow>): RecordedEvents<E> =>
  guarded('rows', 'the one row recordEvents returned for these events', rows, () => {
    // Checked as unknown: the caller's types say arrays, a caller without types may not.
    const given: ReadonlyArray<unknown> = [events, rows]
    if (!given.every(Array.isArray) || rows.length !== 1) return undefined
    const row: unknown = rows[0]
    if (!isRecord(row)) return undefined
    const recordedIds = textsIn(row['recorded'])
    const standingIds = textsIn(row['standing'])
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, both sets are read below, and reading undefined throws a TypeError that guarded answers as it answers undefined
    if (recordedIds === undefined || standingIds === undefined) return undefined
    // The first event of each eventId, as recordEvents passed them.
    const first = new Map<string, E>()
    for (const event of events) {
      const id = postgresText(event.eventId)
      if (!first.has(id)) first.set(id, event)
    }
    const named = [...first.entries()]
    const recorded = named.filter(([id]) => recordedIds.has(id)).map(([, event]) => event)
    const standing = named.filter(([id]) => standingIds.has(id)).map(([, event]) => event)
    const standingDeliveries = standing.filter((event): event is Extract<E, AnyEvent> => event.kind === 'delivery')
    const everyIdNamed = recorded.length === recordedIds.size && standing.length === standingIds.size
    const isNew = new Set(recorded)
    return everyIdNamed && standingDeliveries.length === standing.length && standing.every((event) => isNew.has(event)) ? { recorded, standing: standingDeliveries } : undefined
  })
