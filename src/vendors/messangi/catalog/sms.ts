import type { CatalogEntry } from '../../../model/catalog.js'

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

const permanent = true
const temporary = false

const SMS_STATUS_PAGE = 'Messangi "SMS Status" page, newest version (https://docs.messangi.com/docs/sms-status); not on the older combined page'

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
export const MESSANGI_SMS_CATALOG: Readonly<Record<MessangiSmsStatusCode, CatalogEntry>> = {
  SENT: {
    description: 'SMS message was sent.',
    classification: 'transient', status: 'sent',
    rationale: 'Handed to the mobile operator; the newer page says it "does not confirm delivery", so a receipt should follow.',
  },
  EXPIRED: {
    description: 'Mobile operator was unable to deliver the message in the specified amount of time. A sample case is that the mobile device was turned off.',
    classification: 'failure', status: 'expired', failure: { reason: 'expired', permanent: temporary },
    rationale: 'The validity period ran out (phone off, say); a later sending may succeed.',
  },
  DELETED: {
    description: 'SMS message has been deleted.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'provider_error', permanent: temporary },
    rationale: 'Judgement call: SMPP DELETED means the operator cancelled the message before delivery; nothing is said against the number, so not permanent.',
  },
  UNDELIV: {
    description: 'Unable to send the SMS message.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'unreachable', permanent: temporary },
    rationale: 'Generic operator failure with no cause given (no error code is forwarded); the number may work another time.',
  },
  ACCEPTD: {
    description: 'SMS message is in the accepted status.',
    classification: 'transient', status: 'sent',
    rationale: 'Judgement call: the newer page files it under final statuses, but it only says the operator accepted the message, never whether it reached the phone; kept as sent, and it may be the last status you get.',
  },
  UNKNOWN: {
    description: 'SMS message is in invalid status. Unknown error occurred with the mobile operator. This is very unlikely.',
    classification: 'failure', status: 'unconfirmed', failure: { reason: 'provider_error', permanent: temporary },
    rationale: 'Judgement call: SMPP UNKNOWN can be intermediate, but Messangi describes an operator error whose outcome cannot be known; settled as unconfirmed, not permanent.',
  },
  REJECTD: {
    description: 'SMS message was rejected.',
    classification: 'failure', status: 'rejected', failure: { reason: 'unknown', permanent: temporary },
    rationale: 'The operator refused the message and no cause is forwarded, so nothing proves the number bad.',
  },
  INVALID_ROUTING: {
    description: 'Phone number is not valid.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
    rationale: 'Permanent: "Phone number is not valid", which sending again does not change.',
  },
  CODE_NOT_ALLOWED: {
    description: 'User does not have the short or long code assigned where the message is sent',
    classification: 'failure', status: 'rejected', failure: { reason: 'sender', permanent: temporary },
    rationale: 'The sender code is not enabled for the account; the recipient is fine once the sender is fixed.',
  },
  BLACKLISTED: {
    description: 'Recipient is blacklisted.',
    classification: 'failure', status: 'rejected', failure: { reason: 'blocked_recipient', permanent: permanent },
    rationale: 'Permanent: the recipient "is blacklisted", so Messangi did not send, and it will keep refusing the number.',
  },
  QUEUE: {
    description: 'SMS message is queued. Acknowledged by internal delivery process but not yet sent.',
    classification: 'transient', status: 'accepted',
    rationale: 'Still on the platform, not handed on.',
  },
  DEQUEUED: {
    description: 'SMS message has been removed from the queue and is ready to be published on the mobile operator.',
    classification: 'transient', status: 'accepted',
    rationale: 'Leaving the queue toward the operator, not handed to it yet.',
  },
  DELIVRD: {
    description: 'SMS message was successfully delivered.',
    classification: 'final', status: 'delivered',
    rationale: 'The operator confirmed delivery to the phone.',
  },
  INCOMPLETE: {
    description: 'A personalized SMS message has been sent but the placeholder information is empty . Remember, a personalized message is a message that includes placeholders (dynamic fields) such as "Name", "Phone Number", "Last Name", among others.',
    classification: 'transient', status: 'sent',
    rationale: 'Judgement call: mapped as SMS SENT (sent, awaiting a receipt), as on every channel. The older text says the message "has been sent": the empty placeholder data is a content problem to fix in your personalisation fields, not a refusal. The newer SMS pages redefine the code as a segmented message whose segment statuses are pending, which reads the same way.',
  },
  ENROUTE: {
    description: 'The SMS message is enroute.',
    classification: 'transient', status: 'sent',
    rationale: 'Judgement call: the newer page lists it under final statuses, but its meaning and the vendor\'s own transit-state note say a final outcome follows.',
  },
  SEGMENTS_EXCEEDED: {
    description: 'You see this status when the message exceeds the permitted segment limit. You keep SMS messages under 1600 characters to avoid this status.',
    classification: 'failure', status: 'rejected', failure: { reason: 'content', permanent: temporary },
    rationale: 'The text "exceeds the permitted segment limit", so it is not sent; the content needs fixing, not the recipient.',
    source: SMS_STATUS_PAGE,
  },
  EXHAUSTED: {
    description: 'You see this status when the retry limit is reached. You know delivery attempts have stopped.',
    classification: 'failure', status: 'expired', failure: { reason: 'expired', permanent: temporary },
    rationale: 'Retries ran out, as on e-mail and push; nothing is said against the number, so a later sending may succeed.',
    source: SMS_STATUS_PAGE,
  },
  ACCEPTED: {
    description: 'The send API accepted the message request.',
    classification: 'transient', status: 'accepted',
    rationale: 'What the send API answers when it takes a message: Messangi has it and has not handed it on. Messangi describes it nowhere, so the description is deliverykit\'s.',
    source: 'In no Messangi status page: the status of the send API response (POST https://elastic.messangi.me/raven/v2/messages), as mocked in the tests of weni-ai/rapidpro-courier, handlers/messangi/handler_test.go (commits bce09c93 and 4217f1b2)',
    descriptionBy: 'deliverykit',
  },
}
