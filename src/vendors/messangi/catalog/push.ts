import type { CatalogEntry } from '../../../model/catalog.js'
import { withNotes, type RowNotes } from '../../../kit/rows.js'
import { MESSANGI_PUSH_ROWS } from '../rows/push.js'
export { MESSANGI_PUSH_STATUS_CODES } from '../codes.js'
export type { MessangiPushStatusCode } from '../codes.js'
import type { MessangiPushStatusCode } from '../codes.js'

/** Why each row of MESSANGI_PUSH_CATALOG maps as it does, and where its code or words come from. */
const MESSANGI_PUSH_NOTES: Readonly<Record<MessangiPushStatusCode, RowNotes>> = {
  SENT: {
    rationale: 'Judgement call: the push service took it and no device receipt exists on this channel, so "sent successfully" is the final success Messangi can give.',
  },
  DEQUEUED: {
    rationale: 'Still on the platform, being prepared.',
  },
  AUTH_MISSING: {
    rationale: 'The app credential is missing from the account; the device is fine.',
  },
  EXHAUSTED: {
    rationale: 'Retries ran out; a later sending may succeed.',
  },
  NOT_SENT: {
    rationale: 'Not sent, and no cause given.',
  },
  BAD_DEVICE_TOKEN: {
    rationale: 'Permanent: "The device token is invalid", which sending again does not change: drop it.',
  },
  BAD_PLATFORM: {
    rationale: 'Judgement call: a platform set-up problem of the app or credential, not of this device.',
  },
  AUTH_ERROR: {
    rationale: 'The app credential failed; the device is fine once it is fixed.',
  },
  PAYLOAD_LIMIT_EXCEEDED: {
    rationale: 'The content is too large.',
  },
  INVALID_MESSAGE: {
    rationale: 'The notification itself is malformed.',
  },
  DEVICE_QUOTA_EXCEEDED: {
    rationale: 'A per-device rate limit; a later sending may pass.',
  },
  SERVER_UNAVAILABLE: {
    rationale: 'Judgement call: a push-service outage; Messangi does not say it retries (EXHAUSTED suggests it may), so a settled, temporary failure.',
  },
  SERVER_ERROR: {
    rationale: 'An error inside the push service; a later sending may succeed.',
  },
  UNREGISTERED: {
    rationale: 'Permanent: the token "is unregistered or inactive" (the app was uninstalled or the token retired), a state of the token that sending again does not change: drop it.',
  },
  NOT_CONTEMPLATED_ERROR: {
    rationale: 'An unexpected error on the sending side; nothing is said against the device.',
  },
  MISMATCHED_TOKEN: {
    rationale: 'Judgement call: the token belongs to another app or sender; fix the credential rather than dropping the device.',
  },
  INCOMPLETE: {
    rationale: 'Judgement call: mapped as push SENT, as on every channel; push SENT is the final success of this channel (no device receipt exists), so this is delivered too. The text says the message "has been sent", so it is not a refusal; the empty placeholder data is a content problem to fix in your personalisation fields.',
  },
}

/**
 * Messangi's push-notification statuses. Push has no delivery receipt: `SENT` is the best
 * outcome Messangi reports.
 *
 * @category Catalog
 */
export const MESSANGI_PUSH_CATALOG: Readonly<Record<MessangiPushStatusCode, CatalogEntry>> = /*#__PURE__*/ withNotes(MESSANGI_PUSH_ROWS, MESSANGI_PUSH_NOTES)
