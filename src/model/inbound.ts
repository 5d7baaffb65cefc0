import type { Channel } from './channel.js'
import type { Vendor } from './vendor.js'

/**
 * What opt-out and inbound events carry, whatever their kind.
 *
 * @category Inbound
 */
export interface InboundBase {
  readonly vendor: Vendor
  readonly channel: Channel
  /** Who sent it: the recipient of your messages, as the vendor gave it. */
  readonly from: string
  /** Your number, short code or sender that received it, where the vendor says. */
  readonly to?: string
  /** The text the person sent (`STOP`, a reply). */
  readonly text: string
  /** The message this answers, where the vendor can tell. */
  readonly messageId?: string
  /** ISO-8601 with an explicit offset. */
  readonly occurredAt?: string
  /** The vendor's time text, exactly as sent. */
  readonly vendorTime?: string
  /** The decoded vendor payload. */
  readonly raw: Readonly<Record<string, unknown>>
  /**
   * The idempotency key of this event, the same on every redelivery: 32 lowercase hex
   * digits, the first 128 bits of the SHA-256 of the vendor, the kind, the sender, the
   * text and the time, as for delivery events' `eventId`.
   */
  readonly eventId: string
}

/**
 * The person asked to receive nothing more: put `from` on your suppression list for this
 * channel.
 *
 * @category Inbound
 */
export interface OptOutEvent extends InboundBase {
  readonly kind: 'opt_out'
}

/**
 * A message the person sent you (a reply, a keyword).
 *
 * @category Inbound
 */
export interface InboundMessageEvent extends InboundBase {
  readonly kind: 'inbound'
}

/**
 * Opt-outs and inbound messages: not delivery statuses, but callbacks users wire to the
 * same handler. A union on `kind`.
 *
 * @category Inbound
 */
export type InboundEvent = OptOutEvent | InboundMessageEvent
