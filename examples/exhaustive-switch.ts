/**
 * Branching on an event with a plain `switch`: `absurd` in the `default` branch makes a
 * status or classification added to deliverykit a compile error here, not a silent miss.
 */
import { absurd, type DeliveryEvent, type Status } from 'deliverykit'

/** The three-way answer most handlers need. */
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

/** The finer status, for a label in your UI: every one of the twelve must be handled. */
export const statusLabel = (status: Status): string => {
  switch (status) {
    case 'accepted':
      return 'Queued at the vendor'
    case 'sent':
      return 'Sent, awaiting receipt'
    case 'deferred':
      return 'Delayed, the vendor retries'
    case 'delivered':
      return 'Delivered'
    case 'read':
      return 'Read'
    case 'clicked':
      return 'Clicked'
    case 'rejected':
      return 'Refused before sending'
    case 'undeliverable':
      return 'Could not be delivered'
    case 'expired':
      return 'Expired'
    case 'complained':
      return 'Reported as spam'
    case 'unsubscribed':
      return 'Unsubscribed'
    case 'unconfirmed':
      return 'Outcome unknown'
    default:
      return absurd(status)
  }
}
