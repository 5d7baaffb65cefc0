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
import { normalizer, parser, safeParser, schemaFactory } from '../../runtime/entryForms.js'
import { DELIVERY_ENTRY, WEBHOOK_ENTRY } from '../../runtime/run.js'
import { MASSTACK_VENDOR, type MasstackOptions } from './definition.js'

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
export { MASSTACK_DEFAULT_TIME_ZONE, type MasstackOptions } from './definition.js'


/**
 * Decodes Masstack communication status data into canonical events, one per record: a
 * single record, a list of them, or the Communications API's `{ commit, id, data }`
 * envelope around either. Masstack documents no callback, so this is for what you poll
 * (`GET /v2/orgs/{org}/communications`); the record's field names are inferred (see the
 * Masstack guide). Never throws, never mutates the body.
 *
 * Phone numbers beyond 2^53 must arrive as text: `JSON.parse` loses their digits, and
 * such a number is refused with an error that says so.
 *
 * @example
 * ```ts
 * import { normalize } from 'deliverykit/masstack'
 * import { either as E } from 'fp-ts'
 *
 * const result = normalize({
 *   commit: 'v2.10.1', id: '57cff118-984f-473c-a6ad-5ba51baed0dd',
 *   data: [{ id: 'c-1', externalId: 'sale-12512321', channel: 'sms', status: 'DELIVERED',
 *            terminatingNumber: '666123123', updatedTime: '2024-08-01T10:38:45.698148Z' }],
 * })
 * if (E.isRight(result)) result.right[0]?.occurredAt // '2024-08-01T10:38:45.698+00:00'
 * ```
 * @category Normalize
 */
export const normalize = /*#__PURE__*/ normalizer<'delivery', MasstackOptions>(MASSTACK_VENDOR, DELIVERY_ENTRY)

/**
 * Like {@link normalize}, for code that does not use fp-ts: `{ success: true, events }`
 * or `{ success: false, error }`.
 *
 * @category Normalize
 */
export const safeParse = /*#__PURE__*/ safeParser<'delivery', MasstackOptions>(MASSTACK_VENDOR, DELIVERY_ENTRY)

/**
 * Like {@link normalize}, returning the events or throwing a `DeliveryKitError`.
 *
 * @category Normalize
 */
export const parse = /*#__PURE__*/ parser<'delivery', MasstackOptions>(MASSTACK_VENDOR, DELIVERY_ENTRY)

/**
 * The webhook entry, as for the other vendors. Masstack sends nothing but the status
 * records you poll, so it decodes what {@link normalize} decodes.
 *
 * @category Webhook
 */
export const normalizeWebhook = /*#__PURE__*/ normalizer<'webhook', MasstackOptions>(MASSTACK_VENDOR, WEBHOOK_ENTRY)

/**
 * Like {@link normalizeWebhook}, returning `{ success: true, events }` or
 * `{ success: false, error }`.
 *
 * @category Webhook
 */
export const safeParseWebhook = /*#__PURE__*/ safeParser<'webhook', MasstackOptions>(MASSTACK_VENDOR, WEBHOOK_ENTRY)

/**
 * Like {@link normalizeWebhook}, returning the events or throwing a `DeliveryKitError`.
 *
 * @category Webhook
 */
export const parseWebhook = /*#__PURE__*/ parser<'webhook', MasstackOptions>(MASSTACK_VENDOR, WEBHOOK_ENTRY)

/**
 * {@link normalizeWebhook} as a Standard Schema (`~standard`, v1), for a framework's route
 * validator: the input is a Masstack record, list or envelope, the output its events.
 *
 * @example
 * ```ts
 * import { webhookSchema } from 'deliverykit/masstack'
 * const result = webhookSchema()['~standard'].validate({ id: 'c-1', status: 'DELIVERED', terminatingNumber: '666123123' })
 * if (result.issues === undefined) console.log(result.value[0]?.status) // 'delivered'
 * ```
 * @category Standard Schema
 */
export const webhookSchema = /*#__PURE__*/ schemaFactory<'webhook', MasstackOptions>(MASSTACK_VENDOR, WEBHOOK_ENTRY)
