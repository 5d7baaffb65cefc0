import type { CatalogEntry } from '../../../model/catalog.js'
import { withNotes, type RowNotes } from '../../../kit/rows.js'
import { MESSANGI_EMAIL_ROWS } from '../rows/email.js'
export { MESSANGI_EMAIL_STATUS_CODES } from '../codes.js'
export type { MessangiEmailStatusCode } from '../codes.js'
import type { MessangiEmailStatusCode } from '../codes.js'

/** Why each row of MESSANGI_EMAIL_CATALOG maps as it does, and where its code or words come from. */
const MESSANGI_EMAIL_NOTES: Readonly<Record<MessangiEmailStatusCode, RowNotes>> = {
  DEQUEUED: {
    rationale: 'Still on the platform, on its way to the e-mail service.',
  },
  NOT_SENT: {
    rationale: 'The newer page says it "could not be sent to the email service": a platform-side failure, not the address.',
  },
  BAD_TO: {
    rationale: 'Permanent: "Invalid To parameter" names the recipient address as invalid, which sending again does not change.',
  },
  BAD_FROM: {
    rationale: 'The sender address is invalid; the recipient is fine once it is fixed.',
  },
  BLACKLISTED: {
    rationale: 'Permanent: the address "is blacklisted" (the newer page names an Unsubscribe click as one cause, not the only one), and Messangi will keep refusing it.',
  },
  BLOCKED_DUE_BAD_BEHAVIOUR: {
    rationale: 'A temporary block by the e-mail service, as the vendor says; a later sending may pass.',
  },
  SENT: {
    rationale: 'Handed to the e-mail service; the newer page says it does not confirm delivery to the mail server.',
  },
  EXHAUSTED: {
    rationale: 'Retries ran out; a later sending may succeed.',
  },
  BOUNCED_PERMANENT: {
    rationale: 'Permanent: "Recipient blocked", and the code says the bounce is permanent; the cause the vendor names is a block of the recipient, not an address that does not exist. Do not mail the address again.',
  },
  BOUNCED: {
    rationale: 'Judgement call: "The email was rejected" names no cause (a full mailbox would be a guess), so the reason is unknown; beside BOUNCED_PERMANENT it is the bounce not called permanent, and no lasting cause is named, so a later sending may succeed.',
  },
  COMPLAINED: {
    rationale: 'Permanent: the recipient "marked the email as spam", a complaint; never mail them again.',
  },
  OPEN: {
    rationale: 'An open is the read of e-mail (and proves delivery, which Messangi does not report otherwise).',
  },
  CLICK: {
    rationale: 'Engagement after delivery.',
  },
  INCOMPLETE: {
    rationale: 'Judgement call: mapped as e-mail SENT (sent, awaiting the outcome), as on every channel. The text says the message "has been sent", so it is not a refusal; the empty placeholder data is a content problem to fix in your personalisation fields, and nothing is said against the recipient.',
  },
}

/**
 * Messangi's e-mail statuses. There is no plain "delivered" code: `OPEN` and `CLICK` are
 * the only positive outcomes Messangi reports.
 *
 * @category Catalog
 */
export const MESSANGI_EMAIL_CATALOG: Readonly<Record<MessangiEmailStatusCode, CatalogEntry>> = /*#__PURE__*/ withNotes(MESSANGI_EMAIL_ROWS, MESSANGI_EMAIL_NOTES)
