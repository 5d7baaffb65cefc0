/**
 * Keeping what you reject. Every error carries the body exactly as it was given
 * (`error.input`), so a handler can store it with the reason and answer the vendor
 * without losing anything. Once the cause is fixed (a new status code mapped, a bug in
 * your routing), replay the stored bodies.
 *
 * A body is stored with the options it was decoded with: Messangi's bodies do not name
 * their channel, so its route's `{ channel }` is part of what a replay needs. The ready
 * handler (`deliverykit/handler`) keeps bodies the same way (`KeptBody`: vendor, options,
 * bytes) and has a `replay` of its own; this is the same idea by hand.
 */
import { formatError, safeParse, type AnyEvent, type DeliveryEvent, type MessangiChannel, type NormalizeError } from 'deliverykit'

/** Where a body came from: its vendor, and for Messangi the channel of its URL. */
export type Route = { readonly vendor: 'octopush' | 'masstack' } | { readonly vendor: 'messangi'; readonly channel: MessangiChannel }

export interface Rejected {
  readonly route: Route
  readonly kind: NormalizeError['kind']
  readonly why: string
  /** The body as received: text stays text, an object stays that object. */
  readonly input: unknown
}

export interface Inbox {
  readonly receive: (route: Route, body: unknown) => ReadonlyArray<DeliveryEvent>
  readonly rejected: () => ReadonlyArray<Rejected>
  /**
   * Normalizes the stored bodies again, each with its route's options, with codes the
   * catalog does not know kept as `unknown` events; bodies that still fail stay stored.
   */
  readonly replay: () => ReadonlyArray<AnyEvent>
}

/** Decodes a body as its route says; `unknownStatus: 'keep'` on replay. */
const decode = (route: Route, body: unknown, unknownStatus: 'keep' | 'error') =>
  route.vendor === 'messangi' ? safeParse('messangi', body, { channel: route.channel, unknownStatus }) : safeParse(route.vendor, body, { unknownStatus })

export const createInbox = (): Inbox => {
  let rejected: Array<Rejected> = []

  const receive = (route: Route, body: unknown): ReadonlyArray<DeliveryEvent> => {
    const result = decode(route, body, 'error')
    if (result.success) return result.events.filter((event): event is DeliveryEvent => event.classification !== 'unknown')
    rejected.push({ route, kind: result.error.kind, why: formatError(result.error), input: result.error.input })
    return []
  }

  return {
    receive,
    rejected: () => rejected,
    replay: () => {
      const stored = rejected
      rejected = []
      return stored.flatMap((entry) => {
        const result = decode(entry.route, entry.input, 'keep')
        if (result.success) return result.events
        rejected.push(entry)
        return []
      })
    },
  }
}
