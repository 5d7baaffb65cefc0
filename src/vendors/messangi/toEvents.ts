import type { either } from 'fp-ts'
import * as E from '../../util/either.js'

import type { IssuePath } from '../../errors/issue.js'
import type { BodyProblem, Built, CommonSettings, OptionProblem } from '../../kit/definition.js'
import { makeEvent, makeInboundEvent, oneEvent, type InboundFields } from '../../kit/events.js'
import { matchesKeyword, type KeywordForms } from '../../kit/optOutKeywords.js'
import { rowOf, type ChannelRows } from '../../kit/rows.js'
import { statusNotInCatalog } from '../../kit/statuses.js'
import { parseOffsetDateTime } from '../../util/time.js'
import type { Channel } from '../../model/channel.js'
import type { EventDetails } from '../../model/event.js'
import { MESSANGI_CHANNELS, recipientMismatch, type MessangiChannel } from './channel.js'
import { MESSANGI_LEGACY_ROW_CATALOGS, MESSANGI_ROW_CATALOGS } from './rows/index.js'
import {
  isoOfMessangiTime,
  type MessangiLegacyCallback,
  type MessangiLegacyFacebookCallback,
  type MessangiLegacyInboundForm,
  type MessangiLegacyMoCallback,
  type MessangiLegacyType,
  type MessangiMoCallback,
  type MessangiSendResponse,
  type MessangiStatusCallback,
} from './codec.js'

/** What the builders need besides the body. */
export interface MessangiSettings extends CommonSettings {
  /** The caller's `channel` option: the channel of a body that does not name one. */
  readonly channel: MessangiChannel | undefined
  /** The caller's `optOutKeywords`, in the form texts are compared in: an inbound message that is one is an opt-out. */
  readonly optOutKeywords: KeywordForms
}

/** The canonical channel of each legacy `TYPE` with a delivery status. */
const CHANNEL_OF_TYPE: Readonly<Record<MessangiLegacyType, MessangiChannel>> = {
  SMS: 'sms',
  PUSH: 'push',
  EMAIL: 'email',
}

/** Messangi may send an optional text field empty ("" is no reference): such a field is left out. */
const given = (text: string | undefined): text is string => text !== undefined && text !== ''

/** ISO-8601 with an offset for a Messangi time, or `undefined` for one without a zone. */
const occurredAtOf = (date: string | undefined): string | undefined => (date === undefined ? undefined : parseOffsetDateTime(isoOfMessangiTime(date))?.iso)

/** What one delivery body says, whatever its shape. */
interface StatusFields {
  readonly shape: 'status' | 'sendResponse' | 'legacyStatus'
  readonly channel: Channel
  readonly catalogs: ChannelRows
  /** Whose catalog it is, for messages: the vendor's, or "Messangi legacy". */
  readonly owner?: string
  readonly id: string
  readonly to: string
  readonly status: string
  readonly statusPath: IssuePath
  readonly date: string | undefined
  readonly reference: string | undefined
  readonly details: EventDetails
  readonly raw: Readonly<Record<string, unknown>>
}

const MISSING_CHANNEL = (received: unknown): OptionProblem => ({
  option: 'channel',
  expected: `one of ${MESSANGI_CHANNELS.join(', ')} (Messangi status callbacks and send API responses do not name their channel)`,
  received,
})

const statusEvents = (fields: StatusFields): Built => {
  const entry = rowOf(fields.catalogs, fields.channel, fields.status)
  const event = makeEvent({
    vendor: 'messangi',
    shape: fields.shape,
    rawIdentity: [],
    channel: fields.channel,
    messageId: fields.id,
    recipient: fields.to,
    vendorStatus: fields.status,
    entry,
    occurredAt: occurredAtOf(fields.date),
    vendorTime: fields.date,
    reference: fields.reference,
    history: [],
    details: fields.details,
    raw: fields.raw,
  })
  return oneEvent(event, entry === undefined ? statusNotInCatalog('messangi', fields.catalogs, fields.channel, fields.status, fields.statusPath, fields.owner) : undefined)
}

/**
 * The event of a status callback (SMS MT or WhatsApp) on the caller's channel. Its
 * reference is `externalId`, or where that is missing or empty `campaignId`, which
 * Messangi describes as "an identifier you can use to uniquely identify the destination
 * address in your systems … similar to the externalId".
 */
export const callbackEvents = (body: MessangiStatusCallback, settings: MessangiSettings): either.Either<OptionProblem | BodyProblem, Built> => {
  if (settings.channel === undefined) return E.left(MISSING_CHANNEL(settings.channel))
  const mismatch = recipientMismatch(settings.channel, body.to, ['to'])
  if (mismatch !== undefined) return E.left({ bodyIssue: mismatch })
  const details: { sender?: string; campaignId?: string } = {}
  if (given(body.from)) details.sender = body.from
  if (given(body.campaignId)) details.campaignId = body.campaignId
  return E.right(
    statusEvents({
      shape: 'status',
      channel: settings.channel,
      catalogs: MESSANGI_ROW_CATALOGS,
      id: body.id,
      to: body.to,
      status: body.status,
      statusPath: ['status'],
      date: body.date,
      reference: given(body.externalId) ? body.externalId : given(body.campaignId) ? body.campaignId : undefined,
      details,
      raw: body,
    }),
  )
}

/**
 * The event of the send API's `{ meta, data }` response, on the caller's channel. Its
 * `data.type` is not read as a channel: it is the type the send request gave (`MT` on the
 * SMS API, a content type such as `text` on the WhatsApp one).
 */
export const sendResponseEvents = (body: MessangiSendResponse, settings: MessangiSettings): either.Either<OptionProblem | BodyProblem, Built> => {
  if (settings.channel === undefined) return E.left(MISSING_CHANNEL(settings.channel))
  const mismatch = recipientMismatch(settings.channel, body.data.to, ['data', 'to'])
  if (mismatch !== undefined) return E.left({ bodyIssue: mismatch })
  return E.right(
    statusEvents({
      shape: 'sendResponse',
      channel: settings.channel,
      catalogs: MESSANGI_ROW_CATALOGS,
      id: body.data.id,
      to: body.data.to,
      status: body.data.status,
      statusPath: ['data', 'status'],
      date: body.data.date,
      reference: undefined,
      details: given(body.data.from) ? { sender: body.data.from } : {},
      raw: body,
    }),
  )
}

/**
 * The event of a legacy form callback, on the channel its `TYPE` names (the caller's
 * option is for bodies that name none), its `STATUS` read in the legacy API's status
 * appendix for that channel.
 */
export const legacyEvents = (body: MessangiLegacyCallback): Built =>
  statusEvents({
    shape: 'legacyStatus',
    channel: CHANNEL_OF_TYPE[body.TYPE],
    catalogs: MESSANGI_LEGACY_ROW_CATALOGS,
    owner: 'Messangi legacy',
    id: body.MESSANGI_ID,
    to: body.TO,
    status: body.STATUS,
    statusPath: ['STATUS'],
    date: undefined,
    reference: undefined,
    details: given(body.FROM) ? { sender: body.FROM } : {},
    raw: body,
  })

/** `connection` as Messangi writes it, to a channel; anything else stays SMS, the documented one. */
const channelOfConnection = (connection: string | undefined): Channel => (connection?.toUpperCase() === 'WHATSAPP' ? 'whatsapp' : 'sms')

/** What an inbound message's event is made of, but its kind: the kind the caller's keywords decide. */
type MessageFields = Omit<Extract<InboundFields, { readonly kind: 'inbound' }>, 'kind'>

/**
 * The event of an inbound message: an `opt_out` where its whole text is one of the
 * caller's `optOutKeywords` (Messangi forwards a STOP as an ordinary message), else an
 * `inbound` event. Both keep the text, and report the same fields; each has the eventId of
 * its kind.
 */
const messageEvent = (fields: MessageFields, settings: MessangiSettings): Built =>
  oneEvent(matchesKeyword(fields.text, settings.optOutKeywords) ? makeInboundEvent({ ...fields, kind: 'opt_out' }) : makeInboundEvent({ ...fields, kind: 'inbound' }), undefined)

/**
 * The event of an MO callback. A date without a zone gives no `occurredAt`. Its `id`,
 * which the event keeps in `raw` only, is part of its eventId.
 */
export const moEvents = (body: MessangiMoCallback, settings: MessangiSettings): Built =>
  messageEvent(
    {
      vendor: 'messangi',
      shape: 'mo',
      rawIdentity: [body.id],
      channel: channelOfConnection(body.connection),
      from: body.user,
      to: body.origin,
      text: body.text,
      messageId: undefined,
      occurredAt: occurredAtOf(body.date),
      vendorTime: body.date,
      raw: body,
    },
    settings,
  )

/** The event of a legacy form: no message id, no time, and a recipient (`TO`) that may be absent. */
const legacyMessage = (
  shape: 'legacyMo' | 'legacyFacebook' | 'legacyInbound',
  channel: Channel,
  from: string,
  to: string | undefined,
  text: string,
  raw: Readonly<Record<string, unknown>>,
  rawIdentity: ReadonlyArray<string | undefined>,
  settings: MessangiSettings,
): Built => messageEvent({ vendor: 'messangi', shape, rawIdentity, channel, from, to, text, messageId: undefined, occurredAt: undefined, vendorTime: undefined, raw }, settings)

/** The event of a legacy MO form callback (`TYPE=MO_MESSAGE`). */
export const legacyMoEvents = (body: MessangiLegacyMoCallback, settings: MessangiSettings): Built => legacyMessage('legacyMo', 'sms', body.FROM, body.TO, body.TEXT, body, [], settings)

/** The event of a legacy Facebook message callback (`TYPE=FACEBOOK`); its `MESSANGI_ID`, kept in `raw` only, is part of its eventId. */
export const legacyFacebookEvents = (body: MessangiLegacyFacebookCallback, settings: MessangiSettings): Built =>
  legacyMessage('legacyFacebook', 'facebook', body.FROM, body.TO, body.MESSAGE_BODY, body, [body.MESSANGI_ID], settings)

/** The event of the legacy inbound form (`mo`, `mobile`) that RapidPro's courier receives. */
export const legacyInboundEvents = (body: MessangiLegacyInboundForm, settings: MessangiSettings): Built =>
  legacyMessage('legacyInbound', 'sms', body.mobile, undefined, body.mo, body, [], settings)
