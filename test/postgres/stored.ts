/**
 * The property both Postgres tests check, whatever the database (PGlite, or a server
 * through several connections): after recording events in some order, with redeliveries,
 * the tables say exactly what folding the events with `advance` says.
 */
import { advance, type AnyEvent } from 'deliverykit'
import { currentStatus, postgresText, recordEvent, type CurrentStatusRow, type PostgresQuery, type RecordEventRow } from 'deliverykit/postgres'
import { expect } from 'vitest'

import { foldByKey, keyOf } from './events.js'

/** What the tests need of a database: a query with parameters, or plain SQL. */
export interface Database {
  readonly query: <Row>(query: PostgresQuery | string) => Promise<ReadonlyArray<Row>>
}

export const TRUNCATE = 'TRUNCATE deliverykit_events, deliverykit_status'

/** Records every event of `arrival`, one after the other, or all at once (as many webhook requests would). */
export const recordAll = async (db: Database, arrival: ReadonlyArray<AnyEvent>, concurrently: boolean): Promise<ReadonlyArray<RecordEventRow>> => {
  const record = async (event: AnyEvent): Promise<RecordEventRow> => {
    const rows = await db.query<RecordEventRow>(recordEvent(event))
    expect(rows).toHaveLength(1)
    const [row] = rows
    if (row === undefined) throw new Error('recordEvent returned no row')
    return row
  }
  if (concurrently) return Promise.all(arrival.map(record))
  const rows: Array<RecordEventRow> = []
  for (const event of arrival) rows.push(await record(event))
  return rows
}

/**
 * The flags recordEvent returned, one arrival after the other: `recorded` on the first
 * arrival of each eventId only, `standing` exactly when advance takes the event.
 */
export const expectSequentialFlags = (arrival: ReadonlyArray<AnyEvent>, rows: ReadonlyArray<RecordEventRow>): void => {
  const seen = new Set<string>()
  const standing = new Map<string, AnyEvent>()
  const expected = arrival.map((event): RecordEventRow => {
    if (seen.has(event.eventId)) return { recorded: false, standing: false }
    seen.add(event.eventId)
    const before = standing.get(keyOf(event))
    const after = advance(before, event)
    standing.set(keyOf(event), after)
    return { recorded: true, standing: after === event }
  })
  expect(rows).toEqual(expected)
}

/** Racing arrivals: each eventId recorded by exactly one of its deliveries; what stands said so when it moved. */
export const expectConcurrentFlags = (events: ReadonlyArray<AnyEvent>, arrival: ReadonlyArray<AnyEvent>, rows: ReadonlyArray<RecordEventRow>): void => {
  for (const event of events) {
    const mine = rows.filter((_, i) => arrival[i]?.eventId === event.eventId)
    expect(mine.filter((row) => row.recorded)).toHaveLength(1)
  }
  for (const row of rows) if (row.standing) expect(row.recorded).toBe(true)
  for (const winner of foldByKey(events).values()) {
    expect(rows.some((row, i) => row.standing && arrival[i]?.eventId === winner.eventId)).toBe(true)
  }
}

/** The tables hold each event once, as it was, and for each message and recipient what advance keeps. */
export const expectStoredFold = async (db: Database, events: ReadonlyArray<AnyEvent>): Promise<void> => {
  // The event table: each eventId once, each event deep-equal to what was recorded.
  const stored = await db.query<{ readonly event_id: string; readonly event: AnyEvent }>('SELECT event_id, event FROM deliverykit_events')
  expect(stored).toHaveLength(events.length)
  const byId = new Map(stored.map((row) => [row.event_id, row.event]))
  expect(byId.size).toBe(events.length)
  for (const event of events) expect(byId.get(postgresText(event.eventId))).toEqual(event)

  // The status table: one row per (vendor, message, recipient), the fold of advance.
  const expected = foldByKey(events)
  const rows = await db.query<{ readonly n: number | string }>('SELECT count(*)::int AS n FROM deliverykit_status')
  expect(Number(rows[0]?.n)).toBe(expected.size)
  for (const winner of expected.values()) {
    const current = await db.query<CurrentStatusRow>(currentStatus(winner.vendor, winner.messageId, winner.recipient))
    expect(current).toHaveLength(1)
    expect(current[0]?.event).toEqual(winner)
  }

  // The guide's history query: the last event in advance's order is the standing one.
  const last = await db.query<{ readonly event_id: string; readonly standing: string }>(
    `SELECT DISTINCT ON (e.vendor, e.message_id, e.recipient) e.event_id, s.event_id AS standing
       FROM deliverykit_events e JOIN deliverykit_status s USING (vendor, message_id, recipient)
      ORDER BY e.vendor, e.message_id, e.recipient, e.rank DESC, e.occurred_at_ms DESC, e.status_order DESC, e.event_id_order DESC, e.channel_order DESC`,
  )
  expect(last).toHaveLength(expected.size)
  for (const row of last) expect(row.event_id).toBe(row.standing)
}
