import * as t from 'io-ts'

import type { CatalogEntry, ChannelCatalogs } from '../../model/catalog.js'
import { withNotes, type RowNotes } from '../../kit/rows.js'
import { MASSTACK_SMS_ROWS, MASSTACK_EMAIL_ROWS } from './rows.js'
export { MASSTACK_SMS_STATUS_CODES, MASSTACK_EMAIL_STATUS_CODES } from './codes.js'
export type { MasstackSmsStatusCode, MasstackEmailStatusCode } from './codes.js'
import type { MasstackSmsStatusCode, MasstackEmailStatusCode } from './codes.js'

// Masstack publishes one status table ("Delivery info") with an SMS and an e-mail column;
// a cell reading "N/A" means the status does not occur on that channel. Each channel's
// catalog below holds exactly the codes whose cell is not N/A, with that cell's text, so
// an N/A code is an unknown status on that channel (and the error names the channel that
// does know it).

/** Why each row of MASSTACK_SMS_CATALOG maps as it does, and where its code or words come from. */
const MASSTACK_SMS_NOTES: Readonly<Record<MasstackSmsStatusCode, RowNotes>> = {
  REGISTERED: {
    rationale: 'Masstack has it and has not sent it yet. It may stay here for hours when the communication type has a delivery window.',
  },
  SUBMITTED: {
    rationale: 'Handed to the GSM network; a delivery, expiry or error status should follow.',
  },
  DELIVERED: {
    rationale: 'The handset received it. No later SMS status exists (OPEN and CLICKED are N/A for SMS).',
  },
  EXPIRED: {
    rationale: 'The validity period (48 h by default) ran out, typically because the phone was off; a later sending may succeed.',
  },
  UNDELIVERABLE: {
    rationale: "Judgement call: permanent, because Masstack's only example of the cause is a lasting one (\"the destination number does not exist\"), and an unreachable phone has its own code (EXPIRED), so the number is treated as unable to take SMS.",
  },
  FAILED: {
    rationale: 'Judgement call: Masstack\'s own processing failed and it says it is "not guaranteed it was sent", so the outcome is unknown (it may have gone out: a retry can duplicate it); the fault is the vendor\'s, not the number\'s.',
  },
}

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
export const MASSTACK_SMS_CATALOG: Readonly<Record<MasstackSmsStatusCode, CatalogEntry>> = /*#__PURE__*/ withNotes(MASSTACK_SMS_ROWS, MASSTACK_SMS_NOTES)

/** Why each row of MASSTACK_EMAIL_CATALOG maps as it does, and where its code or words come from. */
const MASSTACK_EMAIL_NOTES: Readonly<Record<MasstackEmailStatusCode, RowNotes>> = {
  SUBMITTED: {
    rationale: 'Handed on to the e-mail service provider; "no final status is known yet".',
  },
  DELIVERED: {
    rationale: 'Judgement call: it means the destination server accepted the mail, not that it reached the inbox; that is what delivered means for e-mail. OPEN and CLICKED may follow.',
  },
  OPEN: {
    rationale: 'An e-mail open is the read of that channel; CLICKED may follow.',
  },
  CLICKED: {
    rationale: 'Engagement after delivery.',
  },
  UNDELIVERABLE: {
    rationale: 'Permanent: a hard bounce, "because of a permanent situation, for example, the address does not exist".',
  },
  DEFERRED: {
    rationale: 'A temporary refusal that Masstack says it will retry: not settled.',
  },
  REJECTED: {
    rationale: 'Judgement call: a soft bounce (mailbox over quota). The cause is temporary, so not permanent; unlike DEFERRED no retry is promised, so it settles as a failure. Not canonical rejected, which means refused before sending.',
  },
  DROPPED: {
    rationale: 'Judgement call: the provider refused to send, from its record of earlier failures for the address (a suppression list). Permanent, because the words name a lasting cause: the sending "has been identified as a sending that is going to fail", so it will keep dropping it; stop sending to it.',
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
export const MASSTACK_EMAIL_CATALOG: Readonly<Record<MasstackEmailStatusCode, CatalogEntry>> = /*#__PURE__*/ withNotes(MASSTACK_EMAIL_ROWS, MASSTACK_EMAIL_NOTES)

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
export const MasstackSmsStatus = /*#__PURE__*/ t.keyof<Readonly<Record<MasstackSmsStatusCode, unknown>>>(MASSTACK_SMS_ROWS, 'MasstackSmsStatus')

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
export const MasstackEmailStatus = /*#__PURE__*/ t.keyof<Readonly<Record<MasstackEmailStatusCode, unknown>>>(MASSTACK_EMAIL_ROWS, 'MasstackEmailStatus')
