import type { AnyEvent, DeliveryEvent } from './event.js'

/**
 * One handler per classification of `E`, each receiving the narrowed event. A missing or
 * extra key does not compile.
 *
 * @category Helpers
 */
export type ClassificationHandlers<E extends AnyEvent, R> = {
  readonly [C in E['classification']]: (event: Extract<E, { readonly classification: C }>) => R
}

/**
 * One handler per status of `E`, each receiving the narrowed event.
 *
 * @category Helpers
 */
export type StatusHandlers<E extends AnyEvent, R> = {
  readonly [S in E['status']]: (event: WithStatus<E, S>) => R
}

/**
 * The members of `E` that can have status `S`, narrowed to it (a member's status is a
 * union, so `Extract` would find none).
 *
 * @category Helpers
 */
export type WithStatus<E extends AnyEvent, S> = E extends AnyEvent ? (S extends E['status'] ? E & { readonly status: S } : never) : never

/**
 * Exhaustive matching on `classification`, for code that prefers expressions to
 * switches. Called with the handlers alone it is data-last, so it fits `pipe` and
 * `Array.prototype.map`; called with the event first, `matchClassification(event, handlers)`,
 * it answers at once. The types require a handler for every case; add an `unknown` handler
 * to match the events of `unknownStatus: 'keep'` as well.
 *
 * @example
 * ```ts
 * import { matchClassification } from 'deliverykit'
 * const advice = matchClassification({
 *   transient: () => 'wait',
 *   final: (event) => `reached ${event.recipient}`,
 *   failure: (event) => (event.failure.permanent ? 'stop sending' : 'retry later'),
 * })
 * events.map(advice)
 * matchClassification(event, { transient: () => 0, final: () => 1, failure: () => 2 }) // data-first
 * ```
 * @category Helpers
 */
export function matchClassification<R>(handlers: ClassificationHandlers<AnyEvent, R>): (event: AnyEvent) => R
export function matchClassification<R>(handlers: ClassificationHandlers<DeliveryEvent, R>): (event: DeliveryEvent) => R
export function matchClassification<R>(event: DeliveryEvent, handlers: ClassificationHandlers<DeliveryEvent, R>): R
export function matchClassification<R>(event: AnyEvent, handlers: ClassificationHandlers<AnyEvent, R>): R
export function matchClassification<R>(...args: MatchArguments<R>): R | ((event: AnyEvent) => R) {
  return dataFirstOrLast(args, (handlers, event) => (handlers[event.classification] as (event: AnyEvent) => R)(event))
}

/**
 * Exhaustive matching on the canonical `status`: a handler for every status. Data-last
 * (`matchStatus(handlers)(event)`) or data-first (`matchStatus(event, handlers)`), as
 * {@link matchClassification}.
 *
 * @example
 * ```ts
 * import { matchStatus } from 'deliverykit'
 * const label = matchStatus({
 *   accepted: () => 'queued', sent: () => 'sent', deferred: () => 'retrying',
 *   delivered: () => 'delivered', read: () => 'read', clicked: () => 'clicked',
 *   rejected: () => 'rejected', undeliverable: () => 'undeliverable', expired: () => 'expired',
 *   complained: () => 'spam report', unsubscribed: () => 'unsubscribed', unconfirmed: () => 'unknown outcome',
 * })
 * ```
 * @category Helpers
 */
export function matchStatus<R>(handlers: StatusHandlers<AnyEvent, R>): (event: AnyEvent) => R
export function matchStatus<R>(handlers: StatusHandlers<DeliveryEvent, R>): (event: DeliveryEvent) => R
export function matchStatus<R>(event: DeliveryEvent, handlers: StatusHandlers<DeliveryEvent, R>): R
export function matchStatus<R>(event: AnyEvent, handlers: StatusHandlers<AnyEvent, R>): R
export function matchStatus<R>(...args: MatchArguments<R>): R | ((event: AnyEvent) => R) {
  return dataFirstOrLast(args, (handlers, event) => (handlers[event.status] as (event: AnyEvent) => R)(event))
}

/** The arguments of a matcher: the handlers alone (data-last), or the event and then the handlers (data-first). */
type MatchArguments<R> = readonly [handlers: Handlers<R>] | readonly [event: AnyEvent, handlers: Handlers<R>]
type Handlers<R> = Readonly<Record<string, (event: never) => R>>

/**
 * Both call forms of a matcher, told apart by how many arguments it was given (as remeda's
 * functions are): `match(handlers)` returns the function of an event, for `pipe` and
 * `Array.prototype.map`; `match(event, handlers)` applies it at once.
 */
const dataFirstOrLast = <R>(args: MatchArguments<R>, apply: (handlers: Handlers<R>, event: AnyEvent) => R): R | ((event: AnyEvent) => R) => {
  if (args.length === 2) return apply(args[1], args[0])
  const [handlers] = args
  return (event) => apply(handlers, event)
}
