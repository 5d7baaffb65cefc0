import * as t from 'io-ts'

import type { CatalogEntry, ChannelCatalogs } from '../../model/catalog.js'

// Masstack publishes one status table ("Delivery info") with an SMS and an e-mail column;
// a cell reading "N/A" means the status does not occur on that channel. Each channel's
// catalog below holds exactly the codes whose cell is not N/A, with that cell's text, so
// an N/A code is an unknown status on that channel (and the error names the channel that
// does know it).

/**
 * The statuses Masstack's table gives an SMS meaning (every row whose SMS cell is not
 * N/A), in the table's order.
 *
 * @category Catalog
 */
export const MASSTACK_SMS_STATUS_CODES = ['REGISTERED', 'SUBMITTED', 'DELIVERED', 'EXPIRED', 'UNDELIVERABLE', 'FAILED'] as const

/**
 * The statuses Masstack's table gives an e-mail meaning (every row whose e-mail cell is
 * not N/A), in the table's order.
 *
 * @category Catalog
 */
export const MASSTACK_EMAIL_STATUS_CODES = [
  'SUBMITTED', 'DELIVERED', 'OPEN', 'CLICKED', 'UNDELIVERABLE', 'DEFERRED', 'REJECTED', 'DROPPED',
] as const

/**
 * A Masstack status code that exists on SMS.
 *
 * @category Catalog
 */
export type MasstackSmsStatusCode = (typeof MASSTACK_SMS_STATUS_CODES)[number]

/**
 * A Masstack status code that exists on e-mail.
 *
 * @category Catalog
 */
export type MasstackEmailStatusCode = (typeof MASSTACK_EMAIL_STATUS_CODES)[number]

const permanent = true
const temporary = false

/**
 * The SMS column of Masstack's status table: each code with Masstack's SMS description
 * and its canonical meaning. Typed so that a code added to
 * {@link MASSTACK_SMS_STATUS_CODES} without a row here does not compile.
 *
 * @example
 * ```ts
 * import { MASSTACK_SMS_CATALOG } from 'deliverykit/masstack'
 * MASSTACK_SMS_CATALOG.FAILED.status // 'unconfirmed'
 * ```
 * @category Catalog
 */
export const MASSTACK_SMS_CATALOG: Readonly<Record<MasstackSmsStatusCode, CatalogEntry>> = {
  REGISTERED: {
    description: 'The SMS has been accepted (input is correct) and registered in the system to be submitted to GSM network for delivery, however the SMS has not been sent yet',
    classification: 'transient', status: 'accepted',
    rationale: 'Masstack has it and has not sent it yet. It may stay here for hours when the communication type has a delivery window.',
  },
  SUBMITTED: {
    description: 'The SMS has been already submitted to GSM network and sent to the user. No confirmation of delivery, expiration or error has been received so far',
    classification: 'transient', status: 'sent',
    rationale: 'Handed to the GSM network; a delivery, expiry or error status should follow.',
  },
  DELIVERED: {
    description: 'The SMS has been successfully delivered to the subscriber device',
    classification: 'final', status: 'delivered',
    rationale: 'The handset received it. No later SMS status exists (OPEN and CLICKED are N/A for SMS).',
  },
  EXPIRED: {
    description: 'It was not possible to deliver the SMS to the user during the set maximum delivery time (48h by default), e.g: the phone was off during the whole period',
    classification: 'failure', status: 'expired', failure: { reason: 'expired', permanent: temporary },
    rationale: 'The validity period (48 h by default) ran out, typically because the phone was off; a later sending may succeed.',
  },
  UNDELIVERABLE: {
    description: 'It is not possible to deliver the SMS because of a GSM network reason, for example, the destination number does not exist',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
    rationale: "Judgement call: permanent, because Masstack's only example of the cause is a lasting one (\"the destination number does not exist\"), and an unreachable phone has its own code (EXPIRED), so the number is treated as unable to take SMS.",
  },
  FAILED: {
    description: 'The SMS processing in the system has failed and it could not be sent or, at least, it is not guaranteed it was sent',
    classification: 'failure', status: 'unconfirmed', failure: { reason: 'provider_error', permanent: temporary },
    rationale: 'Judgement call: Masstack\'s own processing failed and it says it is "not guaranteed it was sent", so the outcome is unknown (it may have gone out: a retry can duplicate it); the fault is the vendor\'s, not the number\'s.',
  },
}

/**
 * The e-mail column of Masstack's status table: each code with Masstack's e-mail
 * description and its canonical meaning. Typed so that a code added to
 * {@link MASSTACK_EMAIL_STATUS_CODES} without a row here does not compile.
 *
 * @example
 * ```ts
 * import { MASSTACK_EMAIL_CATALOG } from 'deliverykit/masstack'
 * MASSTACK_EMAIL_CATALOG.REJECTED.failure // { reason: 'mailbox', permanent: false }
 * ```
 * @category Catalog
 */
export const MASSTACK_EMAIL_CATALOG: Readonly<Record<MasstackEmailStatusCode, CatalogEntry>> = {
  SUBMITTED: {
    description: 'The e-mail has been accepted and submitted to e-mail service provider to be sent, no final status is known yet',
    classification: 'transient', status: 'sent',
    rationale: 'Handed on to the e-mail service provider; "no final status is known yet".',
  },
  DELIVERED: {
    description: 'The e-mail has been delivered to the destination e-mail server successfully, although it is not guaranteed that is already available at user inbox (the process is opaque)',
    classification: 'final', status: 'delivered',
    rationale: 'Judgement call: it means the destination server accepted the mail, not that it reached the inbox; that is what delivered means for e-mail. OPEN and CLICKED may follow.',
  },
  OPEN: {
    description: 'The e-mail has been already opened by the user',
    classification: 'final', status: 'read',
    rationale: 'An e-mail open is the read of that channel; CLICKED may follow.',
  },
  CLICKED: {
    description: 'At least one link included in the e-mail has been clicked by the user',
    classification: 'final', status: 'clicked',
    rationale: 'Engagement after delivery.',
  },
  UNDELIVERABLE: {
    description: 'The e-mail cannot be delivered to the destination address because of a permanent situation, for example, the address does not exist.',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'invalid_recipient', permanent: permanent },
    rationale: 'Permanent: a hard bounce, "because of a permanent situation, for example, the address does not exist".',
  },
  DEFERRED: {
    description: 'The e-mail was rejected by destination e-mail server because of a temporary issue expected to be resolved soon (e.g: overload), the sending will be reattempted',
    classification: 'transient', status: 'deferred',
    rationale: 'A temporary refusal that Masstack says it will retry: not settled.',
  },
  REJECTED: {
    description: 'The e-mail was rejected by destination e-mail server because of a temporary reason, for example, the user memory usage is over quota',
    classification: 'failure', status: 'undeliverable', failure: { reason: 'mailbox', permanent: temporary },
    rationale: 'Judgement call: a soft bounce (mailbox over quota). The cause is temporary, so not permanent; unlike DEFERRED no retry is promised, so it settles as a failure. Not canonical rejected, which means refused before sending.',
  },
  DROPPED: {
    description: 'The e-mail was dropped by the e-mail service provider because it has been identified as a sending that is going to fail, e.g: it was already rejected before',
    classification: 'failure', status: 'rejected', failure: { reason: 'blocked_recipient', permanent: permanent },
    rationale: 'Judgement call: the provider refused to send, from its record of earlier failures for the address (a suppression list). Permanent, because the words name a lasting cause: the sending "has been identified as a sending that is going to fail", so it will keep dropping it; stop sending to it.',
  },
}

/**
 * The catalog by channel. Masstack's table covers SMS and e-mail only.
 *
 * @example
 * ```ts
 * import { lookupStatus } from 'deliverykit'
 * import { MASSTACK_CATALOGS } from 'deliverykit/masstack'
 * lookupStatus(MASSTACK_CATALOGS, 'sms', 'OPEN') // undefined: N/A for SMS
 * ```
 * @category Catalog
 */
export const MASSTACK_CATALOGS: ChannelCatalogs = {
  sms: MASSTACK_SMS_CATALOG,
  email: MASSTACK_EMAIL_CATALOG,
}

/**
 * The io-ts codec of a Masstack SMS status code.
 *
 * @category Codecs
 */
export const MasstackSmsStatus = t.keyof(MASSTACK_SMS_CATALOG, 'MasstackSmsStatus')

/**
 * The io-ts codec of a Masstack e-mail status code.
 *
 * @example
 * ```ts
 * import { MasstackEmailStatus } from 'deliverykit/masstack'
 * MasstackEmailStatus.is('OPEN') // true
 * MasstackEmailStatus.is('REGISTERED') // false: N/A for e-mail
 * ```
 * @category Codecs
 */
export const MasstackEmailStatus = t.keyof(MASSTACK_EMAIL_CATALOG, 'MasstackEmailStatus')
