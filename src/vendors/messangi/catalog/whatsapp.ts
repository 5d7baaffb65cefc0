import type { CatalogEntry } from '../../../model/catalog.js'
import { withNotes, type RowNotes } from '../../../kit/rows.js'
import { MESSANGI_WHATSAPP_ROWS } from '../rows/whatsapp.js'
export { MESSANGI_WHATSAPP_STATUS_CODES } from '../codes.js'
export type { MessangiWhatsappStatusCode } from '../codes.js'
import type { MessangiWhatsappStatusCode } from '../codes.js'

const WHATSAPP_STATUS_PAGE = 'Messangi "WhatsApp Status" page, newest version (https://docs.messangi.com/docs/whatsapp-status); not on the older combined page'

/** Why each row of MESSANGI_WHATSAPP_CATALOG maps as it does, and where its code or words come from. */
const MESSANGI_WHATSAPP_NOTES: Readonly<Record<MessangiWhatsappStatusCode, RowNotes>> = {
  SENT: {
    rationale: 'Judgement call: handed to Meta, awaiting a receipt; the vendor warns it can stay SENT for good (read receipts off), so it may be the last status you get.',
  },
  DELIVERED: {
    rationale: 'Meta confirmed delivery to the device.',
  },
  READ: {
    rationale: 'Read receipt: engagement after delivery.',
  },
  CODE_NOT_ALLOWED: {
    rationale: 'The WhatsApp Business Account is not enabled; the recipient is fine once the sender is fixed.',
  },
  FAILED: {
    rationale: 'No cause is forwarded (no Meta error code), so nothing proves the number bad.',
  },
  QUOTA_EXCEEDED: {
    rationale: 'The account hit its sending limit; the newer page says to wait for the window to reset.',
  },
  INCOMPLETE: {
    rationale: 'Judgement call: mapped as WhatsApp SENT (handed to Meta, awaiting a receipt), as on every channel. The text says the message "has been sent", so it is not a refusal; the empty placeholder data is a content problem (the newest page: "You review fields such as name, phone number, or last name"), and nothing says the message was held back.',
  },
  QUEUE: {
    rationale: 'Still on the platform.',
    source: WHATSAPP_STATUS_PAGE,
  },
  DEQUEUED: {
    rationale: 'Leaving the queue toward Meta, not handed to it yet.',
    source: WHATSAPP_STATUS_PAGE,
  },
  BLACKLISTED: {
    rationale: 'Not sent because the number is on a blocklist, a lasting cause: Messangi will keep refusing it.',
    source: WHATSAPP_STATUS_PAGE,
  },
}

/**
 * Messangi's WhatsApp statuses.
 *
 * @category Catalog
 */
export const MESSANGI_WHATSAPP_CATALOG: Readonly<Record<MessangiWhatsappStatusCode, CatalogEntry>> = /*#__PURE__*/ withNotes(MESSANGI_WHATSAPP_ROWS, MESSANGI_WHATSAPP_NOTES)
