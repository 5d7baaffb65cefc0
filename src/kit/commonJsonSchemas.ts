/**
 * The JSON Schemas of the codecs of src/kit/codecs.ts whose rule is code, declared
 * once here for every vendor's schema (src/kit/jsonSchema.ts), and the parts of the
 * vendors' date-time patterns. Build-time only.
 */
import { NumberFromNumberOrText, NUMERIC_TEXT, PhoneNumberText, TextFromTextOrNumber } from './codecs.js'
import type { Declarations } from './jsonSchema.js'

export const COMMON_DECLARATIONS: Declarations = [
  [
    PhoneNumberText,
    {
      name: 'phoneNumber',
      schema: {
        description: 'The phone number, as text (international format with +). A form whose + was not percent-encoded turns it into a space, which deliverykit reads back as +.',
        type: 'string',
      },
    },
  ],
  [
    NumberFromNumberOrText,
    {
      name: 'numberOrNumericText',
      schema: {
        description: 'A number, or a decimal number as text ("0.5", "35"): form bodies and older pages send numbers as text.',
        anyOf: [{ type: 'number' }, { type: 'string', pattern: NUMERIC_TEXT.source }],
      },
    },
  ],
  [TextFromTextOrNumber, { name: 'textOrNumber', schema: { description: 'Text, or a number where the documents show text.', anyOf: [{ type: 'string' }, { type: 'number' }] } }],
]

/** A real calendar date, `YYYY-MM-DD` from year 0001: February 29th only in leap years. */
export const CALENDAR_DATE =
  '(?:(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29)'

/** `HH:mm:ss`, each in range. */
export const CLOCK_TIME = '(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]'

/** Up to nine fractional digits, after `.` or `,`, or none. */
export const FRACTION = '(?:[.,][0-9]{1,9})?'

/** `Z` or an offset, `+01:00` or `+0100`. */
export const ZONE = '(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])'

/** An id or address as text, or a JSON number that is a safe integer (a longer one has lost digits). */
export const TEXT_OR_SAFE_INTEGER = { anyOf: [{ type: 'string' }, { type: 'integer', minimum: -(2 ** 53 - 1), maximum: 2 ** 53 - 1 }] } as const
