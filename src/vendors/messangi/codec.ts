import * as t from 'io-ts'

import { describeValue } from '../../errors/format.js'
import { oneOf, struct, textFormat } from '../../kit/codecs.js'
import { isOffsetDateTime, parseZonelessDateTime } from '../../util/time.js'

// Where each shape comes from (the Messangi guide lists them with their sources):
// - the current documents: the "Callback URL (MT)" and "Callback URL WhatsApp Business"
//   field tables (no example survives), the "Callback URL (MO)" field table, and the
//   generic { meta, data } response envelope;
// - the older XML API's DokuWiki pages: the client callback's form fields and its status
//   appendix;
// - integrations in the wild: RapidPro's courier handlers (the send API's response, the
//   JSON MO with numeric or text processId, and the legacy MO form `mo=…&mobile=…`).

// ---------------------------------------------------------------------------------------
// primitives
// ---------------------------------------------------------------------------------------

const lostDigits = (u: unknown): string =>
  `${describeValue(u)} is beyond 2^53, so JSON.parse has already lost digits of it; a number this long must arrive as text (a JSON string)`

/**
 * Text, or a JSON number while it is a safe integer (it then decodes to its text). A
 * larger number has already lost digits in `JSON.parse`, and is refused with a message
 * that says to send it as text.
 */
const textOrSafeInteger = (name: string) =>
  new t.Type<string, string, unknown>(
    name,
    t.string.is,
    (u, c) => {
      if (typeof u === 'string') return t.success(u)
      // Neither test is true of anything but a number.
      if (Number.isSafeInteger(u)) return t.success(String(u))
      if (Number.isInteger(u)) return t.failure(u, c, lostDigits(u))
      return t.failure(u, c)
    },
    t.identity,
  )

/**
 * A Messangi id, as text. Ids are never parsed to numbers: legacy ids are signed 64-bit
 * decimals (`-8174720676710228700`) that a JSON number cannot hold. A JSON number is
 * accepted only when it is a safe integer (it then decodes to its text); a larger one
 * has already lost digits, and is refused with a message that says to send it as text.
 *
 * @category Codecs
 */
export const MessangiId = /*#__PURE__*/ textOrSafeInteger('id as text')

/**
 * A phone number or address as text; a JSON number (a `to` sent as `5588999999999`) is
 * its digits while it is a safe integer, and refused beyond 2^53, where digits were lost.
 *
 * @category Codecs
 */
export const MessangiAddress = /*#__PURE__*/ textOrSafeInteger('string')

/**
 * The brand of {@link MessangiDateTime}: text checked to be ISO-8601 with `Z` or an offset.
 *
 * @category Codecs
 */
export interface MessangiDateTimeBrand {
  readonly MessangiDateTime: unique symbol
}

/**
 * A Messangi date-time as ISO-8601: the pattern its pages print,
 * `yyyy-mm-dd-Thh:mm:ss.ssZ`, has a `-` before the `T`, which is dropped.
 */
export const isoOfMessangiTime = (text: string): string =>
  text[10] === '-' && (text[11] === 'T' || text[11] === 't') ? `${text.slice(0, 10)}${text.slice(11)}` : text

/**
 * Messangi's date-time text: ISO-8601 with up to nine fractional digits and `Z` or an
 * offset (`2021-08-17T04:25:38.117592194Z`; the documents call it "UTC Zulu format"), or
 * the pattern the documents print, `2024-01-01-T12:00:00.00Z`. Impossible dates are
 * rejected. Decodes to the same text, branded.
 *
 * @category Codecs
 */
export const MessangiDateTime = /*#__PURE__*/ t.brand(
  t.string,
  (s): s is t.Branded<string, MessangiDateTimeBrand> => isOffsetDateTime(isoOfMessangiTime(s)),
  'MessangiDateTime',
)

/** @category Codecs */
export type MessangiDateTime = t.TypeOf<typeof MessangiDateTime>

/** The same codec, with a message that says which format was expected. */
export const DateTimeText = /*#__PURE__*/ textFormat('ISO-8601 date-time with Z or an offset', MessangiDateTime.is, 'ISO-8601 with Z or an offset, such as "2021-08-17T04:25:38.117Z"')

/**
 * The date of an inbound message: as {@link MessangiDateTime}, or without a zone, which
 * deliverykit does not guess (the event then has `vendorTime` but no `occurredAt`).
 */
const InboundDateTimeText = /*#__PURE__*/ textFormat(
  'ISO-8601 date-time',
  (u): u is string => typeof u === 'string' && (MessangiDateTime.is(u) || parseZonelessDateTime(isoOfMessangiTime(u)) !== undefined),
  'ISO-8601 such as "2025-05-23T14:30:00Z"',
)

/** A number or text, kept as sent: for fields whose type the documents leave open. */
const isNumberOrText = (u: unknown): u is number | string => typeof u === 'number' || typeof u === 'string'
const NumberOrText = /*#__PURE__*/ new t.Type<number | string, number | string, unknown>('number or text', isNumberOrText, (u, c) => (isNumberOrText(u) ? t.success(u) : t.failure(u, c)), t.identity)

// ---------------------------------------------------------------------------------------
// status callback: SMS (MT) and WhatsApp
// ---------------------------------------------------------------------------------------

/**
 * The status callback Messangi posts for an SMS (MT) or WhatsApp message: one flat JSON
 * object per status. It has no channel field: the endpoint you registered tells.
 *
 * Neither page shows a complete example, so only what an event cannot do without is
 * required (`id`, `status`, `to`). `date` is "UTC Zulu"; `timestamp` ("Call's time mark")
 * has no documented type or unit, so a number or text is accepted and kept in `raw`.
 * `message`, `username` and `timestamp` are on the SMS page, `campaignId` ("an identifier
 * you can use to uniquely identify the destination address in your systems … similar to
 * the externalId") on the WhatsApp page; either may appear on both. Unknown extra fields
 * are kept.
 *
 * @example
 * ```ts
 * import { MessangiStatusCallback } from 'deliverykit/messangi'
 * MessangiStatusCallback.is({ id: 'abc', status: 'DELIVRD', to: '5588999999999' }) // true
 * ```
 * @category Codecs
 */
export const MessangiStatusCallback = /*#__PURE__*/ struct(
  'MessangiStatusCallback',
  { id: MessangiId, status: t.string, to: MessangiAddress },
  {
    date: DateTimeText,
    externalId: t.string,
    campaignId: MessangiId,
    from: t.string,
    message: t.string,
    username: t.string,
    timestamp: NumberOrText,
    callback: t.string,
  },
)

/** @category Codecs */
export type MessangiStatusCallback = t.TypeOf<typeof MessangiStatusCallback>

// ---------------------------------------------------------------------------------------
// send API response: { meta, data }
// ---------------------------------------------------------------------------------------

/**
 * The send API's response (`POST /raven/v2/messages`), which also answers a status poll:
 * `{ meta: { timestamp, transactionId }, data: { id, status, date, … } }`. Known from
 * Messangi's generic envelope and third-party code, not from a vendor example of this
 * endpoint, so only `data.id`, `data.status` and `data.to` are required.
 *
 * @category Codecs
 */
export const MessangiSendResponse = /*#__PURE__*/ struct(
  'MessangiSendResponse',
  {
    data: struct(
      'MessangiSendResponseData',
      { id: MessangiId, status: t.string, to: MessangiAddress },
      { date: DateTimeText, from: t.string, text: t.string, type: t.string, owner: t.string },
    ),
  },
  { meta: struct('MessangiSendResponseMeta', {}, { timestamp: NumberOrText, transactionId: t.string, explain: t.string }) },
)

/** @category Codecs */
export type MessangiSendResponse = t.TypeOf<typeof MessangiSendResponse>

// ---------------------------------------------------------------------------------------
// legacy form callbacks (older XML API)
// ---------------------------------------------------------------------------------------

/**
 * The `TYPE` values of a legacy callback that carry a delivery status. (`MO_MESSAGE` is
 * an inbound message and `FACEBOOK` carries no `STATUS`: neither is a delivery status.)
 *
 * @category Codecs
 */
export const MessangiLegacyType = /*#__PURE__*/ oneOf('MessangiLegacyType', 'a legacy Messangi callback type with a delivery status', {
  SMS: null,
  PUSH: null,
  EMAIL: null,
})

/** @category Codecs */
export type MessangiLegacyType = t.TypeOf<typeof MessangiLegacyType>

/**
 * The older XML API's "Client's Callback URL" notification: form parameters with
 * upper-case names, every value text. `TYPE` names the channel, and `STATUS` is a code of
 * the legacy API's status appendix for that channel. It carries no date, so its events
 * have no `occurredAt`. `CLIENT_ID` ("Client's identification ID") is not documented as
 * your own message reference, so it is kept in `raw` only.
 *
 * @example
 * ```ts
 * import { MessangiLegacyCallback } from 'deliverykit/messangi'
 * MessangiLegacyCallback.is({ TYPE: 'SMS', MESSANGI_ID: '-8174720676710228700', STATUS: 'DELIVRD', TO: '5551234' }) // true
 * ```
 * @category Codecs
 */
export const MessangiLegacyCallback = /*#__PURE__*/ struct(
  'MessangiLegacyCallback',
  { TYPE: MessangiLegacyType, MESSANGI_ID: MessangiId, STATUS: t.string, TO: t.string },
  { FROM: t.string, MESSAGE_BODY: t.string, CLIENT_ID: t.string },
)

/** @category Codecs */
export type MessangiLegacyCallback = t.TypeOf<typeof MessangiLegacyCallback>

// ---------------------------------------------------------------------------------------
// inbound messages
// ---------------------------------------------------------------------------------------

/**
 * An inbound message ("Callback URL (MO)"): JSON with the sender in `user`, the text in
 * `text`, your short code or number in `origin` and the channel in `connection`
 * (`"SMS"`; WhatsApp forwards are inferred from third-party code, not documented). Only
 * `user` and `text` are required; every field Messangi's page leaves uncertain is
 * optional, and extra fields are kept in `raw`. A `date` without a zone is kept as
 * `vendorTime`, with no `occurredAt`.
 *
 * @category Codecs
 */
export const MessangiMoCallback = /*#__PURE__*/ struct(
  'MessangiMoCallback',
  { user: MessangiAddress, text: t.string },
  {
    date: InboundDateTimeText,
    origin: t.string,
    connection: t.string,
    id: MessangiId,
    externalId: t.string,
    processId: MessangiId,
    owner: t.string,
    callback: t.string,
  },
)

/** @category Codecs */
export type MessangiMoCallback = t.TypeOf<typeof MessangiMoCallback>

/**
 * The older XML API's inbound notification: form parameters `TYPE=MO_MESSAGE`, `FROM`,
 * `TO`, `TEXT`, `ENCODING`.
 *
 * @category Codecs
 */
export const MessangiLegacyMoCallback = /*#__PURE__*/ struct(
  'MessangiLegacyMoCallback',
  { TYPE: oneOf('MessangiLegacyMoType', 'a legacy Messangi inbound type', { MO_MESSAGE: null }), FROM: t.string, TEXT: t.string },
  { TO: t.string, ENCODING: t.string },
)

/** @category Codecs */
export type MessangiLegacyMoCallback = t.TypeOf<typeof MessangiLegacyMoCallback>

/**
 * The legacy inbound form that RapidPro's courier receives for its Messangi channels
 * (types MG and MGL): `mo` is the text and `mobile` the sender. Known only from that
 * integration's handler and tests.
 *
 * @category Codecs
 */
export const MessangiLegacyInboundForm = /*#__PURE__*/ struct('MessangiLegacyInboundForm', { mo: t.string, mobile: MessangiAddress }, {})

/** @category Codecs */
export type MessangiLegacyInboundForm = t.TypeOf<typeof MessangiLegacyInboundForm>

/**
 * The older XML API's "Incoming Facebook messages" notification: form parameters
 * `TYPE=FACEBOOK`, `FROM` ("Sender's Facebook ID"), `TO`, `MESSAGE_BODY`, `CLIENT_ID`,
 * `MESSANGI_ID`, and no status: a message the person sent on Facebook.
 *
 * @category Codecs
 */
export const MessangiLegacyFacebookCallback = /*#__PURE__*/ struct(
  'MessangiLegacyFacebookCallback',
  { TYPE: oneOf('MessangiLegacyFacebookType', 'a legacy Messangi Facebook type', { FACEBOOK: null }), FROM: t.string, MESSAGE_BODY: t.string },
  { TO: t.string, CLIENT_ID: t.string, MESSANGI_ID: MessangiId },
)

/** @category Codecs */
export type MessangiLegacyFacebookCallback = t.TypeOf<typeof MessangiLegacyFacebookCallback>
