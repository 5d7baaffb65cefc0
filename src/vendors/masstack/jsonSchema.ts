/**
 * Masstack's JSON Schema (deliverykit/json-schema/masstack.json), generated from its codecs
 * by src/kit/jsonSchema.ts: declared here are only the codecs whose rule is code (ids,
 * phone digits, date-times, channel names, how a record's channel is told), what
 * `pickMasstack` adds to each shape's codec, and the texts. Build-time only:
 * `npm run schemas` writes the file.
 */
import { CALENDAR_DATE, CLOCK_TIME, FRACTION, ZONE } from '../../kit/commonJsonSchemas.js'
import { vendorJsonSchema, type Declarations, type JsonSchema, type SchemaObject, type Tools } from '../../kit/jsonSchema.js'
import { MASSTACK_CHANNEL_CODECS, MasstackEmailCommunication, MasstackId, MasstackPhoneDigits, MasstackSmsCommunication } from './codec.js'
import { MASSTACK_VENDOR } from './definition.js'

/** A non-negative JSON number that is a safe integer (a larger one has already lost digits). */
const SAFE_COUNT = { type: 'integer', minimum: 0, maximum: 2 ** 53 - 1 } as const

/** Without `channel`, a record is told by its only recipient field: the other one must then be absent. */
const toldBy = (ref: string, otherRecipient: string): SchemaObject => ({
  type: 'object',
  allOf: [{ $ref: ref }],
  if: { type: 'object', properties: { channel: false } },
  then: { properties: { [otherRecipient]: false } },
})

const DECLARATIONS: Declarations = [
  [
    MasstackPhoneDigits,
    {
      name: 'phoneDigits',
      schema: {
        description: 'Digits of a phone number or country code (Masstack: int64, no country code, no +), as text (a leading + is kept) or a JSON number while it is a safe integer.',
        anyOf: [{ type: 'string', pattern: '^\\+?[0-9]{1,20}$' }, SAFE_COUNT],
      },
    },
  ],
  [
    MasstackId,
    {
      name: 'id',
      schema: { description: 'An id: non-empty text, or a JSON number while it is a non-negative safe integer (a larger one has already lost digits in JSON.parse).', anyOf: [{ type: 'string', minLength: 1 }, SAFE_COUNT] },
    },
  ],
  // Not exported from the codecs: declared by their io-ts names, which no other Masstack codec has.
  [
    'ISO-8601 date-time',
    {
      name: 'dateTime',
      schema: {
        description:
          "ISO-8601 with Z or an offset and up to nine fractional digits, as the Communications API writes its times (2024-08-01T10:38:45.698148Z), or the same without a zone, which deliverykit reads in the timeZone option's zone (Europe/Madrid by default). A real calendar date and time.",
        type: 'string',
        pattern: `^${CALENDAR_DATE}[Tt ]${CLOCK_TIME}${FRACTION}${ZONE}?$`,
      },
    },
  ],
  ['"sms"', { schema: { description: 'sms, in any casing.', type: 'string', pattern: '^[Ss][Mm][Ss]$' } }],
  ['"email"', { schema: { description: 'email, in any casing.', type: 'string', pattern: '^[Ee][Mm][Aa][Ii][Ll]$' } }],
  [
    MasstackSmsCommunication,
    {
      name: 'smsCommunication',
      schema: ({ inner, define, walk }) => ({
        title: 'Masstack SMS communication',
        description: "An SMS communication: status and terminatingNumber (the number without country code, int64), optionally countryCode. All field names but status are inferred from the Communications API's other schemas.",
        ...inner,
        allOf: [identity(define, walk)],
      }),
    },
  ],
  [
    MasstackEmailCommunication,
    {
      name: 'emailCommunication',
      schema: ({ inner, define, walk }) => ({
        title: 'Masstack e-mail communication',
        description: "An e-mail communication: status and destinationEmail. All field names but status are inferred from the Communications API's other schemas.",
        ...inner,
        allOf: [identity(define, walk)],
      }),
    },
  ],
  [
    // The record codec the entries decode with (the public MasstackCommunication is not walked).
    'MasstackCommunication',
    {
      name: 'communication',
      schema: ({ walk }) => {
        const sms = walk(MasstackSmsCommunication) as { readonly $ref: string }
        const email = walk(MasstackEmailCommunication) as { readonly $ref: string }
        return {
          description:
            'A communication, SMS or e-mail: its channel is channel (any casing) or, without one, the only recipient field it has (terminatingNumber for SMS, destinationEmail for e-mail). id or externalId is required.',
          oneOf: [toldBy(sms.$ref, 'destinationEmail'), toldBy(email.$ref, 'terminatingNumber')],
        }
      },
    },
  ],
  [
    'MasstackEnvelopeData',
    { schema: ({ walk }) => ({ anyOf: [{ type: 'array', items: walk(MASSTACK_CHANNEL_CODECS.record) }, walk(MASSTACK_CHANNEL_CODECS.record)] }) },
  ],
]

/** id or externalId, or both: a record needs one to be told apart. */
const identity = (define: Tools['define'], walk: Tools['walk']): JsonSchema =>
  define('identity', () => ({
    description: "The communication's id, or externalId (your own reference), or both.",
    anyOf: ['id', 'externalId'].map((field) => ({ type: 'object', required: [field], properties: { [field]: walk(MasstackId) } })),
  }))

const STATUS_CODE = "Masstack's status code (DELIVERED, …), per channel. Not enumerated here: see the status tables of deliverykit's Masstack guide."

/** The JSON Schema of the Masstack bodies deliverykit reads. */
export const callbacksJsonSchema = (): SchemaObject =>
  vendorJsonSchema({
    vendor: 'masstack',
    title: 'Masstack communications',
    description:
      "The Masstack bodies deliverykit reads (normalizeWebhook('masstack', body)): one communication status record, a list of them, or the { commit, id, data } envelope of the Communications API's responses around either. Masstack documents no delivery callback: statuses are polled with GET /v2/orgs/{org}/communications, whose response schema is not public. The envelope, the status codes, the channel values and the int64 phone numbers are documented; that a record carries these field names is inferred from the API's other schemas and query parameters. Status codes are not enumerated: a code deliverykit does not know is reported by it as unknown_status, not as a malformed body. Extra fields are allowed everywhere.",
    shapes: MASSTACK_VENDOR.shapes,
    shapeDescriptions: {
      record: 'One communication, as the body itself. A body with data is an envelope, and one with both data and status is refused rather than guessed.',
      list: 'A list of communications.',
      envelope:
        "The envelope every Communications API response uses (documented): commit is the service version and id the response's id. That data holds one communication or a list of them is inferred; an object data with no status of its own is not a communication (if it holds the list, pass that list as the body).",
    },
    declarations: DECLARATIONS,
    shapeRules: {
      record: () => ({ type: 'object', properties: { data: false } }),
      envelope: () => ({ properties: { status: false } }),
    },
    fieldDescriptions: { status: STATUS_CODE },
  })
