import type { IssuePath, UnknownStatusIssue } from '../../errors/issue.js'
import type { Mutable } from '../../util/values.js'
import type { Built, CommonSettings } from '../../kit/definition.js'
import { collector, makeEvent, makeHistoryEntry, makeInboundEvent, oneEvent } from '../../kit/events.js'
import { rowOf } from '../../kit/rows.js'
import { deepFreeze } from '../../runtime/snapshot.js'
import { statusNotInCatalog } from '../../kit/statuses.js'
import { localToOffsetDateTime, parseOffsetDateTime, type Zone } from '../../util/time.js'
import type { Channel } from '../../model/channel.js'
import type { EventDetails, HistoryEntry } from '../../model/event.js'
import { OCTOPUSH_ROW_CATALOGS } from './rows.js'
import {
  VOICE_FIELDS,
  type OctopushEmailCallback,
  type OctopushEmailDelivery,
  type OctopushChannel,
  type OctopushInboundCallback,
  type OctopushPhoneCallback,
  type OctopushStopCallback,
} from './codec.js'

/**
 * The channels a phone receipt can be on: what the `channel` option may say for a body
 * that does not name its channel.
 *
 * @category Options
 */
export type OctopushPhoneChannelOption = Extract<Channel, 'sms' | 'voice' | 'rcs' | 'whatsapp' | 'facebook' | 'instagram'>

/** What the builders need besides the body. */
export interface OctopushSettings extends CommonSettings {
  /** The caller's `channel` option: the channel of a phone receipt that cannot tell. */
  readonly channel: OctopushPhoneChannelOption | undefined
}


/** Canonical name of each channel Octopush names on the wire: the one table every kind of callback reads its `channel` with. */
const CHANNEL_OF = {
  sms: 'sms',
  voice_sms: 'voice',
  rcs: 'rcs',
  whatsapp: 'whatsapp',
  facebook: 'facebook',
  instagram: 'instagram',
  email: 'email',
} as const satisfies Readonly<Record<OctopushChannel, Channel>>

/**
 * The channel of a STOP or a reply: the one it names, read as a receipt's is; without one,
 * SMS. Octopush's STOP and inbound pages ("Callback Stop SMS", "Webhook SMS Inbounds")
 * show no `channel` field and speak of SMS only; they say nothing of other channels.
 */
const interactionChannel = (body: OctopushStopCallback | OctopushInboundCallback): Channel => (body.channel === undefined ? 'sms' : CHANNEL_OF[body.channel])

const unknownStatus = (channel: Channel, status: string, path: IssuePath): UnknownStatusIssue =>
  statusNotInCatalog('octopush', OCTOPUSH_ROW_CATALOGS, channel, status, path)

/** A date as an instant: a zone-less `YYYY-MM-DD HH:mm:ss` read in the zone, an ISO-8601 instant with `Z` or an offset as it says. */
const timeOf = (text: string, zone: Zone): string | undefined => localToOffsetDateTime(text, zone) ?? parseOffsetDateTime(text)?.iso

/** `00` then 7 to 15 digits, the first not 0 (an E.164 number's): the international notation the octopush-dm.com API wrote and required. */
const DOUBLE_ZERO_INTERNATIONAL = /^00[1-9][0-9]{6,14}$/

/**
 * A phone number as events report it: one in `00` international notation
 * (`0033601010101`, as the older octopush-dm.com API wrote numbers and required them for
 * sending) as `+33601010101`; any other text as sent. `raw` keeps the original.
 */
const phoneNumberOf = (number: string): string => (DOUBLE_ZERO_INTERNATIONAL.test(number) ? `+${number.slice(2)}` : number)

/** Whether a receipt carries a voice call's fields, at the top level or in `meta_data`. */
const hasVoiceFields = (body: OctopushPhoneCallback): boolean =>
  VOICE_FIELDS.some((field) => body[field] !== undefined || body.meta_data?.[field] !== undefined)

/**
 * The channel of a phone receipt: its own `channel`; without one, voice when it has a
 * voice call's fields; else the caller's `channel` option; else SMS (the 2020 format).
 */
const channelOf = (body: OctopushPhoneCallback, option: OctopushPhoneChannelOption | undefined): OctopushPhoneChannelOption => {
  if (body.channel !== undefined) return CHANNEL_OF[body.channel]
  if (hasVoiceFields(body)) return 'voice'
  return option ?? 'sms'
}

/** The event of a phone receipt (SMS, voice, RCS, WhatsApp, Facebook, Instagram). */
export const phoneEvents = (body: OctopushPhoneCallback, settings: OctopushSettings): Built => {
  const channel = channelOf(body, settings.channel)
  const entry = rowOf(OCTOPUSH_ROW_CATALOGS, channel, body.status)
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
    shape: 'phone',
    rawIdentity: [],
    channel,
    messageId: body.message_id,
    recipient: phoneNumberOf(body.number),
    vendorStatus: body.status,
    entry,
    occurredAt: body.delivery_date === undefined ? undefined : timeOf(body.delivery_date, settings.zone),
    vendorTime: body.delivery_date,
    cost: body.unit_price === undefined ? undefined : { amount: body.unit_price },
    history: [],
    details,
    raw: body,
  })
  return oneEvent(event, entry === undefined ? unknownStatus(channel, body.status, ['status']) : undefined)
}

/** Octopush does not document the order of `status_history`: entries are sorted by time (the text sorts as the time does). */
const byTime = (a: HistoryEntry, b: HistoryEntry): number => {
  const x = a.vendorTime ?? ''
  const y = b.vendorTime ?? ''
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * The events of an e-mail receipt, one per `deliveries[]` entry. Each event's `raw` is the
 * part of the body it came from: the envelope's own fields with `deliveries` holding that
 * one entry (itself a valid receipt for that recipient), so serialized events stay linear
 * in the body. Each code is looked up once: its row both tells an unknown code and builds
 * the event or history entry.
 */
export const emailEvents = (body: OctopushEmailCallback, settings: OctopushSettings): Built => {
  const { zone } = settings
  // The envelope's fields are in every event's raw: frozen, so no event shares a mutable object with another.
  const { deliveries, ...fields } = body
  const envelope = deepFreeze(fields)
  const events = collector(settings.keepUnknown)
  for (let index = 0; index < deliveries.length; index++) {
    const delivery: OctopushEmailDelivery | undefined = deliveries[index]
    if (delivery === undefined) continue
    const entry = rowOf(OCTOPUSH_ROW_CATALOGS, 'email', delivery.status)
    if (entry === undefined) events.unknown(() => unknownStatus('email', delivery.status, ['deliveries', index, 'status']))
    const items = delivery.status_history ?? []
    // Entries are built only while events are: not once the body is refused.
    const building = events.wanted()
    const history: Array<HistoryEntry> = []
    for (let at = 0; at < items.length; at++) {
      const item = items[at]
      if (item === undefined) continue
      const row = rowOf(OCTOPUSH_ROW_CATALOGS, 'email', item.status)
      if (row === undefined) events.unknown(() => unknownStatus('email', item.status, ['deliveries', index, 'status_history', at, 'status']))
      if (building) history.push(makeHistoryEntry(row, item.status, timeOf(item.delivery_date, zone), item.delivery_date))
    }
    if (!events.wanted()) continue
    if (history.length > 1) history.sort(byTime)
    const details: Mutable<EventDetails> = {}
    if (body.list_name !== undefined) details.listName = body.list_name
    if (body.meta_data?.template_name !== undefined) details.templateName = body.meta_data.template_name
    events.add(
      makeEvent({
        vendor: 'octopush',
        shape: 'email',
        rawIdentity: [],
        channel: 'email',
        messageId: body.message_id,
        recipient: delivery.email,
        vendorStatus: delivery.status,
        entry,
        occurredAt: timeOf(delivery.delivery_date, zone),
        vendorTime: delivery.delivery_date,
        cost: delivery.unit_price === undefined ? undefined : { amount: delivery.unit_price },
        history,
        details,
        raw: { ...envelope, deliveries: [delivery] },
      }),
    )
  }
  return events.built()
}

/** The `opt_out` event of a STOP callback. */
export const stopEvents = (body: OctopushStopCallback, settings: OctopushSettings): Built =>
  oneEvent(
    makeInboundEvent({
      kind: 'opt_out',
      vendor: 'octopush',
      shape: 'stop',
      rawIdentity: [],
      channel: interactionChannel(body),
      from: phoneNumberOf(body.number),
      to: undefined,
      text: body.text,
      messageId: body.message_id,
      occurredAt: timeOf(body.stop_date, settings.zone),
      vendorTime: body.stop_date,
      raw: body,
    }),
    undefined,
  )

/** The `inbound` event of an inbound SMS callback. */
export const inboundEvents = (body: OctopushInboundCallback, settings: OctopushSettings): Built => {
  const vendorTime = body.reception_date ?? body.answer_date
  return oneEvent(
    makeInboundEvent({
      kind: 'inbound',
      vendor: 'octopush',
      shape: 'inbound',
      rawIdentity: [],
      channel: interactionChannel(body),
      from: phoneNumberOf(body.number),
      to: body.sim_card_number === undefined ? undefined : phoneNumberOf(body.sim_card_number),
      text: body.text,
      // The codec read message_id from the root or, failing that, from the sender's node.
      messageId: body.message_id,
      occurredAt: vendorTime === undefined ? undefined : timeOf(vendorTime, settings.zone),
      vendorTime,
      raw: body,
    }),
    undefined,
  )
}
