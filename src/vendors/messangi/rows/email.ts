// Descriptions and mappings of Messangi's email status codes, as `normalize` reads them. The rationale and
// source of each row are in catalog/email.ts, joined to these rows only in the public catalog.
import { permanent, temporary, type StatusRow } from '../../../kit/rows.js'
import type { MessangiEmailStatusCode } from '../codes.js'

/** The rows of `MESSANGI_EMAIL_CATALOG`: descriptions and mappings, what events carry. */
export const MESSANGI_EMAIL_ROWS: Readonly<Record<MessangiEmailStatusCode, StatusRow>> = {
  DEQUEUED: {
    description: 'The Email has been dequeued. It is being prepared to be sent.',
    classification: 'transient', status: 'accepted',
  },
  NOT_SENT: {
    description: 'The notification has not been sent.',
    classification: 'failure', status: 'rejected', failure: { reason: 'provider_error', permanent: temporary },
  },
  BAD_TO: {
    description: 'Invalid To parameter.',
    classification: 'failure', status: 'rejected', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  BAD_FROM: {
    description: 'Invalid From parameter.',
    classification: 'failure', status: 'rejected', failure: { reason: 'sender', permanent: temporary },
  },
  BLACKLISTED: {
    description: 'The email is blacklisted.',
    classification: 'failure', status: 'rejected', failure: { reason: 'blocked_recipient', permanent: permanent },
  },
  BLOCKED_DUE_BAD_BEHAVIOUR: {
    description: 'Recipient temporarily blocked.',
    classification: 'failure', status: 'rejected', failure: { reason: 'policy', permanent: temporary },
  },
  SENT: {
    description: 'Email message was sent.',
    classification: 'transient', status: 'sent',
  },
  EXHAUSTED: {
    description: 'Retry limit exceeded.',
    classification: 'failure', status: 'expired', failure: { reason: 'expired', permanent: temporary },
  },
  BOUNCED_PERMANENT: {
    description: 'Recipient blocked.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'blocked_recipient', permanent: permanent },
  },
  BOUNCED: {
    description: 'The email was rejected.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'unknown', permanent: temporary },
  },
  COMPLAINED: {
    description: 'Recipient marked the email as spam.',
    classification: 'failure', status: 'complained', failure: { reason: 'spam', permanent: permanent },
  },
  OPEN: {
    description: 'Recipient opened the email.',
    classification: 'final', status: 'read',
  },
  CLICK: {
    description: 'Recipient interacted with the email.',
    classification: 'final', status: 'clicked',
  },
  INCOMPLETE: {
    description: 'A personalized Email message has been sent but the placeholder information is empty . Remember, a personalized message is a message that includes placeholders (dynamic fields) such as "Name", "Phone Number", "Last Name", among others.',
    classification: 'transient', status: 'sent',
  },
}
