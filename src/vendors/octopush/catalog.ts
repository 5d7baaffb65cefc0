import * as t from 'io-ts'

import type { CatalogEntry, ChannelCatalogs } from '../../model/catalog.js'
import { withNotes, type RowNotes } from '../../kit/rows.js'
import { OCTOPUSH_ROWS } from './rows.js'
export { OCTOPUSH_STATUS_CODES } from './codes.js'
export type { OctopushStatusCode } from './codes.js'
import type { OctopushStatusCode } from './codes.js'

/**
 * Where the older octopush-dm.com API's codes come from. No Octopush page that lists them
 * was found: the adapter RaspiSMS wrote for that API (form posts, numbers in `00`
 * notation) maps them, with codes still current, to failed.
 */
const OLD_API_ADAPTER =
  "Not in the vendor's status table: a status of the older octopush-dm.com API, which RaspiSMS's adapter for that API maps to failed beside NOT_ALLOWED, EXPIRED and BLACKLISTED_NUMBER (RaspbianFrance/raspisms, adapters/OctopushVirtualNumberAdapter.php, status_change_callback, commit 017c7fee). No Octopush page that lists or describes it was found."

/** Why each row of OCTOPUSH_CATALOG maps as it does, and where its code or words come from. */
const OCTOPUSH_NOTES: Readonly<Record<OctopushStatusCode, RowNotes>> = {
  DELIVERED: {
    rationale: 'The handset, call or mail server confirmed delivery.',
  },
  READ: {
    rationale: 'Read receipt (RCS, WhatsApp): engagement after delivery.',
  },
  ACK: {
    rationale: 'Only the first carrier has it; a delivery or failure receipt should follow.',
  },
  OPENED: {
    rationale: 'An e-mail open is the read of that channel.',
  },
  CLICKED: {
    rationale: 'Engagement after delivery.',
  },
  TRANSMITTED: {
    rationale: "Octopush's own gateway has it; nothing has been handed on yet.",
  },
  ISP_SEND: {
    rationale: 'Handed to the receiving ISP; its answer is still to come.',
  },
  UNDEFINED: {
    rationale: 'Judgement call: the vendor itself cannot say what happened, so it is not a delivery; treated as settled (integrations bill it as final) but not permanent.',
  },
  UNKNOWN_DELIVERY: {
    rationale: 'Judgement call: the carrier returned no final receipt; integrations disagree (pending vs final), and Octopush bills it as final, so it settles as unconfirmed.',
  },
  PROCESSED: {
    rationale: 'Queued or being authenticated: still on the platform.',
  },
  SPAM_PRESUMPTION: {
    rationale: 'Judgement call: the ISP presumed spam, so the mail may sit in a spam folder or be dropped; delivery cannot be confirmed, and it is not a complaint by the recipient.',
  },
  ABANDONED: {
    rationale: 'Judgement call: "No further action taken" says the platform stopped trying, as when retries run out (hence expired), but names no cause, so the reason is unknown; nothing lasting is named, so a later sending may succeed.',
  },
  NOT_DELIVERED: {
    rationale: 'Generic carrier failure with no cause given; the number may work another time.',
  },
  NOT_DELIVERABLE: {
    rationale: 'Judgement call: "Message not deliverable" names no cause, and so none that lasts: temporary, reason unknown (an invalid recipient would be a guess). The voice receipt page lists it beside NOT_DELIVERED, BUSY and REFUSED.',
  },
  BAD_DESTINATION: {
    rationale: 'Permanent: "Invalid destination" names the destination itself as the cause, which sending again does not change (wp-sms treats it as permanent too).',
  },
  BLACKLISTED_NUMBER: {
    rationale: 'Permanent: the number "is blacklisted" on the account, a list STOP replies feed, and Octopush refuses to send to it until it is removed (wp-sms and Yuno unsubscribe the number).',
  },
  NOT_ALLOWED: {
    rationale: 'Judgement call: "Delivery not allowed" names a rule, not a passing event, as the cause: sending there again is refused the same way. The public WordPress integration wp-sms treats it as permanent too (wp-sms/wp-sms, src/Messaging/Gateway/Provider/OctopushProvider.php, parseStatusCallback, commit 1c9140bd).',
  },
  EXPIRED: {
    rationale: 'The validity period ran out, typically with the phone off; a later sending may succeed.',
  },
  BUSY: {
    rationale: 'Voice call not answered this time.',
  },
  REFUSED: {
    rationale: 'Judgement call: the recipient declined this call, which is not an opt-out.',
  },
  ANTI_FLOODING: {
    rationale: 'Too many messages to the same number; a later sending may pass.',
  },
  UNFOUND_DESTINATION: {
    rationale: 'Permanent: "Destination not found" names the destination as the cause: it does not exist, which sending again does not change.',
  },
  EMPTY_TEXT: {
    rationale: 'The message was empty; the recipient is fine, the content needs fixing.',
  },
  TIMEOUT: {
    rationale: 'No outcome in time; a later sending may succeed.',
  },
  SPAM_REPORT: {
    rationale: 'Permanent: the recipient "has blocked your email", a spam report; never mail them again.',
  },
  UNSUBSCRIBED: {
    rationale: 'Permanent: the recipient "has unregistered from your sendings", an opt-out that must reach the suppression list.',
  },
  FILTERED: {
    rationale: 'Permanent: Octopush refuses the address itself before sending, for its "very high failure potential", a property of the address, and will keep refusing it.',
  },
  HARD_BOUNCE: {
    rationale: 'Judgement call: the description names no cause, but the code does: a hard bounce, which Octopush sets against SOFT_BOUNCE ("the account is inactive or over quota"), is the refusal that lasts, so permanent; do not mail the address again.',
  },
  BLOCKED: {
    rationale: 'Judgement call: a block of the whole campaign, not of this recipient, so not permanent for the address.',
  },
  SPAM_DETECTED: {
    rationale: 'The ISP refused the content, not the address.',
  },
  DOMAIN_ERROR: {
    rationale: 'Permanent: "the host doesn\'t exist or doesn\'t have MX service", so the domain cannot receive mail.',
  },
  SOFT_BOUNCE: {
    rationale: 'A soft bounce: the mailbox may accept mail later.',
  },
  UNKNOWNED_USER: {
    rationale: 'Permanent: "User doesn\'t exist", so the mailbox cannot receive mail (the code is spelled so by Octopush).',
  },
  INVALID_DESTINATION_ADDRESS: {
    rationale: 'Judgement call: Octopush gives no words for it, but the code names the destination address itself as invalid, as BAD_DESTINATION ("Invalid destination") does: permanent, which sending again does not change.',
    source: OLD_API_ADAPTER,
  },
  OUT_OF_DATE: {
    rationale: 'Judgement call: Octopush gives no words for it; the code says the message outlived its date, as EXPIRED ("Delivery expired") does, and names no lasting cause: a later sending may succeed.',
    source: OLD_API_ADAPTER,
  },
}

/**
 * The Octopush status catalog: each code with Octopush's description and its canonical
 * meaning. Typed so that a code added to {@link OCTOPUSH_STATUS_CODES} without a row here
 * does not compile.
 *
 * @example
 * ```ts
 * import { OCTOPUSH_CATALOG } from 'deliverykit/octopush'
 * OCTOPUSH_CATALOG.HARD_BOUNCE.status // 'undeliverable'
 * ```
 * @category Catalog
 */
export const OCTOPUSH_CATALOG: Readonly<Record<OctopushStatusCode, CatalogEntry>> = /*#__PURE__*/ withNotes(OCTOPUSH_ROWS, OCTOPUSH_NOTES)

/**
 * The io-ts codec of an Octopush status code: one of the catalog's 35 keys.
 *
 * @example
 * ```ts
 * import { OctopushStatus } from 'deliverykit/octopush'
 * OctopushStatus.is('HARD_BOUNCE') // true
 * OctopushStatus.is('BOUNCY') // false
 * ```
 * @category Codecs
 */
export const OctopushStatus = /*#__PURE__*/ t.keyof<Readonly<Record<OctopushStatusCode, unknown>>>(OCTOPUSH_ROWS, 'OctopushStatus')

/**
 * Whether a string is an Octopush status code (own keys only: `constructor` or
 * `__proto__` are not codes).
 *
 * @category Catalog
 */
export const isOctopushStatusCode = (code: string): code is OctopushStatusCode =>
  // typeof first: a JavaScript caller's object would run its toString as a key.
  typeof (code as unknown) === 'string' && Object.prototype.hasOwnProperty.call(OCTOPUSH_ROWS, code)

/**
 * The catalog by channel. Octopush publishes one list for every channel, so every channel
 * it uses points at {@link OCTOPUSH_CATALOG}.
 *
 * @category Catalog
 */
export const OCTOPUSH_CATALOGS: ChannelCatalogs = {
  sms: OCTOPUSH_CATALOG,
  voice: OCTOPUSH_CATALOG,
  email: OCTOPUSH_CATALOG,
  rcs: OCTOPUSH_CATALOG,
  whatsapp: OCTOPUSH_CATALOG,
  facebook: OCTOPUSH_CATALOG,
  instagram: OCTOPUSH_CATALOG,
}
