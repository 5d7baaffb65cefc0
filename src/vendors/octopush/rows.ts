// Descriptions and mappings of Octopush's status codes, as `normalize` reads them. The rationale and
// source of each row are in catalog.ts, joined to these rows only in the public catalog.
import { permanent, temporary, type ChannelRows, type StatusRow } from '../../kit/rows.js'
import type { OctopushStatusCode } from './codes.js'

/** The rows of `OCTOPUSH_CATALOG`: descriptions and mappings, what events carry. */
export const OCTOPUSH_ROWS: Readonly<Record<OctopushStatusCode, StatusRow>> = {
  DELIVERED: {
    description: 'Message successfully delivered',
    classification: 'final', status: 'delivered',
  },
  READ: {
    description: 'Message read',
    classification: 'final', status: 'read',
  },
  ACK: {
    description: 'Acknowledged by first carrier',
    classification: 'transient', status: 'sent',
  },
  OPENED: {
    description: 'The recipient has opened your email',
    classification: 'final', status: 'read',
  },
  CLICKED: {
    description: 'The recipient has clicked on your email',
    classification: 'final', status: 'clicked',
  },
  TRANSMITTED: {
    description: 'Your message was received by Email Gateway',
    classification: 'transient', status: 'accepted',
  },
  ISP_SEND: {
    description: 'Your message was sent to the ISP',
    classification: 'transient', status: 'sent',
  },
  UNDEFINED: {
    description: 'Undefined status',
    classification: 'failure', status: 'unconfirmed', failure: { reason: 'unknown', permanent: temporary },
  },
  UNKNOWN_DELIVERY: {
    description: 'Unknown delivery status',
    classification: 'failure', status: 'unconfirmed', failure: { reason: 'unknown', permanent: temporary },
  },
  PROCESSED: {
    description: 'Your message is queued for sending or undergoing SPF/DKIM authentication with the ISP',
    classification: 'transient', status: 'accepted',
  },
  SPAM_PRESUMPTION: {
    description: 'Potential spam detection for the email',
    classification: 'failure', status: 'unconfirmed', failure: { reason: 'spam', permanent: temporary },
  },
  ABANDONED: {
    description: 'No further action taken on this message',
    classification: 'failure', status: 'expired', failure: { reason: 'unknown', permanent: temporary },
  },
  NOT_DELIVERED: {
    description: 'Message not delivered',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'unreachable', permanent: temporary },
  },
  NOT_DELIVERABLE: {
    description: 'Message not deliverable',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'unknown', permanent: temporary },
  },
  BAD_DESTINATION: {
    description: 'Invalid destination',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  BLACKLISTED_NUMBER: {
    description: 'Number is blacklisted',
    classification: 'failure', status: 'rejected', failure: { reason: 'opted_out', permanent: permanent },
  },
  NOT_ALLOWED: {
    description: 'Delivery not allowed',
    classification: 'failure', status: 'rejected', failure: { reason: 'policy', permanent: permanent },
  },
  EXPIRED: {
    description: 'Delivery expired',
    classification: 'failure', status: 'expired', failure: { reason: 'expired', permanent: temporary },
  },
  BUSY: {
    description: 'Recipient was busy',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'unreachable', permanent: temporary },
  },
  REFUSED: {
    description: 'Call was refused by recipient',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'unreachable', permanent: temporary },
  },
  ANTI_FLOODING: {
    description: 'Message blocked due to anti-flooding rule',
    classification: 'failure', status: 'rejected', failure: { reason: 'rate_limited', permanent: temporary },
  },
  UNFOUND_DESTINATION: {
    description: 'Destination not found',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  EMPTY_TEXT: {
    description: 'No message content',
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
  },
  TIMEOUT: {
    description: 'Delivery timed out',
    classification: 'failure', status: 'expired', failure: { reason: 'expired', permanent: temporary },
  },
  SPAM_REPORT: {
    description: 'The recipient has blocked your email',
    classification: 'failure', status: 'complained', failure: { reason: 'spam', permanent: permanent },
  },
  UNSUBSCRIBED: {
    description: 'The recipient has unregistered from your sendings',
    classification: 'failure', status: 'unsubscribed', failure: { reason: 'opted_out', permanent: permanent },
  },
  FILTERED: {
    description: 'Email address has been rejected due to a very high failure potential',
    classification: 'failure', status: 'rejected', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  HARD_BOUNCE: {
    description: 'Your message was refused by the ISP',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  BLOCKED: {
    description: 'Your campaign is blocked due to a too poor quality of email database. Please qualify your addresses or your sendings will be rejected.',
    classification: 'failure', status: 'rejected', failure: { reason: 'policy', permanent: temporary },
  },
  SPAM_DETECTED: {
    description: 'Your message was detected as spam by ISP',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'content', permanent: temporary },
  },
  DOMAIN_ERROR: {
    description: "Your message can't be sent, the host doesn't exist or doesn't have MX service",
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  SOFT_BOUNCE: {
    description: 'Your message was refused, the account is inactive or over quota',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'mailbox', permanent: temporary },
  },
  UNKNOWNED_USER: {
    description: "User doesn't exist",
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  // The older octopush-dm.com API's codes: no Octopush words survive, so the descriptions are deliverykit's (catalog.ts says so).
  INVALID_DESTINATION_ADDRESS: {
    description: 'The destination address is invalid (older octopush-dm.com API).',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
    descriptionBy: 'deliverykit',
  },
  OUT_OF_DATE: {
    description: 'The message was not delivered before its date ran out (older octopush-dm.com API).',
    classification: 'failure', status: 'expired', failure: { reason: 'expired', permanent: temporary },
    descriptionBy: 'deliverykit',
  },
}

/** {@link OCTOPUSH_ROWS} by channel: Octopush has one list for every channel. */
export const OCTOPUSH_ROW_CATALOGS: ChannelRows = {
  sms: OCTOPUSH_ROWS,
  voice: OCTOPUSH_ROWS,
  email: OCTOPUSH_ROWS,
  rcs: OCTOPUSH_ROWS,
  whatsapp: OCTOPUSH_ROWS,
  facebook: OCTOPUSH_ROWS,
  instagram: OCTOPUSH_ROWS,
}
