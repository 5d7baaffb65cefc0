import { DeliveryKitError } from '../errors/DeliveryKitError.js'
import { invalidOptionIssue, invalidOptionsError } from '../errors/build.js'
import type { NormalizeError } from '../errors/error.js'
import { describeValue, formatError } from '../errors/format.js'
import { decodeBody } from './decode.js'
import { recordWithRetries } from './handler.js'
import type { ReplayableStore } from './store.js'

/**
 * How `replay` runs.
 *
 * @category Handler
 */
export interface ReplaySettings {
  /** How many kept bodies are read at a time. Default 100. */
  readonly pageSize?: number
  /** How many times `recordEvents` is tried when `store.isTransient` says its failure is worth retrying. Default 3. */
  readonly storeAttempts?: number
  /** Decode and report only: record nothing, release nothing. Default `false`. */
  readonly dryRun?: boolean
}

/**
 * What `replay` did.
 *
 * @category Handler
 */
export interface ReplayReport {
  /** Kept bodies that now decode: their events are recorded and the bodies released (with `dryRun`, that would be). */
  readonly recorded: number
  /** The events those bodies gave. */
  readonly events: number
  /** Kept bodies that still do not decode, kept as they were, with today's reason. */
  readonly stillKept: ReadonlyArray<{ readonly id: string; readonly errorKind: NormalizeError['kind']; readonly reason: string }>
}

const invalidStore = (store: unknown): DeliveryKitError =>
  new DeliveryKitError(invalidOptionsError('handler', store, invalidOptionIssue('store', 'a store with recordEvents, keepBody, keptBodies and releaseBody', describeValue(store))))

const isReplayable = (store: unknown): store is ReplayableStore => {
  try {
    if (typeof store !== 'object' || store === null) return false
    const { recordEvents, keptBodies, releaseBody } = store as Readonly<Record<string, unknown>>
    return typeof recordEvents === 'function' && typeof keptBodies === 'function' && typeof releaseBody === 'function'
  } catch {
    return false
  }
}

/**
 * Decodes the kept bodies again, with the route options each was kept with: after an
 * upgrade that maps a new status code or channel, or reads a new shape. A body that now
 * decodes has its events recorded, then is released; one that still does not stays kept.
 * Recording is idempotent by `eventId`, so a replay stopped half-way (a crash between
 * recording and releasing) can run again. Reads no clock. Throws a `DeliveryKitError` at
 * once for a store without the methods it needs; a store's own failure rejects.
 *
 * @example
 * ```ts
 * import { createMemoryStore, replay } from 'deliverykit/handler'
 *
 * const report = await replay(createMemoryStore())
 * console.log(`${String(report.recorded)} bodies now decode; ${String(report.stillKept.length)} still kept`)
 * ```
 * @category Handler
 */
export const replay = (store: ReplayableStore, settings: ReplaySettings = {}): Promise<ReplayReport> => {
  if (!isReplayable(store)) throw invalidStore(store)
  const { pageSize = 100, storeAttempts = 3, dryRun = false } = settings
  return run(store, Number.isInteger(pageSize) && pageSize > 0 ? pageSize : 100, Number.isInteger(storeAttempts) && storeAttempts > 0 ? storeAttempts : 3, dryRun)
}

const run = async (store: ReplayableStore, pageSize: number, storeAttempts: number, dryRun: boolean): Promise<ReplayReport> => {
  let recorded = 0
  let events = 0
  const stillKept: Array<ReplayReport['stillKept'][number]> = []
  let after: string | undefined
  for (;;) {
    const page = await store.keptBodies(after, pageSize)
    for (const kept of page) {
      after = kept.id
      // The body is in memory already: no size limit applies to a second reading.
      const decoded = decodeBody(kept.vendor, kept.body, kept.options, Number.POSITIVE_INFINITY)
      if (!decoded.success) {
        stillKept.push({ id: kept.id, errorKind: decoded.error.kind, reason: formatError(decoded.error) })
        continue
      }
      if (!dryRun) {
        const result = await recordWithRetries(store, decoded.events, storeAttempts)
        if (!result.recorded) throw result.error
        await store.releaseBody(kept.id)
      }
      recorded += 1
      events += decoded.events.length
    }
    if (page.length < pageSize) return { recorded, events, stillKept }
  }
}
