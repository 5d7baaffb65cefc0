/**
 * Masstack (MasOrange's Mas-Stack; SMS and e-mail): its status catalog, one per channel
 * with the N/A cells of its table enforced, codecs of its communication status records
 * and of the Communications API's `{ commit, id, data }` envelope, and a `normalize` for
 * them. Masstack documents no delivery callback: statuses are polled, and the record's
 * field names are inferred (see the Masstack guide). Import this entry point instead of
 * the root to keep other vendors out of your bundle.
 *
 * @example
 * ```ts
 * import { parse } from 'deliverykit/masstack'
 * for (const event of parse(await response.json())) console.log(event.reference, event.status)
 * ```
 * @module masstack
 */
export {
  MASSTACK_CATALOGS,
  MASSTACK_EMAIL_CATALOG,
  MASSTACK_EMAIL_STATUS_CODES,
  MASSTACK_SMS_CATALOG,
  MASSTACK_SMS_STATUS_CODES,
  MasstackEmailStatus,
  MasstackSmsStatus,
  type MasstackEmailStatusCode,
  type MasstackSmsStatusCode,
} from './catalog.js'
export {
  MasstackBody,
  MasstackCommunication,
  MasstackDateTime,
  type MasstackDateTimeBrand,
  MasstackEmailCommunication,
  MasstackEnvelope,
  MasstackId,
  MasstackPhoneDigits,
  MasstackSmsCommunication,
  isMasstackEnvelope,
  isMasstackSmsCommunication,
  type MasstackChannelName,
  type MasstackCommunicationList,
  type MasstackIdentity,
} from './codec.js'
export { MASSTACK_DEFAULT_TIME_ZONE, normalize, parse, safeParse, type MasstackOptions } from './normalize.js'
