// The floor for an Octopush delivery callback given as JSON text: what a hand-written
// handler that does only what the events need costs. It parses the text, checks each
// field it reads inline (types, the date's format and calendar, the status in the
// catalog), builds the same events as deliverykit (the bench checks they are equal,
// eventId included), hashes the same eventId with the library's own id code
// (src/kit/eventId.ts, bundled by bench/digestFromSource.mjs) and gives Paris's real offset by the EU
// rule, cached per year. It has no error messages, no form or byte bodies, no option
// checks and no guard against hostile input: nothing can run faster and give these events.

import { octopush } from '../dist/index.js'

import { deliveryIdFields, eventIdOf } from './digestFromSource.mjs'

const CATALOG = octopush.OCTOPUSH_CATALOG
const CHANNEL = { sms: 'sms', voice_sms: 'voice', rcs: 'rcs', whatsapp: 'whatsapp', facebook: 'facebook', instagram: 'instagram' }

const DAY = 86_400_000
const daysFromCivil = (y, m, d) => {
  y -= m <= 2 ? 1 : 0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468
}
const lastSunday = (y, m) => {
  const last = daysFromCivil(y, m + 1, 1) - 1
  return last - ((last + 4) % 7)
}
/** Summer wall-time bounds of a year in Paris, as wall ms: [start, end). */
const summers = new Map()
const DIM = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const d2 = (s, i) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48

/** `YYYY-MM-DD HH:mm:ss` in Paris as ISO with its offset, or undefined if it is not a real date-time. */
const parisIso = (s) => {
  if (typeof s !== 'string' || s.length !== 19 || s[4] !== '-' || s[7] !== '-' || s[10] !== ' ' || s[13] !== ':' || s[16] !== ':') return undefined
  const y = d2(s, 0) * 100 + d2(s, 2)
  const mo = d2(s, 5)
  const d = d2(s, 8)
  const h = d2(s, 11)
  const mi = d2(s, 14)
  const se = d2(s, 17)
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
  if (!(y >= 1996 && mo >= 1 && mo <= 12 && d >= 1 && d <= DIM[mo - 1] + (leap ? 1 : 0) && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && se >= 0 && se <= 59)) return undefined
  let summer = summers.get(y)
  if (summer === undefined) {
    summer = [lastSunday(y, 3) * DAY + 3 * 3_600_000, lastSunday(y, 10) * DAY + 2 * 3_600_000]
    summers.set(y, summer)
  }
  const wall = daysFromCivil(y, mo, d) * DAY + h * 3_600_000 + mi * 60_000 + se * 1000
  return `${s.slice(0, 10)}T${s.slice(11)}${wall >= summer[0] && wall < summer[1] ? '+02:00' : '+01:00'}`
}

const known = (code) => (typeof code === 'string' && Object.hasOwn(CATALOG, code) ? CATALOG[code] : undefined)
const isNumber = (n) => typeof n === 'number' && Number.isFinite(n)

const event = (body, channel, recipient, d, entry, occurredAt, history, details, raw) => {
  const e = {
    kind: 'delivery',
    vendor: 'octopush',
    channel,
    messageId: body.message_id,
    recipient,
    vendorStatus: d.status,
    description: entry.description,
    classification: entry.classification,
    status: entry.status,
  }
  if (entry.failure !== undefined) e.failure = { reason: entry.failure.reason, permanent: entry.failure.permanent }
  e.occurredAt = occurredAt
  e.vendorTime = d.delivery_date
  if (d.unit_price !== undefined) e.cost = { amount: d.unit_price }
  e.history = history
  e.details = details
  e.raw = raw
  // The id as src/kit/eventId.ts makes it: the format, the source, and every field the event reports.
  e.eventId = eventIdOf({ vendor: 'octopush', kind: 'delivery', shape: channel === 'email' ? 'email' : 'phone', fields: deliveryIdFields(e), rawIdentity: [] })
  return e
}

const phone = (body) => {
  const entry = known(body.status)
  const occurredAt = parisIso(body.delivery_date)
  const channel = body.channel === undefined ? 'sms' : CHANNEL[body.channel]
  if (entry === undefined || occurredAt === undefined || channel === undefined || typeof body.number !== 'string') return undefined
  if (body.unit_price !== undefined && !isNumber(body.unit_price)) return undefined
  const details = {}
  if (body.list_name !== undefined) {
    if (typeof body.list_name !== 'string') return undefined
    details.listName = body.list_name
  }
  const meta = body.meta_data
  if (meta !== undefined) {
    if (typeof meta !== 'object' || meta === null) return undefined
    if (meta.pressed_keys_code !== undefined) details.pressedKeys = meta.pressed_keys_code
    if (meta.call_duration !== undefined) details.callDurationSeconds = meta.call_duration
    if (meta.charged_duration !== undefined) details.chargedDurationSeconds = meta.charged_duration
  }
  return [event(body, channel, body.number, body, entry, occurredAt, [], details, body)]
}

const email = (body) => {
  const { deliveries } = body
  if (!Array.isArray(deliveries)) return undefined
  const envelope = {}
  for (const key of Object.keys(body)) if (key !== 'deliveries') envelope[key] = body[key]
  const listName = body.list_name
  const template = body.meta_data?.template_name
  const events = new Array(deliveries.length)
  for (let i = 0; i < deliveries.length; i++) {
    const d = deliveries[i]
    if (typeof d !== 'object' || d === null || typeof d.email !== 'string') return undefined
    const entry = known(d.status)
    const occurredAt = parisIso(d.delivery_date)
    if (entry === undefined || occurredAt === undefined) return undefined
    if (d.unit_price !== undefined && !isNumber(d.unit_price)) return undefined
    const items = d.status_history ?? []
    if (!Array.isArray(items)) return undefined
    const history = new Array(items.length)
    for (let j = 0; j < items.length; j++) {
      const h = items[j]
      const hEntry = known(h?.status)
      const hAt = parisIso(h?.delivery_date)
      if (hEntry === undefined || hAt === undefined) return undefined
      const item = { classification: hEntry.classification, status: hEntry.status }
      if (hEntry.failure !== undefined) item.failure = { reason: hEntry.failure.reason, permanent: hEntry.failure.permanent }
      item.vendorStatus = h.status
      item.description = hEntry.description
      item.occurredAt = hAt
      item.vendorTime = h.delivery_date
      history[j] = item
    }
    if (history.length > 1) history.sort((a, b) => (a.vendorTime < b.vendorTime ? -1 : a.vendorTime > b.vendorTime ? 1 : 0))
    const details = {}
    if (listName !== undefined) details.listName = listName
    if (template !== undefined) details.templateName = template
    const raw = { ...envelope, deliveries: [d] }
    events[i] = event(body, 'email', d.email, d, entry, occurredAt, history, details, raw)
  }
  return events
}

/** The floor: the events of an Octopush delivery callback's JSON text, or undefined if it is not a valid one. */
export const floorOctopushText = (text) => {
  const body = JSON.parse(text)
  if (typeof body !== 'object' || body === null || typeof body.message_id !== 'string') return undefined
  return body.channel === 'email' ? email(body) : phone(body)
}
