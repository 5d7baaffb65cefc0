// Descriptions and mappings of Messangi's sms status codes, as `normalize` reads them. The rationale and
// source of each row are in catalog/sms.ts, joined to these rows only in the public catalog.
import { permanent, temporary, type StatusRow } from '../../../kit/rows.js'
import type { MessangiSmsStatusCode } from '../codes.js'

/** The rows of `MESSANGI_SMS_CATALOG`: descriptions and mappings, what events carry. */
export const MESSANGI_SMS_ROWS: Readonly<Record<MessangiSmsStatusCode, StatusRow>> = {
  SENT: {
    description: 'SMS message was sent.',
    classification: 'transient', status: 'sent',
  },
  EXPIRED: {
    description: 'Mobile operator was unable to deliver the message in the specified amount of time. A sample case is that the mobile device was turned off.',
    classification: 'failure', status: 'expired', failure: { reason: 'expired', permanent: temporary },
  },
  DELETED: {
    description: 'SMS message has been deleted.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'provider_error', permanent: temporary },
  },
  UNDELIV: {
    description: 'Unable to send the SMS message.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'unreachable', permanent: temporary },
  },
  ACCEPTD: {
    description: 'SMS message is in the accepted status.',
    classification: 'transient', status: 'sent',
  },
  UNKNOWN: {
    description: 'SMS message is in invalid status. Unknown error occurred with the mobile operator. This is very unlikely.',
    classification: 'failure', status: 'unconfirmed', failure: { reason: 'provider_error', permanent: temporary },
  },
  REJECTD: {
    description: 'SMS message was rejected.',
    classification: 'failure', status: 'rejected', failure: { reason: 'unknown', permanent: temporary },
  },
  INVALID_ROUTING: {
    description: 'Phone number is not valid.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  CODE_NOT_ALLOWED: {
    description: 'User does not have the short or long code assigned where the message is sent',
    classification: 'failure', status: 'rejected', failure: { reason: 'sender', permanent: temporary },
  },
  BLACKLISTED: {
    description: 'Recipient is blacklisted.',
    classification: 'failure', status: 'rejected', failure: { reason: 'blocked_recipient', permanent: permanent },
  },
  QUEUE: {
    description: 'SMS message is queued. Acknowledged by internal delivery process but not yet sent.',
    classification: 'transient', status: 'accepted',
  },
  DEQUEUED: {
    description: 'SMS message has been removed from the queue and is ready to be published on the mobile operator.',
    classification: 'transient', status: 'accepted',
  },
  DELIVRD: {
    description: 'SMS message was successfully delivered.',
    classification: 'final', status: 'delivered',
  },
  INCOMPLETE: {
    description: 'A personalized SMS message has been sent but the placeholder information is empty . Remember, a personalized message is a message that includes placeholders (dynamic fields) such as "Name", "Phone Number", "Last Name", among others.',
    classification: 'transient', status: 'sent',
  },
  ENROUTE: {
    description: 'The SMS message is enroute.',
    classification: 'transient', status: 'sent',
  },
  SEGMENTS_EXCEEDED: {
    description: 'You see this status when the message exceeds the permitted segment limit. You keep SMS messages under 1600 characters to avoid this status.',
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
  },
  EXHAUSTED: {
    description: 'You see this status when the retry limit is reached. You know delivery attempts have stopped.',
    classification: 'failure', status: 'expired', failure: { reason: 'expired', permanent: temporary },
  },
  ACCEPTED: {
    description: 'The send API accepted the message request.',
    classification: 'transient', status: 'accepted',
    descriptionBy: 'deliverykit',
  },
}
