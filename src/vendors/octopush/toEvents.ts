import type { IssuePath, UnknownStatusIssue } from '../../errors/issue.js'
import { digest } from '../../internal/digest.js'
import { parseLocalDateTime, toOffsetDateTime, type Zone } from '../../internal/time.js'
import type { Channel } from '../../model/channel.js'
import { makeEvent, makeHistoryEntry } from '../../internal/events.js'
import { unknownStatusIssue } from '../../internal/statuses.js'
import { lookupStatus } from '../../model/catalog.js'
import type { AnyEvent, EventDetails, HistoryEntry } from '../../model/event.js'
import { OCTOPUSH_CATALOGS } from './catalog.js'
import type {
  OctopushDeliveryCallback,
  OctopushEmailCallback,
  OctopushPhoneCallback,
  OctopushPhoneChannel,
  OctopushStatusHistoryItem,
} from './codec.js'

/** Canonical name of each channel Octopush names on the wire. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] }

const CHANNEL_OF: Readonly<Record<OctopushPhoneChannel, Channel>> = {
  sms: 'sms',
  voice_sms: 'voice',
  rcs: 'rcs',
  whatsapp: 'whatsapp',
}

/** What `toEvents` needs besides the body. */
export interface ToEventsContext {
  /** The channel of a phone body that does not say (the 2020 format). */
  readonly defaultChannel: Channel
  /** The zone Octopush's zone-less times are read in. */
  readonly zone: Zone
}

/** Events, and the status codes the catalog did not know, with where they were. */
export interface ToEventsResult {
  readonly events: ReadonlyArray<AnyEvent>
  readonly unknownStatuses: ReadonlyArray<UnknownStatusIssue>
}

const unknownStatus = (channel: Channel, status: string, path: IssuePath): UnknownStatusIssue =>
  unknownStatusIssue('octopush', OCTOPUSH_CATALOGS, channel, status, path)

/**
 * Turns a decoded Octopush delivery callback into canonical events: one for a phone
 * callback, one per `deliveries[]` entry for an e-mail callback. Cannot fail: codes the
 * catalog does not know become `unknown` events and are listed in `unknownStatuses`, for
 * the caller to reject or keep.
 *
 * @category Normalize
 */
export const toEvents = (callback: OctopushDeliveryCallback, context: ToEventsContext): ToEventsResult =>
  'deliveries' in callback ? emailEvents(callback, context) : phoneEvents(callback, context)

const timeOf = (text: string, zone: Zone): string | undefined => {
  const local = parseLocalDateTime(text)
  return local === undefined ? undefined : toOffsetDateTime(local, zone)
}

const eventIdOf = (messageId: string, recipient: string, vendorStatus: string, vendorTime: string): string =>
  digest(['octopush', messageId, recipient, vendorStatus, vendorTime])

const phoneEvents = (body: OctopushPhoneCallback, { defaultChannel, zone }: ToEventsContext): ToEventsResult => {
  const channel = body.channel === undefined ? defaultChannel : CHANNEL_OF[body.channel]
  const entry = lookupStatus(OCTOPUSH_CATALOGS, channel, body.status)
  const details: Mutable<EventDetails> = {}
  if (body.list_name !== undefined) details.listName = body.list_name
  const pressedKeys = body.meta_data?.pressed_keys_code ?? body.pressed_keys_code
  if (pressedKeys !== undefined) details.pressedKeys = pressedKeys
  const callDuration = body.meta_data?.call_duration ?? body.call_duration
  if (callDuration !== undefined) details.callDurationSeconds = callDuration
  const chargedDuration = body.meta_data?.charged_duration ?? body.charged_duration
  if (chargedDuration !== undefined) details.chargedDurationSeconds = chargedDuration
  const event = makeEvent({
    vendor: 'octopush',
    channel,
    messageId: body.message_id,
    recipient: body.number,
    vendorStatus: body.status,
    entry,
    occurredAt: timeOf(body.delivery_date, zone),
    vendorTime: body.delivery_date,
    cost: body.unit_price === undefined ? undefined : { amount: body.unit_price },
    history: [],
    details,
    raw: body,
    eventId: eventIdOf(body.message_id, body.number, body.status, body.delivery_date),
  })
  return { events: [event], unknownStatuses: entry === undefined ? [unknownStatus(channel, body.status, ['status'])] : [] }
}

const historyEntry = (item: OctopushStatusHistoryItem, zone: Zone): HistoryEntry =>
  makeHistoryEntry(lookupStatus(OCTOPUSH_CATALOGS, 'email', item.status), item.status, timeOf(item.delivery_date, zone), item.delivery_date)

/** Octopush does not document the order of `status_history`: sort a copy by time (the text sorts as the time does). */
const oldestFirst = (items: ReadonlyArray<OctopushStatusHistoryItem>): ReadonlyArray<OctopushStatusHistoryItem> =>
  items.length < 2 ? items : [...items].sort((a, b) => (a.delivery_date < b.delivery_date ? -1 : a.delivery_date > b.delivery_date ? 1 : 0))

const emailEvents = (body: OctopushEmailCallback, { zone }: ToEventsContext): ToEventsResult => {
  const details: Mutable<EventDetails> = {}
  if (body.list_name !== undefined) details.listName = body.list_name
  if (body.meta_data?.template_name !== undefined) details.templateName = body.meta_data.template_name
  const events: Array<AnyEvent> = []
  const unknownStatuses: Array<UnknownStatusIssue> = []
  body.deliveries.forEach((delivery, index) => {
    if (lookupStatus(OCTOPUSH_CATALOGS, 'email', delivery.status) === undefined) {
      unknownStatuses.push(unknownStatus('email', delivery.status, ['deliveries', index, 'status']))
    }
    const items = delivery.status_history ?? []
    items.forEach((item, at) => {
      if (lookupStatus(OCTOPUSH_CATALOGS, 'email', item.status) === undefined) {
        unknownStatuses.push(unknownStatus('email', item.status, ['deliveries', index, 'status_history', at, 'status']))
      }
    })
    const history = oldestFirst(items).map((item) => historyEntry(item, zone))
    events.push(
      makeEvent({
        vendor: 'octopush',
        channel: 'email',
        messageId: body.message_id,
        recipient: delivery.email,
        vendorStatus: delivery.status,
        entry: lookupStatus(OCTOPUSH_CATALOGS, 'email', delivery.status),
        occurredAt: timeOf(delivery.delivery_date, zone),
        vendorTime: delivery.delivery_date,
        cost: delivery.unit_price === undefined ? undefined : { amount: delivery.unit_price },
        history,
        details,
        raw: body,
        eventId: eventIdOf(body.message_id, delivery.email, delivery.status, delivery.delivery_date),
      }),
    )
  })
  return { events, unknownStatuses }
}
