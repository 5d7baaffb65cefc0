import type { CatalogEntry } from '../../../model/catalog.js'

/**
 * Every Messangi e-mail status code, in the order of the older combined status page.
 *
 * @category Catalog
 */
export const MESSANGI_EMAIL_STATUS_CODES = [
  'DEQUEUED', 'NOT_SENT', 'BAD_TO', 'BAD_FROM', 'BLACKLISTED', 'BLOCKED_DUE_BAD_BEHAVIOUR', 'SENT',
  'EXHAUSTED', 'BOUNCED_PERMANENT', 'BOUNCED', 'COMPLAINED', 'OPEN', 'CLICK', 'INCOMPLETE',
] as const

/**
 * A Messangi e-mail status code.
 *
 * @category Catalog
 */
export type MessangiEmailStatusCode = (typeof MESSANGI_EMAIL_STATUS_CODES)[number]

const permanent = true
const temporary = false

/**
 * Messangi's e-mail statuses. There is no plain "delivered" code: `OPEN` and `CLICK` are
 * the only positive outcomes Messangi reports.
 *
 * @category Catalog
 */
export const MESSANGI_EMAIL_CATALOG: Readonly<Record<MessangiEmailStatusCode, CatalogEntry>> = {
  DEQUEUED: {
    description: 'The Email has been dequeued. It is being prepared to be sent.',
    classification: 'transient', status: 'accepted',
    rationale: 'Still on the platform, on its way to the e-mail service.',
  },
  NOT_SENT: {
    description: 'The notification has not been sent.',
    classification: 'failure', status: 'rejected', failure: { reason: 'provider_error', permanent: temporary },
    rationale: 'The newer page says it "could not be sent to the email service": a platform-side failure, not the address.',
  },
  BAD_TO: {
    description: 'Invalid To parameter.',
    classification: 'failure', status: 'rejected', failure: { reason: 'invalid_recipient', permanent: permanent },
    rationale: 'Permanent: "Invalid To parameter" names the recipient address as invalid, which sending again does not change.',
  },
  BAD_FROM: {
    description: 'Invalid From parameter.',
    classification: 'failure', status: 'rejected', failure: { reason: 'sender', permanent: temporary },
    rationale: 'The sender address is invalid; the recipient is fine once it is fixed.',
  },
  BLACKLISTED: {
    description: 'The email is blacklisted.',
    classification: 'failure', status: 'rejected', failure: { reason: 'blocked_recipient', permanent: permanent },
    rationale: 'Permanent: the address "is blacklisted" (the newer page names an Unsubscribe click as one cause, not the only one), and Messangi will keep refusing it.',
  },
  BLOCKED_DUE_BAD_BEHAVIOUR: {
    description: 'Recipient temporarily blocked.',
    classification: 'failure', status: 'rejected', failure: { reason: 'policy', permanent: temporary },
    rationale: 'A temporary block by the e-mail service, as the vendor says; a later sending may pass.',
  },
  SENT: {
    description: 'Email message was sent.',
    classification: 'transient', status: 'sent',
    rationale: 'Handed to the e-mail service; the newer page says it does not confirm delivery to the mail server.',
  },
  EXHAUSTED: {
    description: 'Retry limit exceeded.',
    classification: 'failure', status: 'expired', failure: { reason: 'expired', permanent: temporary },
    rationale: 'Retries ran out; a later sending may succeed.',
  },
  BOUNCED_PERMANENT: {
    description: 'Recipient blocked.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'blocked_recipient', permanent: permanent },
    rationale: 'Permanent: "Recipient blocked", and the code says the bounce is permanent; the cause the vendor names is a block of the recipient, not an address that does not exist. Do not mail the address again.',
  },
  BOUNCED: {
    description: 'The email was rejected.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'unknown', permanent: temporary },
    rationale: 'Judgement call: "The email was rejected" names no cause (a full mailbox would be a guess), so the reason is unknown; beside BOUNCED_PERMANENT it is the bounce not called permanent, and no lasting cause is named, so a later sending may succeed.',
  },
  COMPLAINED: {
    description: 'Recipient marked the email as spam.',
    classification: 'failure', status: 'complained', failure: { reason: 'spam', permanent: permanent },
    rationale: 'Permanent: the recipient "marked the email as spam", a complaint; never mail them again.',
  },
  OPEN: {
    description: 'Recipient opened the email.',
    classification: 'final', status: 'read',
    rationale: 'An open is the read of e-mail (and proves delivery, which Messangi does not report otherwise).',
  },
  CLICK: {
    description: 'Recipient interacted with the email.',
    classification: 'final', status: 'clicked',
    rationale: 'Engagement after delivery.',
  },
  INCOMPLETE: {
    description: 'A personalized Email message has been sent but the placeholder information is empty . Remember, a personalized message is a message that includes placeholders (dynamic fields) such as "Name", "Phone Number", "Last Name", among others.',
    classification: 'transient', status: 'sent',
    rationale: 'Judgement call: mapped as e-mail SENT (sent, awaiting the outcome), as on every channel. The text says the message "has been sent", so it is not a refusal; the empty placeholder data is a content problem to fix in your personalisation fields, and nothing is said against the recipient.',
  },
}
