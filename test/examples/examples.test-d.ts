import { absurd, type DeliveryEvent, type Status } from 'deliverykit'
import { expectTypeOf, test } from 'vitest'

import { describeEvent, statusLabel } from '../../examples/exhaustive-switch.js'

test('the example switches take every status and event', () => {
  expectTypeOf(statusLabel).parameter(0).toEqualTypeOf<Status>()
  expectTypeOf(describeEvent).parameter(0).toEqualTypeOf<DeliveryEvent>()
})

test('a switch over statuses with a missing case does not compile', () => {
  const label = (status: Status): string => {
    // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- the missing case is the point (lint catches it too)
    switch (status) {
      case 'accepted':
      case 'sent':
      case 'deferred':
        return 'pending'
      case 'delivered':
      case 'read':
      case 'clicked':
        return 'reached'
      case 'rejected':
      case 'undeliverable':
      case 'expired':
      case 'complained':
      case 'unsubscribed':
        return 'failed'
      // 'unconfirmed' is missing: absurd receives it, not never.
      default:
        // @ts-expect-error Argument of type 'string' is not assignable to parameter of type 'never'.
        return absurd(status)
    }
  }
  expectTypeOf(label).returns.toEqualTypeOf<string>()
})

test('a switch over classifications with a missing case does not compile', () => {
  const weight = (event: DeliveryEvent): number => {
    // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- as above
    switch (event.classification) {
      case 'transient':
        return 0
      case 'final':
        return 1
      default:
        // @ts-expect-error FailureEvent is not assignable to never: 'failure' is not handled.
        return absurd(event)
    }
  }
  expectTypeOf(weight).returns.toEqualTypeOf<number>()
})
