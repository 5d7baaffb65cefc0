/**
 * A caller's delivery event, read once into a copy deliverykit owns and checked against the
 * model's own lists (src/model/shape.ts): what deliverykit/postgres stores.
 */
import type { AnyEvent } from '../model/event.js'
import { isDeliveryEventShape } from '../model/shape.js'
import { MAX_DEPTH, snapshot } from './snapshot.js'

/**
 * A caller's event read once, into a copy deliverykit owns (every property read exactly
 * once, so an accessor cannot answer one thing to the check and another to the query),
 * when it is exactly a delivery event deliverykit makes; `undefined` otherwise. Throws
 * what an accessor or a Proxy throws: call it where that becomes an error.
 *
 * @internal
 */
export const readDeliveryEvent = (value: unknown): AnyEvent | undefined => {
  // An event holds its body in `raw`, one level below the event itself.
  const copy = snapshot(value, false, MAX_DEPTH + 1)
  return copy.ok && isDeliveryEventShape(copy.value) ? copy.value : undefined
}
