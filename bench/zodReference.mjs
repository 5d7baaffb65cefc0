// The alternative a user would write by hand: a zod 4 schema of the same bodies plus the
// same status mapping, producing comparable events. Times get a fixed "+01:00" (what a
// hand-written handler typically does; deliverykit computes the real offset, daylight
// saving included), and no eventId.
import { z } from 'zod'

import { masstack, messangi, octopush } from '../dist/index.js'

const MAPPING = Object.fromEntries(
  Object.entries(octopush.OCTOPUSH_CATALOG).map(([code, { description, rationale: _r, ...mapping }]) => [code, { description, mapping }]),
)
const numeric = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)])
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
const status = z.string().refine((code) => Object.hasOwn(MAPPING, code))

const Phone = z.object({
  channel: z.enum(['sms', 'voice_sms', 'rcs', 'whatsapp']).optional(),
  message_id: z.string(),
  number: z.string(),
  status,
  delivery_date: dateTime,
  list_name: z.string().optional(),
  unit_price: numeric.optional(),
  meta_data: z.object({ pressed_keys_code: z.string().optional(), call_duration: numeric.optional(), charged_duration: numeric.optional() }).optional(),
})
const Email = z.object({
  channel: z.literal('email'),
  message_id: z.string(),
  list_name: z.string().optional(),
  meta_data: z.object({ template_name: z.string().optional() }).optional(),
  deliveries: z.array(
    z.object({
      email: z.string(),
      status,
      delivery_date: dateTime,
      unit_price: numeric.optional(),
      status_history: z.array(z.object({ status, delivery_date: dateTime })).optional(),
    }),
  ),
})
const Body = z.union([Email, Phone])

const CHANNEL = { sms: 'sms', voice_sms: 'voice', rcs: 'rcs', whatsapp: 'whatsapp' }
const iso = (text) => `${text.slice(0, 10)}T${text.slice(11)}+01:00`

const event = (body, channel, recipient, delivery) => {
  const { description, mapping } = MAPPING[delivery.status]
  return {
    vendor: 'octopush',
    channel,
    messageId: body.message_id,
    recipient,
    vendorStatus: delivery.status,
    description,
    ...mapping,
    occurredAt: iso(delivery.delivery_date),
    vendorTime: delivery.delivery_date,
    ...(delivery.unit_price === undefined ? {} : { cost: { amount: delivery.unit_price } }),
    history: (delivery.status_history ?? []).map((h) => ({ ...MAPPING[h.status].mapping, vendorStatus: h.status, occurredAt: iso(h.delivery_date) })),
    details: body.list_name === undefined ? {} : { listName: body.list_name },
    raw: body,
  }
}

/** The zod reference of deliverykit's normalize for Octopush delivery callbacks. */
export const zodNormalizeOctopush = (input) => {
  const result = Body.safeParse(input)
  if (!result.success) return result
  const body = result.data
  const events = body.channel === 'email'
    ? body.deliveries.map((d) => event(body, 'email', d.email, d))
    : [event(body, CHANNEL[body.channel ?? 'sms'], body.number, body)]
  return { success: true, events }
}

// Messangi: a flat callback whose channel the caller names; ISO dates with an offset.
const MESSANGI_MAPPING = Object.fromEntries(
  Object.entries(messangi.MESSANGI_CATALOGS).map(([channel, catalog]) => [
    channel,
    Object.fromEntries(Object.entries(catalog).map(([code, { description, rationale: _r, ...mapping }]) => [code, { description, mapping }])),
  ]),
)
const isoWithOffset = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/)
const MessangiCallback = z.object({
  id: z.union([z.string(), z.number().int()]).transform(String),
  status: z.string(),
  to: z.string(),
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
  const known = MESSANGI_MAPPING[channel]?.[body.status]
  if (known === undefined) return { success: false }
  return {
    success: true,
    events: [
      {
        vendor: 'messangi', channel, messageId: body.id, recipient: body.to, vendorStatus: body.status,
        description: known.description, ...known.mapping,
        ...(body.date === undefined ? {} : { occurredAt: new Date(body.date).toISOString(), vendorTime: body.date }),
        ...(body.externalId === undefined ? {} : { reference: body.externalId }),
        history: [], details: body.from === undefined ? {} : { sender: body.from }, raw: body,
      },
    ],
  }
}

// Masstack: one communication record; the channel told by its recipient field.
const MASSTACK_MAPPING = Object.fromEntries(
  Object.entries(masstack.MASSTACK_CATALOGS).map(([channel, catalog]) => [
    channel,
    Object.fromEntries(Object.entries(catalog).map(([code, { description, rationale: _r, ...mapping }]) => [code, { description, mapping }])),
  ]),
)
const MasstackRecord = z.object({
  status: z.string(),
  terminatingNumber: z.string().optional(),
  destinationEmail: z.string().optional(),
  id: z.string().optional(),
  externalId: z.string().optional(),
  requestTime: isoWithOffset.optional(),
  createdTime: isoWithOffset.optional(),
  updatedTime: isoWithOffset.optional(),
})

/** The zod reference for one Masstack communication record. */
export const zodNormalizeMasstack = (input) => {
  const result = MasstackRecord.safeParse(input)
  if (!result.success) return result
  const record = result.data
  const channel = record.terminatingNumber === undefined ? 'email' : 'sms'
  const known = MASSTACK_MAPPING[channel]?.[record.status]
  if (known === undefined) return { success: false }
  const time = record.updatedTime ?? record.requestTime ?? record.createdTime
  return {
    success: true,
    events: [
      {
        vendor: 'masstack', channel, messageId: record.id ?? record.externalId, recipient: record.terminatingNumber ?? record.destinationEmail,
        vendorStatus: record.status, description: known.description, ...known.mapping,
        ...(time === undefined ? {} : { occurredAt: new Date(time).toISOString(), vendorTime: time }),
        history: [], details: {}, raw: record,
      },
    ],
  }
}
