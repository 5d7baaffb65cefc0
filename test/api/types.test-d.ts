import {
  absurd,
  isFailure,
  normalize,
  parse,
  safeParse,
  type Classification,
  type DeliveryEvent,
  type FailureEvent,
  type Failure,
  type NormalizeError,
  type Status,
  type UnknownStatusEvent,
} from 'deliverykit'
import * as octopush from 'deliverykit/octopush'
import type { either as E } from 'fp-ts'
import { describe, expectTypeOf, it } from 'vitest'

describe('the canonical model', () => {
  it('pins the unions, so an accidental widening fails', () => {
    expectTypeOf<Classification>().toEqualTypeOf<'transient' | 'final' | 'failure'>()
    expectTypeOf<DeliveryEvent['classification']>().toEqualTypeOf<Classification>()
    expectTypeOf<DeliveryEvent['status']>().toEqualTypeOf<Status>()
    expectTypeOf<FailureEvent['failure']>().toEqualTypeOf<Failure>()
  })

  it('narrows on classification: only failure events have failure', () => {
    const check = (event: DeliveryEvent): boolean => {
      if (event.classification === 'failure') {
        expectTypeOf(event.failure.permanent).toEqualTypeOf<boolean>()
        expectTypeOf(event.status).toEqualTypeOf<'rejected' | 'undeliverable' | 'expired' | 'complained' | 'unsubscribed' | 'unconfirmed'>()
        return event.failure.permanent
      }
      // @ts-expect-error: a transient or final event has no failure
      return event.failure // eslint-disable-line @typescript-eslint/no-unsafe-return -- the line under test does not compile
    }
    expectTypeOf(check).toBeFunction()
  })

  it('narrows on status to the right classification', () => {
    const check = (event: DeliveryEvent): void => {
      if (event.status === 'deferred') expectTypeOf(event.classification).toEqualTypeOf<'transient'>()
      if (event.status === 'clicked') expectTypeOf(event.classification).toEqualTypeOf<'final'>()
      if (event.status === 'unsubscribed') expectTypeOf(event.failure).toEqualTypeOf<Failure>()
    }
    expectTypeOf(check).toBeFunction()
  })

  it('a switch over classification that misses a case does not compile', () => {
    const incomplete = (event: DeliveryEvent): number => {
      // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- the missing case is the test
      switch (event.classification) {
        case 'transient':
          return 0
        case 'final':
          return 1
        default:
          // @ts-expect-error: 'failure' is not handled, so event is not never
          return absurd(event)
      }
    }
    expectTypeOf(incomplete).toBeFunction()
  })

  it('a switch over status that misses a case does not compile', () => {
    const incomplete = (status: Status): string => {
      // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- the missing case is the test
      switch (status) {
        case 'accepted':
        case 'sent':
        case 'deferred':
        case 'delivered':
        case 'read':
        case 'clicked':
        case 'rejected':
        case 'undeliverable':
        case 'expired':
        case 'complained':
        case 'unsubscribed':
          return status
        default:
          // @ts-expect-error: 'unconfirmed' is not handled
          return absurd(status)
      }
    }
    expectTypeOf(incomplete).toBeFunction()
  })

  it('isFailure narrows an array filter', () => {
    const failures = (events: ReadonlyArray<DeliveryEvent>) => events.filter(isFailure)
    expectTypeOf(failures).returns.toEqualTypeOf<Array<FailureEvent>>()
  })
})

describe('normalize', () => {
  it('returns DeliveryEvent by default, and adds UnknownStatusEvent only when "keep" is possible', () => {
    expectTypeOf(normalize('octopush', {})).toEqualTypeOf<E.Either<NormalizeError, ReadonlyArray<DeliveryEvent>>>()
    expectTypeOf(normalize('octopush', {}, { timeZone: 'UTC' })).toEqualTypeOf<E.Either<NormalizeError, ReadonlyArray<DeliveryEvent>>>()
    expectTypeOf(normalize('octopush', {}, { unknownStatus: 'keep' })).toEqualTypeOf<
      E.Either<NormalizeError, ReadonlyArray<DeliveryEvent | UnknownStatusEvent>>
    >()
    const options: octopush.OctopushOptions = {}
    expectTypeOf(parse('octopush', {}, options)).toEqualTypeOf<ReadonlyArray<DeliveryEvent | UnknownStatusEvent>>()
    expectTypeOf(octopush.parse({}, { unknownStatus: 'keep' })).toEqualTypeOf<ReadonlyArray<DeliveryEvent | UnknownStatusEvent>>()
  })

  it('with "keep", a switch that does not handle unknown does not compile', () => {
    const result = safeParse('octopush', {}, { unknownStatus: 'keep' })
    if (result.success) {
      for (const event of result.events) {
        // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- the missing case is the test
        switch (event.classification) {
          case 'transient':
          case 'final':
          case 'failure':
            break
          default:
            // @ts-expect-error: the 'unknown' classification is not handled
            absurd(event)
        }
      }
    }
  })

  it('types options per vendor', () => {
    // @ts-expect-error: Octopush has no e-mail default channel option (e-mail bodies say so)
    normalize('octopush', {}, { channel: 'email' })
    // @ts-expect-error: not a vendor
    normalize('twilio', {})
    // @ts-expect-error: not an unknownStatus choice
    normalize('octopush', {}, { unknownStatus: 'ignore' })
  })

  it('narrows the error on kind', () => {
    const describe = (error: NormalizeError): string => {
      switch (error.kind) {
        case 'unknown_status':
          expectTypeOf(error.issues[0].channel).toEqualTypeOf<'sms' | 'voice' | 'email' | 'push' | 'rcs' | 'whatsapp' | 'facebook' | 'instagram'>()
          return error.issues[0].status
        case 'invalid_body':
          return error.issues[0].code
        case 'unknown_channel':
          return error.issues[0].channel
        case 'unexpected_callback':
          return error.callback
        case 'invalid_options':
          return error.vendor
        default:
          return absurd(error)
      }
    }
    expectTypeOf(describe).toBeFunction()
  })
})

describe('the Octopush catalog', () => {
  it('has one row per code, typed by code', () => {
    expectTypeOf(octopush.OCTOPUSH_CATALOG).toHaveProperty('HARD_BOUNCE')
    // @ts-expect-error: not a code
    expectTypeOf(octopush.OCTOPUSH_CATALOG).toHaveProperty('BOUNCY')
  })
})
