import { either as E } from 'fp-ts'

import { DeliveryKitError } from './errors/DeliveryKitError.js'
import type { NormalizeError } from './errors/error.js'

/**
 * What `safeParse` returns: the events, or the error, told apart by `success`.
 *
 * @category Normalize
 */
export type SafeParseResult<Events> =
  | { readonly success: true; readonly events: Events }
  | { readonly success: false; readonly error: NormalizeError }

/** The `safeParse` form of a `normalize` result. */
export const toSafeParseResult = <Events>(result: E.Either<NormalizeError, Events>): SafeParseResult<Events> =>
  E.isRight(result) ? { success: true, events: result.right } : { success: false, error: result.left }

/** The `parse` form of a `normalize` result: the events, or a thrown `DeliveryKitError`. */
export const eventsOrThrow = <Events>(result: E.Either<NormalizeError, Events>): Events => {
  if (E.isLeft(result)) throw new DeliveryKitError(result.left)
  return result.right
}
