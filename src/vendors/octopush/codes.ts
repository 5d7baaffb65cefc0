/**
 * Every status code Octopush sends, each written once: the catalog's rows and its notes are
 * typed by these lists, so a code without a row or a note does not compile.
 */

/**
 * Every delivery status code Octopush documents, in the order of its status table
 * (`GET /callbacks-statuses`, "List of Delivery Statuses"): 33 codes. Then the codes of
 * the older octopush-dm.com API that the table lacks (`INVALID_DESTINATION_ADDRESS`,
 * `OUT_OF_DATE`), known from an integration with that API; each row's `source` says where.
 *
 * Octopush publishes one list for all channels and no per-channel column survives in any
 * copy of it, so deliverykit accepts every code on every channel.
 *
 * @category Catalog
 */
export const OCTOPUSH_STATUS_CODES = [
  'DELIVERED', 'READ', 'ACK', 'OPENED', 'CLICKED', 'TRANSMITTED', 'ISP_SEND', 'UNDEFINED',
  'UNKNOWN_DELIVERY', 'PROCESSED', 'SPAM_PRESUMPTION', 'ABANDONED', 'NOT_DELIVERED',
  'NOT_DELIVERABLE', 'BAD_DESTINATION', 'BLACKLISTED_NUMBER', 'NOT_ALLOWED', 'EXPIRED', 'BUSY',
  'REFUSED', 'ANTI_FLOODING', 'UNFOUND_DESTINATION', 'EMPTY_TEXT', 'TIMEOUT', 'SPAM_REPORT',
  'UNSUBSCRIBED', 'FILTERED', 'HARD_BOUNCE', 'BLOCKED', 'SPAM_DETECTED', 'DOMAIN_ERROR',
  'SOFT_BOUNCE', 'UNKNOWNED_USER',
  'INVALID_DESTINATION_ADDRESS', 'OUT_OF_DATE',
] as const

/**
 * An Octopush delivery status code.
 *
 * @category Catalog
 */
export type OctopushStatusCode = (typeof OCTOPUSH_STATUS_CODES)[number]
