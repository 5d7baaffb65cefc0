/**
 * Keeping what you reject. Every error carries the body exactly as it was given
 * (`error.input`), so a handler can store it with the reason and answer the vendor
 * without losing anything. Once the cause is fixed (a new status code mapped, a bug in
 * your routing), replay the stored bodies.
 */
import { formatError, safeParse, type AnyEvent, type DeliveryEvent, type NormalizeError } from 'deliverykit'

export interface Rejected {
  readonly vendor: 'octopush' | 'masstack'
  readonly kind: NormalizeError['kind']
  readonly why: string
  /** The body as received: text stays text, an object stays that object. */
  readonly input: unknown
}

export interface Inbox {
  readonly receive: (vendor: Rejected['vendor'], body: unknown) => ReadonlyArray<DeliveryEvent>
  readonly rejected: () => ReadonlyArray<Rejected>
  /**
   * Normalizes the stored bodies again, with codes the catalog does not know kept as
   * `unknown` events; bodies that still fail stay stored.
   */
  readonly replay: () => ReadonlyArray<AnyEvent>
}

export const createInbox = (): Inbox => {
  let rejected: Array<Rejected> = []

  const receive = (vendor: Rejected['vendor'], body: unknown): ReadonlyArray<DeliveryEvent> => {
    const result = safeParse(vendor, body)
    if (result.success) return result.events
    rejected.push({ vendor, kind: result.error.kind, why: formatError(result.error), input: result.error.input })
    return []
  }

  return {
    receive,
    rejected: () => rejected,
    replay: () => {
      const stored = rejected
      rejected = []
      return stored.flatMap((entry) => {
        const result = safeParse(entry.vendor, entry.input, { unknownStatus: 'keep' })
        if (result.success) return result.events
        rejected.push(entry)
        return []
      })
    },
  }
}
