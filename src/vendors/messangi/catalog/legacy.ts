import type { CatalogEntry, ChannelCatalogs } from '../../../model/catalog.js'
import { withNotes, type RowNotes } from '../../../kit/rows.js'
import { MESSANGI_LEGACY_SMS_ROWS, MESSANGI_LEGACY_EMAIL_ROWS, MESSANGI_LEGACY_PUSH_ROWS } from '../rows/legacy.js'
export { MESSANGI_LEGACY_SMS_STATUS_CODES, MESSANGI_LEGACY_EMAIL_STATUS_CODES, MESSANGI_LEGACY_PUSH_STATUS_CODES } from '../codes.js'
export type { MessangiLegacySmsStatusCode, MessangiLegacyEmailStatusCode, MessangiLegacyPushStatusCode } from '../codes.js'
import type { MessangiLegacySmsStatusCode, MessangiLegacyEmailStatusCode, MessangiLegacyPushStatusCode } from '../codes.js'

// Messangi's legacy XML API ("Mobile Engagement Campaign Manager", the DokuWiki at
// messangi.com/documentation) posts a form callback (`TYPE`, `MESSANGI_ID`, `STATUS`, …)
// whose `STATUS` takes "Valid values at the SMS status appendix", the PUSH one or the
// e-mail one (restapi:appx_callbacks). Those appendices are one page,
// restapi:appx_msg_status. Every stored copy of it stops after about 2,000 characters: the
// SMS table is cut at `UNDELIV`, the e-mail table survives in the earlier revision only,
// and the PUSH table was not obtained at all. The catalogs below hold what was obtained and
// say where the rest is missing; they never fill a gap with a guess.

const SEND_SMS_SAMPLE =
  'Not in the stored status appendix: the status of the legacy sendSMS response sample (<status>SENT_TO_CARRIER</status>, <statusDescription>Sent to Carrier</statusDescription>), https://messangi.com/documentation/doku.php?id=restapi:sms'

const DEMO_APP_RECORDS =
  'The PUSH table of the status appendix was not obtained: the status and statusDescription of the legacy push message records in Messangi\'s own demo app ("status": "DELIVERED_TO_DEVICE", "statusDescription": "Delivered to Device"), messangi/MessangiIonic, www/js/services.js lines 388-404, commit 974a0d38'

const GET_MESSAGE_SAMPLE =
  'The PUSH table of the status appendix was not obtained: the status of the legacy getMessage response sample for a message of <type>PUSH</type> (<status>SENT</status>, <statusDescription>Sent</statusDescription>), https://messangi.com/documentation/doku.php?id=restapi:message'

/** Why each row of MESSANGI_LEGACY_SMS_CATALOG maps as it does, and where its code or words come from. */
const MESSANGI_LEGACY_SMS_NOTES: Readonly<Record<MessangiLegacySmsStatusCode, RowNotes>> = {
  SENT: {
    rationale: 'Handed to the carrier; the appendix has later statuses for the carrier and the device (DELIVERED_TO_CARRIER, SENT_TO_DEVICE, DELIVERED_TO_DEVICE).',
  },
  DELIVERED_TO_CARRIER: {
    rationale: 'Judgement call: the carrier has it, not the phone (the appendix has its own DELIVERED_TO_DEVICE), so still sent, awaiting the device.',
  },
  EXPIRED: {
    rationale: 'The table lists EXPIRED three times: "Maximum number of tries reached." (kept here), "Message not sent. Maximum number of tries reached." and, among the external entity\'s codes, "Message expired by the external entity.". Each says the tries or the validity ran out, and none names a lasting cause: a later sending may succeed.',
  },
  UNREACHABLE: {
    rationale: 'Judgement call: the code says unreachable, but the words name the cause: the number or device id is unknown, which sending again does not change, so permanent.',
  },
  NOT_SENT: {
    rationale: 'Not sent, and no cause given; nothing lasting is named.',
  },
  BAD_FROM: {
    rationale: 'The sender is invalid; the recipient is fine once it is fixed.',
  },
  BAD_TO: {
    rationale: "Permanent: the 'to' parameter, the recipient, is invalid, which sending again does not change.",
  },
  BAD_ENCODING: {
    rationale: "The message's encoding is invalid: the message needs fixing, not the recipient.",
  },
  'BAD_CARRIER/FROM': {
    rationale: "Judgement call: the request's sender ('from') or carrier is invalid; the request needs fixing, not the recipient. Reason sender, the half deliverykit's reasons name.",
  },
  SENT_TO_DEVICE: {
    rationale: 'Sent on toward the phone; DELIVERED_TO_DEVICE or UNDELIVERED should follow.',
  },
  DELIVERED_TO_DEVICE: {
    rationale: 'The phone received it.',
  },
  UNDELIVERED: {
    rationale: 'Not delivered, and no cause given; nothing lasting is named.',
  },
  NOT_ENOUGH_FUNDS: {
    rationale: 'The account lacks funds; the recipient is fine.',
  },
  BAD_TIMEZONE: {
    rationale: "Judgement call: an invalid parameter of the message request (its time zone), fixed in the request like the current push INVALID_MESSAGE's invalid parameters (content); the recipient is fine.",
  },
  SENDING: {
    rationale: 'Judgement call: under way on the platform; nothing says the carrier has it yet (SENT says that).',
  },
  PENDING: {
    rationale: 'Judgement call: no outcome and no hand-over reported yet, so still on the platform as far as anyone knows; more statuses are expected.',
  },
  READ: {
    rationale: 'Read by the recipient: engagement after delivery.',
  },
  ACCEPTD: {
    rationale: 'Judgement call: the external entity (the carrier) accepted it, which says nothing of the phone; as ACCEPTD in the current SMS catalog.',
  },
  'BAD ADDRESS': {
    rationale: 'Permanent: the destination address is "Invalid or Incorrect", which sending again does not change.',
  },
  BUFFRED: {
    rationale: 'The carrier holds it for a later attempt: sent, outcome pending.',
  },
  'CARRIER GATEWAY ERROR': {
    rationale: 'Judgement call: "Usually delivery will be re-attempted": a temporary failure that is retried without you, so deferred (transient); "usually" means a later status may never come.',
  },
  DELETED: {
    rationale: 'The carrier cancelled it before delivery; nothing is said against the number.',
  },
  'DELIVERED TO CARRIER': {
    rationale: 'Judgement call: the carrier has it, not the phone; as DELIVERED_TO_CARRIER, which the table spells with underscores among its own codes.',
  },
  DELIVRD: {
    rationale: 'The carrier confirmed delivery to the phone.',
  },
  'INTERNAL ERROR': {
    rationale: 'An error inside the external entity, and the vendor says the customer is to retry: a settled failure that a later sending may fix.',
  },
  'INVALID ROUTING': {
    rationale: 'Judgement call: the words name the routing, not the number (unlike the current API\'s INVALID_ROUTING, "Phone number is not valid."), so nothing lasting is said against the recipient; the route is the vendor\'s or the carrier\'s.',
  },
  'INVALID TEMPLATE ID': {
    rationale: "The message's template is invalid: the content needs fixing, not the recipient.",
  },
  'INVALID TEMPLATE PARAMETERS': {
    rationale: "The template's parameters are invalid: the content needs fixing, not the recipient.",
  },
  'INVALID TEMPLATE TYPE': {
    rationale: "The template's type is invalid: the content needs fixing, not the recipient.",
  },
  REJECTD: {
    rationale: 'The carrier refused it and no cause is forwarded; nothing lasting is named.',
  },
  'TEMPLATE NOT SUPPORTED': {
    rationale: 'The template cannot be used: the content needs fixing, not the recipient.',
  },
  UNDELIV: {
    rationale: 'Judgement call: the SMPP code for an undeliverable message, as UNDELIV ("Unable to send the SMS message.") in the current SMS catalog; Messangi\'s legacy description was not obtained, so no cause is known and none that lasts is assumed.',
  },
  SENT_TO_CARRIER: {
    rationale: 'What the legacy send API answers once the message is handed to the carrier; as SENT ("Message sent to carrier.").',
    source: SEND_SMS_SAMPLE,
  },
}

/**
 * Messangi's legacy SMS statuses, with the appendix's descriptions verbatim. Typed so that
 * a code added to {@link MESSANGI_LEGACY_SMS_STATUS_CODES} without a row here does not
 * compile.
 *
 * @example
 * ```ts
 * import { MESSANGI_LEGACY_SMS_CATALOG } from 'deliverykit/messangi'
 * MESSANGI_LEGACY_SMS_CATALOG.DELIVERED_TO_DEVICE.status // 'delivered'
 * MESSANGI_LEGACY_SMS_CATALOG['INVALID ROUTING'].description // 'Invalid or Incorrect routing.'
 * ```
 * @category Catalog
 */
export const MESSANGI_LEGACY_SMS_CATALOG: Readonly<Record<MessangiLegacySmsStatusCode, CatalogEntry>> = /*#__PURE__*/ withNotes(MESSANGI_LEGACY_SMS_ROWS, MESSANGI_LEGACY_SMS_NOTES)

/** Why each row of MESSANGI_LEGACY_EMAIL_CATALOG maps as it does, and where its code or words come from. */
const MESSANGI_LEGACY_EMAIL_NOTES: Readonly<Record<MessangiLegacyEmailStatusCode, RowNotes>> = {
  SENT: {
    rationale: 'Judgement call: "Sent to recipient" says the mail went out, not that a mail server took it (BOUNCED may still follow), so sent, awaiting the outcome; as e-mail SENT in the current catalog.',
  },
  EXPIRED: {
    rationale: 'The table lists EXPIRED twice: "Maximum number of tries reached." (kept here) and "Message not sent. Maximum number of tries reached.". The tries ran out, and no lasting cause is named: a later sending may succeed.',
  },
  NOT_SENT: {
    rationale: 'Not sent, and no cause given; nothing lasting is named.',
  },
  BAD_FROM: {
    rationale: 'The sender address is invalid; the recipient is fine once it is fixed.',
  },
  BAD_TO: {
    rationale: "Permanent: the 'to' parameter, the recipient's address, is invalid, which sending again does not change.",
  },
  BAD_ENCODING: {
    rationale: "The message's encoding is invalid: the message needs fixing, not the recipient.",
  },
  NOT_ENOUGH_FUNDS: {
    rationale: 'The account lacks funds; the recipient is fine.',
  },
  BAD_TIMEZONE: {
    rationale: 'Judgement call: an invalid parameter of the message request (its time zone), fixed in the request (content); the recipient is fine.',
  },
  SENDING: {
    rationale: 'Judgement call: under way on the platform; nothing says it has gone out yet (SENT says that).',
  },
  BOUNCED: {
    rationale: "Judgement call: the words offer two causes, an invalid address (lasting) or a problem with the recipient's mail server (passing), without saying which: reason unknown, and not permanent, since no lasting cause is established.",
  },
  COMPLAINED: {
    rationale: 'Judgement call: the words hedge ("could have been") but name the recipient\'s spam report as the cause, and the code is COMPLAINED: a complaint, which lasts, so never mail them again.',
  },
  READ: {
    rationale: 'An open is the read of e-mail: engagement after delivery.',
  },
  UNSUPPORTED_ATTACHMENT_TYPE: {
    rationale: 'An attachment cannot be sent: the content needs fixing, not the recipient.',
  },
  EXCEEDS_SIZE_OF_ATTACHMENTS: {
    rationale: 'The attachments are too large: the content needs fixing, not the recipient.',
  },
}

/**
 * Messangi's legacy e-mail statuses, with the appendix's descriptions verbatim. Typed so
 * that a code added to {@link MESSANGI_LEGACY_EMAIL_STATUS_CODES} without a row here does
 * not compile.
 *
 * @category Catalog
 */
export const MESSANGI_LEGACY_EMAIL_CATALOG: Readonly<Record<MessangiLegacyEmailStatusCode, CatalogEntry>> = /*#__PURE__*/ withNotes(MESSANGI_LEGACY_EMAIL_ROWS, MESSANGI_LEGACY_EMAIL_NOTES)

/** Why each row of MESSANGI_LEGACY_PUSH_CATALOG maps as it does, and where its code or words come from. */
const MESSANGI_LEGACY_PUSH_NOTES: Readonly<Record<MessangiLegacyPushStatusCode, RowNotes>> = {
  SENT: {
    rationale: 'Judgement call: the callback page calls the push callback "Delivered PUSH messages", so SENT is read as the channel\'s success, as push SENT in the current catalog. Messangi\'s demo app also shows DELIVERED_TO_DEVICE on push records, so SENT may come before a device receipt; without the PUSH table nothing says whether it does.',
    source: GET_MESSAGE_SAMPLE,
  },
  DELIVERED_TO_DEVICE: {
    rationale: 'The device received the push message, as the legacy SMS table\'s DELIVERED_TO_DEVICE ("Message delivered to device.") says of a phone.',
    source: DEMO_APP_RECORDS,
  },
}

/**
 * Messangi's legacy push statuses, as far as any Messangi source shows them: `SENT` and
 * `DELIVERED_TO_DEVICE` (see {@link MESSANGI_LEGACY_PUSH_STATUS_CODES}).
 *
 * @category Catalog
 */
export const MESSANGI_LEGACY_PUSH_CATALOG: Readonly<Record<MessangiLegacyPushStatusCode, CatalogEntry>> = /*#__PURE__*/ withNotes(MESSANGI_LEGACY_PUSH_ROWS, MESSANGI_LEGACY_PUSH_NOTES)

/**
 * The catalogs of Messangi's legacy form callback, by the channel its `TYPE` names (`SMS`,
 * `EMAIL`, `PUSH`). The legacy API has its own codes (`SENT_TO_DEVICE`,
 * `DELIVERED_TO_DEVICE`, `UNDELIVERED`, the carrier's spaced `INVALID ROUTING`, …) and
 * its own words for codes the current API shares (`SENT`, `EXPIRED`, `BAD_TO`), so these
 * are separate from `MESSANGI_CATALOGS`.
 *
 * @example
 * ```ts
 * import { lookupStatus } from 'deliverykit'
 * import { MESSANGI_LEGACY_CATALOGS } from 'deliverykit/messangi'
 * lookupStatus(MESSANGI_LEGACY_CATALOGS, 'sms', 'DELIVERED TO CARRIER')?.status // 'sent'
 * lookupStatus(MESSANGI_LEGACY_CATALOGS, 'push', 'SENT')?.status // 'delivered'
 * ```
 * @category Catalog
 */
export const MESSANGI_LEGACY_CATALOGS: ChannelCatalogs = {
  sms: MESSANGI_LEGACY_SMS_CATALOG,
  email: MESSANGI_LEGACY_EMAIL_CATALOG,
  push: MESSANGI_LEGACY_PUSH_CATALOG,
}
