import type { IssuePath, UnknownStatusIssue } from '../../errors/issue.js'
import { digest } from '../../internal/digest.js'
import { makeEvent } from '../../internal/events.js'
import { unknownStatusIssue } from '../../internal/statuses.js'
import { lookupStatus } from '../../model/catalog.js'
import { parseOffsetDateTime } from '../../internal/time.js'
import type { Channel } from '../../model/channel.js'
import type { AnyEvent, EventDetails } from '../../model/event.js'
import { MESSANGI_CATALOGS } from './catalog/index.js'
import type { MessangiBody, MessangiLegacyCallback, MessangiLegacyType, MessangiSendResponse, MessangiStatusCallback } from './codec.js'

/** The canonical channel of each legacy `TYPE`. */
const CHANNEL_OF_TYPE: Readonly<Record<MessangiLegacyType, Channel>> = {
  SMS: 'sms',
  PUSH: 'push',
  EMAIL: 'email',
}

/**
 * The channel of a body: a legacy callback names its own in `TYPE` (which wins over the
 * caller's); the status callback and the send API response do not, so it is `given`.
 */
export const channelOf = (body: MessangiBody, given: Channel | undefined): Channel | undefined =>
  'TYPE' in body ? CHANNEL_OF_TYPE[body.TYPE] : given

/** Events, and the status codes the catalog did not know, with where they were. */
export interface ToEventsResult {
  readonly events: ReadonlyArray<AnyEvent>
  readonly unknownStatuses: ReadonlyArray<UnknownStatusIssue>
}

/** What one body says, whatever its shape. */
interface StatusFields {
  readonly channel: Channel
  readonly id: string
  readonly to: string
  readonly status: string
  readonly statusPath: IssuePath
  readonly date: string | undefined
  readonly reference: string | undefined
  readonly details: EventDetails
  readonly raw: Readonly<Record<string, unknown>>
}

/** Messangi may send an optional text field empty ("" is no reference): such a field is left out. */
const given = (text: string | undefined): text is string => text !== undefined && text !== ''

const detailsOf = (sender: string | undefined, campaignId?: string): EventDetails => ({
  ...(given(sender) && { sender }),
  ...(given(campaignId) && { campaignId }),
})

const fromCallback = (body: MessangiStatusCallback, channel: Channel): StatusFields => ({
  channel,
  id: body.id,
  to: body.to,
  status: body.status,
  statusPath: ['status'],
  date: body.date,
  reference: body.externalId,
  details: detailsOf(body.from, body.campaignId),
  raw: body,
})

const fromSendResponse = (body: MessangiSendResponse, channel: Channel): StatusFields => ({
  channel,
  id: body.data.id,
  to: body.data.to,
  status: body.data.status,
  statusPath: ['data', 'status'],
  date: body.data.date,
  reference: undefined,
  details: detailsOf(body.data.from),
  raw: body,
})

const fromLegacy = (body: MessangiLegacyCallback, channel: Channel): StatusFields => ({
  channel,
  id: body.MESSANGI_ID,
  to: body.TO,
  status: body.STATUS,
  statusPath: ['STATUS'],
  date: undefined,
  reference: undefined,
  details: detailsOf(body.FROM),
  raw: body,
})

/**
 * Turns a decoded Messangi body into its one canonical event on `channel` (see
 * {@link channelOf}). Cannot fail: a code the channel's catalog does
 * not know becomes an `unknown` event and is listed in `unknownStatuses`.
 *
 * @category Normalize
 */
export const toEvents = (body: MessangiBody, channel: Channel): ToEventsResult => {
  const fields = 'data' in body ? fromSendResponse(body, channel) : 'TYPE' in body ? fromLegacy(body, channel) : fromCallback(body, channel)
  const entry = lookupStatus(MESSANGI_CATALOGS, fields.channel, fields.status)
  const event = makeEvent({
    vendor: 'messangi',
    channel: fields.channel,
    messageId: fields.id,
    recipient: fields.to,
    vendorStatus: fields.status,
    entry,
    // The codec accepted the date only if it parses, so this is undefined only when no date was sent.
    occurredAt: fields.date === undefined ? undefined : parseOffsetDateTime(fields.date)?.iso,
    vendorTime: fields.date,
    reference: given(fields.reference) ? fields.reference : undefined,
    history: [],
    details: fields.details,
    raw: fields.raw,
    eventId: digest(['messangi', fields.id, fields.to, fields.status, fields.date ?? '']),
  })
  const unknownStatuses =
    entry === undefined ? [unknownStatusIssue('messangi', MESSANGI_CATALOGS, fields.channel, fields.status, fields.statusPath)] : []
  return { events: [event], unknownStatuses }
}
