/**
 * The examples' `EventStore` on PostgreSQL, through deliverykit/postgres: each event is
 * recorded by one statement that also keeps the standing event of its message and
 * recipient (`advance`'s order, decided by PostgreSQL, so several server processes cannot
 * move a message backwards), and a redelivered callback is recorded once. Suppressed
 * recipients, inbound messages and rejected bodies go to small tables of this example's own.
 *
 * `openDatabase()` is PGlite (PostgreSQL in process, in memory); `openDatabase(url)` is a
 * `pg` pool against the server at `url`.
 */
import type { AnyEvent, Vendor } from 'deliverykit'
import { POSTGRES_SCHEMA, currentStatus, postgresText, recordEvent, type CurrentStatusRow, type PostgresQuery } from 'deliverykit/postgres'

import type { EventStore } from './route.js'

/** What the store needs of a driver. */
export interface Database {
  /** Runs one parameterized query and gives its rows. */
  readonly query: <Row>(query: PostgresQuery) => Promise<ReadonlyArray<Row>>
  /** Runs a script of several statements without parameters (the DDL). */
  readonly exec: (sql: string) => Promise<void>
  readonly close: () => Promise<void>
}

/** PGlite in memory when `url` is undefined or empty, else a `pg` pool against the server at `url`. */
export const openDatabase = async (url?: string): Promise<Database> => {
  if (url === undefined || url === '') {
    const { PGlite } = await import('@electric-sql/pglite')
    const db = await PGlite.create()
    return {
      query: async <Row>(query: PostgresQuery) => (await db.query<Row>(query.text, query.values)).rows,
      exec: async (sql) => {
        await db.exec(sql)
      },
      close: () => db.close(),
    }
  }
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString: url })
  return {
    query: async <Row>(query: PostgresQuery) => (await pool.query(query)).rows as ReadonlyArray<Row>,
    exec: async (sql) => {
      await pool.query(sql) // no parameters: pg sends the statements as one simple query
    },
    close: () => pool.end(),
  }
}

/** The example's own tables, beside deliverykit's. */
const EXAMPLE_SCHEMA = `
CREATE TABLE IF NOT EXISTS example_suppressions (
  recipient text        NOT NULL PRIMARY KEY,
  reason    text        NOT NULL,
  since     timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS example_inbound (
  event_id    text        NOT NULL PRIMARY KEY,
  vendor      text        NOT NULL,
  channel     text        NOT NULL,
  sender      text        NOT NULL,
  body        text        NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS example_quarantine (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body        json        NOT NULL,
  why         text        NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
`

/** An `EventStore` that can also say where a message stands. */
export interface PostgresStore extends EventStore {
  /** The standing event of a message and recipient, `undefined` before any. */
  readonly current: (vendor: Vendor, messageId: string, recipient: string) => Promise<AnyEvent | undefined>
}

/** Creates the tables if needed (run it once at start-up, not from every process at once), then stores through them. */
export const createPostgresStore = async (db: Database): Promise<PostgresStore> => {
  await db.exec(POSTGRES_SCHEMA + EXAMPLE_SCHEMA)
  return {
    save: async (events) => {
      // One statement per event, each its own transaction: no lock is held across events.
      for (const event of events) await db.query(recordEvent(event))
    },
    suppress: async (recipient, reason) => {
      await db.query({
        text: 'INSERT INTO example_suppressions (recipient, reason) VALUES ($1, $2) ON CONFLICT (recipient) DO UPDATE SET reason = excluded.reason',
        values: [postgresText(recipient), reason],
      })
    },
    receive: async (message) => {
      // A redelivered message is stored once, by its eventId.
      await db.query({
        text: 'INSERT INTO example_inbound (event_id, vendor, channel, sender, body) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING',
        values: [message.eventId, message.vendor, message.channel, postgresText(message.from), postgresText(message.text)],
      })
    },
    quarantine: async (body, why) => {
      // json keeps the body as received, NUL characters included (jsonb and text refuse them).
      await db.query({ text: 'INSERT INTO example_quarantine (body, why) VALUES ($1::json, $2)', values: [JSON.stringify(body ?? null), postgresText(why)] })
    },
    current: async (vendor, messageId, recipient) => (await db.query<CurrentStatusRow>(currentStatus(vendor, messageId, recipient)))[0]?.event,
  }
}
