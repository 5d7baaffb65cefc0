/**
 * The webhook handler's store on PostgreSQL: deliverykit/postgres's `createPostgresStore`.
 * Each body costs one statement, whatever it holds: its receipts, STOPs and replies are
 * recorded at once (each event once by `eventId`; the standing status of each message and
 * recipient decided by PostgreSQL in `advance`'s order, so several server processes
 * cannot move a message backwards), and a body deliverykit cannot decode is kept byte for
 * byte in `deliverykit_kept_bodies` for `deliverykit replay`. What to suppress is the
 * application's policy, read from those tables: `mayContact` below is one.
 *
 * `openDatabase()` is PGlite (PostgreSQL in process, in memory); `openDatabase(url)` is a
 * `pg` pool against the server at `url`.
 */
import type { AnyEvent, Channel, Vendor } from 'deliverykit'
import {
  POSTGRES_SCHEMA,
  createPostgresStore,
  currentStatus,
  optedOut,
  postgresText,
  type CurrentStatusRow,
  type OptedOutRow,
  type PostgresQuery,
  type PostgresQueryFunction,
  type PostgresStore,
} from 'deliverykit/postgres'

/** What the store needs of a driver. */
export interface Database {
  /** Runs one parameterized statement; `name` lets a driver prepare it once per connection. */
  readonly query: PostgresQueryFunction
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
      // PGlite runs one statement at a time and prepares nothing by name.
      query: (text, values) => db.query(text, values),
      exec: async (sql) => {
        await db.exec(sql)
      },
      close: () => db.close(),
    }
  }
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString: url })
  // A connection that drops while idle (a restart, pg_terminate_backend) is reported here,
  // not thrown: the pool opens another, and a statement that failed with it is retried.
  pool.on('error', () => undefined)
  return {
    query: (text, values, name) => pool.query({ text, values, name }),
    exec: async (sql) => {
      await pool.query(sql) // no parameters: pg sends the statements as one simple query
    },
    close: () => pool.end(),
  }
}

/** Whether you may send to an address on a channel, by the policy below. */
export type Decision = 'send' | 'opted out' | 'failed permanently'

/** The handler's store, and what the application reads back. */
export interface ExampleStore extends PostgresStore {
  /** The standing event of a message and recipient, `undefined` before any. */
  readonly current: (vendor: Vendor, messageId: string, recipient: string) => Promise<AnyEvent | undefined>
  /**
   * One suppression policy: never where the person opted out on this channel, through any
   * vendor; not while the address's last message on the channel stands as `opted_out`, or
   * as a permanent failure less than 30 days old (numbers are reassigned).
   */
  readonly mayContact: (channel: Channel, address: string) => Promise<Decision>
}

/** The rows of one statement, as the caller says they are. */
const rowsOf = async <Row>(db: Database, query: PostgresQuery, name: string): Promise<ReadonlyArray<Row>> => (await db.query(query.text, query.values, name)).rows as ReadonlyArray<Row>

const LAST_ON_CHANNEL = `SELECT event->'failure'->>'reason' AS reason, (event->'failure'->>'permanent')::boolean AS permanent,
       updated_at > now() - interval '30 days' AS recent
  FROM deliverykit_status
 WHERE recipient = $1 AND event->>'channel' = $2
 ORDER BY occurred_at_ms DESC, updated_at DESC
 LIMIT 1`

/** Creates the tables if needed (run it once at start-up, not from every process at once), then stores through them. */
export const openStore = async (db: Database): Promise<ExampleStore> => {
  await db.exec(POSTGRES_SCHEMA)
  return {
    ...createPostgresStore(db.query),
    current: async (vendor, messageId, recipient) => (await rowsOf<CurrentStatusRow>(db, currentStatus(vendor, messageId, recipient), 'example_current'))[0]?.event,
    mayContact: async (channel, address) => {
      const [optOut] = await rowsOf<OptedOutRow>(db, optedOut(address, { channel }), 'example_opted_out')
      if (optOut?.optedOut === true) return 'opted out'
      const [last] = await rowsOf<{ readonly reason: string | null; readonly permanent: boolean | null; readonly recent: boolean }>(
        db,
        { text: LAST_ON_CHANNEL, values: [postgresText(address), channel] },
        'example_last_on_channel',
      )
      if (last?.reason === 'opted_out') return 'opted out'
      if (last?.permanent === true && last.recent) return 'failed permanently'
      return 'send'
    },
  }
}
