/**
 * What a store of the ready endpoint is: the types deliverykit/handler writes to and
 * deliverykit/postgres implements, below both, so neither imports the other.
 */
import type { NormalizeError } from '../errors/error.js'
import type { Vendor } from '../model/vendor.js'
import type { AnyWebhookEvent } from '../model/webhook.js'

/**
 * The decode options of a route, as kept with a body: plain JSON data (`channel`,
 * `timeZone`, `unknownStatus`), so `replay` decodes the body as its route did.
 *
 * @category Handler
 */
export type RouteOptions = Readonly<Record<string, string | number | boolean>>

/**
 * A body the decoder did not turn into events, kept byte for byte so nothing the vendor
 * sent is lost: `replay` decodes it again after an upgrade that maps a new code.
 *
 * @category Handler
 */
export interface KeptBody {
  readonly vendor: Vendor
  /** The route's decode options: Messangi's `channel` above all, which its bodies do not carry. */
  readonly options: RouteOptions
  /** The bytes as received, whatever their Content-Type. */
  readonly body: Uint8Array
  /** The decoder's error kind: `unknown_status`, `unknown_channel`, `invalid_body`, … */
  readonly errorKind: NormalizeError['kind']
  /** The decoder's error as `formatError` renders it: what was wrong, where, what was expected. */
  readonly reason: string
  /** When it was received, as ISO 8601 in UTC: the one time the handler reads a clock. */
  readonly receivedAt: string
}

/**
 * A kept body as the store gives it back, with the store's own key.
 *
 * @category Handler
 */
export interface StoredKeptBody extends KeptBody {
  /** The store's key of the body: `keptBodies(after)` goes on from it. */
  readonly id: string
}

/**
 * What the webhook handler needs of a database: two writes. A method that fails rejects
 * (or throws); the handler then answers 503 so the vendor retries.
 *
 * `createPostgresStore` in `deliverykit/postgres` is one, for any driver: `recordEvents`
 * runs the one statement `recordEvents(events)` gives, `keepBody` one `INSERT`,
 * `isTransient` says whether an error is a deadlock, a serialization failure or a lost
 * connection. `createMemoryStore` is one for tests.
 *
 * @category Handler
 */
export interface WebhookStore {
  /**
   * Records every event of one body at once: delivery statuses, opt-outs (STOP) and
   * replies. Called again with the same events when the vendor redelivers a body, so it
   * must be idempotent: each event's `eventId` is its key.
   */
  readonly recordEvents: (events: ReadonlyArray<AnyWebhookEvent>) => Promise<unknown>
  /** Keeps a body the decoder did not turn into events, byte for byte. */
  readonly keepBody: (kept: KeptBody) => Promise<unknown>
  /**
   * Whether a failure of `recordEvents` is worth retrying at once (a deadlock, a
   * serialization failure, a lost connection). Left out: no failure is retried by the handler, the vendor
   * retries on the 503.
   */
  readonly isTransient?: (error: unknown) => boolean
}

/**
 * A store `replay` can run over: a {@link WebhookStore} that also lists its kept bodies
 * and lets one go once its events are recorded.
 *
 * @category Handler
 */
export interface ReplayableStore extends WebhookStore {
  /**
   * Up to `limit` kept bodies, in the order they were kept, after the one keyed `after`
   * (from the first when `undefined`); fewer than `limit` only at the end.
   */
  readonly keptBodies: (after: string | undefined, limit: number) => Promise<ReadonlyArray<StoredKeptBody>>
  /** Drops a kept body whose events are now recorded. */
  readonly releaseBody: (id: string) => Promise<unknown>
}
