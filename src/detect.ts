import { article, describeValue } from './errors/format.js'
import { foundField, type DetectionRule, type ListDetectionRule } from './kit/detection.js'
import type { Channel } from './model/channel.js'
import { VENDOR_NAMES, VENDORS, type Vendor } from './model/vendor.js'
import { VENDOR_MANIFESTS } from './options.js'
import { describeThrown } from './runtime/callerInput.js'
import { readBody } from './runtime/rawBody.js'
import { isRecord } from './util/values.js'

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

/** Every vendor's rules, in the order of the vendor list, each vendor's most specific first. */
const RULES: ReadonlyArray<DetectionRule & { readonly vendor: Vendor }> = /*#__PURE__*/ VENDORS.flatMap((vendor) => VENDOR_MANIFESTS[vendor].detection.objects.map((rule) => ({ ...rule, vendor })))
const LIST_RULES: ReadonlyArray<ListDetectionRule & { readonly vendor: Vendor }> = /*#__PURE__*/ VENDORS.flatMap((vendor) => (VENDOR_MANIFESTS[vendor].detection.lists ?? []).map((rule) => ({ ...rule, vendor })))

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
    const list = LIST_RULES.find((rule) => rule.test(value))
    return list !== undefined
      ? { detected: true, vendor: list.vendor, kind: list.kind, shape: list.shape, evidence: list.evidence }
      : { detected: false, reason: `an array that is not ${LIST_RULES.map((rule) => `${article(rule.shape)} ${rule.shape}`).join(' or ') || 'a callback'}` }
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
