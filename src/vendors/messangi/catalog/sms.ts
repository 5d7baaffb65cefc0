import type { CatalogEntry } from '../../../model/catalog.js'
import { withNotes, type RowNotes } from '../../../kit/rows.js'
import { MESSANGI_SMS_ROWS } from '../rows/sms.js'
export { MESSANGI_SMS_STATUS_CODES } from '../codes.js'
export type { MessangiSmsStatusCode } from '../codes.js'
import type { MessangiSmsStatusCode } from '../codes.js'

const SMS_STATUS_PAGE = 'Messangi "SMS Status" page, newest version (https://docs.messangi.com/docs/sms-status); not on the older combined page'

/** Why each row of MESSANGI_SMS_CATALOG maps as it does, and where its code or words come from. */
const MESSANGI_SMS_NOTES: Readonly<Record<MessangiSmsStatusCode, RowNotes>> = {
  SENT: {
    rationale: 'Handed to the mobile operator; the newer page says it "does not confirm delivery", so a receipt should follow.',
  },
  EXPIRED: {
    rationale: 'The validity period ran out (phone off, say); a later sending may succeed.',
  },
  DELETED: {
    rationale: 'Judgement call: SMPP DELETED means the operator cancelled the message before delivery; nothing is said against the number, so not permanent.',
  },
  UNDELIV: {
    rationale: 'Generic operator failure with no cause given (no error code is forwarded); the number may work another time.',
  },
  ACCEPTD: {
    rationale: 'Judgement call: the newer page files it under final statuses, but it only says the operator accepted the message, never whether it reached the phone; kept as sent, and it may be the last status you get.',
  },
  UNKNOWN: {
    rationale: 'Judgement call: SMPP UNKNOWN can be intermediate, but Messangi describes an operator error whose outcome cannot be known; settled as unconfirmed, not permanent.',
  },
  REJECTD: {
    rationale: 'The operator refused the message and no cause is forwarded, so nothing proves the number bad.',
  },
  INVALID_ROUTING: {
    rationale: 'Permanent: "Phone number is not valid", which sending again does not change.',
  },
  CODE_NOT_ALLOWED: {
    rationale: 'The sender code is not enabled for the account; the recipient is fine once the sender is fixed.',
  },
  BLACKLISTED: {
    rationale: 'Permanent: the recipient "is blacklisted", so Messangi did not send, and it will keep refusing the number.',
  },
  QUEUE: {
    rationale: 'Still on the platform, not handed on.',
  },
  DEQUEUED: {
    rationale: 'Leaving the queue toward the operator, not handed to it yet.',
  },
  DELIVRD: {
    rationale: 'The operator confirmed delivery to the phone.',
  },
  INCOMPLETE: {
    rationale: 'Judgement call: mapped as SMS SENT (sent, awaiting a receipt), as on every channel. The older text says the message "has been sent": the empty placeholder data is a content problem to fix in your personalisation fields, not a refusal. The newer SMS pages redefine the code as a segmented message whose segment statuses are pending, which reads the same way.',
  },
  ENROUTE: {
    rationale: 'Judgement call: the newer page lists it under final statuses, but its meaning and the vendor\'s own transit-state note say a final outcome follows.',
  },
  SEGMENTS_EXCEEDED: {
    rationale: 'The text "exceeds the permitted segment limit", so it is not sent; the content needs fixing, not the recipient.',
    source: SMS_STATUS_PAGE,
  },
  EXHAUSTED: {
    rationale: 'Retries ran out, as on e-mail and push; nothing is said against the number, so a later sending may succeed.',
    source: SMS_STATUS_PAGE,
  },
  ACCEPTED: {
    rationale: 'What the send API answers when it takes a message: Messangi has it and has not handed it on. Messangi describes it nowhere, so the description is deliverykit\'s.',
    source: 'In no Messangi status page: the status of the send API response (POST https://elastic.messangi.me/raven/v2/messages), as mocked in the tests of weni-ai/rapidpro-courier, handlers/messangi/handler_test.go (commits bce09c93 and 4217f1b2)',
  },
}

/**
 * Messangi's SMS statuses. The carrier codes are SMPP's seven-letter ones (`DELIVRD`,
 * `UNDELIV`, `REJECTD`, `ACCEPTD`), kept as Messangi spells them. Typed so that a code
 * added to {@link MESSANGI_SMS_STATUS_CODES} without a row here does not compile.
 *
 * @example
 * ```ts
 * import { MESSANGI_SMS_CATALOG } from 'deliverykit/messangi'
 * MESSANGI_SMS_CATALOG.DELIVRD.status // 'delivered'
 * ```
 * @category Catalog
 */
export const MESSANGI_SMS_CATALOG: Readonly<Record<MessangiSmsStatusCode, CatalogEntry>> = /*#__PURE__*/ withNotes(MESSANGI_SMS_ROWS, MESSANGI_SMS_NOTES)
