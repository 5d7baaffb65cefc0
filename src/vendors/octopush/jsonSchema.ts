/**
 * Octopush's JSON Schema (deliverykit/json-schema/octopush.json), generated from its codecs
 * by src/kit/jsonSchema.ts: declared here are only the codecs whose rule is code (the
 * date-time format, the sender's one place), what `pickOctopush` adds to each shape's
 * codec, and the texts. Build-time only: `npm run schemas` writes the file.
 */
import { CALENDAR_DATE, CLOCK_TIME, COMMON_DECLARATIONS, FRACTION, ZONE } from '../../kit/commonJsonSchemas.js'
import { vendorJsonSchema, type Declarations, type SchemaObject, type Tools } from '../../kit/jsonSchema.js'
import { PhoneNumberText } from '../../kit/codecs.js'
import { MARKERS } from './callback.js'
import { DateTimeText, OctopushChannel, OctopushEmailDelivery, OctopushInboundCallback, OctopushStopCallback, PhoneMetaData, SenderNode } from './codec.js'
import { OCTOPUSH_VENDOR } from './definition.js'

/** The sender's number in exactly one of its places (the root, `metadata`, `meta_data`): a schema cannot compare two values. */
const sender = ({ walk, define }: Tools): SchemaObject => {
  const number = { number: walk(PhoneNumberText) }
  const inNode = (node: string): SchemaObject => ({ type: 'object', required: [node], properties: { [node]: { type: 'object', required: ['number'], properties: number } } })
  return {
    allOf: [
      define('sender', () => ({
        description:
          "The sender's number, in exactly one place: number at the root, or in the metadata node, or in the meta_data node. deliverykit reads the first of them; it refuses a body where two places name different numbers, and accepts one where they are the same text, which this schema, unable to compare two values, refuses (see the frameworks guide, where the schemas and deliverykit differ).",
        oneOf: [{ type: 'object', required: ['number'], properties: number }, inNode('metadata'), inNode('meta_data')],
      })),
    ],
  }
}

/** Without `channel`, what makes a receipt the other receipt: fields that must then be absent. */
const withoutChannel = (description: string, fields: ReadonlyArray<string>, { absent }: Tools): SchemaObject => ({
  allOf: [{ description, if: { type: 'object', properties: { channel: false } }, then: { properties: Object.fromEntries(fields.map((field) => [field, absent()])) } }],
})

const DECLARATIONS: Declarations = [
  ...COMMON_DECLARATIONS,
  [
    DateTimeText,
    {
      name: 'dateTime',
      schema: {
        description:
          'Octopush\'s local time, "YYYY-MM-DD HH:mm:ss" with no zone ("Date of acknowledgment in format Y-m-d H:i:s"), a real calendar date and time, which deliverykit reads in Europe/Paris unless told otherwise; or an ISO-8601 instant (T between date and time) with Z or an offset and up to nine fractional digits (2026-03-08T17:01:23.000Z, as a developer\'s simulation of an Octopush receipt posts it), read as the instant it names.',
        type: 'string',
        pattern: `^${CALENDAR_DATE}(?: ${CLOCK_TIME}|T${CLOCK_TIME}${FRACTION}${ZONE})$`,
        examples: ['2025-01-22 11:46:06', '2026-03-08T17:01:23.000Z'],
      },
    },
  ],
  [OctopushEmailDelivery, { name: 'emailDelivery', description: 'One recipient of an e-mail receipt: its current status and the earlier ones.' }],
  [
    PhoneMetaData,
    { name: 'voiceMetaData', description: 'Voice extras, which the current documents nest here as numbers (older pages put call_duration and charged_duration at the top level, as text).' },
  ],
  [
    SenderNode,
    {
      name: 'senderNode',
      description:
        'A node that carries the sender of a STOP or reply: metadata (as a reply handler fixed after logging a production body reads it, promathieuthiry/oui_client commit bddda3fa) or meta_data (the spelling of Octopush\'s other nodes; the account setting use_metadata_node_for_inbound). deliverykit reads number and message_id from it where the root has none. An empty node may arrive as [] (PHP) or "" (forms).',
    },
  ],
  [OctopushStopCallback, { schema: (tools) => ({ ...tools.inner, ...sender(tools) }) }],
  [OctopushInboundCallback, { schema: (tools) => ({ ...tools.inner, ...sender(tools) }) }],
]

const CHANNEL_SEE_ALSO = 'Another name is a channel deliverykit does not know yet (see unknownChannel).'

/** The JSON Schema of the bodies Octopush posts, as deliverykit reads them. */
export const callbacksJsonSchema = (): SchemaObject =>
  vendorJsonSchema({
    vendor: 'octopush',
    title: 'Octopush callback',
    description:
      'The bodies Octopush posts to a callback URL, as deliverykit reads them (normalizeWebhook(\'octopush\', body)): a delivery receipt (phone channels or e-mail), a STOP (opt-out) or an inbound SMS, told apart by their fields ("according to whether you receive answer_date, DELIVERY_DATE or stop_date", Octopush\'s callbacks page). A JSON body is the parsed JSON; a form body (application/x-www-form-urlencoded) is its fields as text, bracket keys nested (meta_data[call_duration]=35). Status codes are not enumerated: a code deliverykit does not know is reported by it as unknown_status, not as a malformed body. Extra fields are allowed everywhere.',
    shapes: OCTOPUSH_VENDOR.shapes,
    shapeDescriptions: {
      phone:
        'A delivery receipt for one phone recipient (SMS, voice SMS, RCS, WhatsApp, Facebook, Instagram). Sources: the current API reference\'s "Examples of Callback Payloads for Delivery" (sms, voice_sms, rcs), and the 2020 developer site\'s acknowledge-receipt page, whose bodies have no channel (read as SMS, or as voice when a voice field is present) and whose English callbacks page spells DELIVERY_DATE in capitals. Octopush documents delivery_date on every receipt, but an integration in the wild (Yuno\'s tests) expects receipts without it, so it is optional. Integrations in the wild send an empty meta_data as [] (PHP) or "" (forms).',
      email:
        'An e-mail delivery receipt: channel "email" and one deliveries[] entry per recipient, each with its status_history. Known only from the example in Octopush\'s current API reference; a body with deliveries and no channel (and no delivery_date) is read as one too.',
      stop: 'A STOP (opt-out), sent to callback_url_for_blacklisted_numbers "as we receive unsubscribe requests from your recipients". Source: the 2020 developer site\'s opt-out page. The sender\'s number and message_id may sit in a metadata or meta_data node instead of the root, as replies do (see sender).',
      inbound:
        'An inbound SMS (a reply, or a message to one of your virtual numbers). Source: the 2020 developer site\'s inbound page (reception_date, sim_card_number); older pages and the legacy API name the date answer_date. message_id is there only "if it\'s found". The sender\'s number and message_id may sit in a metadata node, with text and reception_date at the root, as a reply handler fixed after logging a production body reads them (promathieuthiry/oui_client, commit bddda3fa), or in meta_data (the account option use_metadata_node_for_inbound): see sender.',
    },
    declarations: DECLARATIONS,
    markers: {
      fields: MARKERS,
      name: 'otherKind',
      description:
        'Absent (or null): this field marks another kind of callback (delivery_date, DELIVERY_DATE and deliveries a delivery receipt, stop_date a STOP, reception_date and answer_date an inbound message), and a body with the fields of two kinds is refused rather than guessed.',
    },
    shapeRules: {
      phone: (tools) => withoutChannel('Without channel, a body with deliveries is an e-mail receipt (and one with deliveries and delivery_date is refused as ambiguous).', ['deliveries'], tools),
      email: (tools) => withoutChannel('Without channel, delivery_date makes the body a phone receipt\'s, and both together are refused as ambiguous.', ['delivery_date', 'DELIVERY_DATE'], tools),
      inbound: ({ walk, absent }) => ({
        anyOf: [
          ...MARKERS.inbound.map((field) => ({ type: 'object', required: [field], properties: { [field]: walk(DateTimeText) } })),
          {
            description: 'No date at all (an integration in the wild, Yuno\'s tests, expects such inbound bodies): then text, and no status or channel, which would make the body a receipt.',
            type: 'object',
            properties: { status: absent(), channel: absent() },
          },
        ],
      }),
    },
    alternatives: {
      unknownChannel: ({ walk, otherKinds }) => ({
        title: 'Octopush callback of a channel deliverykit does not know yet',
        description:
          'A body whose channel names a channel Octopush added after this schema, whatever its kind (receipt, STOP or reply): deliverykit reports it as unknown_channel (keep it and answer 2xx, as for an unknown status) and does not read its other fields. A body with the fields of two kinds is still refused.',
        type: 'object',
        required: ['channel'],
        properties: { channel: { type: 'string', not: walk(OctopushChannel) } },
        anyOf: Object.keys(MARKERS).map((kind) => ({ description: `Not two kinds: no field of a kind but ${kind}.`, type: 'object', properties: otherKinds(kind) })),
      }),
    },
    fieldDescriptions: {
      'OctopushPhoneCallback.channel': `The phone channel. Absent in the 2020 format. "email" is the e-mail receipt. ${CHANNEL_SEE_ALSO}`,
      'OctopushPhoneCallback.message_id': "The campaign's ticket, not a per-recipient id.",
      'OctopushStopCallback.text':
        'The text of the reply ("Text of the response"). Documented, but an integration in the wild (Yuno\'s tests) expects STOPs without it, and an opt-out must not be lost, so it is optional.',
      'OctopushStopCallback.channel': `Octopush's STOP page ("Callback Stop SMS") shows no channel field and says nothing of other channels: a STOP without one is an SMS opt-out, and one that names a channel Octopush documents for its receipts is read on that channel, as a receipt is. ${CHANNEL_SEE_ALSO}`,
      'OctopushInboundCallback.channel': `Octopush's inbound page ("Webhook SMS Inbounds") shows no channel field and speaks of SMS only: a reply without one is an SMS, and one that names a channel Octopush documents for its receipts is read on that channel, as a receipt is. ${CHANNEL_SEE_ALSO}`,
      status: "Octopush's status code (DELIVERED, NOT_DELIVERED, …). Not enumerated here: see the status table of deliverykit's Octopush guide.",
    },
    emptyObjectName: 'emptyMetaData',
  })
