import type { either } from 'fp-ts'
import * as t from 'io-ts'
import * as E from './util/either.js'

import { unknownStatusError } from './errors/build.js'
import type { InvalidOptionsError, NormalizeError, UnknownStatusError } from './errors/error.js'
import type { IssuePath } from './errors/issue.js'
import { optionError, readObject, UNREADABLE_OBJECT } from './runtime/callerInput.js'
import { orElse } from './util/values.js'
import { invalidOption } from './runtime/options.js'
import { makeEvent } from './kit/events.js'
import { rowOf } from './kit/rows.js'
import { mappingOf, statusNotInCatalog } from './kit/statuses.js'
import { parseOffsetDateTime } from './util/time.js'
import { snapshot, type Snapshot } from './runtime/snapshot.js'
import { NumberFromNumberOrText } from './kit/codecs.js'
import { CHANNELS, type Channel } from './model/channel.js'
import type { Cost, EventDetails } from './model/event.js'
import { DETAIL_FIELDS, isPlainRecord } from './model/shape.js'
import type { DefaultOptions, EventsFor } from './model/options.js'
import type { StatusMapping } from './model/status.js'
import { VENDORS, isVendor, type Vendor } from './model/vendor.js'
import { REGISTRY } from './options.js'

/**
 * What a vendor status code means: the canonical mapping, with the vendor, channel, code
 * and the vendor's description.
 *
 * @category Classify
 */
export type ClassifiedStatus = StatusMapping & {
  readonly vendor: Vendor
  readonly channel: Channel
  readonly vendorStatus: string
  readonly description: string
}

/**
 * Why `classify` could not answer: a code not in the channel's catalog (the error names
 * the channels that do know it), or a vendor or channel deliverykit does not know.
 *
 * @category Classify
 */
export type ClassifyError = UnknownStatusError | InvalidOptionsError

const checkVendorChannel = (vendor: unknown, channel: unknown, input: unknown): either.Either<InvalidOptionsError, readonly [Vendor, Channel]> => {
  if (!isVendor(vendor)) return E.left(invalidOption(vendor, input, 'vendor', `one of ${VENDORS.join(', ')}`, vendor, VENDORS))
  const used = CHANNELS.filter((c) => REGISTRY[vendor].catalogs[c] !== undefined)
  if (typeof channel !== 'string' || !(used as ReadonlyArray<string>).includes(channel)) {
    return E.left(invalidOption(vendor, input, 'channel', `one of ${used.join(', ')}`, channel, used))
  }
  return E.right([vendor, channel as Channel])
}

/**
 * What a vendor's status code means on a channel, for statuses that do not arrive in a
 * callback body (you polled for them, or they came inside your own envelope).
 *
 * @example
 * ```ts
 * import { classify } from 'deliverykit'
 * import { either as E } from 'fp-ts'
 *
 * const result = classify('octopush', 'sms', 'BAD_DESTINATION')
 * if (E.isRight(result)) result.right.failure // { reason: 'invalid_recipient', permanent: true }
 * ```
 * @category Classify
 */
export const classify = (vendor: Vendor, channel: Channel, code: string): either.Either<ClassifyError, ClassifiedStatus> => {
  const input = { vendor, channel, code }
  const checked = checkVendorChannel(vendor, channel, input)
  if (E.isLeft(checked)) return checked
  // Typed callers cannot pass anything but text; JavaScript callers can.
  const given: unknown = code
  if (typeof given !== 'string') return E.left(invalidOption(vendor, input, 'code', 'a status code (text)', given))
  const catalogs = REGISTRY[vendor].catalogs
  const entry = rowOf(catalogs, channel, code)
  if (entry === undefined) {
    return E.left(unknownStatusError(vendor, input, [statusNotInCatalog(vendor, catalogs, channel, code, ['code'])]))
  }
  return E.right({ ...mappingOf(entry), vendor, channel, vendorStatus: code, description: entry.description })
}

/**
 * A status you obtained outside a callback: what `eventFromStatus` needs to build a full
 * event.
 *
 * @category Classify
 */
export interface StatusReport {
  readonly channel: Channel
  /** The vendor's status code. */
  readonly code: string
  readonly messageId: string
  readonly recipient: string
  /** When it happened: ISO-8601 with `Z` or an offset, or a `Date`, from year 1 to 9999. */
  readonly occurredAt?: string | Date
  readonly reference?: string
  /** The price: `amount` a finite number (`-0` is `0`, as decoders read it), `currency` text. */
  readonly cost?: Cost
  /** Extras, each of its type (`listName` text, `callDurationSeconds` a number, …). */
  readonly details?: EventDetails
  /** What you received, kept as the event's `raw` (defaults to this report): a plain object. */
  readonly raw?: Readonly<Record<string, unknown>>
}

/**
 * Builds a canonical event from a status you obtained elsewhere (a poll, your own
 * envelope). `eventId` is a digest of everything the event reports but `raw` and
 * `occurredAt` (the time text is in), so reporting the same status twice gives the same id,
 * and any other report another.
 *
 * Every field is checked as a decoder checks a body's, and copied: the event holds none of
 * your objects (`raw`, `details` and `cost` are copies), and it is exactly an event a
 * decoder could have made, which deliverykit/postgres records. A field that is not what
 * {@link StatusReport} says is an `invalid_options` error naming its path
 * (`options.cost.amount: expected a finite number, received "x"`).
 *
 * @example
 * ```ts
 * import { eventFromStatus } from 'deliverykit'
 * const result = eventFromStatus('octopush', {
 *   channel: 'sms', code: 'DELIVERED', messageId: 'sms_1', recipient: '+33600000000',
 *   occurredAt: '2025-01-22T11:46:06+01:00',
 * })
 * ```
 * @category Classify
 */
export const eventFromStatus = <O extends { readonly unknownStatus?: 'error' | 'keep' | undefined } = DefaultOptions>(
  vendor: Vendor,
  report: StatusReport,
  options?: O,
): either.Either<NormalizeError, EventsFor<O>[number]> => {
  // Typed callers cannot pass anything else; JavaScript callers can.
  const read = readReport(vendor, report)
  if (E.isLeft(read)) return read
  const { fields, own, occurred } = read.right
  const settings = readObject(vendor, report, options, '(options)', 'an object or undefined', ['unknownStatus'])
  if (E.isLeft(settings)) return settings
  const checked = checkVendorChannel(vendor, fields.channel, report)
  if (E.isLeft(checked)) return checked
  const [, channel] = checked.right
  const { code, messageId, recipient } = fields
  if (typeof code !== 'string') return E.left(invalidOption(vendor, report, 'code', 'text', code))
  if (typeof messageId !== 'string') return E.left(invalidOption(vendor, report, 'messageId', 'text', messageId))
  if (typeof recipient !== 'string') return E.left(invalidOption(vendor, report, 'recipient', 'text', recipient))
  const time = readTime(vendor, report, occurred)
  if (E.isLeft(time)) return time
  const { occurredAt, vendorTime } = time.right
  const extras = readExtras(vendor, report, fields)
  if (E.isLeft(extras)) return extras
  const catalogs = REGISTRY[vendor].catalogs
  const entry = rowOf(catalogs, channel, code)
  if (entry === undefined && settings.right.unknownStatus !== 'keep') {
    return E.left(unknownStatusError(vendor, report, [statusNotInCatalog(vendor, catalogs, channel, code, ['code'])]))
  }
  const { reference, cost, details } = extras.right
  // The default raw is the report's own fields, copied, a Date given as the text it was read as.
  if (hasOwn(own, 'occurredAt')) own['occurredAt'] = vendorTime
  const event = makeEvent({
    vendor,
    shape: 'statusReport',
    rawIdentity: [],
    channel,
    messageId,
    recipient,
    vendorStatus: code,
    entry,
    occurredAt,
    vendorTime,
    reference,
    cost,
    history: [],
    details,
    raw: extras.right.raw ?? own,
  })
  // Safe: an unknown code got this far only with unknownStatus 'keep'.
  return E.right(event)
}

const REPORT_FIELDS = ['channel', 'code', 'messageId', 'recipient', 'occurredAt', 'reference', 'cost', 'details', 'raw'] as const

type ReportFields = Readonly<Partial<Record<(typeof REPORT_FIELDS)[number], unknown>>>

const REPORT_EXPECTED = 'an object with channel, code, messageId and recipient'

const hasOwn = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key)

/**
 * A report read once. Each field is read exactly once from the caller's objects (own
 * fields, and from the report's prototype the fields `eventFromStatus` uses), then copied
 * as the decoders copy a body (`snapshot`): `fields` and `own` hold none of the caller's
 * plain objects. The time is kept apart, as given: a `Date` is only ever read, never kept.
 * `own` (the default `raw`) has `occurredAt` cleared, for the caller to put back as text.
 * A report that cannot be read is an `invalid_options` error.
 */
const readReport = (
  vendor: unknown,
  report: unknown,
): either.Either<InvalidOptionsError, { readonly fields: ReportFields; readonly own: Record<string, unknown>; readonly occurred: unknown }> => {
  if (typeof report !== 'object' || report === null) return E.left(invalidOption(vendor, report, 'report', REPORT_EXPECTED, report))
  let own: Record<string, unknown>
  try {
    own = { ...report }
  } catch {
    // Name the field that could not be read, where it is one eventFromStatus uses.
    const named = readObject(vendor, report, report, 'report', REPORT_EXPECTED, REPORT_FIELDS)
    return E.isLeft(named) ? named : E.left(optionError(vendor, report, 'report', REPORT_EXPECTED, report, UNREADABLE_OBJECT))
  }
  const inherited = REPORT_FIELDS.filter((key) => !hasOwn(own, key))
  const fromPrototype = readObject(vendor, report, report, 'report', REPORT_EXPECTED, inherited)
  if (E.isLeft(fromPrototype)) return fromPrototype
  const given: Record<string, unknown> = { ...fromPrototype.right, ...own }
  const occurred = given['occurredAt']
  if (hasOwn(own, 'occurredAt')) own['occurredAt'] = undefined
  given['occurredAt'] = undefined
  let copied: Snapshot
  try {
    // `given` holds every own field (and the inherited ones used), so one snapshot of it
    // reads each object once; the default raw is the copy's own fields.
    copied = snapshot(given, false)
  } catch {
    return E.left(optionError(vendor, report, 'report', REPORT_EXPECTED, report, UNREADABLE_OBJECT))
  }
  if (!copied.ok) return E.left(optionError(vendor, report, copied.refusal.path, copied.refusal.expected, undefined, copied.refusal.received))
  const fields = copied.value as Record<string, unknown>
  // fromEntries defines each key as data, `__proto__` included.
  const ownCopy: Record<string, unknown> = Object.fromEntries(Object.keys(own).map((key) => [key, fields[key]]))
  return E.right({ fields, own: ownCopy, occurred })
}

/** A report's time: its `occurredAt` as deliverykit writes it, and `vendorTime`, the text given (or the Date's). */
interface ReportTime {
  readonly occurredAt: string | undefined
  readonly vendorTime: string | undefined
}

/**
 * Text is read as ISO-8601 with an offset; a Date through the same check, as the text it
 * gives, so a Date outside the years deliverykit reads (1 to 9999) is refused rather than
 * written `+012000-…`, which no order can rank.
 */
const readTime = (vendor: Vendor, report: unknown, occurred: unknown): either.Either<InvalidOptionsError, ReportTime> => {
  if (occurred === undefined) return E.right({ occurredAt: undefined, vendorTime: undefined })
  if (typeof occurred === 'string') {
    const parsed = parseOffsetDateTime(occurred)
    if (parsed === undefined) {
      return E.left(invalidOption(vendor, report, 'occurredAt', 'ISO-8601 with Z or an offset, such as "2025-01-22T11:46:06+01:00"', occurred))
    }
    return E.right({ occurredAt: parsed.iso, vendorTime: occurred })
  }
  // instanceof reads the prototype, which a revoked Proxy throws on.
  const date = orElse(() => (occurred instanceof Date ? occurred : undefined), undefined)
  if (date === undefined) return E.left(invalidOption(vendor, report, 'occurredAt', 'ISO-8601 text with Z or an offset, or a Date', occurred))
  // A Date is the caller's object too: a subclass of one can throw.
  const text = orElse(() => (Number.isNaN(date.getTime()) ? undefined : date.toISOString()), undefined)
  if (text === undefined) return E.left(invalidOption(vendor, report, 'occurredAt', 'a valid Date', 'an invalid Date'))
  const parsed = parseOffsetDateTime(text)
  if (parsed === undefined) return E.left(invalidOption(vendor, report, 'occurredAt', 'a Date from year 1 to 9999', text))
  return E.right({ occurredAt: parsed.iso, vendorTime: parsed.iso })
}

/** The optional fields of a report, checked with the codecs the decoders read the same fields with, and copied. */
interface Extras {
  readonly reference: string | undefined
  readonly cost: Cost | undefined
  readonly details: EventDetails
  readonly raw: Readonly<Record<string, unknown>> | undefined
}

const COST_EXPECTED = 'an object with amount (a finite number) and optionally currency (text)'

const readExtras = (vendor: Vendor, report: unknown, fields: ReportFields): either.Either<InvalidOptionsError, Extras> => {
  const { reference, cost, details, raw } = fields
  if (reference !== undefined && !t.string.is(reference)) return E.left(invalidOption(vendor, report, 'reference', 'text', reference))
  const readCost = cost === undefined ? E.right(undefined) : costOf(vendor, report, cost)
  if (E.isLeft(readCost)) return readCost
  const readDetails = details === undefined ? E.right({}) : detailsOf(vendor, report, details)
  if (E.isLeft(readDetails)) return readDetails
  // A raw that is not a plain object is the caller's own (a class instance): refused, not kept.
  if (raw !== undefined && !isPlainRecord(raw)) return E.left(invalidOption(vendor, report, 'raw', 'a plain object (what you received)', raw))
  return E.right({ reference, cost: readCost.right, details: readDetails.right, raw })
}

/** An amount as the decoders read `unit_price`: a finite number (or numeric text), `-0` read as `0`. */
const amountOf = (vendor: Vendor, report: unknown, path: IssuePath, value: unknown): either.Either<InvalidOptionsError, number> => {
  const decoded = NumberFromNumberOrText.decode(value)
  return E.isRight(decoded) ? E.right(decoded.right) : E.left(invalidOption(vendor, report, path, 'a finite number', value))
}

const costOf = (vendor: Vendor, report: unknown, cost: unknown): either.Either<InvalidOptionsError, Cost> => {
  if (!isPlainRecord(cost)) return E.left(invalidOption(vendor, report, 'cost', COST_EXPECTED, cost))
  const unknownKey = Object.keys(cost).find((key) => key !== 'amount' && key !== 'currency')
  if (unknownKey !== undefined) return E.left(invalidOption(vendor, report, ['cost', unknownKey], 'no field but amount and currency', cost[unknownKey]))
  const amount = amountOf(vendor, report, ['cost', 'amount'], cost['amount'])
  if (E.isLeft(amount)) return amount
  const currency = cost['currency']
  if (currency === undefined) return E.right({ amount: amount.right })
  if (!t.string.is(currency)) return E.left(invalidOption(vendor, report, ['cost', 'currency'], 'text', currency))
  return E.right({ amount: amount.right, currency })
}

const DETAIL_NAMES = /*#__PURE__*/ Object.keys(DETAIL_FIELDS)

/** Details, field by field, each with the codec of its kind; a new object, in the order given. */
const detailsOf = (vendor: Vendor, report: unknown, details: unknown): either.Either<InvalidOptionsError, EventDetails> => {
  if (!isPlainRecord(details)) return E.left(invalidOption(vendor, report, 'details', `an object with some of ${DETAIL_NAMES.join(', ')}`, details))
  const copy: Record<string, string | number> = {}
  for (const key of Object.keys(details)) {
    const value = details[key]
    if (!hasOwn(DETAIL_FIELDS, key)) return E.left(invalidOption(vendor, report, ['details', key], `one of ${DETAIL_NAMES.join(', ')}`, key, DETAIL_NAMES))
    // An optional field given as undefined is absent, as the type allows.
    if (value === undefined) continue
    if (DETAIL_FIELDS[key as keyof EventDetails] === 'number') {
      const number = amountOf(vendor, report, ['details', key], value)
      if (E.isLeft(number)) return number
      copy[key] = number.right
    } else if (t.string.is(value)) copy[key] = value
    else return E.left(invalidOption(vendor, report, ['details', key], 'text', value))
  }
  return E.right(copy)
}
