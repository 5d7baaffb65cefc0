// Descriptions and mappings of Messangi's legacy status codes, as `normalize` reads them. The rationale and
// source of each row are in catalog/legacy.ts, joined to these rows only in the public catalog.
import { permanent, temporary, type ChannelRows, type StatusRow } from '../../../kit/rows.js'
import type { MessangiLegacyEmailStatusCode, MessangiLegacyPushStatusCode, MessangiLegacySmsStatusCode } from '../codes.js'

/** The rows of `MESSANGI_LEGACY_SMS_CATALOG`: descriptions and mappings, what events carry. */
export const MESSANGI_LEGACY_SMS_ROWS: Readonly<Record<MessangiLegacySmsStatusCode, StatusRow>> = {
  SENT: {
    description: 'Message sent to carrier.',
    classification: 'transient', status: 'sent',
  },
  DELIVERED_TO_CARRIER: {
    description: 'Delivered to Carrier.',
    classification: 'transient', status: 'sent',
  },
  EXPIRED: {
    description: 'Maximum number of tries reached.',
    classification: 'failure', status: 'expired', failure: { reason: 'expired', permanent: temporary },
  },
  UNREACHABLE: {
    description: 'Unknown Mobile number or device id.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  NOT_SENT: {
    description: 'The message could not be sent.',
    classification: 'failure', status: 'rejected', failure: { reason: 'unknown', permanent: temporary },
  },
  BAD_FROM: {
    description: "Message not sent. Invalid 'from' parameter.",
    classification: 'failure', status: 'rejected', failure: { reason: 'sender', permanent: temporary },
  },
  BAD_TO: {
    description: "Message not sent. Invalid 'to' parameter.",
    classification: 'failure', status: 'rejected', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  BAD_ENCODING: {
    description: "Message not sent. Invalid 'encoding' parameter.",
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
  },
  'BAD_CARRIER/FROM': {
    description: "Message not sent. Invalid 'carrier' or 'from' parameter.",
    classification: 'failure', status: 'rejected', failure: { reason: 'sender', permanent: temporary },
  },
  SENT_TO_DEVICE: {
    description: 'Message sent to device.',
    classification: 'transient', status: 'sent',
  },
  DELIVERED_TO_DEVICE: {
    description: 'Message delivered to device.',
    classification: 'final', status: 'delivered',
  },
  UNDELIVERED: {
    description: 'Message not delivered to device.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'unknown', permanent: temporary },
  },
  NOT_ENOUGH_FUNDS: {
    description: 'Message not sent. There are not enough funds.',
    classification: 'failure', status: 'rejected', failure: { reason: 'account', permanent: temporary },
  },
  BAD_TIMEZONE: {
    description: "Message not sent. Invalid 'timezone'.",
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
  },
  SENDING: {
    description: 'The message is sending to the recipient.',
    classification: 'transient', status: 'accepted',
  },
  PENDING: {
    description: 'No information about the message yet',
    classification: 'transient', status: 'accepted',
  },
  READ: {
    description: 'The recipient has read the message.',
    classification: 'final', status: 'read',
  },
  ACCEPTD: {
    description: 'External entity confirmation - Message accepted by the external entity.',
    classification: 'transient', status: 'sent',
  },
  'BAD ADDRESS': {
    description: 'Invalid or Incorrect destination address.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  BUFFRED: {
    description: 'Message buffered by the external entity.',
    classification: 'transient', status: 'sent',
  },
  'CARRIER GATEWAY ERROR': {
    description: 'External entity not responding - Usually delivery will be re-attempted.',
    classification: 'transient', status: 'deferred',
  },
  DELETED: {
    description: 'Message deleted by the external entity.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'provider_error', permanent: temporary },
  },
  'DELIVERED TO CARRIER': {
    description: 'Message delivered to the external entity.',
    classification: 'transient', status: 'sent',
  },
  DELIVRD: {
    description: 'Delivered to Device by the external entity.',
    classification: 'final', status: 'delivered',
  },
  'INTERNAL ERROR': {
    description: 'Internal Error. Customer to retry delivery.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'provider_error', permanent: temporary },
  },
  'INVALID ROUTING': {
    description: 'Invalid or Incorrect routing.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'provider_error', permanent: temporary },
  },
  'INVALID TEMPLATE ID': {
    description: 'Invalid Template Id.',
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
  },
  'INVALID TEMPLATE PARAMETERS': {
    description: 'Invalid Template parameters.',
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
  },
  'INVALID TEMPLATE TYPE': {
    description: 'Invalid Template type.',
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
  },
  REJECTD: {
    description: 'External entity error - Message rejected by the external entity.',
    classification: 'failure', status: 'rejected', failure: { reason: 'unknown', permanent: temporary },
  },
  'TEMPLATE NOT SUPPORTED': {
    description: 'Template not supported.',
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
  },
  UNDELIV: {
    description: 'Description not obtained: every stored copy of the status appendix stops right after this code.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'unknown', permanent: temporary },
    descriptionBy: 'deliverykit',
  },
  SENT_TO_CARRIER: {
    description: 'Sent to Carrier',
    classification: 'transient', status: 'sent',
  },
}

/** The rows of `MESSANGI_LEGACY_EMAIL_CATALOG`: descriptions and mappings, what events carry. */
export const MESSANGI_LEGACY_EMAIL_ROWS: Readonly<Record<MessangiLegacyEmailStatusCode, StatusRow>> = {
  SENT: {
    description: 'Sent to recipient.',
    classification: 'transient', status: 'sent',
  },
  EXPIRED: {
    description: 'Maximum number of tries reached.',
    classification: 'failure', status: 'expired', failure: { reason: 'expired', permanent: temporary },
  },
  NOT_SENT: {
    description: 'The message could not be sent.',
    classification: 'failure', status: 'rejected', failure: { reason: 'unknown', permanent: temporary },
  },
  BAD_FROM: {
    description: "Message not sent. Invalid 'from' parameter.",
    classification: 'failure', status: 'rejected', failure: { reason: 'sender', permanent: temporary },
  },
  BAD_TO: {
    description: "Message not sent. Invalid 'to' parameter.",
    classification: 'failure', status: 'rejected', failure: { reason: 'invalid_recipient', permanent: permanent },
  },
  BAD_ENCODING: {
    description: "Message not sent. Invalid 'encoding' parameter.",
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
  },
  NOT_ENOUGH_FUNDS: {
    description: 'Message not sent. There are not enough funds.',
    classification: 'failure', status: 'rejected', failure: { reason: 'account', permanent: temporary },
  },
  BAD_TIMEZONE: {
    description: "Message not sent. Invalid 'timezone'.",
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
  },
  SENDING: {
    description: 'The message is sending to the recipient.',
    classification: 'transient', status: 'accepted',
  },
  BOUNCED: {
    description: "Message not delivered. Invalid 'to' parameter or there has been a problem with the recipient's mail server.",
    classification: 'failure', status: 'undeliverable', failure: { reason: 'unknown', permanent: temporary },
  },
  COMPLAINED: {
    description: 'Message not delivered. The message could have been marked and registered by the recipient as spam.',
    classification: 'failure', status: 'complained', failure: { reason: 'spam', permanent: permanent },
  },
  READ: {
    description: 'The recipient has read the message.',
    classification: 'final', status: 'read',
  },
  UNSUPPORTED_ATTACHMENT_TYPE: {
    description: 'The attachment type is not supported.',
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
  },
  EXCEEDS_SIZE_OF_ATTACHMENTS: {
    description: 'Exceeds size for the attachments (9.0 mb max).',
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
  },
}

/** The rows of `MESSANGI_LEGACY_PUSH_CATALOG`: descriptions and mappings, what events carry. */
export const MESSANGI_LEGACY_PUSH_ROWS: Readonly<Record<MessangiLegacyPushStatusCode, StatusRow>> = {
  SENT: {
    description: 'Sent',
    classification: 'final', status: 'delivered',
  },
  DELIVERED_TO_DEVICE: {
    description: 'Delivered to Device',
    classification: 'final', status: 'delivered',
  },
}

/** The legacy rows by channel (`TYPE`). */
export const MESSANGI_LEGACY_ROW_CATALOGS: ChannelRows = {
  sms: MESSANGI_LEGACY_SMS_ROWS,
  email: MESSANGI_LEGACY_EMAIL_ROWS,
  push: MESSANGI_LEGACY_PUSH_ROWS,
}
