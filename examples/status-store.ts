/**
 * A status store: one standing event per (vendor, message, recipient), folded with
 * `advance`, so callbacks that arrive late, twice or out of order never move a message
 * backwards. `eventId` makes a redelivered callback a no-op.
 */
import { advance, type DeliveryEvent } from 'deliverykit'

export interface StatusStore {
  /** Records an event; `true` when the message's standing event changed. */
  readonly record: (event: DeliveryEvent) => boolean
  readonly current: (vendor: string, messageId: string, recipient: string) => DeliveryEvent | undefined
}

export const createStatusStore = (): StatusStore => {
  const standing = new Map<string, DeliveryEvent>()
  const seen = new Set<string>()
  const key = (vendor: string, messageId: string, recipient: string): string => JSON.stringify([vendor, messageId, recipient])

  return {
    record: (event) => {
      if (seen.has(event.eventId)) return false // a redelivery: already folded in
      seen.add(event.eventId)
      const k = key(event.vendor, event.messageId, event.recipient)
      const before = standing.get(k)
      const after = advance(before, event)
      standing.set(k, after)
      return after !== before
    },
    current: (vendor, messageId, recipient) => standing.get(key(vendor, messageId, recipient)),
  }
}
