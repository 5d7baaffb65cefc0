// The alternative a user would write by hand: zod 4 schemas of the same bodies and the
// same status mapping, producing the same events as deliverykit (same fields, history,
// descriptions, details, a real offset and an idempotency key), each piece written the
// fastest honest way a user would write it:
// - the schema is picked by the body's `channel` (or, for Masstack, its recipient field),
//   not a union tried branch by branch; `z.looseObject` keeps unknown fields in `raw`, as
//   deliverykit does, and like deliverykit's read-once snapshot, zod's output is a copy;
// - the event's key is Node's native SHA-256 (`crypto.hash`, one call) of the JSON list of
//   the same fields, cut to 128 bits: Node's own hash, not portable JavaScript;
// - Octopush's zone-less times get the zone's real offset from `Intl` (Paris unless the
//   options say otherwise), memoized per hour of wall time (a handler's usual cache);
// - Messangi's and Masstack's times keep their own offset, the fraction cut to the
//   millisecond with a regular expression.
// What it leaves out: the error messages (zod's own), form and byte bodies, and anything
// deliverykit does for hostile input (accessors, proxies, size limits).
import { hash } from 'node:crypto'

import { z } from 'zod'

import { masstack, messangi, octopush } from '../dist/index.js'

/** code → { description, mapping } of a catalog, without the rationale. */
const mappings = (catalog) =>
  Object.fromEntries(
    Object.entries(catalog).map(([code, { description, classification, status, failure }]) => [
      code,
      { description, classification, status, ...(failure === undefined ? {} : { failure }) },
    ]),
  )

const eventId = (parts) => hash('sha256', JSON.stringify(parts), 'hex').slice(0, 32)

/** The mapping fields of an event, a copy of `failure` included (as deliverykit copies it). */
const withMapping = (event, known) => {
  event.description = known.description
  event.classification = known.classification
  event.status = known.status
  if (known.failure !== undefined) event.failure = { reason: known.failure.reason, permanent: known.failure.permanent }
  return event
}

// ---------------------------------------------------------------------------------------
// Octopush
// ---------------------------------------------------------------------------------------

const OCTOPUSH = mappings(octopush.OCTOPUSH_CATALOG)
const numeric = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)])
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
const status = z.string().refine((code) => Object.hasOwn(OCTOPUSH, code))

const Phone = z.looseObject({
  channel: z.enum(['sms', 'voice_sms', 'rcs', 'whatsapp', 'facebook', 'instagram']).optional(),
  message_id: z.string(),
  number: z.string(),
  status,
  delivery_date: dateTime,
  list_name: z.string().optional(),
  unit_price: numeric.optional(),
  meta_data: z.looseObject({ pressed_keys_code: z.string().optional(), call_duration: numeric.optional(), charged_duration: numeric.optional() }).optional(),
})
const Email = z.looseObject({
  channel: z.literal('email'),
  message_id: z.string(),
  list_name: z.string().optional(),
  meta_data: z.looseObject({ template_name: z.string().optional() }).optional(),
  deliveries: z.array(
    z.looseObject({
      email: z.string(),
      status,
      delivery_date: dateTime,
      unit_price: numeric.optional(),
      status_history: z.array(z.looseObject({ status, delivery_date: dateTime })).optional(),
    }),
  ),
})
const Stop = z.looseObject({ message_id: z.string().optional(), number: z.string(), text: z.string(), stop_date: dateTime })

const CHANNEL = { sms: 'sms', voice_sms: 'voice', rcs: 'rcs', whatsapp: 'whatsapp', facebook: 'facebook', instagram: 'instagram' }

// The zone's offset from Intl (one formatter per zone), memoized per hour of wall time.
const formatters = new Map()
const offsetAt = (zone, ms) => {
  let format = formatters.get(zone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    formatters.set(zone, format)
  }
  const name = format.formatToParts(ms).find((part) => part.type === 'timeZoneName').value // "GMT+01:00"
  return name === 'GMT' ? '+00:00' : name.slice(3)
}
const offsets = new Map()
const zonedIso = (text, zone) => {
  const key = `${zone} ${text.slice(0, 13)}`
  let offset = offsets.get(key)
  if (offset === undefined) {
    const wall = Date.parse(`${text.slice(0, 10)}T${text.slice(11, 13)}:00:00Z`)
    const guess = offsetAt(zone, wall)
    const sign = guess[0] === '-' ? -1 : 1
    offset = offsetAt(zone, wall - sign * (Number(guess.slice(1, 3)) * 60 + Number(guess.slice(4))) * 60_000)
    offsets.set(key, offset)
  }
  return `${text.slice(0, 10)}T${text.slice(11)}${offset}`
}

const octopushEvent = (body, channel, recipient, delivery) =>
  withMapping(
    {
      kind: 'delivery',
      vendor: 'octopush',
      channel,
      messageId: body.message_id,
      recipient,
      vendorStatus: delivery.status,
    },
    OCTOPUSH[delivery.status],
  )

const finishOctopush = (event, delivery, history, details, raw, zone) => {
  event.occurredAt = zonedIso(delivery.delivery_date, zone)
  event.vendorTime = delivery.delivery_date
  if (delivery.unit_price !== undefined) event.cost = { amount: delivery.unit_price }
  event.history = history
  event.details = details
  event.raw = raw
  event.eventId = eventId(['octopush', event.messageId, event.recipient, delivery.status, delivery.delivery_date])
  return event
}

const historyOf = (items, zone) =>
  [...items]
    .sort((a, b) => (a.delivery_date < b.delivery_date ? -1 : a.delivery_date > b.delivery_date ? 1 : 0))
    .map((h) => {
      const known = OCTOPUSH[h.status]
      const entry = { classification: known.classification, status: known.status }
      if (known.failure !== undefined) entry.failure = { reason: known.failure.reason, permanent: known.failure.permanent }
      entry.vendorStatus = h.status
      entry.description = known.description
      entry.occurredAt = zonedIso(h.delivery_date, zone)
      entry.vendorTime = h.delivery_date
      return entry
    })

const phoneEvents = (body, zone) => {
  const channel = body.channel !== undefined ? CHANNEL[body.channel] : body.meta_data?.call_duration !== undefined ? 'voice' : 'sms'
  const details = {}
  if (body.list_name !== undefined) details.listName = body.list_name
  const meta = body.meta_data
  if (meta?.pressed_keys_code !== undefined) details.pressedKeys = meta.pressed_keys_code
  if (meta?.call_duration !== undefined) details.callDurationSeconds = meta.call_duration
  if (meta?.charged_duration !== undefined) details.chargedDurationSeconds = meta.charged_duration
  return [finishOctopush(octopushEvent(body, channel, body.number, body), body, [], details, body, zone)]
}

const emailEvents = (body, zone) => {
  const { deliveries, ...envelope } = body
  const details = {}
  if (body.list_name !== undefined) details.listName = body.list_name
  if (body.meta_data?.template_name !== undefined) details.templateName = body.meta_data.template_name
  return deliveries.map((delivery) =>
    finishOctopush(octopushEvent(body, 'email', delivery.email, delivery), delivery, historyOf(delivery.status_history ?? [], zone), { ...details }, { ...envelope, deliveries: [delivery] }, zone),
  )
}

/** The zod reference of deliverykit's normalize for Octopush delivery callbacks. */
export const zodNormalizeOctopush = (input, options) => {
  const zone = options?.timeZone ?? 'Europe/Paris'
  if (input?.channel === 'email') {
    const result = Email.safeParse(input)
    return result.success ? { success: true, events: emailEvents(result.data, zone) } : result
  }
  const result = Phone.safeParse(input)
  return result.success ? { success: true, events: phoneEvents(result.data, zone) } : result
}

/** The zod reference of deliverykit's normalizeWebhook for an Octopush STOP callback. */
export const zodNormalizeOctopushStop = (input) => {
  const result = Stop.safeParse(input)
  if (!result.success) return result
  const body = result.data
  const event = { kind: 'opt_out', vendor: 'octopush', channel: 'sms', from: body.number, text: body.text }
  if (body.message_id !== undefined) event.messageId = body.message_id
  event.occurredAt = zonedIso(body.stop_date, 'Europe/Paris')
  event.vendorTime = body.stop_date
  event.raw = body
  event.eventId = eventId(['octopush', 'opt_out', body.number, body.text, body.stop_date])
  return { success: true, events: [event] }
}

// ---------------------------------------------------------------------------------------
// Messangi and Masstack: ISO dates with an offset, kept
// ---------------------------------------------------------------------------------------

const isoWithOffset = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/)
/** The same instant and offset, the fraction cut to the millisecond, `Z` as `+00:00`. */
const keptOffset = (text) => text.replace(/(\.\d{1,3})\d*/, (_, ms) => ms.padEnd(4, '0')).replace(/Z$/, '+00:00')

const MESSANGI = Object.fromEntries(Object.entries(messangi.MESSANGI_CATALOGS).map(([channel, catalog]) => [channel, mappings(catalog)]))
const MessangiCallback = z.looseObject({
  id: z.union([z.string(), z.number().int()]).transform(String),
  status: z.string(),
  to: z.union([z.string(), z.number().int()]).transform(String),
  date: isoWithOffset.optional(),
  externalId: z.string().optional(),
  campaignId: z.string().optional(),
  from: z.string().optional(),
  message: z.string().optional(),
  username: z.string().optional(),
  timestamp: z.union([z.number(), z.string()]).optional(),
  callback: z.string().optional(),
})

/** The zod reference for a Messangi status callback on a named channel. */
export const zodNormalizeMessangi = (input, { channel }) => {
  const result = MessangiCallback.safeParse(input)
  if (!result.success) return result
  const body = result.data
  const known = MESSANGI[channel]?.[body.status]
  if (known === undefined) return { success: false }
  const event = withMapping({ kind: 'delivery', vendor: 'messangi', channel, messageId: body.id, recipient: body.to, vendorStatus: body.status }, known)
  if (body.date !== undefined) {
    event.occurredAt = keptOffset(body.date)
    event.vendorTime = body.date
  }
  const reference = body.externalId || body.campaignId
  if (reference) event.reference = reference
  event.history = []
  const details = {}
  if (body.from) details.sender = body.from
  if (body.campaignId) details.campaignId = body.campaignId
  event.details = details
  event.raw = body
  event.eventId = eventId(['messangi', body.id, body.to, body.status, body.date ?? ''])
  return { success: true, events: [event] }
}

const MASSTACK = Object.fromEntries(Object.entries(masstack.MASSTACK_CATALOGS).map(([channel, catalog]) => [channel, mappings(catalog)]))
const masstackFields = {
  status: z.string(),
  id: z.string().optional(),
  externalId: z.string().optional(),
  clientId: z.string().optional(),
  requestTime: isoWithOffset.optional(),
  createdTime: isoWithOffset.optional(),
  updatedTime: isoWithOffset.optional(),
}
const MasstackSms = z.looseObject({ ...masstackFields, channel: z.string().optional(), terminatingNumber: z.string().regex(/^\+?\d{1,20}$/), countryCode: z.string().optional() })
const MasstackEmail = z.looseObject({ ...masstackFields, channel: z.string().optional(), destinationEmail: z.string() })

/** The zod reference for one Masstack communication record, its schema picked by its recipient field. */
export const zodNormalizeMasstack = (input) => {
  const sms = input?.terminatingNumber !== undefined
  const result = (sms ? MasstackSms : MasstackEmail).safeParse(input)
  if (!result.success) return result
  const record = result.data
  if (record.id === undefined && record.externalId === undefined) return { success: false }
  const channel = sms ? 'sms' : 'email'
  const known = MASSTACK[channel]?.[record.status]
  if (known === undefined) return { success: false }
  const messageId = record.id ?? record.externalId
  const recipient = sms ? record.terminatingNumber : record.destinationEmail
  const event = withMapping({ kind: 'delivery', vendor: 'masstack', channel, messageId, recipient, vendorStatus: record.status }, known)
  if (record.updatedTime !== undefined) {
    event.occurredAt = keptOffset(record.updatedTime)
    event.vendorTime = record.updatedTime
  }
  if (record.externalId !== undefined) event.reference = record.externalId
  event.history = []
  event.details = {}
  event.raw = record
  event.eventId = eventId(['masstack', messageId, recipient, record.status, record.updatedTime ?? ''])
  return { success: true, events: [event] }
}
