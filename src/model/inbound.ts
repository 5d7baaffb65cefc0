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
   * digits, the first 128 bits of the SHA-256 of the id format, the vendor, the kind, the
   * body's shape and everything the event reports but `raw` (channel, sender, recipient,
   * text, message id, time text), as for delivery events' `eventId`.
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
  /** The text the person sent (`STOP`), where the vendor sends it. */
  readonly text?: string
}

/**
 * A message the person sent you (a reply, a keyword).
 *
 * @category Inbound
 */
export interface InboundMessageEvent extends InboundBase {
  readonly kind: 'inbound'
  /** The text the person sent. */
  readonly text: string
}

/**
 * Opt-outs and inbound messages: not delivery statuses, but callbacks vendors send to the
 * same URL as their receipts (Octopush) or to URLs of their own. A union on `kind`; with
 * delivery events, the `WebhookEvent` union.
 *
 * @category Inbound
 */
export type InboundEvent = OptOutEvent | InboundMessageEvent
