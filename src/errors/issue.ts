import type { Channel } from '../model/channel.js'
import type { Vendor } from '../model/vendor.js'
import type { CallbackKind } from '../model/webhook.js'

/**
 * Where in the body an issue is: object keys and array indexes from the root down.
 * `['deliveries', 1, 'status']` is rendered `deliveries[1].status`.
 *
 * @category Errors
 */
export type IssuePath = ReadonlyArray<string | number>

/**
 * A readonly array with at least one element: an error always says at least one thing.
 *
 * @category Errors
 */
export type NonEmptyReadonlyArray<A> = readonly [A, ...Array<A>]

interface IssueBase {
  /** Where the problem is. Empty for the body itself. */
  readonly path: IssuePath
  /** One readable line naming the path, what was found and what was expected. */
  readonly message: string
}

/**
 * A field the body must have is absent.
 *
 * @category Errors
 */
export interface MissingFieldIssue extends IssueBase {
  readonly code: 'missing_field'
  /** What the field should have held. */
  readonly expected: string
}

/**
 * A value has the wrong JSON type (a number where text was expected, …).
 *
 * @category Errors
 */
export interface InvalidTypeIssue extends IssueBase {
  readonly code: 'invalid_type'
  readonly expected: string
  /** A short rendering of what was found. */
  readonly received: string
}

/**
 * A value has the right type but not an accepted value (an impossible date, a channel
 * name the vendor does not use, …).
 *
 * @category Errors
 */
export interface InvalidValueIssue extends IssueBase {
  readonly code: 'invalid_value'
  readonly expected: string
  readonly received: string
}

/**
 * The body could not be read at all (an accessor on a hand-built object threw).
 *
 * @category Errors
 */
export interface UnreadableIssue extends IssueBase {
  readonly code: 'unreadable'
}

/**
 * The body is text or bytes that are not JSON, a form or UTF-8.
 *
 * @category Errors
 */
export interface InvalidSyntaxIssue extends IssueBase {
  readonly code: 'invalid_syntax'
  readonly expected: string
}

/**
 * The body, given as text or bytes, is larger than the `maxBodySize` option allows. It
 * was not parsed.
 *
 * @category Errors
 */
export interface TooLargeIssue extends IssueBase {
  readonly code: 'too_large'
  /** The body's size: characters of text; bytes of an `ArrayBuffer`, a `Uint8Array` or another view of bytes. */
  readonly size: number
  /** The `maxBodySize` in force. */
  readonly limit: number
}

/**
 * A field of the body contradicts the channel the caller's `channel` option names: a
 * Messangi status whose `to` is an e-mail address with `channel: 'sms'`, or a phone number
 * with `channel: 'email'`. Such a body was most likely posted to another channel's URL,
 * where the same status code means something else; it is refused rather than read on
 * the wrong channel. Only a clear contradiction is refused (see the Messangi guide).
 *
 * @category Errors
 */
export interface ChannelMismatchIssue extends IssueBase {
  readonly code: 'channel_mismatch'
  /** The channel the caller's option named. */
  readonly channel: Channel
  /** What the field holds on that channel: "a phone number". */
  readonly expected: string
  /** What the field holds: a short rendering of its value and what it is. */
  readonly received: string
}

/**
 * What can be wrong with the shape of a body.
 *
 * @category Errors
 */
export type BodyIssue = InvalidSyntaxIssue | MissingFieldIssue | InvalidTypeIssue | InvalidValueIssue | UnreadableIssue | TooLargeIssue | ChannelMismatchIssue

/**
 * A status code that is not in the vendor's catalog: the common real-world case when a
 * vendor adds codes. Names the vendor, the channel and the code.
 *
 * @category Errors
 */
export interface UnknownStatusIssue extends IssueBase {
  readonly code: 'unknown_status'
  readonly vendor: Vendor
  readonly channel: Channel
  /** The vendor's code, as sent. */
  readonly status: string
  /** The codes the catalog knows for this vendor and channel. */
  readonly expected: ReadonlyArray<string>
  /** The other channels whose catalog has this code, where there are any. */
  readonly knownOn?: ReadonlyArray<Channel>
  /**
   * The code of `expected` that `status` is most likely a typo of (`"delivered"` →
   * `"DELIVERED"`, one or two edits away), where one is; the message ends with it too.
   */
  readonly didYouMean?: string
}

/**
 * A channel name the vendor's body gives that deliverykit does not know yet (a channel the
 * vendor added). The body is otherwise a callback of that vendor: keep it and answer 2xx,
 * as for an unknown status.
 *
 * @category Errors
 */
export interface UnknownChannelIssue extends IssueBase {
  readonly code: 'unknown_channel'
  readonly vendor: Vendor
  /** The channel name, as sent. */
  readonly channel: string
  /** The channel names deliverykit knows for this vendor, as the vendor writes them. */
  readonly expected: ReadonlyArray<string>
  /** The name of `expected` that `channel` is most likely a typo of, where one is. */
  readonly didYouMean?: string
}

/**
 * The body is a callback of another kind than the function decodes: an opt-out or an
 * inbound message given to a delivery entry (`normalize`), or a delivery receipt given to
 * `normalizeInbound`. `normalizeWebhook` decodes every kind.
 *
 * @category Errors
 */
export interface UnexpectedCallbackIssue extends IssueBase {
  readonly code: 'unexpected_callback'
  /** What the body is. */
  readonly callback: CallbackKind
  /** The vendor's name for the body's shape, e.g. "Octopush STOP (opt-out) callback". */
  readonly shape: string
  /** The functions that decode it, e.g. `['normalizeWebhook', 'normalizeInbound']`. */
  readonly decodeWith: ReadonlyArray<string>
}

/**
 * An option passed to `normalize` is not one it accepts (an unknown vendor, a time zone
 * name `Intl` does not know, …).
 *
 * @category Errors
 */
export interface InvalidOptionIssue extends IssueBase {
  readonly code: 'invalid_option'
  readonly expected: string
  readonly received: string
  /**
   * The known vendor or channel that the value given is most likely a typo of (`"octopus"`
   * → `"octopush"`), where one is; the message ends with it too.
   */
  readonly didYouMean?: string
}

/**
 * Any issue deliverykit reports.
 *
 * @category Errors
 */
export type Issue = BodyIssue | UnknownStatusIssue | UnknownChannelIssue | UnexpectedCallbackIssue | InvalidOptionIssue
