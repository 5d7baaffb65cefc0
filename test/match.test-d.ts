import { matchClassification, type AnyEvent } from 'deliverykit'
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
})
