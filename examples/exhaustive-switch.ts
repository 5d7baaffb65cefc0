/**
 * Branching on an event with a plain `switch`: `absurd` in the `default` branch makes a
 * status or classification added to deliverykit a compile error here, not a silent miss.
 */
import { absurd, type DeliveryEvent } from 'deliverykit'

export const describeEvent = (event: DeliveryEvent): string => {
  switch (event.classification) {
    case 'transient':
      return `${event.recipient}: on its way (${event.status})`
    case 'final':
      return `${event.recipient}: reached (${event.status})`
    case 'failure':
      return `${event.recipient}: failed (${event.status}, ${event.failure.reason}, ${event.failure.permanent ? 'do not retry' : 'may retry'})`
    default:
      return absurd(event)
  }
}
