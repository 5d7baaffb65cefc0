import type { AnyWebhookEvent } from '../model/webhook.js'
import type { ReplayableStore, StoredKeptBody } from '../types/store.js'

export type { KeptBody, ReplayableStore, RouteOptions, StoredKeptBody, WebhookStore } from '../types/store.js'

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
