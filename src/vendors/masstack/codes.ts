/**
 * Every status code Masstack sends, each written once: the catalog's rows and its notes are
 * typed by these lists, so a code without a row or a note does not compile.
 */

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
