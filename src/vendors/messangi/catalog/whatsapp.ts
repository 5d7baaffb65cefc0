import type { CatalogEntry } from '../../../model/catalog.js'

/**
 * Every Messangi WhatsApp status code: the seven of the older combined status page, in
 * its order, then `QUEUE`, `DEQUEUED` and `BLACKLISTED` from the newer WhatsApp Status
 * page.
 *
 * @category Catalog
 */
export const MESSANGI_WHATSAPP_STATUS_CODES = [
  'SENT', 'DELIVERED', 'READ', 'CODE_NOT_ALLOWED', 'FAILED', 'QUOTA_EXCEEDED', 'INCOMPLETE',
  'QUEUE', 'DEQUEUED', 'BLACKLISTED',
] as const

/**
 * A Messangi WhatsApp status code.
 *
 * @category Catalog
 */
export type MessangiWhatsappStatusCode = (typeof MESSANGI_WHATSAPP_STATUS_CODES)[number]

const permanent = true
const temporary = false

const WHATSAPP_STATUS_PAGE = 'Messangi "WhatsApp Status" page, newest version (https://docs.messangi.com/docs/whatsapp-status); not on the older combined page'

/**
 * Messangi's WhatsApp statuses.
 *
 * @category Catalog
 */
export const MESSANGI_WHATSAPP_CATALOG: Readonly<Record<MessangiWhatsappStatusCode, CatalogEntry>> = {
  SENT: {
    description: 'Message was sent to the outbound delivery system.',
    classification: 'transient', status: 'sent',
    rationale: 'Judgement call: handed to Meta, awaiting a receipt; the vendor warns it can stay SENT for good (read receipts off), so it may be the last status you get.',
  },
  DELIVERED: {
    description: 'Message was delivered to the end-device of the recipient.',
    classification: 'final', status: 'delivered',
    rationale: 'Meta confirmed delivery to the device.',
  },
  READ: {
    description: 'Message has been opened or acknowledged by the recipient.',
    classification: 'final', status: 'read',
    rationale: 'Read receipt: engagement after delivery.',
  },
  CODE_NOT_ALLOWED: {
    description: 'Sender of the WhatsApp Business Account is not valid to send the message.',
    classification: 'failure', status: 'rejected', failure: { reason: 'sender', permanent: temporary },
    rationale: 'The WhatsApp Business Account is not enabled; the recipient is fine once the sender is fixed.',
  },
  FAILED: {
    description: 'Message delivery failed.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'unknown', permanent: temporary },
    rationale: 'No cause is forwarded (no Meta error code), so nothing proves the number bad.',
  },
  QUOTA_EXCEEDED: {
    description: 'WhatsApp Business Account exceeded the message sending limit.',
    classification: 'failure', status: 'rejected', failure: { reason: 'rate_limited', permanent: temporary },
    rationale: 'The account hit its sending limit; the newer page says to wait for the window to reset.',
  },
  INCOMPLETE: {
    description: 'A personalized WhatsApp message has been sent but the placeholder information is empty . Remember, a personalized message is a message that includes placeholders (dynamic fields) such as "Name", "Phone Number", "Last Name", among others.',
    classification: 'transient', status: 'sent',
    rationale: 'Judgement call: mapped as WhatsApp SENT (handed to Meta, awaiting a receipt), as on every channel. The text says the message "has been sent", so it is not a refusal; the empty placeholder data is a content problem (the newest page: "You review fields such as name, phone number, or last name"), and nothing says the message was held back.',
  },
  QUEUE: {
    description: 'You see this status after Messangi receives your message request. You know the message is queued for processing.',
    classification: 'transient', status: 'accepted',
    rationale: 'Still on the platform.',
    source: WHATSAPP_STATUS_PAGE,
  },
  DEQUEUED: {
    description: 'You see this status when the message leaves the queue. You know Messangi is sending the message to META.',
    classification: 'transient', status: 'accepted',
    rationale: 'Leaving the queue toward Meta, not handed to it yet.',
    source: WHATSAPP_STATUS_PAGE,
  },
  BLACKLISTED: {
    description: 'You see this status when the recipient phone number is on a blocklist. You know the message was not sent to that number.',
    classification: 'failure', status: 'rejected', failure: { reason: 'blocked_recipient', permanent: permanent },
    rationale: 'Not sent because the number is on a blocklist, a lasting cause: Messangi will keep refusing it.',
    source: WHATSAPP_STATUS_PAGE,
  },
}
