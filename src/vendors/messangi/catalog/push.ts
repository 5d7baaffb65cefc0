import type { CatalogEntry } from '../../../model/catalog.js'

/**
 * Every Messangi push-notification status code, in the order of the older combined
 * status page.
 *
 * @category Catalog
 */
export const MESSANGI_PUSH_STATUS_CODES = [
  'SENT', 'DEQUEUED', 'AUTH_MISSING', 'EXHAUSTED', 'NOT_SENT', 'BAD_DEVICE_TOKEN', 'BAD_PLATFORM',
  'AUTH_ERROR', 'PAYLOAD_LIMIT_EXCEEDED', 'INVALID_MESSAGE', 'DEVICE_QUOTA_EXCEEDED',
  'SERVER_UNAVAILABLE', 'SERVER_ERROR', 'UNREGISTERED', 'NOT_CONTEMPLATED_ERROR', 'MISMATCHED_TOKEN',
  'INCOMPLETE',
] as const

/**
 * A Messangi push-notification status code.
 *
 * @category Catalog
 */
export type MessangiPushStatusCode = (typeof MESSANGI_PUSH_STATUS_CODES)[number]

const permanent = true
const temporary = false

/**
 * Messangi's push-notification statuses. Push has no delivery receipt: `SENT` is the best
 * outcome Messangi reports.
 *
 * @category Catalog
 */
export const MESSANGI_PUSH_CATALOG: Readonly<Record<MessangiPushStatusCode, CatalogEntry>> = {
  SENT: {
    description: 'The notification has been sent successfully.',
    classification: 'final', status: 'delivered',
    rationale: 'Judgement call: the push service took it and no device receipt exists on this channel, so "sent successfully" is the final success Messangi can give.',
  },
  DEQUEUED: {
    description: 'The notification has been dequeued.It is being prepared to send.',
    classification: 'transient', status: 'accepted',
    rationale: 'Still on the platform, being prepared.',
  },
  AUTH_MISSING: {
    description: 'The credential is not registered.',
    classification: 'failure', status: 'rejected', failure: { reason: 'account', permanent: temporary },
    rationale: 'The app credential is missing from the account; the device is fine.',
  },
  EXHAUSTED: {
    description: 'Retry limit exceeded.',
    classification: 'failure', status: 'expired', failure: { reason: 'expired', permanent: temporary },
    rationale: 'Retries ran out; a later sending may succeed.',
  },
  NOT_SENT: {
    description: 'Notification could not be sent.',
    classification: 'failure', status: 'rejected', failure: { reason: 'unknown', permanent: temporary },
    rationale: 'Not sent, and no cause given.',
  },
  BAD_DEVICE_TOKEN: {
    description: 'The device token is invalid.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
    rationale: 'Permanent: "The device token is invalid", which sending again does not change: drop it.',
  },
  BAD_PLATFORM: {
    description: 'An invalid platform attempted to send a notification.',
    classification: 'failure', status: 'rejected', failure: { reason: 'account', permanent: temporary },
    rationale: 'Judgement call: a platform set-up problem of the app or credential, not of this device.',
  },
  AUTH_ERROR: {
    description: 'The server encountered an error in the credential while trying to process the request.',
    classification: 'failure', status: 'rejected', failure: { reason: 'account', permanent: temporary },
    rationale: 'The app credential failed; the device is fine once it is fixed.',
  },
  PAYLOAD_LIMIT_EXCEEDED: {
    description: 'The message payload exceeds the limits.',
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
    rationale: 'The content is too large.',
  },
  INVALID_MESSAGE: {
    description: 'The notification contains invalid parameters.',
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
    rationale: 'The notification itself is malformed.',
  },
  DEVICE_QUOTA_EXCEEDED: {
    description: 'Too many notifications have been sent consecutively to the same device token.',
    classification: 'failure', status: 'rejected', failure: { reason: 'rate_limited', permanent: temporary },
    rationale: 'A per-device rate limit; a later sending may pass.',
  },
  SERVER_UNAVAILABLE: {
    description: 'The server could not process the request in time.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'provider_error', permanent: temporary },
    rationale: 'Judgement call: a push-service outage; Messangi does not say it retries (EXHAUSTED suggests it may), so a settled, temporary failure.',
  },
  SERVER_ERROR: {
    description: 'The server encountered an error while trying to process the request.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'provider_error', permanent: temporary },
    rationale: 'An error inside the push service; a later sending may succeed.',
  },
  UNREGISTERED: {
    description: 'The device token is unregistered or inactive.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
    rationale: 'Permanent: the token "is unregistered or inactive" (the app was uninstalled or the token retired), a state of the token that sending again does not change: drop it.',
  },
  NOT_CONTEMPLATED_ERROR: {
    description: 'There was an unexpected error, it is an unacknowledged error.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'provider_error', permanent: temporary },
    rationale: 'An unexpected error on the sending side; nothing is said against the device.',
  },
  MISMATCHED_TOKEN: {
    description: 'The credential does not have the permission to send messages to the device token.',
    classification: 'failure', status: 'rejected', failure: { reason: 'sender', permanent: temporary },
    rationale: 'Judgement call: the token belongs to another app or sender; fix the credential rather than dropping the device.',
  },
  INCOMPLETE: {
    description: 'A personalized Push message has been sent but the placeholder information is empty . Remember, a personalized message is a message that includes placeholders (dynamic fields) such as "Name", "Phone Number", "Last Name", among others.',
    classification: 'final', status: 'delivered',
    rationale: 'Judgement call: mapped as push SENT, as on every channel; push SENT is the final success of this channel (no device receipt exists), so this is delivered too. The text says the message "has been sent", so it is not a refusal; the empty placeholder data is a content problem to fix in your personalisation fields.',
  },
}
