import * as t from 'io-ts'

import { describeValue } from '../../errors/format.js'
import { dispatch, oneOf, struct, textFormat } from '../../internal/codecs.js'
import { isOffsetDateTime } from '../../internal/time.js'
import { isRecord } from '../../internal/records.js'

// ---------------------------------------------------------------------------------------
// primitives
// ---------------------------------------------------------------------------------------

/**
 * A Messangi id, as text. Ids are never parsed to numbers: legacy ids are signed 64-bit
 * decimals (`-8174720676710228700`) that a JSON number cannot hold. A JSON number is
 * accepted only when it is a safe integer (it then decodes to its text); a larger one
 * has already lost digits, and is refused with a message that says to send it as text.
 *
 * @category Codecs
 */
export const MessangiId = new t.Type<string, string, unknown>(
  'id as text',
  t.string.is,
  (u, c) => {
    if (typeof u === 'string') return t.success(u)
    if (typeof u === 'number' && Number.isSafeInteger(u)) return t.success(String(u))
    if (typeof u === 'number') {
      return t.failure(u, c, `${describeValue(u)} is not an id JSON can carry exactly (a number this large has lost digits); send the id as text`)
    }
    return t.failure(u, c)
  },
  t.identity,
)

/**
 * The brand of {@link MessangiDateTime}: text checked to be ISO-8601 with `Z` or an offset.
 *
 * @category Codecs
 */
export interface MessangiDateTimeBrand {
  readonly MessangiDateTime: unique symbol
}

/**
 * Messangi's date-time text: ISO-8601 with up to nine fractional digits and `Z` or an
 * offset (`2021-08-17T04:25:38.117592194Z`; the documents call it "UTC Zulu format").
 * Impossible dates are rejected. Decodes to the same text, branded.
 *
 * @category Codecs
 */
export const MessangiDateTime = t.brand(
  t.string,
  (s): s is t.Branded<string, MessangiDateTimeBrand> => isOffsetDateTime(s),
  'MessangiDateTime',
)

/** @category Codecs */
export type MessangiDateTime = t.TypeOf<typeof MessangiDateTime>

/** The same codec, with a message that says which format was expected. */
export const DateTimeText = textFormat('ISO-8601 date-time with Z or an offset', MessangiDateTime, 'ISO-8601 with Z or an offset, such as "2021-08-17T04:25:38.117Z"')

/** A number or text, kept as sent: for fields whose type the documents leave open. */
const NumberOrText = new t.Type<number | string, number | string, unknown>(
  'number or text',
  (u): u is number | string => typeof u === 'number' || typeof u === 'string',
  (u, c) => (typeof u === 'number' || typeof u === 'string' ? t.success(u) : t.failure(u, c)),
  t.identity,
)

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
 * `message`, `username` and `timestamp` are on the SMS page, `campaignId` on the WhatsApp
 * page; either may appear on both. Unknown extra fields are kept.
 *
 * @example
 * ```ts
 * import { MessangiStatusCallback } from 'deliverykit/messangi'
 * MessangiStatusCallback.is({ id: 'abc', status: 'DELIVRD', to: '5588999999999' }) // true
 * ```
 * @category Codecs
 */
export const MessangiStatusCallback = struct(
  'MessangiStatusCallback',
  { id: MessangiId, status: t.string, to: t.string },
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
// legacy form callback (older XML API)
// ---------------------------------------------------------------------------------------

/**
 * The `TYPE` values of a legacy callback that carry a delivery status. (`MO_MESSAGE` is
 * an inbound message and `FACEBOOK` carries no `STATUS`: neither is a delivery status.)
 *
 * @category Codecs
 */
export const MessangiLegacyType = oneOf('MessangiLegacyType', 'a legacy Messangi callback type with a delivery status', {
  SMS: null,
  PUSH: null,
  EMAIL: null,
})

/** @category Codecs */
export type MessangiLegacyType = t.TypeOf<typeof MessangiLegacyType>

/**
 * The older XML API's "Client's Callback URL" notification: form parameters with
 * upper-case names, every value text. `TYPE` names the channel. It carries no date, so
 * its events have no `occurredAt`. `CLIENT_ID` ("Client's identification ID") is not
 * documented as your own message reference, so it is kept in `raw` only.
 *
 * @example
 * ```ts
 * import { MessangiLegacyCallback } from 'deliverykit/messangi'
 * MessangiLegacyCallback.is({ TYPE: 'SMS', MESSANGI_ID: '-8174720676710228700', STATUS: 'DELIVRD', TO: '5551234' }) // true
 * ```
 * @category Codecs
 */
export const MessangiLegacyCallback = struct(
  'MessangiLegacyCallback',
  { TYPE: MessangiLegacyType, MESSANGI_ID: MessangiId, STATUS: t.string, TO: t.string },
  { FROM: t.string, MESSAGE_BODY: t.string, CLIENT_ID: t.string },
)

/** @category Codecs */
export type MessangiLegacyCallback = t.TypeOf<typeof MessangiLegacyCallback>

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
export const MessangiSendResponse = struct(
  'MessangiSendResponse',
  {
    data: struct(
      'MessangiSendResponseData',
      { id: MessangiId, status: t.string, to: t.string },
      { date: DateTimeText, from: t.string, text: t.string, type: t.string, owner: t.string },
    ),
  },
  { meta: struct('MessangiSendResponseMeta', {}, { timestamp: NumberOrText, transactionId: t.string, explain: t.string }) },
)

/** @category Codecs */
export type MessangiSendResponse = t.TypeOf<typeof MessangiSendResponse>

// ---------------------------------------------------------------------------------------
// any Messangi body
// ---------------------------------------------------------------------------------------

/** @category Codecs */
export type MessangiBody = MessangiStatusCallback | MessangiLegacyCallback | MessangiSendResponse


/** Whether a body is the legacy form callback: its parameter names are upper case. */
const isLegacyBody = (u: unknown): boolean => isRecord(u) && ('TYPE' in u || 'MESSANGI_ID' in u || 'STATUS' in u)

/**
 * Any Messangi body with a delivery status: the send API's `{ meta, data }` envelope
 * (it has `data`), the legacy form callback (upper-case `TYPE`, `MESSANGI_ID`, `STATUS`),
 * or else the status callback. Dispatching on that keeps error messages about the shape
 * the body meant to have.
 *
 * @category Codecs
 */
export const MessangiBody = dispatch<MessangiBody>(
  'MessangiBody',
  (u, c) => {
    if (!isRecord(u)) {
      return t.failure(u, c, `expected a Messangi status callback or send API response (a JSON object), received ${describeValue(u)}`)
    }
    if ('data' in u) return MessangiSendResponse
    return isLegacyBody(u) ? MessangiLegacyCallback : MessangiStatusCallback
  },
)
