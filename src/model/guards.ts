import { orElse } from '../util/values.js'
import type { AnyEvent, FailureEvent, FinalEvent, TransientEvent, UnknownStatusEvent } from './event.js'

/**
 * Whether the event settled with the message reaching the recipient.
 *
 * @example
 * ```ts
 * import { isFinal, parse } from 'deliverykit'
 * const delivered = parse('octopush', body).filter(isFinal)
 * ```
 * @category Helpers
 */
export const isFinal = <E extends AnyEvent>(event: E): event is Extract<E, FinalEvent> =>
  orElse(() => event.classification === 'final', false)

/**
 * Whether the message is still on its way.
 *
 * @category Helpers
 */
export const isTransient = <E extends AnyEvent>(event: E): event is Extract<E, TransientEvent> =>
  orElse(() => event.classification === 'transient', false)

/**
 * Whether the message failed; the narrowed event has `failure: { reason, permanent }`.
 *
 * @example
 * ```ts
 * import { isFailure } from 'deliverykit'
 * for (const event of events) {
 *   if (isFailure(event) && event.failure.permanent) suppress(event.recipient)
 * }
 * ```
 * @category Helpers
 */
export const isFailure = <E extends AnyEvent>(event: E): event is Extract<E, FailureEvent> =>
  orElse(() => event.classification === 'failure', false)

/**
 * Whether the event carries a status code the catalog does not know (only produced with
 * `unknownStatus: 'keep'`).
 *
 * @example
 * ```ts
 * import { isUnknownStatus, parse } from 'deliverykit'
 * const events = parse('octopush', body, { unknownStatus: 'keep' })
 * for (const event of events.filter(isUnknownStatus)) await reportNewCode(event.vendorStatus)
 * ```
 * @category Helpers
 */
export const isUnknownStatus = <E extends AnyEvent>(event: E): event is Extract<E, UnknownStatusEvent> =>
  orElse(() => event.classification === 'unknown', false)

/**
 * Marks a branch the type checker proves unreachable: put it in the `default` of a switch
 * so that a case added to a union and not handled fails to compile.
 *
 * It throws only if the types lied (a value from outside deliverykit cast to its types).
 *
 * @example
 * ```ts
 * import { absurd, type Classification } from 'deliverykit'
 * const weight = (c: Classification): number => {
 *   switch (c) {
 *     case 'transient': return 0
 *     case 'final': return 1
 *     case 'failure': return -1
 *     default: return absurd(c)
 *   }
 * }
 * ```
 * @category Helpers
 */
export const absurd = (value: never): never => {
  throw new TypeError(`deliverykit: unexpected value ${JSON.stringify(value)} in an exhaustive switch`)
}
