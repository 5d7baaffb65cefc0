import { describeValue } from './errors/format.js'
import { describeThrown } from './internal/callerInput.js'
import { readBody } from './internal/rawBody.js'
import type { Channel } from './model/channel.js'
import { VENDOR_NAMES } from './model/names.js'
import type { Vendor } from './model/vendor.js'
import { isRecord } from './internal/records.js'

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

/** @category Detect */
export type Detection = Detected | NotDetected

type Body = Readonly<Record<string, unknown>>

interface Rule {
  readonly vendor: Vendor
  readonly kind: Detected['kind']
  readonly shape: string
  /** The fields that must be present. */
  readonly fields: ReadonlyArray<string>
  readonly test?: (body: Body) => boolean
  readonly channel?: (body: Body) => Channel | undefined
}

const has = (body: Body, key: string): boolean => Object.prototype.hasOwnProperty.call(body, key) && body[key] !== undefined && body[key] !== null

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

/** Most specific first; a body matching rules of two vendors is ambiguous. */
const RULES: ReadonlyArray<Rule> = [
  { vendor: 'octopush', kind: 'opt_out', shape: 'Octopush STOP callback', fields: ['stop_date', 'number'], channel: () => 'sms' },
  { vendor: 'octopush', kind: 'inbound', shape: 'Octopush inbound SMS callback', fields: ['reception_date', 'number', 'text'], channel: () => 'sms' },
  { vendor: 'octopush', kind: 'inbound', shape: 'Octopush inbound SMS callback (older answer_date)', fields: ['answer_date', 'number', 'text'], channel: () => 'sms' },
  { vendor: 'octopush', kind: 'delivery', shape: 'Octopush e-mail delivery callback', fields: ['message_id', 'deliveries'], test: (b) => Array.isArray(b['deliveries']), channel: () => 'email' },
  { vendor: 'octopush', kind: 'delivery', shape: 'Octopush delivery callback', fields: ['message_id', 'number', 'status', 'delivery_date'], channel: octopushChannel },
  { vendor: 'octopush', kind: 'delivery', shape: 'Octopush delivery callback (DELIVERY_DATE in capitals)', fields: ['message_id', 'number', 'status', 'DELIVERY_DATE'], channel: octopushChannel },
  { vendor: 'messangi', kind: 'inbound', shape: 'Messangi legacy inbound (MO) callback', fields: ['TYPE', 'FROM', 'TEXT'], test: (b) => b['TYPE'] === 'MO_MESSAGE', channel: () => 'sms' },
  { vendor: 'messangi', kind: 'inbound', shape: 'Messangi legacy Facebook message callback', fields: ['TYPE', 'FROM', 'MESSAGE_BODY'], test: (b) => b['TYPE'] === 'FACEBOOK', channel: () => 'facebook' },
  { vendor: 'messangi', kind: 'delivery', shape: 'Messangi legacy status callback', fields: ['TYPE', 'MESSANGI_ID', 'STATUS'], channel: (b) => lookup(LEGACY_TYPES, b['TYPE']) },
  { vendor: 'messangi', kind: 'inbound', shape: 'Messangi legacy inbound form (mo, mobile)', fields: ['mo', 'mobile'], channel: () => 'sms' },
  { vendor: 'messangi', kind: 'inbound', shape: 'Messangi inbound (MO) callback', fields: ['user', 'text'], test: (b) => has(b, 'processId') || has(b, 'origin') || has(b, 'connection') },
  { vendor: 'messangi', kind: 'delivery', shape: 'Messangi send API response', fields: ['meta', 'data'], test: (b) => isRecord(b['data']) && has(b['data'], 'id') && has(b['data'], 'status') },
  { vendor: 'messangi', kind: 'delivery', shape: 'Messangi status callback (the channel must be named)', fields: ['id', 'status', 'to'] },
  { vendor: 'masstack', kind: 'delivery', shape: 'Masstack Communications API envelope', fields: ['commit', 'data'] },
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
  const matches = RULES.filter((rule) => rule.fields.every((field) => has(value, field)) && (rule.test?.(value) ?? true))
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
    evidence: first.fields,
  }
}
