import type { Channel } from './channel.js'
import type { FailureMapping, FinalMapping, StatusMapping, TransientMapping } from './status.js'
import type { Vendor } from './vendor.js'

/**
 * A price the vendor reported for the message.
 *
 * @category Model
 */
export interface Cost {
  /** The amount as the vendor sent it (Octopush `unit_price`). */
  readonly amount: number
  /** ISO 4217 code, only where the vendor says it (Octopush does not). */
  readonly currency?: string
}

/**
 * Vendor- and channel-specific extras. Every field is optional: each is present only
 * where the vendor sent it.
 *
 * @category Model
 */
export interface EventDetails {
  /** Name of the contact list the message was sent to (Octopush `list_name`). */
  readonly listName?: string
  /** Name of the e-mail template (Octopush `meta_data.template_name`). */
  readonly templateName?: string
  /** Keys the recipient pressed during a voice call (Octopush `pressed_keys_code`). */
  readonly pressedKeys?: string
  /** Length of a voice call in seconds (Octopush `call_duration`). */
  readonly callDurationSeconds?: number
  /** Seconds of a voice call that were charged (Octopush `charged_duration`). */
  readonly chargedDurationSeconds?: number
  /** The sender the message went out from: short code, long code, alphanumeric name (Messangi `from`). */
  readonly sender?: string
  /** The vendor's campaign the message belongs to (Messangi `campaignId`). */
  readonly campaignId?: string
}

/**
 * The vendor's status code when it is not in deliverykit's catalog. Only produced with
 * the `unknownStatus: 'keep'` option.
 *
 * @category Model
 */
export interface UnknownMapping {
  readonly classification: 'unknown'
  readonly status: 'unknown'
}

/**
 * An earlier state of the same message and recipient, reported in the same body
 * (Octopush `status_history`).
 *
 * @category Model
 */
export type HistoryEntry = (StatusMapping | UnknownMapping) & {
  /** The vendor's own code. */
  readonly vendorStatus: string
  /** The catalog's description of the code (empty for an unknown code). */
  readonly description: string
  /** ISO-8601 with an explicit offset. */
  readonly occurredAt?: string
  /** The vendor's time text, exactly as sent. */
  readonly vendorTime?: string
}

/**
 * What every event carries, whatever its classification.
 *
 * @category Model
 */
export interface EventBase {
  /**
   * What the callback reports: always `'delivery'` here. Opt-outs and inbound messages
   * (`'opt_out'`, `'inbound'`, see `InboundEvent`) share the field, so one
   * `switch (event.kind)` handles everything a webhook entry returns.
   */
  readonly kind: 'delivery'
  /** Which vendor sent the callback. */
  readonly vendor: Vendor
  /** The channel the message travelled on. */
  readonly channel: Channel
  /** The vendor's id of the message, as text (never parsed to a number). */
  readonly messageId: string
  /** Phone number, e-mail address or device token, as the vendor gave it. */
  readonly recipient: string
  /** The vendor's own status code. */
  readonly vendorStatus: string
  /** The vendor's description of that code, from the catalog (empty for an unknown code). */
  readonly description: string
  /**
   * When the vendor says the status happened, as ISO-8601 with an explicit offset
   * (`2025-01-22T11:46:06+01:00`). Absent only where the vendor sends no time.
   */
  readonly occurredAt?: string
  /** The vendor's own time text, exactly as sent (`2025-01-22 11:46:06`). */
  readonly vendorTime?: string
  /** The customer's own reference, where the vendor echoes one. */
  readonly reference?: string
  /** The price the vendor reported, where it sends one. */
  readonly cost?: Cost
  /** Earlier states reported in the same body, oldest first (empty when none). */
  readonly history: ReadonlyArray<HistoryEntry>
  /** Vendor- and channel-specific extras. */
  readonly details: EventDetails
  /**
   * The decoded vendor payload this event came from, so nothing the vendor sent is lost.
   * For a multi-recipient body every event shares the same object: treat it as read-only.
   */
  readonly raw: Readonly<Record<string, unknown>>
  /**
   * The idempotency key of this vendor event: 32 lowercase hex digits, the first 128 bits
   * of the SHA-256 of a one-to-one encoding of the id format, the vendor, the kind, the
   * body's shape and everything the event reports but `raw` (channel, message id,
   * recipient, code, time text, reference, cost, history, details; an absent field apart
   * from an empty one). The same every time the vendor redelivers the event, in any
   * encoding and whatever your `timeZone`, and different for any event that reports
   * anything else: no body of any shape can be crafted to collide with another's (that
   * would take a SHA-256 collision). SHA-256 rather than the fields themselves, because it
   * has a fixed length (a database key stays small, a `uuid` column fits it), shows no
   * recipient, and is ASCII, so JavaScript's `<` and a database's byte order agree. The
   * same in every runtime. See the ordering guide for the figures behind the choice.
   */
  readonly eventId: string
}

/**
 * A message still on its way: more callbacks are expected.
 *
 * @category Model
 */
export type TransientEvent = EventBase & TransientMapping

/**
 * A message that reached the recipient (and maybe was read or clicked).
 *
 * @category Model
 */
export type FinalEvent = EventBase & FinalMapping

/**
 * A message that settled without delivery. `failure.permanent` says whether to stop
 * sending to this recipient on this channel.
 *
 * @category Model
 */
export type FailureEvent = EventBase & FailureMapping

/**
 * A status code deliverykit's catalog does not know. You only get these when you opt in
 * with `unknownStatus: 'keep'`; the vendor's code is in `vendorStatus`.
 *
 * @category Model
 */
export type UnknownStatusEvent = EventBase & UnknownMapping

/**
 * One canonical delivery event: a discriminated union on `classification`, with the
 * canonical `status` inside each branch, so that `switch (event.classification)` and
 * `switch (event.status)` are both exhaustive and narrow the type.
 *
 * @example
 * ```ts
 * import { absurd, type DeliveryEvent } from 'deliverykit'
 *
 * const advice = (event: DeliveryEvent): string => {
 *   switch (event.classification) {
 *     case 'transient': return 'wait for the next callback'
 *     case 'final': return 'delivered'
 *     case 'failure': return event.failure.permanent ? 'stop sending' : 'retry later'
 *     default: return absurd(event)
 *   }
 * }
 * ```
 * @category Model
 */
export type DeliveryEvent = TransientEvent | FinalEvent | FailureEvent

/**
 * Any event a call can return: a {@link DeliveryEvent}, or with `unknownStatus: 'keep'`
 * an {@link UnknownStatusEvent}.
 *
 * @category Model
 */
export type AnyEvent = DeliveryEvent | UnknownStatusEvent
