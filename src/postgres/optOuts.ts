import type { Channel } from '../model/channel.js'
import { CHANNELS } from '../model/channel.js'
import type { InboundMessageEvent } from '../model/inbound.js'
import { isVendor, type Vendor } from '../model/vendor.js'
import { isOneOf } from '../util/values.js'
import { postgresText } from './encode.js'
import { guarded } from './guard.js'
import type { PostgresQuery } from './queries.js'

/**
 * The row {@link optedOut} returns (always exactly one).
 *
 * @category Postgres
 */
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type OptedOutRow = {
  /** `true` when an opt-out from the address was recorded in the scope asked about. */
  readonly optedOut: boolean
}

/**
 * The row {@link replies} returns, one per inbound message.
 *
 * @category Postgres
 */
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type ReplyRow = {
  /** The inbound message, as recorded (your driver parses the `json` column). */
  readonly event: InboundMessageEvent
}

/**
 * Where to look for an opt-out: one vendor, one channel, both, or (empty) anywhere.
 *
 * @category Postgres
 */
export interface OptOutScope {
  /** Only opt-outs this vendor reported. */
  readonly vendor?: Vendor
  /** Only opt-outs on this channel (the event's `channel`: Octopush STOPs are `sms`). */
  readonly channel?: Channel
}

const OPTED_OUT = `SELECT EXISTS (
  SELECT FROM deliverykit_inbound
   WHERE from_address = $1 AND kind = 'opt_out'
     AND ($2::text IS NULL OR vendor = $2::text)
     AND ($3::text IS NULL OR channel = $3::text)
) AS "optedOut"`

const isScope = (scope: unknown): scope is OptOutScope => {
  if (typeof scope !== 'object' || scope === null) return false
  const { vendor, channel } = scope as Readonly<Record<string, unknown>>
  return (vendor === undefined || isVendor(vendor)) && (channel === undefined || isOneOf(CHANNELS, channel))
}

/**
 * Whether an address opted out: a query whose one row is an {@link OptedOutRow}. Give the
 * address as the opt-out's `from` (compared as stored, character for character: a number
 * written `0033…` is not `+33…`), and a scope: by default any vendor and any channel. What
 * to do with the answer is your policy; the Postgres guide shows one.
 *
 * @example
 * ```ts
 * import pg from 'pg'
 * import { optedOut, type OptedOutRow } from 'deliverykit/postgres'
 *
 * const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'] })
 * const { rows } = await pool.query<OptedOutRow>(optedOut('+33600112233', { vendor: 'octopush', channel: 'sms' }))
 * if (rows[0]?.optedOut === true) console.log('do not send')
 * ```
 * @category Postgres
 */
export const optedOut = (address: string, scope: OptOutScope = {}): PostgresQuery =>
  guarded('address and scope', 'an address and { vendor?, channel? }', [address, scope], () =>
    typeof address === 'string' && isScope(scope)
      ? { text: OPTED_OUT, values: [postgresText(address), scope.vendor ?? null, scope.channel ?? null] }
      : undefined,
  )

const REPLIES = `SELECT event FROM deliverykit_inbound
 WHERE from_address = $1 AND kind = 'inbound' AND vendor = $2
 ORDER BY occurred_at_ms, recorded_at, event_id`

/**
 * The inbound messages (replies, keywords) an address sent through a vendor, oldest first
 * (messages without a time first, then in the order they were recorded): a query whose rows
 * are {@link ReplyRow}s. Opt-outs are not in it; ask {@link optedOut}.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite'
 * import { replies, type ReplyRow } from 'deliverykit/postgres'
 *
 * const db = await PGlite.create()
 * const query = replies('octopush', '+44600000000')
 * const { rows } = await db.query<ReplyRow>(query.text, query.values)
 * for (const { event } of rows) console.log(event.occurredAt, event.text)
 * ```
 * @category Postgres
 */
export const replies = (vendor: Vendor, from: string): PostgresQuery =>
  guarded('vendor and from', 'a vendor and a text', [vendor, from], () =>
    // Stryker disable next-line ConditionalExpression: equivalent, postgresText throws on what is not text and guarded refuses it the same way
    isVendor(vendor) && typeof from === 'string' ? { text: REPLIES, values: [postgresText(from), vendor] } : undefined,
  )
