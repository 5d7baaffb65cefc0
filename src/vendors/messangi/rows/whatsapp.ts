// Descriptions and mappings of Messangi's whatsapp status codes, as `normalize` reads them. The rationale and
// source of each row are in catalog/whatsapp.ts, joined to these rows only in the public catalog.
import { permanent, temporary, type StatusRow } from '../../../kit/rows.js'
import type { MessangiWhatsappStatusCode } from '../codes.js'

/** The rows of `MESSANGI_WHATSAPP_CATALOG`: descriptions and mappings, what events carry. */
export const MESSANGI_WHATSAPP_ROWS: Readonly<Record<MessangiWhatsappStatusCode, StatusRow>> = {
  SENT: {
    description: 'Message was sent to the outbound delivery system.',
    classification: 'transient', status: 'sent',
  },
  DELIVERED: {
    description: 'Message was delivered to the end-device of the recipient.',
    classification: 'final', status: 'delivered',
  },
  READ: {
    description: 'Message has been opened or acknowledged by the recipient.',
    classification: 'final', status: 'read',
  },
  CODE_NOT_ALLOWED: {
    description: 'Sender of the WhatsApp Business Account is not valid to send the message.',
    classification: 'failure', status: 'rejected', failure: { reason: 'sender', permanent: temporary },
  },
  FAILED: {
    description: 'Message delivery failed.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'unknown', permanent: temporary },
  },
  QUOTA_EXCEEDED: {
    description: 'WhatsApp Business Account exceeded the message sending limit.',
    classification: 'failure', status: 'rejected', failure: { reason: 'rate_limited', permanent: temporary },
  },
  INCOMPLETE: {
    description: 'A personalized WhatsApp message has been sent but the placeholder information is empty . Remember, a personalized message is a message that includes placeholders (dynamic fields) such as "Name", "Phone Number", "Last Name", among others.',
    classification: 'transient', status: 'sent',
  },
  QUEUE: {
    description: 'You see this status after Messangi receives your message request. You know the message is queued for processing.',
    classification: 'transient', status: 'accepted',
  },
  DEQUEUED: {
    description: 'You see this status when the message leaves the queue. You know Messangi is sending the message to META.',
    classification: 'transient', status: 'accepted',
  },
  BLACKLISTED: {
    description: 'You see this status when the recipient phone number is on a blocklist. You know the message was not sent to that number.',
    classification: 'failure', status: 'rejected', failure: { reason: 'blocked_recipient', permanent: permanent },
  },
}
