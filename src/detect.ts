import { describeValue } from './errors/format.js'
import { describeThrown } from './runtime/callerInput.js'
import { readBody } from './runtime/rawBody.js'
import type { Channel } from './model/channel.js'
import { VENDOR_NAMES } from './model/names.js'
import type { Vendor } from './model/vendor.js'
import { hasField, isRecord } from './util/values.js'
import { MESSANGI_SEND_RESPONSE_MARKERS } from './vendors/messangi/callback.js'
import { OCTOPUSH_KIND_MARKERS } from './vendors/octopush/callback.js'
import { SENDER_NUMBER_PATHS } from './vendors/octopush/codec.js'

/**
 * What `detectVendor` recognised: the vendor, the kind of callback (a delivery status,
 * an inbound message, an opt-out) and its shape, with the fields that gave it away.
 *
 * @category Detect
 */
export interface Detected {
  readonly detected: true
  readonly vendor: Vendor
  readonly kind: 'delivery' | 'inbound' | 'opt_out'
  /** A short name of the shape, e.g. "Octopush e-mail delivery callback". */
  readonly shape: string
  /** The channel, where the body says it. */
  readonly channel?: Channel
  /** The fields that decided it. */
  readonly evidence: ReadonlyArray<string>
}

/**
 * Why `detectVendor` would not say: the body is not an object, matches no known shape,
 * or matches shapes of more than one vendor.
 *
 * @category Detect
 */
export interface NotDetected {
  readonly detected: false
  readonly reason: string
}

/**
 * What `detectVendor` answers: `{ detected: true, vendor, kind, shape, evidence }`, or
 * `{ detected: false, reason }`.
 *
 * @category Detect
 */
export type Detection = Detected | NotDetected

type Body = Readonly<Record<string, unknown>>

interface Rule {
  readonly vendor: Vendor
  readonly kind: Detected['kind']
  readonly shape: string
  /**
   * The fields that must be present: each a field name, a path into a nested object
   * (`metadata.number`), or a list of such alternatives, one of which must be present (the
   * evidence names the one found).
   */
  readonly fields: ReadonlyArray<string | ReadonlyArray<string>>
  readonly test?: (body: Body) => boolean
  readonly channel?: (body: Body) => Channel | undefined
}


/** Whether the body has a field, or the field at a dotted path (`metadata.number`), each step an own field of a record. */
const has = (body: Body, path: string): boolean => {
  const dot = path.indexOf('.')
  if (dot < 0) return hasField(body, path)
  const head = path.slice(0, dot)
  const node = hasField(body, head) ? body[head] : undefined
  return isRecord(node) && has(node, path.slice(dot + 1))
}

/** The field of a rule found in the body: the field itself, or the first of its alternatives present. */
const foundField = (body: Body, field: string | ReadonlyArray<string>): string | undefined =>
  typeof field === 'string' ? (has(body, field) ? field : undefined) : field.find((alternative) => has(body, alternative))

/**
 * Where an Octopush STOP or reply carries its sender: `number` at the root, or in a
 * `metadata` node (as a reply handler fixed after logging a production body reads it) or a
 * `meta_data` one; the list the decoder reads.
 */
const OCTOPUSH_SENDER = SENDER_NUMBER_PATHS

/**
 * An Octopush body with none of the fields that tell its kinds apart: the decoder reads it
 * as a receipt when it has `status` or `channel`, else as a reply when it has `text`.
 */
const hasNoOctopushMarker = (b: Body): boolean => !OCTOPUSH_KIND_MARKERS.some((field) => has(b, field))
const isUndatedOctopushReply = (b: Body): boolean => hasNoOctopushMarker(b) && !has(b, 'status') && !has(b, 'channel')

/**
 * A Messangi send API response: its marker (`data`, as the decoder decides; `meta` is
 * optional), holding the fields the decoder requires of it (`id`, `status`, `to`), which
 * also tell it from a Masstack envelope's `data` (a record without `to`).
 */
const isSendResponse = (b: Body): boolean => isRecord(b['data']) && has(b['data'], 'id') && has(b['data'], 'status') && has(b['data'], 'to')

const OCTOPUSH_CHANNELS: Readonly<Record<string, Channel>> = { sms: 'sms', voice_sms: 'voice', rcs: 'rcs', whatsapp: 'whatsapp', facebook: 'facebook', instagram: 'instagram', email: 'email' }

/** An Octopush receipt's channel: its `channel`, or without one voice for a call's fields, else SMS (the 2020 format). */
const octopushChannel = (b: Body): Channel | undefined => {
  if (b['channel'] !== undefined) return lookup(OCTOPUSH_CHANNELS, b['channel'])
  const meta = b['meta_data']
  const voice = ['call_duration', 'charged_duration', 'pressed_keys_code'].some((field) => has(b, field) || (isRecord(meta) && has(meta, field)))
  return voice ? 'voice' : 'sms'
}
const LEGACY_TYPES: Readonly<Record<string, Channel>> = { SMS: 'sms', PUSH: 'push', EMAIL: 'email' }
const lookup = (table: Readonly<Record<string, Channel>>, value: unknown): Channel | undefined =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(table, value) ? table[value] : undefined
const isMasstackRecord = (u: unknown): boolean => isRecord(u) && has(u, 'status') && (has(u, 'terminatingNumber') || has(u, 'destinationEmail'))
const holdsMasstackRecords = (u: unknown): boolean => isMasstackRecord(u) || (Array.isArray(u) && u.length > 0 && u.every(isMasstackRecord))

/** Most specific first; a body matching rules of two vendors is ambiguous. */
const RULES: ReadonlyArray<Rule> = [
  { vendor: 'octopush', kind: 'opt_out', shape: 'Octopush STOP callback', fields: ['stop_date', OCTOPUSH_SENDER], channel: () => 'sms' },
  { vendor: 'octopush', kind: 'inbound', shape: 'Octopush inbound SMS callback', fields: ['reception_date', OCTOPUSH_SENDER, 'text'], channel: () => 'sms' },
  { vendor: 'octopush', kind: 'inbound', shape: 'Octopush inbound SMS callback (older answer_date)', fields: ['answer_date', OCTOPUSH_SENDER, 'text'], channel: () => 'sms' },
  { vendor: 'octopush', kind: 'delivery', shape: 'Octopush e-mail delivery callback', fields: ['message_id', 'deliveries'], test: (b) => Array.isArray(b['deliveries']), channel: () => 'email' },
  { vendor: 'octopush', kind: 'delivery', shape: 'Octopush delivery callback', fields: ['message_id', 'number', 'status', 'delivery_date'], channel: octopushChannel },
  { vendor: 'octopush', kind: 'delivery', shape: 'Octopush delivery callback (DELIVERY_DATE in capitals)', fields: ['message_id', 'number', 'status', 'DELIVERY_DATE'], channel: octopushChannel },
  // Bodies without the fields Octopush documents on every callback, which its decoder reads as integrations in the wild expect.
  { vendor: 'octopush', kind: 'delivery', shape: 'Octopush delivery callback (no delivery_date)', fields: ['message_id', 'number', 'status'], test: hasNoOctopushMarker, channel: octopushChannel },
  { vendor: 'octopush', kind: 'inbound', shape: 'Octopush inbound SMS callback (no date)', fields: [OCTOPUSH_SENDER, 'text'], test: isUndatedOctopushReply, channel: () => 'sms' },
  { vendor: 'messangi', kind: 'inbound', shape: 'Messangi legacy inbound (MO) callback', fields: ['TYPE', 'FROM', 'TEXT'], test: (b) => b['TYPE'] === 'MO_MESSAGE', channel: () => 'sms' },
  { vendor: 'messangi', kind: 'inbound', shape: 'Messangi legacy Facebook message callback', fields: ['TYPE', 'FROM', 'MESSAGE_BODY'], test: (b) => b['TYPE'] === 'FACEBOOK', channel: () => 'facebook' },
  { vendor: 'messangi', kind: 'delivery', shape: 'Messangi legacy status callback', fields: ['TYPE', 'MESSANGI_ID', 'STATUS'], channel: (b) => lookup(LEGACY_TYPES, b['TYPE']) },
  { vendor: 'messangi', kind: 'inbound', shape: 'Messangi legacy inbound form (mo, mobile)', fields: ['mo', 'mobile'], channel: () => 'sms' },
  { vendor: 'messangi', kind: 'inbound', shape: 'Messangi inbound (MO) callback', fields: ['user', 'text'], test: (b) => has(b, 'processId') || has(b, 'origin') || has(b, 'connection') },
  { vendor: 'messangi', kind: 'delivery', shape: 'Messangi send API response', fields: MESSANGI_SEND_RESPONSE_MARKERS, test: isSendResponse },
  { vendor: 'messangi', kind: 'delivery', shape: 'Messangi status callback (the channel must be named)', fields: ['id', 'status', 'to'] },
  { vendor: 'masstack', kind: 'delivery', shape: 'Masstack Communications API envelope', fields: ['commit', 'data'] },
  // `commit` is optional in the envelope the decoder reads: `data` holding records says it.
  { vendor: 'masstack', kind: 'delivery', shape: 'Masstack Communications API envelope', fields: ['data'], test: (b) => !has(b, 'commit') && holdsMasstackRecords(b['data']) },
  { vendor: 'masstack', kind: 'delivery', shape: 'Masstack communication record', fields: ['status'], test: isMasstackRecord, channel: (b) => (has(b, 'terminatingNumber') ? 'sms' : 'email') },
]

const KEYS_SHOWN = 8

/** A key as a reason shows it: plain short text as it is, anything else quoted, escaped and cut by `describeValue`. */
const PLAIN_KEY = /^[\x20-\x7e]{1,40}$/
const keyText = (key: string): string => (PLAIN_KEY.test(key) && !key.includes(',') ? key : describeValue(key))

/**
 * Says which vendor and kind of callback a body looks like, or that it cannot tell and
 * why. A convenience with limits: vendors send no type tag, so this reads field names
 * only (it never decodes), and a body that is wrong in its values is still "detected".
 * `normalize` never uses it: name the vendor yourself where you can, one endpoint per
 * vendor being the robust setup. Accepts the same raw forms as `normalize`. Never throws:
 * a body that cannot be read (a revoked `Proxy`) is not detected, and the reason says so.
 * A reason names at most eight of the body's fields, each cut and escaped as
 * {@link describeValue} does unless it is short printable text.
 *
 * @example
 * ```ts
 * import { detectVendor } from 'deliverykit'
 * detectVendor({ message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' })
 * // { detected: true, vendor: 'octopush', kind: 'delivery', shape: 'Octopush delivery callback', channel: 'sms', … }
 * ```
 * @category Detect
 */
export const detectVendor = (body: unknown): Detection => {
  try {
    return detect(body)
  } catch (thrown) {
    // A hand-built body: a revoked Proxy, an accessor that throws.
    return { detected: false, reason: `the body could not be read: ${describeThrown(thrown)}` }
  }
}

const detect = (body: unknown): Detection => {
  const read = readBody(body)
  // The reason is the refusal's message: a syntax error is about the whole body, so its `(root): ` is left out.
  if (!read.ok) return { detected: false, reason: read.problem.path.length === 0 ? read.problem.message.replace(/^\(root\): /, '') : read.problem.message }
  const value = read.value
  if (Array.isArray(value)) {
    return value.length > 0 && value.every(isMasstackRecord)
      ? { detected: true, vendor: 'masstack', kind: 'delivery', shape: 'Masstack list of communication records', evidence: ['status', 'terminatingNumber or destinationEmail'] }
      : { detected: false, reason: 'an array that is not a list of Masstack communication records' }
  }
  if (!isRecord(value)) return { detected: false, reason: 'not a JSON object' }
  const matches = RULES.filter((rule) => rule.fields.every((field) => foundField(value, field) !== undefined) && (rule.test?.(value) ?? true))
  const [first] = matches
  if (first === undefined) {
    const keys = Object.keys(value)
    // Keys are the body's: cut and escaped, so a reason stays short and printable.
    const shown = keys.slice(0, KEYS_SHOWN).map(keyText).join(', ') + (keys.length > KEYS_SHOWN ? `, … (${String(keys.length)} fields)` : '')
    return { detected: false, reason: `no known callback has these fields (${shown === '' ? 'none' : shown})` }
  }
  const vendors = [...new Set(matches.map((rule) => rule.vendor))]
  if (vendors.length > 1) {
    return { detected: false, reason: `the fields fit ${vendors.map((v) => VENDOR_NAMES[v]).join(' and ')} alike: name the vendor` }
  }
  const channel = first.channel?.(value)
  return {
    detected: true,
    vendor: first.vendor,
    kind: first.kind,
    shape: first.shape,
    ...(channel !== undefined && { channel }),
    evidence: first.fields.map((field) => foundField(value, field) ?? String(field)),
  }
}
