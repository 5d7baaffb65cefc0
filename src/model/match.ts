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
 * switches. Data-last, so it fits `pipe` and `Array.prototype.map`. The types require a
 * handler for every case; add an `unknown` handler to match the events of
 * `unknownStatus: 'keep'` as well.
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
 * ```
 * @category Helpers
 */
export function matchClassification<R>(handlers: ClassificationHandlers<AnyEvent, R>): (event: AnyEvent) => R
export function matchClassification<R>(handlers: ClassificationHandlers<DeliveryEvent, R>): (event: DeliveryEvent) => R
export function matchClassification<R>(handlers: Readonly<Record<string, (event: never) => R>>): (event: AnyEvent) => R {
  return (event) => (handlers[event.classification] as (event: AnyEvent) => R)(event)
}

/**
 * Exhaustive matching on the canonical `status`: a handler for every status.
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
export function matchStatus<R>(handlers: Readonly<Record<string, (event: never) => R>>): (event: AnyEvent) => R {
  return (event) => (handlers[event.status] as (event: AnyEvent) => R)(event)
}
