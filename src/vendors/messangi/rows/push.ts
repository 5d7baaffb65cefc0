// Descriptions and mappings of Messangi's push status codes, as `normalize` reads them. The rationale and
// source of each row are in catalog/push.ts, joined to these rows only in the public catalog.
import { permanent, temporary, type StatusRow } from '../../../kit/rows.js'
import type { MessangiPushStatusCode } from '../codes.js'

/** The rows of `MESSANGI_PUSH_CATALOG`: descriptions and mappings, what events carry. */
export const MESSANGI_PUSH_ROWS: Readonly<Record<MessangiPushStatusCode, StatusRow>> = {
  SENT: {
    description: 'The notification has been sent successfully.',
    classification: 'final', status: 'delivered',
  },
  DEQUEUED: {
    description: 'The notification has been dequeued.It is being prepared to send.',
    classification: 'transient', status: 'accepted',
  },
  AUTH_MISSING: {
    description: 'The credential is not registered.',
    classification: 'failure', status: 'rejected', failure: { reason: 'account', permanent: temporary },
  },
  EXHAUSTED: {
    description: 'Retry limit exceeded.',
    classification: 'failure', status: 'expired', failure: { reason: 'expired', permanent: temporary },
  },
  NOT_SENT: {
    description: 'Notification could not be sent.',
    classification: 'failure', status: 'rejected', failure: { reason: 'unknown', permanent: temporary },
  },
  BAD_DEVICE_TOKEN: {
    description: 'The device token is invalid.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  BAD_PLATFORM: {
    description: 'An invalid platform attempted to send a notification.',
    classification: 'failure', status: 'rejected', failure: { reason: 'account', permanent: temporary },
  },
  AUTH_ERROR: {
    description: 'The server encountered an error in the credential while trying to process the request.',
    classification: 'failure', status: 'rejected', failure: { reason: 'account', permanent: temporary },
  },
  PAYLOAD_LIMIT_EXCEEDED: {
    description: 'The message payload exceeds the limits.',
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
  },
  INVALID_MESSAGE: {
    description: 'The notification contains invalid parameters.',
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
  },
  DEVICE_QUOTA_EXCEEDED: {
    description: 'Too many notifications have been sent consecutively to the same device token.',
    classification: 'failure', status: 'rejected', failure: { reason: 'rate_limited', permanent: temporary },
  },
  SERVER_UNAVAILABLE: {
    description: 'The server could not process the request in time.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'provider_error', permanent: temporary },
  },
  SERVER_ERROR: {
    description: 'The server encountered an error while trying to process the request.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'provider_error', permanent: temporary },
  },
  UNREGISTERED: {
    description: 'The device token is unregistered or inactive.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  NOT_CONTEMPLATED_ERROR: {
    description: 'There was an unexpected error, it is an unacknowledged error.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'provider_error', permanent: temporary },
  },
  MISMATCHED_TOKEN: {
    description: 'The credential does not have the permission to send messages to the device token.',
    classification: 'failure', status: 'rejected', failure: { reason: 'sender', permanent: temporary },
  },
  INCOMPLETE: {
    description: 'A personalized Push message has been sent but the placeholder information is empty . Remember, a personalized message is a message that includes placeholders (dynamic fields) such as "Name", "Phone Number", "Last Name", among others.',
    classification: 'final', status: 'delivered',
  },
}
