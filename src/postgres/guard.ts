import { DeliveryKitError } from '../errors/DeliveryKitError.js'
import { describeValue } from '../errors/format.js'
import { optionError } from '../runtime/callerInput.js'

/**
 * Runs a query builder, and throws a `DeliveryKitError` (an `invalid_options` error naming
 * the argument) for an argument that is not what its type says, or that cannot be read.
 * These functions build queries, so, like `parse`, they have no error to return; what they
 * throw is deliverykit's own error, never a TypeError from deep inside.
 */
export const guarded = <A>(argument: string, expected: string, value: unknown, build: () => A | undefined): A => {
  let built: A | undefined
  try {
    built = build()
  } catch {
    // A builder that throws leaves built undefined: refused below, like one that answers undefined.
  }
  if (built === undefined) throw new DeliveryKitError(optionError('postgres', value, argument, expected, value, describeValue(value)))
  return built
}
