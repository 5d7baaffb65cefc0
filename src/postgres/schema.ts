/**
 * The tables of deliverykit 0.1.0: every delivery event once, and the standing one of each
 * (vendor, message, recipient). Kept as released, so that {@link POSTGRES_SCHEMA} starts
 * with exactly what a 0.1.0 database already has.
 */
const TABLES_0_1 = `CREATE TABLE IF NOT EXISTS deliverykit_events (
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

/**
 * What 0.2.0 adds, only ever by `CREATE … IF NOT EXISTS` and `CREATE OR REPLACE VIEW`: it
 * runs over the 0.1.0 tables without touching a row of them, and runs again without
 * effect. Opt-outs and inbound messages get a table of their own rather than rows in
 * `deliverykit_events`, whose columns of `advance`'s order are never NULL and mean nothing
 * for a message a person sent; `deliverykit_log` shows both as one log. A kept body is
 * `bytea`, never text: the vendor's bytes as received, NUL and invalid UTF-8 included.
 */
const MIGRATION_0_2 = `CREATE TABLE IF NOT EXISTS deliverykit_inbound (
  event_id       text             NOT NULL PRIMARY KEY,
  kind           text             NOT NULL CHECK (kind IN ('opt_out', 'inbound')),
  vendor         text             NOT NULL,
  channel        text             NOT NULL,
  from_address   text             NOT NULL,
  to_address     text,
  message_id     text,
  message_text   text,
  occurred_at_ms double precision NOT NULL,
  occurred_at    timestamptz      GENERATED ALWAYS AS (to_timestamp(occurred_at_ms / 1000)) STORED,
  recorded_at    timestamptz      NOT NULL DEFAULT now(),
  event          json             NOT NULL
);
CREATE INDEX IF NOT EXISTS deliverykit_inbound_from ON deliverykit_inbound (from_address, kind, vendor, channel);
CREATE OR REPLACE VIEW deliverykit_opt_outs AS
  SELECT vendor, channel, from_address AS address,
         min(occurred_at) AS first_opted_out_at, min(recorded_at) AS first_recorded_at, count(*) AS opt_outs
    FROM deliverykit_inbound
   WHERE kind = 'opt_out'
   GROUP BY vendor, channel, from_address;
CREATE OR REPLACE VIEW deliverykit_log AS
  SELECT event_id, 'delivery' AS kind, vendor, channel, recipient AS address, message_id, status, occurred_at, recorded_at, event
    FROM deliverykit_events
  UNION ALL
  SELECT event_id, kind, vendor, channel, from_address, message_id, NULL, occurred_at, recorded_at, event
    FROM deliverykit_inbound;
CREATE TABLE IF NOT EXISTS deliverykit_kept_bodies (
  id             bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  vendor         text             NOT NULL,
  route_options  jsonb            NOT NULL,
  body           bytea            NOT NULL,
  error_kind     text             NOT NULL,
  reason         text             NOT NULL,
  received_at    timestamptz      NOT NULL
);
`

/**
 * The tables deliverykit/postgres writes: the PostgreSQL DDL, run once at deploy time. It
 * is idempotent, and it is also the migration: run over a database that deliverykit 0.1.0
 * created, it adds what is new and keeps every row.
 *
 * `deliverykit_events` holds every delivery event once, keyed by `eventId`;
 * `deliverykit_status` holds the standing event of each (vendor, message, recipient);
 * `deliverykit_inbound` holds every opt-out and inbound message once, keyed by `eventId`;
 * `deliverykit_kept_bodies` holds the bodies the webhook handler could not decode, byte for
 * byte, until `replay` records them ({@link createPostgresStore});
 * the views `deliverykit_opt_outs` (who opted out, per vendor and channel) and
 * `deliverykit_log` (all three kinds as one log) read them. The delivery tables carry the
 * five columns of `advance`'s order, so that PostgreSQL can compare events exactly as
 * `advance` does: `rank` ({@link deliverykit.rankOf | rankOf}, -1 for an unknown status), `occurred_at_ms` (the instant of
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
export const POSTGRES_SCHEMA = `${TABLES_0_1}${MIGRATION_0_2}`
