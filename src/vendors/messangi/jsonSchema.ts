/**
 * Messangi's JSON Schema (deliverykit/json-schema/messangi.json), generated from its codecs
 * by src/kit/jsonSchema.ts: declared here are only the codecs whose rule is code (ids,
 * addresses, date-times), the families `pickMessangi` tells apart, and the texts.
 * Build-time only: `npm run schemas` writes the file.
 */
import { CALENDAR_DATE, CLOCK_TIME, FRACTION, TEXT_OR_SAFE_INTEGER, ZONE } from '../../kit/commonJsonSchemas.js'
import { vendorJsonSchema, type Declarations, type SchemaObject } from '../../kit/jsonSchema.js'
import { LEGACY_TYPES, MARKERS } from './callback.js'
import { DateTimeText, MessangiAddress, MessangiId } from './codec.js'
import { MESSANGI_VENDOR } from './definition.js'

/** `YYYY-MM-DD`, then `T`, `-T` (as Messangi's pages print it) or a space, then the time. */
const DATE_TIME = `${CALENDAR_DATE}(?:-?[Tt]| )${CLOCK_TIME}${FRACTION}`

const DECLARATIONS: Declarations = [
  [
    MessangiId,
    {
      name: 'id',
      schema: {
        description:
          'A Messangi id, as text (legacy ids are signed 64-bit decimals such as -8174720676710228700, which a JSON number cannot hold). A JSON number is accepted while it is a safe integer; a larger one has already lost digits in JSON.parse.',
        ...TEXT_OR_SAFE_INTEGER,
      },
    },
  ],
  [MessangiAddress, { name: 'address', schema: { description: 'A phone number or address, as text; a JSON number while it is a safe integer (a to sent as 5588999999999).', ...TEXT_OR_SAFE_INTEGER } }],
  [
    DateTimeText,
    {
      name: 'dateTime',
      schema: {
        description:
          'ISO-8601 with Z or an offset and up to nine fractional digits ("UTC Zulu format": 2021-08-17T04:25:38.117592194Z), or the pattern Messangi\'s pages print, with a - before the T (2024-01-01-T12:00:00.00Z). A real calendar date and time.',
        type: 'string',
        pattern: `^${DATE_TIME}${ZONE}$`,
      },
    },
  ],
  // Not exported from the codecs: declared by their io-ts names, which no other Messangi codec has.
  [
    'ISO-8601 date-time',
    {
      name: 'inboundDateTime',
      schema: { description: 'As dateTime, or without a zone, which deliverykit does not guess (the event then has vendorTime and no occurredAt).', type: 'string', pattern: `^${DATE_TIME}${ZONE}?$` },
    },
  ],
  ['number or text', { name: 'numberOrText', schema: { description: 'A number or text, kept as sent: the documents leave its type open.', anyOf: [{ type: 'number' }, { type: 'string' }] } }],
]

const STATUS_CODE = "Messangi's status code (DELIVRD, READ, …), per channel. Not enumerated here: see the status tables of deliverykit's Messangi guide."

/** The JSON Schema of the bodies Messangi posts, as deliverykit reads them. */
export const callbacksJsonSchema = (): SchemaObject =>
  vendorJsonSchema({
    vendor: 'messangi',
    title: 'Messangi callback',
    description:
      "The bodies Messangi posts to a callback URL (and its send API's answer), as deliverykit reads them (normalizeWebhook('messangi', body, { channel })): the status callback (SMS MT, WhatsApp), the send API's { meta, data } response, the older XML API's form callbacks (status, inbound, Facebook), the legacy inbound form (mo, mobile) and the inbound (MO) callback. Messangi sends no type tag: each family is told apart by its fields (data; TYPE, MESSANGI_ID or STATUS; mo or mobile; user; status), and a body with the fields of two families is refused rather than guessed. A JSON body is the parsed JSON; a form body (application/x-www-form-urlencoded) is its fields as text. Status codes are not enumerated: a code deliverykit does not know is reported by it as unknown_status, not as a malformed body. Extra fields are allowed everywhere.",
    shapes: MESSANGI_VENDOR.shapes,
    shapeDescriptions: {
      status:
        'The status callback Messangi posts for an SMS (MT) or WhatsApp message: one flat object per status, with no channel field (the endpoint you registered tells: pass it as the channel option). Sources: the current documents\' "Callback URL (MT)" and "Callback URL WhatsApp Business" field tables; no complete example survives, so only id, status and to are required. message, username and timestamp are on the SMS page, campaignId on the WhatsApp page.',
      sendResponse:
        "The send API's response (POST /raven/v2/messages), which also answers a status poll: { meta: { timestamp, transactionId }, data: { id, status, date, … } }. Known from Messangi's generic response envelope and third-party code (RapidPro's courier handlers), not from a vendor example of this endpoint, so only data.id, data.status and data.to are required.",
      legacyStatus:
        'The older XML API\'s "Client\'s Callback URL" notification (its DokuWiki pages): form parameters with upper-case names, every value text. TYPE names the channel and STATUS is a code of that API\'s status appendix for it. It carries no date.',
      legacyMo: "The older XML API's inbound notification: form parameters TYPE=MO_MESSAGE, FROM, TO, TEXT, ENCODING.",
      legacyFacebook:
        'The older XML API\'s "Incoming Facebook messages" notification: form parameters TYPE=FACEBOOK, FROM ("Sender\'s Facebook ID"), TO, MESSAGE_BODY, CLIENT_ID, MESSANGI_ID, and no status: a message the person sent on Facebook.',
      legacyInbound: "The legacy inbound form that RapidPro's courier receives for its Messangi channels (types MG and MGL): mo is the text and mobile the sender. Known only from that integration's handler and tests.",
      mo: 'An inbound message ("Callback URL (MO)" in the current documents): the sender in user, the text in text, your short code or number in origin, the channel in connection ("SMS"). Only user and text are required; a numeric or text processId is known from RapidPro\'s courier handlers. Messangi documents no opt-out callback: a STOP arrives as one of these.',
    },
    declarations: DECLARATIONS,
    markers: {
      fields: MARKERS,
      kindOf: { status: 'status', sendResponse: 'sendResponse', legacyStatus: 'legacy', legacyMo: 'legacy', legacyFacebook: 'legacy', legacyInbound: 'legacyInbound', mo: 'mo' },
      name: 'otherFamily',
      description:
        "Absent (or null): this field marks another family of Messangi body (data the send API's response; TYPE, MESSANGI_ID and STATUS a legacy form callback; mo and mobile the legacy inbound form; user an inbound message; status a status callback), and a body with the fields of two families is refused rather than guessed.",
    },
    alternatives: {
      unknownChannel: ({ otherKinds }) => ({
        title: 'Messangi legacy callback of a channel deliverykit does not know yet',
        description: `A legacy form callback whose TYPE is none of ${Object.keys(LEGACY_TYPES).join(', ')}: deliverykit reports it as unknown_channel (keep it and answer 2xx, as for an unknown status) and does not read its other fields.`,
        type: 'object',
        required: ['TYPE'],
        properties: { TYPE: { type: 'string', not: { enum: Object.keys(LEGACY_TYPES) } }, ...otherKinds('legacy') },
      }),
    },
    fieldDescriptions: { status: STATUS_CODE, STATUS: STATUS_CODE },
  })
