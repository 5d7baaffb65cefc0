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

/**
 * The in-memory store, for tests and examples: it records what the handler gives it and
 * shows it back, each event once by `eventId` (the first kept, as a database keyed by it
 * does).
 *
 * @category Handler
 */
export interface MemoryStore extends ReplayableStore {
  /** Every distinct event recorded, in the order first recorded. */
  readonly events: () => ReadonlyArray<AnyWebhookEvent>
  /** Each call of `recordEvents`, as given: one batch per body. */
  readonly batches: () => ReadonlyArray<ReadonlyArray<AnyWebhookEvent>>
  /** The bodies kept and not released, oldest first. */
  readonly kept: () => ReadonlyArray<StoredKeptBody>
}

/**
 * A {@link MemoryStore}. The bytes of a kept body are copied, so the caller's buffer may
 * be reused.
 *
 * @example
 * ```ts
 * import { createMemoryStore, createWebhookHandler } from 'deliverykit/handler'
 *
 * const store = createMemoryStore()
 * const webhook = createWebhookHandler({ vendor: 'octopush', store, secrets: ['a-secret-of-16-characters-or-more'] })
 * await webhook.fetch(new Request('https://example.com/webhooks/octopush?token=a-secret-of-16-characters-or-more', { method: 'POST', body: '{"number":"+33600000000","text":"STOP","stop_date":"2020-11-04 11:11:45"}' }))
 * store.events()[0]?.kind // 'opt_out'
 * ```
 * @category Handler
 */
export const createMemoryStore = (): MemoryStore => {
  const byId = new Map<string, AnyWebhookEvent>()
  const batches: Array<ReadonlyArray<AnyWebhookEvent>> = []
  const kept = new Map<string, StoredKeptBody>()
  let next = 0
  return {
    recordEvents: (events) => {
      batches.push([...events])
      for (const event of events) if (!byId.has(event.eventId)) byId.set(event.eventId, event)
      return Promise.resolve()
    },
    keepBody: (body) => {
      // Twelve digits: ids sort as text in the order kept, as the interface promises.
      const id = String(next++).padStart(12, '0')
      kept.set(id, { ...body, options: { ...body.options }, body: body.body.slice(), id })
      return Promise.resolve()
    },
    keptBodies: (after, limit) => Promise.resolve([...kept.values()].filter((body) => after === undefined || body.id > after).slice(0, limit)),
    releaseBody: (id) => {
      kept.delete(id)
      return Promise.resolve()
    },
    events: () => [...byId.values()],
    batches: () => [...batches],
    kept: () => [...kept.values()],
  }
}
