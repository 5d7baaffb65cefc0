/**
 * Every status code Messangi sends, each written once: the catalog's rows and its notes are
 * typed by these lists, so a code without a row or a note does not compile.
 */

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

/**
 * Every status code of the SMS table of Messangi's legacy status appendix
 * (https://messangi.com/documentation/doku.php?id=restapi:appx_msg_status), in the order
 * of its later revision, which adds the external entity's (carrier's) codes, several
 * spelled with spaces (`BAD ADDRESS`, `DELIVERED TO CARRIER`, `INVALID ROUTING`, …), to
 * the earlier revision's; `EXPIRED`, listed three times, is here once. Then
 * `SENT_TO_CARRIER`, which only the legacy send response shows.
 *
 * Every stored copy of the appendix stops at `UNDELIV`, before its description: any code
 * after it is not known here.
 *
 * @category Catalog
 */
export const MESSANGI_LEGACY_SMS_STATUS_CODES = [
  'SENT', 'DELIVERED_TO_CARRIER', 'EXPIRED', 'UNREACHABLE', 'NOT_SENT', 'BAD_FROM', 'BAD_TO',
  'BAD_ENCODING', 'BAD_CARRIER/FROM', 'SENT_TO_DEVICE', 'DELIVERED_TO_DEVICE', 'UNDELIVERED',
  'NOT_ENOUGH_FUNDS', 'BAD_TIMEZONE', 'SENDING', 'PENDING', 'READ', 'ACCEPTD', 'BAD ADDRESS',
  'BUFFRED', 'CARRIER GATEWAY ERROR', 'DELETED', 'DELIVERED TO CARRIER', 'DELIVRD',
  'INTERNAL ERROR', 'INVALID ROUTING', 'INVALID TEMPLATE ID', 'INVALID TEMPLATE PARAMETERS',
  'INVALID TEMPLATE TYPE', 'REJECTD', 'TEMPLATE NOT SUPPORTED', 'UNDELIV', 'SENT_TO_CARRIER',
] as const

/**
 * A status code of Messangi's legacy SMS callback (`TYPE=SMS`).
 *
 * @category Catalog
 */
export type MessangiLegacySmsStatusCode = (typeof MESSANGI_LEGACY_SMS_STATUS_CODES)[number]

/**
 * Every status code of the e-mail table of Messangi's legacy status appendix, in its
 * order; `EXPIRED`, listed twice, is here once. Only the earlier revision's e-mail table
 * was obtained, and its stored copy has lost the table's heading: it is the table between
 * the SMS table and the "PUSH" heading, and the callback page points e-mail `STATUS` at
 * the "Email status appendix".
 *
 * @category Catalog
 */
export const MESSANGI_LEGACY_EMAIL_STATUS_CODES = [
  'SENT', 'EXPIRED', 'NOT_SENT', 'BAD_FROM', 'BAD_TO', 'BAD_ENCODING', 'NOT_ENOUGH_FUNDS',
  'BAD_TIMEZONE', 'SENDING', 'BOUNCED', 'COMPLAINED', 'READ', 'UNSUPPORTED_ATTACHMENT_TYPE',
  'EXCEEDS_SIZE_OF_ATTACHMENTS',
] as const

/**
 * A status code of Messangi's legacy e-mail callback (`TYPE=EMAIL`).
 *
 * @category Catalog
 */
export type MessangiLegacyEmailStatusCode = (typeof MESSANGI_LEGACY_EMAIL_STATUS_CODES)[number]

/**
 * The status codes of Messangi's legacy push callback (`TYPE=PUSH`) that some Messangi
 * source shows. The appendix's PUSH table was not obtained (every stored copy stops at its
 * heading), so this holds `SENT`, the status of the legacy getMessage response sample for
 * a push message, and `DELIVERED_TO_DEVICE`, the status of the push records in Messangi's
 * own demo app. Any other code of a legacy push callback is an unknown status.
 *
 * @category Catalog
 */
export const MESSANGI_LEGACY_PUSH_STATUS_CODES = ['SENT', 'DELIVERED_TO_DEVICE'] as const

/**
 * A status code of Messangi's legacy push callback (`TYPE=PUSH`) that deliverykit knows.
 *
 * @category Catalog
 */
export type MessangiLegacyPushStatusCode = (typeof MESSANGI_LEGACY_PUSH_STATUS_CODES)[number]

/**
 * Every Messangi push-notification status code, in the order of the older combined
 * status page.
 *
 * @category Catalog
 */
export const MESSANGI_PUSH_STATUS_CODES = [
  'SENT', 'DEQUEUED', 'AUTH_MISSING', 'EXHAUSTED', 'NOT_SENT', 'BAD_DEVICE_TOKEN', 'BAD_PLATFORM',
  'AUTH_ERROR', 'PAYLOAD_LIMIT_EXCEEDED', 'INVALID_MESSAGE', 'DEVICE_QUOTA_EXCEEDED',
  'SERVER_UNAVAILABLE', 'SERVER_ERROR', 'UNREGISTERED', 'NOT_CONTEMPLATED_ERROR', 'MISMATCHED_TOKEN',
  'INCOMPLETE',
] as const

/**
 * A Messangi push-notification status code.
 *
 * @category Catalog
 */
export type MessangiPushStatusCode = (typeof MESSANGI_PUSH_STATUS_CODES)[number]

/**
 * Every Messangi RCS status code: the six of the older combined status page, in its
 * order, then `BLACKLISTED` and `EXHAUSTED` from the newer RCS Status page.
 *
 * @category Catalog
 */
export const MESSANGI_RCS_STATUS_CODES = [
  'SENT', 'DELIVERED', 'READ', 'FALLBACK', 'NOT_SENT', 'INCOMPLETE', 'BLACKLISTED', 'EXHAUSTED',
] as const

/**
 * A Messangi RCS status code.
 *
 * @category Catalog
 */
export type MessangiRcsStatusCode = (typeof MESSANGI_RCS_STATUS_CODES)[number]

/**
 * Every Messangi SMS status code: the fifteen of the older combined "Messages Statuses"
 * page, in its order, then the two the newer "SMS Status" page adds (`SEGMENTS_EXCEEDED`,
 * `EXHAUSTED`) and `ACCEPTED`, which only the send API returns.
 *
 * @category Catalog
 */
export const MESSANGI_SMS_STATUS_CODES = [
  'SENT', 'EXPIRED', 'DELETED', 'UNDELIV', 'ACCEPTD', 'UNKNOWN', 'REJECTD', 'INVALID_ROUTING',
  'CODE_NOT_ALLOWED', 'BLACKLISTED', 'QUEUE', 'DEQUEUED', 'DELIVRD', 'INCOMPLETE', 'ENROUTE',
  'SEGMENTS_EXCEEDED', 'EXHAUSTED', 'ACCEPTED',
] as const

/**
 * A Messangi SMS status code.
 *
 * @category Catalog
 */
export type MessangiSmsStatusCode = (typeof MESSANGI_SMS_STATUS_CODES)[number]

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
