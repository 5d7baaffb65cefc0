import { matchClassification, type AnyEvent, type DeliveryEvent } from 'deliverykit'
import { describe, expectTypeOf, it } from 'vitest'

describe('matchClassification types', () => {
  it('requires every handler and refuses extra ones', () => {
    // @ts-expect-error: the failure handler is missing
    matchClassification({ transient: () => 0, final: () => 1 })
    // @ts-expect-error: there is no 'pending' classification
    matchClassification({ transient: () => 0, final: () => 1, failure: () => 2, pending: () => 3 })
    // @ts-expect-error: events that may be unknown need the unknown handler
    const forAny: (event: AnyEvent) => number = matchClassification({ transient: () => 0, final: () => 1, failure: () => 2 })
    expectTypeOf(forAny).toBeFunction()
    expectTypeOf(matchClassification({ transient: () => 0, final: () => 1, failure: () => 2, unknown: (e) => e.vendorStatus.length })).parameter(0).toEqualTypeOf<AnyEvent>()
    expectTypeOf(matchClassification({ transient: () => 0, final: () => 1, failure: (e) => (e.failure.permanent ? 2 : 3) })).returns.toEqualTypeOf<number>()
  })

  it('takes the event first, with the same checks on the handlers', () => {
    const delivery = {} as DeliveryEvent
    const any = {} as AnyEvent
    expectTypeOf(matchClassification(delivery, { transient: () => 0, final: () => 1, failure: (e) => (e.failure.permanent ? 2 : 3) })).toEqualTypeOf<number>()
    // @ts-expect-error: the failure handler is missing
    matchClassification(delivery, { transient: () => 0, final: () => 1 })
    // @ts-expect-error: an event that may be unknown needs the unknown handler
    matchClassification(any, { transient: () => 0, final: () => 1, failure: () => 2 })
    expectTypeOf(matchClassification(any, { transient: () => 'a', final: () => 'b', failure: () => 'c', unknown: (e) => e.vendorStatus })).toEqualTypeOf<string>()
  })
})
