import * as E from '../../util/either.js'
import * as t from 'io-ts'

import { describeValue, formatPath } from '../../errors/format.js'
import { DISPATCH_TAG } from '../../errors/validation.js'
import { orElse } from '../../util/values.js'
import { cappedList, dispatch, emptyListInForm, fromPick, struct, textFormat } from '../../kit/codecs.js'
import type { PickFailure } from '../../kit/definition.js'
import { isMasstackTime } from './time.js'
import { hasOwn, isRecord } from '../../util/values.js'
import { withStructure } from '../../kit/codecStructure.js'

// WHAT IS KNOWN AND WHAT IS INFERRED
//
// Masstack documents no delivery callback. Statuses are polled with
// `GET /v2/orgs/{org}/communications`, whose response schema (`CommunicationListResponse`)
// is not in any public copy of its documents. What this module accepts is therefore:
//
// - documented: the `{ commit, id, data }` envelope of the Communications API's responses;
//   the status codes; channel values `sms` / `email`; that phone numbers are int64
//   without country code (`terminatingNumber`, `countryCode`), that `externalId` is the
//   client's own reference, and that times carry `Z` or an offset (all as query
//   parameters or other schemas of the same API);
// - inferred: that a communication record carries those same names (`status`, `channel`,
//   `externalId`, `destinationEmail`, `terminatingNumber`, `countryCode`, `requestTime`,
//   `clientId`), an `id` like every other resource of the API, and `createdTime` /
//   `updatedTime` like other resources; that `data` is one record or a list of them.
//
// Records name their fields as inferred above; a body whose fields are named otherwise
// gets an error naming the field to map, rather than a guess.


const has = (u: Readonly<Record<string, unknown>>, key: string): boolean =>
  hasOwn(u, key) && u[key] !== undefined

// ---------------------------------------------------------------------------------------
// primitives
// ---------------------------------------------------------------------------------------

const lostDigits = (u: number): string =>
  `${describeValue(u)} is beyond 2^53, so JSON.parse has already lost digits of it; a number this long must arrive as text (a JSON string)`

/**
 * An int64 value as text: text as sent, a JSON number only while it is a safe integer
 * (below 2^53, where JSON.parse keeps every digit), or a `bigint` from a parser that keeps
 * big integers. Decodes to text: a number is never stored as a JS number.
 */
const int64Text = (name: string, isText: (text: string) => boolean, textHint: string) =>
  new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string' && isText(u),
    (u, c) => {
      if (typeof u === 'string') return isText(u) ? t.success(u) : t.failure(u, c, `${describeValue(u)} is not ${textHint}`)
      if (typeof u === 'bigint') return u >= 0n ? t.success(u.toString()) : t.failure(u, c)
      if (typeof u === 'number' && Number.isInteger(u) && u >= 0) {
        return Number.isSafeInteger(u) ? t.success(String(u)) : t.failure(u, c, lostDigits(u))
      }
      return t.failure(u, c)
    },
    t.identity,
  )

/**
 * Digits of a phone number or country code (Masstack: int64, no country code, no `+`).
 * Text may carry a leading `+`; it is kept as sent.
 *
 * @category Codecs
 */
export const MasstackPhoneDigits = /*#__PURE__*/ int64Text(
  'phone number digits (text, or a JSON number below 2^53)',
  (text) => /^\+?\d{1,20}$/.test(text),
  'a phone number; expected digits (Masstack sends int64 numbers without country code)',
)

/**
 * An id: non-empty text, or a JSON number below 2^53 (turned into text).
 *
 * @category Codecs
 */
export const MasstackId = /*#__PURE__*/ int64Text('id (text, or a JSON number below 2^53)', (text) => text.length > 0, 'an id; expected non-empty text')

/**
 * The brand of {@link MasstackDateTime}.
 *
 * @category Codecs
 */
export interface MasstackDateTimeBrand {
  readonly MasstackDateTime: unique symbol
}

/**
 * A Masstack time: ISO-8601 with `Z` or an offset and up to nine fractional digits, as
 * the Communications API writes its times (`2024-08-01T10:38:45.698148Z`), or the same
 * without a zone, which is read in the `timeZone` option's zone. Impossible dates are
 * refused. Decodes to the same text, branded.
 *
 * @category Codecs
 */
export const MasstackDateTime = /*#__PURE__*/ t.brand(
  t.string,
  (s): s is t.Branded<string, MasstackDateTimeBrand> => isMasstackTime(s),
  'MasstackDateTime',
)

/** @category Codecs */
export type MasstackDateTime = t.TypeOf<typeof MasstackDateTime>

/** The same codec, with a message that says which format was expected. */
const DateTimeText = /*#__PURE__*/ textFormat('ISO-8601 date-time', MasstackDateTime.is, 'ISO-8601 such as "2024-08-01T10:38:45.698148Z"')

/**
 * A Masstack channel name (`sms` or `email`). The response's casing is not documented,
 * so any casing is accepted and kept as sent.
 *
 * @category Codecs
 */
export type MasstackChannelName = 'sms' | 'email'

/** The channels of Masstack's status table, as the API writes them. */
const CHANNEL_NAMES: ReadonlyArray<MasstackChannelName> = ['sms', 'email']

const channelNamed = (channel: MasstackChannelName) =>
  new t.Type<string, string, unknown>(
    `"${channel}"`,
    (u): u is string => typeof u === 'string' && u.toLowerCase() === channel,
    (u, c) => (typeof u === 'string' && u.toLowerCase() === channel ? t.success(u) : t.failure(u, c)),
    t.identity,
  )

// ---------------------------------------------------------------------------------------
// one communication
// ---------------------------------------------------------------------------------------

/** Fields of either channel. All inferred: see the top of this file. */
const COMMON_FIELDS = {
  id: MasstackId,
  externalId: MasstackId,
  clientId: t.string,
  requestTime: DateTimeText,
  createdTime: DateTimeText,
  updatedTime: DateTimeText,
}

/**
 * A record's identity: its `id`, its `externalId`, or both; a record with neither is
 * refused. `messageId` is `id`, else `externalId`.
 *
 * @category Codecs
 */
export type MasstackIdentity =
  | { readonly id: string; readonly externalId?: string }
  | { readonly id?: undefined; readonly externalId: string }

const isIdentified = <A extends { readonly id?: string; readonly externalId?: string }>(a: A): a is A & MasstackIdentity =>
  a.id !== undefined || a.externalId !== undefined

const IDENTITY = 'the communication\'s id, or externalId (your own reference)'

/**
 * A record codec that also requires `id` or `externalId`, reported on `id` when both are
 * missing. Tagged as a dispatch so that error paths skip it, as they skip `dispatch`.
 */
const identified = <A extends { readonly id?: string; readonly externalId?: string }>(name: string, fields: t.Type<A, unknown>) => {
  const codec = new t.Type<A & MasstackIdentity, unknown, unknown>(
    name,
    (u): u is A & MasstackIdentity => fields.is(u) && isIdentified(u),
    (u, c) => {
      if (fields.is(u) && isIdentified(u)) return t.success(u)
      const decoded = fields.validate(u, t.appendContext(c, '', fields, u))
      if (E.isLeft(decoded)) return decoded
      if (isIdentified(decoded.right)) return t.success(decoded.right)
      return t.failure(undefined, t.appendContext(c, 'id', new t.Type(IDENTITY, t.string.is, t.failure, t.identity), undefined))
    },
    t.identity,
  )
  return withStructure(Object.assign(codec, { _tag: DISPATCH_TAG }), { kind: 'narrowed', of: fields })
}

/**
 * A Masstack SMS communication, as deliverykit infers it: `status`, `terminatingNumber`
 * (the number without country code), optionally `channel: "sms"`, `countryCode`, `id`,
 * `externalId`, `clientId` and the times. `id` or `externalId` is required. Unknown
 * fields are kept.
 *
 * @category Codecs
 */
export const MasstackSmsCommunication = /*#__PURE__*/ identified(
  'MasstackSmsCommunication',
  struct(
    'MasstackSmsFields',
    { status: t.string, terminatingNumber: MasstackPhoneDigits },
    { channel: channelNamed('sms'), countryCode: MasstackPhoneDigits, ...COMMON_FIELDS },
  ),
)

/** @category Codecs */
export type MasstackSmsCommunication = t.TypeOf<typeof MasstackSmsCommunication>

/**
 * A Masstack e-mail communication, as deliverykit infers it: `status`,
 * `destinationEmail`, optionally `channel: "email"`, `id`, `externalId`, `clientId` and
 * the times. `id` or `externalId` is required. Unknown fields are kept.
 *
 * @category Codecs
 */
export const MasstackEmailCommunication = /*#__PURE__*/ identified(
  'MasstackEmailCommunication',
  struct('MasstackEmailFields', { status: t.string, destinationEmail: t.string }, { channel: channelNamed('email'), ...COMMON_FIELDS }),
)

/** @category Codecs */
export type MasstackEmailCommunication = t.TypeOf<typeof MasstackEmailCommunication>

/** @category Codecs */
export type MasstackCommunication = MasstackSmsCommunication | MasstackEmailCommunication

/**
 * The channel of a record: its `channel` field in any casing or, without one, the only
 * recipient field it has. The codec and {@link isMasstackSmsCommunication} share this
 * rule, so a decoded record's channel is the one it was decoded as.
 */
export const channelOfRecord = (u: Readonly<Record<string, unknown>>): MasstackChannelName | 'unknown' | 'ambiguous' | 'invalid' => {
  const channel = u['channel']
  if (channel !== undefined) {
    const name = typeof channel === 'string' ? channel.toLowerCase() : ''
    return name === 'sms' || name === 'email' ? name : 'invalid'
  }
  const sms = has(u, 'terminatingNumber')
  const email = has(u, 'destinationEmail')
  return sms && email ? 'ambiguous' : sms ? 'sms' : email ? 'email' : 'unknown'
}

/**
 * Whether a decoded record is an SMS communication.
 *
 * @category Codecs
 */
export const isMasstackSmsCommunication = (record: MasstackCommunication): record is MasstackSmsCommunication =>
  orElse(() => channelOfRecord(record) === 'sms', false)

const ChannelField = /*#__PURE__*/ new t.Type<string, string, unknown>(
  '"sms" or "email", or a terminatingNumber (SMS) or destinationEmail (e-mail) to tell it by',
  t.string.is,
  t.failure,
  t.identity,
)

/**
 * Which record a value is: the one rule, used by the codecs and, through the channel it
 * tags decoded records with, by the event builder.
 */
const pickRecord = (u: unknown, c: t.Context): MasstackChannelName | t.Validation<never> => {
  if (!isRecord(u)) return t.failure(u, c, `expected a Masstack communication record (a JSON object), received ${describeValue(u)}`)
  const channel = channelOfRecord(u)
  if (channel === 'sms' || channel === 'email') return channel
  // The context of the failure, built only for one.
  const at = t.appendContext(c, 'channel', ChannelField, u['channel'])
  switch (channel) {
    case 'invalid':
      return t.failure(u['channel'], at, `${describeValue(u['channel'])} is not a Masstack channel; expected one of ${CHANNEL_NAMES.join(', ')}`)
    case 'ambiguous':
      return t.failure(undefined, at, 'missing, and the record has both terminatingNumber and destinationEmail; expected "sms" or "email" to say which is the recipient')
    case 'unknown':
      return t.failure(undefined, at)
  }
}

const RECORD_CODECS = { sms: MasstackSmsCommunication, email: MasstackEmailCommunication } as const

/**
 * One Masstack communication status record, SMS or e-mail. The channel comes from
 * `channel` (any casing) or, without it, from the recipient field the record has.
 *
 * @example
 * ```ts
 * import { MasstackCommunication } from 'deliverykit/masstack'
 * MasstackCommunication.is({
 *   id: 'c-1', channel: 'sms', status: 'DELIVERED', terminatingNumber: '666123123',
 * }) // true
 * ```
 * @category Codecs
 */
export const MasstackCommunication = /*#__PURE__*/ dispatch<MasstackCommunication>('MasstackCommunication', (u, c) => {
  const picked = pickRecord(u, c)
  return typeof picked === 'string' ? RECORD_CODECS[picked] : picked
})

/**
 * A decoded record with the channel it was decoded as: what the event builder reads, so
 * the channel is decided once, by {@link MasstackCommunication}'s rule, and never again.
 */
export type ChannelRecord =
  | { readonly channel: 'sms'; readonly record: MasstackSmsCommunication }
  | { readonly channel: 'email'; readonly record: MasstackEmailCommunication }

/**
 * {@link MasstackCommunication}, decoding to the record and the channel its rule chose.
 * Tagged as a dispatch, so that error paths skip the record codec it hands over to.
 */
const ChannelRecordCodec = /*#__PURE__*/ Object.assign(new t.Type<ChannelRecord>(
  'MasstackCommunication',
  (_u): _u is ChannelRecord => false,
  (u, c) => {
    const picked = pickRecord(u, c)
    if (typeof picked !== 'string') return picked
    // A record already in decoded form is tagged as it is; only another one needs a context.
    if (picked === 'sms') {
      if (MasstackSmsCommunication.is(u)) return t.success({ channel: 'sms', record: u })
      const sms = MasstackSmsCommunication.validate(u, t.appendContext(c, '', MasstackSmsCommunication, u))
      return E.isLeft(sms) ? sms : t.success({ channel: 'sms', record: sms.right })
    }
    if (MasstackEmailCommunication.is(u)) return t.success({ channel: 'email', record: u })
    const email = MasstackEmailCommunication.validate(u, t.appendContext(c, '', MasstackEmailCommunication, u))
    return E.isLeft(email) ? email : t.success({ channel: 'email', record: email.right })
  },
  t.identity,
), { _tag: DISPATCH_TAG })

// ---------------------------------------------------------------------------------------
// lists and the { commit, id, data } envelope
// ---------------------------------------------------------------------------------------

/**
 * A list of communication records, as you pass the records of a polled list response (whose
 * exact schema Masstack does not publish).
 *
 * @category Codecs
 */
export type MasstackCommunicationList = ReadonlyArray<MasstackCommunication>

const CommunicationList = /*#__PURE__*/ cappedList(MasstackCommunication, 'MasstackCommunicationList')

/** The one own key of an object whose value is an array, if there is exactly one. */
const onlyListKey = (u: Readonly<Record<string, unknown>>): string | undefined => {
  const keys = Object.keys(u).filter((key) => Array.isArray(u[key]))
  return keys.length === 1 ? keys[0] : undefined
}

/**
 * What `data` of an envelope is: a list, or one record. Where `CommunicationListResponse`
 * keeps its list is not documented; an object that has a list but no status is refused
 * with the list's path, for the caller to pass that list instead of guessing.
 */
const pickEnvelopeData = (u: unknown, c: t.Context): 'record' | 'list' | t.Validation<never> => {
  if (Array.isArray(u)) return 'list'
  if (u === undefined) return t.failure(u, c, 'missing; expected a communication record or a list of them')
  if (!isRecord(u)) return t.failure(u, c, `expected a communication record or a list of them, received ${describeValue(u)}`)
  const listKey = has(u, 'status') ? undefined : onlyListKey(u)
  if (listKey === undefined) return 'record'
  return t.failure(
    u,
    c,
    `expected a communication record or a list of them, received an object with a list under ${describeValue(listKey)}; Masstack does not document where its list response keeps the list, so pass that list (${listKey.length <= 60 ? formatPath(['data', listKey]) : `data[${describeValue(listKey)}]`}) as the body`,
  )
}

const EnvelopeData = /*#__PURE__*/ dispatch<MasstackCommunication | MasstackCommunicationList>('MasstackEnvelopeData', (u, c) => {
  const picked = pickEnvelopeData(u, c)
  return picked === 'list' ? CommunicationList : picked === 'record' ? MasstackCommunication : picked
})

/** A list of records, each tagged with the channel it was decoded as. */
const ChannelRecordList = /*#__PURE__*/ cappedList(ChannelRecordCodec, 'MasstackCommunicationList')

/** `data` of an envelope, its records tagged. */
const ChannelEnvelopeData = /*#__PURE__*/ dispatch<ChannelRecord | ReadonlyArray<ChannelRecord>>('MasstackEnvelopeData', (u, c) => {
  const picked = pickEnvelopeData(u, c)
  return picked === 'list' ? ChannelRecordList : picked === 'record' ? ChannelRecordCodec : picked
})

/**
 * The envelope every Communications API response uses (documented):
 * `{ commit, id, data }`, `commit` being the service version and `id` the response's id.
 * That `data` holds one communication or a list of them is inferred. In a form body
 * decoded by the entry points, an empty `data` field is the empty list.
 *
 * @category Codecs
 */
export const MasstackEnvelope = /*#__PURE__*/ struct('MasstackEnvelope', { data: emptyListInForm(EnvelopeData) }, { commit: t.string, id: MasstackId })

/** @category Codecs */
export type MasstackEnvelope = t.TypeOf<typeof MasstackEnvelope>

/** {@link MasstackEnvelope}, its records tagged with their channels. */
const ChannelEnvelope = /*#__PURE__*/ struct('MasstackEnvelope', { data: emptyListInForm(ChannelEnvelopeData) }, { commit: t.string, id: MasstackId })

/** A body is an envelope when it has `data`, or `commit` without a `status` of its own. */
const looksLikeEnvelope = (u: Readonly<Record<string, unknown>>): boolean =>
  has(u, 'data') || (has(u, 'commit') && !has(u, 'status'))

/**
 * Whether a decoded body is an envelope (the rule {@link MasstackBody} decodes by).
 *
 * @category Codecs
 */
export const isMasstackEnvelope = (body: MasstackBody): body is MasstackEnvelope =>
  orElse(() => !Array.isArray(body) && looksLikeEnvelope(body as Readonly<Record<string, unknown>>), false)

/** The message of one of the two documented error bodies, `{ errors: [...] }` or `{ commit, error: { message } }`. */
const errorResponseMessage = (u: Readonly<Record<string, unknown>>): string | undefined => {
  if (has(u, 'status') || has(u, 'data') || (!Array.isArray(u['errors']) && !has(u, 'error'))) return undefined
  const errors = u['errors']
  const first: unknown = Array.isArray(errors) ? errors[0] : u['error']
  const said: unknown =
    typeof first === 'string' ? first : isRecord(first) ? [first['message'], first['details'], first['title'], first['code']].find((v) => typeof v === 'string') : undefined
  return `a Masstack error response, not communications${said === undefined ? '' : `: ${describeValue(said)}`}`
}

/**
 * Any Masstack body deliverykit reads: one communication record, a list of them, or the
 * `{ commit, id, data }` envelope around either.
 *
 * @category Codecs
 */
export type MasstackBody = MasstackCommunication | MasstackCommunicationList | MasstackEnvelope

/** The shapes of Masstack bodies. */
export type MasstackShape = 'record' | 'list' | 'envelope'

/**
 * Which Masstack body a value is: an array is a list, an object with `data` (or `commit`
 * and no `status`) an envelope, any other object a record; one with both `data` and
 * `status` is refused rather than guessed. The API's error bodies are refused as such,
 * with their message. The one rule, used by the codecs and, through
 * {@link MASSTACK_CHANNEL_CODECS}, by the event builder.
 */
export const pickMasstack = (u: unknown, c: t.Context): MasstackShape | PickFailure => {
  if (Array.isArray(u)) return 'list'
  if (!isRecord(u)) {
    return { failure: [{ value: u, context: c, message: `expected a Masstack communication record, a list of them, or a { commit, id, data } envelope, received ${describeValue(u)}` }] }
  }
  const error = errorResponseMessage(u)
  if (error !== undefined) return { failure: [{ value: u, context: c, message: error }] }
  if (has(u, 'data') && has(u, 'status')) {
    return { failure: [{ value: u, context: c, message: 'the body has data (an envelope) and status (a record); a Masstack body is one of them, so this body is refused rather than guessed' }] }
  }
  return looksLikeEnvelope(u) ? 'envelope' : 'record'
}

/**
 * Any Masstack body deliverykit reads, told apart by shape: an array is a list, an
 * object with `data` (or `commit` and no `status`) an envelope, any other object a
 * record. The API's error bodies are refused as such, with their message.
 *
 * @example
 * ```ts
 * import { MasstackBody } from 'deliverykit/masstack'
 * import { either as E } from 'fp-ts'
 * E.isRight(MasstackBody.decode({ commit: 'v2.10.1', data: [] })) // true
 * ```
 * @category Codecs
 */
export const MasstackBody = /*#__PURE__*/ dispatch<MasstackBody>('MasstackBody', (u, c) =>
  fromPick<MasstackShape, MasstackBody>(pickMasstack(u, c), { record: MasstackCommunication, list: CommunicationList, envelope: MasstackEnvelope }, c),
)

/** A record, list or envelope whose records are tagged with the channel each was decoded as. */
export type ChannelBody = ChannelRecord | ReadonlyArray<ChannelRecord> | { readonly data: ChannelRecord | ReadonlyArray<ChannelRecord> }

/**
 * The codecs the event builder decodes with: {@link MasstackBody}'s, each record tagged
 * with the channel its rule chose.
 */
export const MASSTACK_CHANNEL_CODECS = {
  record: ChannelRecordCodec,
  list: ChannelRecordList,
  envelope: ChannelEnvelope,
} as const
