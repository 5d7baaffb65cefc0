/**
 * The tables deliverykit/postgres writes: the PostgreSQL DDL, run once (it is idempotent).
 *
 * `deliverykit_events` holds every event once, keyed by `eventId`; `deliverykit_status`
 * holds the standing event of each (vendor, message, recipient). Both carry the five
 * columns of `advance`'s order, so that PostgreSQL can compare events exactly as `advance`
 * does: `rank` ({@link deliverykit.rankOf | rankOf}, -1 for an unknown status), `occurred_at_ms` (the instant of
 * `occurredAt` in milliseconds as deliverykit reads it, `-infinity` when absent),
 * `status_order` (the fixed tie-break order of statuses), then `event_id_order` and
 * `channel_order` (the `eventId` and the channel as UTF-16BE bytes, which PostgreSQL
 * compares byte by byte exactly as JavaScript compares the strings, whatever the
 * collation). No column of the order is ever NULL. `event` is the whole event as `json`
 * (not `jsonb`, which would reject a NUL character in a string and turn `-0` into `0`).
 * Text columns hold {@link postgresText} of the event's strings: the strings themselves
 * unless they contain a character PostgreSQL text cannot hold.
 *
 * @example
 * ```ts
 * import pg from 'pg'
 * import { POSTGRES_SCHEMA } from 'deliverykit/postgres'
 *
 * const client = new pg.Client(process.env['DATABASE_URL'])
 * await client.connect()
 * await client.query(POSTGRES_SCHEMA) // several statements: pg sends them as one simple query
 * await client.end()
 * ```
 * @category Postgres
 */
export const POSTGRES_SCHEMA = `CREATE TABLE IF NOT EXISTS deliverykit_events (
  event_id       text             NOT NULL PRIMARY KEY,
  vendor         text             NOT NULL,
  message_id     text             NOT NULL,
  recipient      text             NOT NULL,
  channel        text             NOT NULL,
  status         text             NOT NULL,
  rank           smallint         NOT NULL,
  occurred_at_ms double precision NOT NULL,
  status_order   smallint         NOT NULL,
  event_id_order bytea            NOT NULL,
  channel_order  bytea            NOT NULL,
  occurred_at    timestamptz      GENERATED ALWAYS AS (to_timestamp(occurred_at_ms / 1000)) STORED,
  recorded_at    timestamptz      NOT NULL DEFAULT now(),
  event          json             NOT NULL
);
CREATE INDEX IF NOT EXISTS deliverykit_events_message ON deliverykit_events (vendor, message_id, recipient);
CREATE TABLE IF NOT EXISTS deliverykit_status (
  vendor         text             NOT NULL,
  message_id     text             NOT NULL,
  recipient      text             NOT NULL,
  rank           smallint         NOT NULL,
  occurred_at_ms double precision NOT NULL,
  status_order   smallint         NOT NULL,
  event_id_order bytea            NOT NULL,
  channel_order  bytea            NOT NULL,
  event_id       text             NOT NULL,
  status         text             NOT NULL,
  occurred_at    timestamptz      GENERATED ALWAYS AS (to_timestamp(occurred_at_ms / 1000)) STORED,
  updated_at     timestamptz      NOT NULL DEFAULT now(),
  event          json             NOT NULL,
  PRIMARY KEY (vendor, message_id, recipient)
);
`
