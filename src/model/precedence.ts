import { orElse } from '../util/values.js'
import { parseOffsetDateTime } from '../util/time.js'
import type { AnyEvent } from './event.js'
import type { Status } from './status.js'

/**
 * The precedence of each status: when two callbacks speak of the same message and
 * recipient, the higher rank stands; equal ranks are decided by time, then by this
 * table's order, then by `eventId`, so the result never depends on arrival order.
 *
 * | rank | statuses | why |
 * |---|---|---|
 * | 0 | `accepted` | the platform has it |
 * | 1 | `sent`, `deferred` | on its way; a retry and a hand-over alternate, the later one stands |
 * | 2 | `delivered`, `rejected`, `undeliverable`, `expired`, `unconfirmed` | settled: never regresses to a transient state; between two settled states the later stands |
 * | 3 | `read`, and `undeliverable` on e-mail | engagement supersedes delivery; an e-mail bounce can follow the destination server's acceptance |
 * | 4 | `clicked` | engagement beyond reading |
 * | 5 | `complained`, `unsubscribed` | the recipient's last word, whatever came before |
 *
 * An `unknown` status (kept with `unknownStatus: 'keep'`) ranks below everything.
 *
 * @category Precedence
 */
export const STATUS_RANK: Readonly<Record<Status, number>> = {
  accepted: 0,
  sent: 1,
  deferred: 1,
  delivered: 2,
  rejected: 2,
  undeliverable: 2,
  expired: 2,
  unconfirmed: 2,
  read: 3,
  clicked: 4,
  complained: 5,
  unsubscribed: 5,
}

/** Tie-break order among statuses of equal rank and time: fixed, so folding is order-free. */
const STATUS_ORDER: Readonly<Record<Status, number>> = {
  accepted: 0,
  sent: 1,
  deferred: 2,
  unconfirmed: 3,
  expired: 4,
  rejected: 5,
  undeliverable: 6,
  delivered: 7,
  read: 8,
  clicked: 9,
  unsubscribed: 10,
  complained: 11,
}

/**
 * The rank of an event under the precedence rule (see {@link STATUS_RANK}): an e-mail
 * bounce ranks with `read`, because it can follow the server's acceptance.
 *
 * @example
 * ```ts
 * import { rankOf, STATUS_RANK } from 'deliverykit'
 * rankOf(smsDelivered) // 2, STATUS_RANK.delivered
 * rankOf(emailHardBounce) // 3: an e-mail bounce can follow delivery to the server
 * ```
 * @category Precedence
 */
export const rankOf = (event: AnyEvent): number => orElse(() => rank(event), -1)

/** The rank, throwing on an event that cannot be read; `rankOf` says -1 for one, as for `unknown`. */
const rank = (event: AnyEvent): number => {
  if (event.status === 'unknown') return -1
  if (event.status === 'undeliverable' && event.channel === 'email') return 3
  return STATUS_RANK[event.status]
}

/** The instant of `occurredAt` in milliseconds; `-Infinity` when absent or unreadable. */
const instantOf = (event: AnyEvent): number =>
  event.occurredAt === undefined ? Number.NEGATIVE_INFINITY : (parseOffsetDateTime(event.occurredAt)?.instantMs ?? Number.NEGATIVE_INFINITY)

const orderOf = (event: AnyEvent): number => (event.status === 'unknown' ? -1 : STATUS_ORDER[event.status])

/**
 * The key `advance` orders events by, most significant part first. Comparing two keys part
 * by part, numbers by value and texts by UTF-16 code units (JavaScript's `<`), gives
 * exactly `advance`'s order. Not exported by the package: it lets deliverykit/postgres
 * store the order in columns without copying the tables.
 *
 * @internal
 */
export interface PrecedenceKey {
  /** {@link rankOf}: -1 for an unknown status. */
  readonly rank: number
  /** The instant of `occurredAt` in milliseconds, `-Infinity` when absent or unreadable. */
  readonly instantMs: number
  /** The fixed tie-break order of the status; -1 for an unknown status. */
  readonly statusOrder: number
  /** The event's `eventId`. */
  readonly eventId: string
  /** The event's channel. */
  readonly channel: string
}

/**
 * The {@link PrecedenceKey} of an event, from the same functions `advance` compares with.
 *
 * @internal
 */
export const precedenceKey = (event: AnyEvent): PrecedenceKey => ({
  rank: rankOf(event),
  instantMs: instantOf(event),
  statusOrder: orderOf(event),
  eventId: event.eventId,
  channel: event.channel,
})

/** Positive when `a` should stand over `b`. A total order, so `advance` is commutative. */
const compare = (a: AnyEvent, b: AnyEvent): number =>
  rank(a) - rank(b) ||
  Math.sign(instantOf(a) - instantOf(b)) ||
  orderOf(a) - orderOf(b) ||
  compareText(a.eventId, b.eventId) ||
  compareText(a.channel, b.channel)

/** UTF-16 code-unit order, JavaScript's `<`; deliverykit/postgres reproduces it with UTF-16BE `bytea`. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The event that should stand for a (message, recipient) once `incoming` arrives, whatever
 * order the vendor's callbacks come in: a settled state never regresses to a transient
 * one, engagement supersedes delivery, a complaint or an e-mail bounce supersedes
 * delivery, and ties go to the later event. Folding any permutation of the same events
 * gives the same result. Pass `undefined` as `current` for the first event.
 *
 * Both events must be about the same message and recipient; `advance` does not check.
 * Never throws: an event that cannot be read (a hand-built one whose accessor throws)
 * never displaces one that can.
 *
 * @example
 * ```ts
 * import { advance } from 'deliverykit'
 * const standing = events.reduce(advance, undefined) // undefined only for no events
 * const next = advance(stored, incoming)
 * if (next !== stored) await save(next)
 * ```
 * @category Precedence
 */
export const advance = <E extends AnyEvent>(current: E | undefined, incoming: E): E => {
  // Stryker disable next-line ConditionalExpression: equivalent, compare throws on undefined and the catch answers incoming; the check keeps a throw off every first event's path
  if (current === undefined) return incoming
  try {
    return compare(incoming, current) > 0 ? incoming : current
  } catch {
    // Only hand-built events get here (a revoked Proxy, an accessor that throws): one that
    // cannot be read never displaces one that can.
    return isReadable(current) ? current : incoming
  }
}

const isReadable = (event: AnyEvent): boolean =>
  orElse(() => {
    compare(event, event)
    return true
  }, false)
