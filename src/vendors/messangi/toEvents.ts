import type { either } from 'fp-ts'
import * as E from '../../internal/either.js'

import type { IssuePath } from '../../errors/issue.js'
import type { Built, CommonSettings, OptionProblem } from '../../internal/definition.js'
import { digest } from '../../internal/digest.js'
import { makeEvent, oneEvent } from '../../internal/events.js'
import { rowOf, type ChannelRows } from '../../internal/rows.js'
import { unknownStatusIssue } from '../../internal/statuses.js'
import { parseOffsetDateTime } from '../../internal/time.js'
import type { Channel } from '../../model/channel.js'
import type { EventDetails } from '../../model/event.js'
import type { InboundMessageEvent } from '../../model/inbound.js'
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

/**
 * The channels Messangi sends on.
 *
 * @category Options
 */
export type MessangiChannel = Extract<Channel, 'sms' | 'email' | 'push' | 'rcs' | 'whatsapp'>

/** The channels of the `channel` option. */
export const MESSANGI_CHANNELS: ReadonlyArray<MessangiChannel> = ['sms', 'email', 'push', 'rcs', 'whatsapp']

/** What the builders need besides the body. */
export interface MessangiSettings extends CommonSettings {
  /** The caller's `channel` option: the channel of a body that does not name one. */
  readonly channel: MessangiChannel | undefined
}

/** The canonical channel of each legacy `TYPE` with a delivery status. */
const CHANNEL_OF_TYPE: Readonly<Record<MessangiLegacyType, MessangiChannel>> = {
  SMS: 'sms',
  PUSH: 'push',
  EMAIL: 'email',
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Messangi may send an optional text field empty ("" is no reference): such a field is left out. */
const given = (text: string | undefined): text is string => text !== undefined && text !== ''

/** ISO-8601 with an offset for a Messangi time, or `undefined` for one without a zone. */
const occurredAtOf = (date: string | undefined): string | undefined => (date === undefined ? undefined : parseOffsetDateTime(isoOfMessangiTime(date))?.iso)

/** What one delivery body says, whatever its shape. */
interface StatusFields {
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
    eventId: digest(['messangi', fields.id, fields.to, fields.status, fields.date ?? '']),
  })
  return oneEvent(event, entry === undefined ? unknownStatusIssue('messangi', fields.catalogs, fields.channel, fields.status, fields.statusPath, fields.owner) : undefined)
}

/**
 * The event of a status callback (SMS MT or WhatsApp) on the caller's channel. Its
 * reference is `externalId`, or where that is missing or empty `campaignId`, which
 * Messangi describes as "an identifier you can use to uniquely identify the destination
 * address in your systems … similar to the externalId".
 */
export const callbackEvents = (body: MessangiStatusCallback, settings: MessangiSettings): either.Either<OptionProblem, Built> => {
  if (settings.channel === undefined) return E.left(MISSING_CHANNEL(settings.channel))
  const details: { sender?: string; campaignId?: string } = {}
  if (given(body.from)) details.sender = body.from
  if (given(body.campaignId)) details.campaignId = body.campaignId
  return E.right(
    statusEvents({
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

/** The event of the send API's `{ meta, data }` response, on the caller's channel. */
export const sendResponseEvents = (body: MessangiSendResponse, settings: MessangiSettings): either.Either<OptionProblem, Built> => {
  if (settings.channel === undefined) return E.left(MISSING_CHANNEL(settings.channel))
  return E.right(
    statusEvents({
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

/** The `inbound` event of an MO callback. A date without a zone gives no `occurredAt`. */
export const moEvents = (body: MessangiMoCallback): Built => {
  const occurredAt = occurredAtOf(body.date)
  // Field by field, in the order of the type: no conditional spread.
  const event: Mutable<Partial<InboundMessageEvent>> = { kind: 'inbound', vendor: 'messangi', channel: channelOfConnection(body.connection), from: body.user }
  if (body.origin !== undefined) event.to = body.origin
  event.text = body.text
  if (occurredAt !== undefined) event.occurredAt = occurredAt
  if (body.date !== undefined) event.vendorTime = body.date
  event.raw = body
  event.eventId = digest(['messangi', 'inbound', body.id ?? '', body.user, body.text, body.date ?? ''])
  // Every required field is set above.
  return oneEvent(event as InboundMessageEvent, undefined)
}

/** An inbound event of a legacy form, whose recipient (`TO`) may be absent. */
const legacyInbound = (channel: Channel, from: string, to: string | undefined, text: string, raw: Readonly<Record<string, unknown>>, eventId: string): Built => {
  const event: Mutable<Partial<InboundMessageEvent>> = { kind: 'inbound', vendor: 'messangi', channel, from }
  if (to !== undefined) event.to = to
  event.text = text
  event.raw = raw
  event.eventId = eventId
  // Every required field is set above.
  return oneEvent(event as InboundMessageEvent, undefined)
}

/** The `inbound` event of a legacy MO form callback (`TYPE=MO_MESSAGE`). */
export const legacyMoEvents = (body: MessangiLegacyMoCallback): Built =>
  legacyInbound('sms', body.FROM, body.TO, body.TEXT, body, digest(['messangi', 'inbound', body.FROM, body.TO ?? '', body.TEXT]))

/** The `inbound` event of a legacy Facebook message callback (`TYPE=FACEBOOK`). */
export const legacyFacebookEvents = (body: MessangiLegacyFacebookCallback): Built =>
  legacyInbound('facebook', body.FROM, body.TO, body.MESSAGE_BODY, body, digest(['messangi', 'inbound', 'facebook', body.MESSANGI_ID ?? '', body.FROM, body.MESSAGE_BODY]))

/** The `inbound` event of the legacy inbound form (`mo`, `mobile`) that RapidPro's courier receives. */
export const legacyInboundEvents = (body: MessangiLegacyInboundForm): Built =>
  oneEvent(
    {
      kind: 'inbound',
      vendor: 'messangi',
      channel: 'sms',
      from: body.mobile,
      text: body.mo,
      raw: body,
      eventId: digest(['messangi', 'inbound', body.mobile, body.mo]),
    },
    undefined,
  )
