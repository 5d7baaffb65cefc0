/**
 * Statuses of a message that is not settled yet: more callbacks are expected.
 *
 * - `accepted`: the vendor's platform has it and has not handed it on yet.
 * - `sent`: handed to the carrier, ISP, RBM agent or Meta; awaiting a receipt.
 * - `deferred`: a temporary failure the vendor will retry by itself.
 *
 * @category Model
 */
export type TransientStatus = 'accepted' | 'sent' | 'deferred'

/**
 * Statuses of a message that reached the recipient. Engagement (`read`, `clicked`) may
 * still follow `delivered`.
 *
 * @category Model
 */
export type FinalStatus = 'delivered' | 'read' | 'clicked'

/**
 * Statuses of a message that settled without being delivered through this channel.
 *
 * - `rejected`: refused before sending (validation, policy, funds, sender, blocklist).
 * - `undeliverable`: the carrier or ISP could not deliver (bad number, hard bounce).
 * - `expired`: validity or retries ran out.
 * - `complained`: the recipient reported the message as spam.
 * - `unsubscribed`: the recipient opted out.
 * - `unconfirmed`: the vendor says the outcome cannot be known.
 *
 * @category Model
 */
export type FailureStatus =
  | 'rejected'
  | 'undeliverable'
  | 'expired'
  | 'complained'
  | 'unsubscribed'
  | 'unconfirmed'

/**
 * Every canonical status.
 *
 * @category Model
 */
export type Status = TransientStatus | FinalStatus | FailureStatus

/**
 * The three-way answer a handler branches on: is the message still on its way
 * (`transient`), did it reach the person (`final`), or did it fail (`failure`)?
 *
 * @category Model
 */
export type Classification = 'transient' | 'final' | 'failure'

/**
 * The classification of every canonical status. Typed so that a status added to the
 * unions above without a classification does not compile.
 *
 * @example
 * ```ts
 * import { CLASSIFICATION_OF_STATUS } from 'deliverykit'
 * CLASSIFICATION_OF_STATUS.deferred // 'transient'
 * ```
 * @category Model
 */
export const CLASSIFICATION_OF_STATUS = {
  accepted: 'transient',
  sent: 'transient',
  deferred: 'transient',
  delivered: 'final',
  read: 'final',
  clicked: 'final',
  rejected: 'failure',
  undeliverable: 'failure',
  expired: 'failure',
  complained: 'failure',
  unsubscribed: 'failure',
  unconfirmed: 'failure',
} as const satisfies Record<Status, Classification>

/**
 * Every canonical status, in lifecycle order.
 *
 * @category Model
 */
export const STATUSES = /*#__PURE__*/ Object.keys(CLASSIFICATION_OF_STATUS) as ReadonlyArray<Status>

/**
 * Why a message failed, as a small closed set shared by all vendors.
 *
 * | reason | meaning |
 * |---|---|
 * | `invalid_recipient` | the number or address does not exist or cannot receive this channel |
 * | `opted_out` | the recipient unsubscribed or sent STOP |
 * | `blocked_recipient` | the recipient is on a blocklist for another reason |
 * | `unreachable` | the recipient could not be reached this time (phone off, busy, no answer) |
 * | `mailbox` | the mailbox is full or inactive (soft bounce) |
 * | `content` | the content was empty, refused or flagged as spam by the receiving side |
 * | `spam` | spam reported by the recipient or presumed by the receiving side |
 * | `policy` | a vendor or carrier rule refused the sending |
 * | `sender` | the sender id or account sender is not allowed |
 * | `rate_limited` | a flooding, throughput or frequency limit |
 * | `account` | funds, quota or account state at the vendor |
 * | `expired` | validity period or retries ran out |
 * | `provider_error` | an error inside the vendor or carrier |
 * | `unknown` | the vendor gives no cause |
 *
 * @category Model
 */
export type FailureReason =
  | 'invalid_recipient'
  | 'opted_out'
  | 'blocked_recipient'
  | 'unreachable'
  | 'mailbox'
  | 'content'
  | 'spam'
  | 'policy'
  | 'sender'
  | 'rate_limited'
  | 'account'
  | 'expired'
  | 'provider_error'
  | 'unknown'

/** Every failure reason, once: typed so that a reason added to the union and not here does not compile. */
const FAILURE_REASON_KEYS = {
  invalid_recipient: null,
  opted_out: null,
  blocked_recipient: null,
  unreachable: null,
  mailbox: null,
  content: null,
  spam: null,
  policy: null,
  sender: null,
  rate_limited: null,
  account: null,
  expired: null,
  provider_error: null,
  unknown: null,
} as const satisfies Record<FailureReason, null>

/**
 * Every failure reason, in the order of the table of {@link FailureReason}.
 *
 * @example
 * ```ts
 * import { FAILURE_REASONS } from 'deliverykit'
 * FAILURE_REASONS.includes('opted_out') // true
 * ```
 * @category Model
 */
export const FAILURE_REASONS = /*#__PURE__*/ Object.keys(FAILURE_REASON_KEYS) as ReadonlyArray<FailureReason>

/**
 * What a failure means for the next sending.
 *
 * `permanent: true` means "do not send to this recipient again on this channel" (invalid
 * address, hard bounce, opt-out, complaint); `false` means a later retry may succeed.
 *
 * @category Model
 */
export interface Failure {
  readonly reason: FailureReason
  readonly permanent: boolean
}

/**
 * A code that means the message is still on its way (`accepted`, `sent`, `deferred`).
 *
 * @category Model
 */
export interface TransientMapping {
  readonly classification: 'transient'
  readonly status: TransientStatus
}

/**
 * A code that means the message reached the recipient (`delivered`, `read`, `clicked`).
 *
 * @category Model
 */
export interface FinalMapping {
  readonly classification: 'final'
  readonly status: FinalStatus
}

/**
 * A code that means the message settled without delivery, with the failure's reason and
 * whether it is permanent.
 *
 * @category Model
 */
export interface FailureMapping {
  readonly classification: 'failure'
  readonly status: FailureStatus
  readonly failure: Failure
}

/**
 * What one vendor status code means canonically: its classification and status, and for a
 * failure its reason and permanence. Catalog entries and events share this shape.
 *
 * @category Model
 */
export type StatusMapping = TransientMapping | FinalMapping | FailureMapping
