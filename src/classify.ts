import type { either } from 'fp-ts'
import * as E from './internal/either.js'

import type { InvalidOptionsError, NormalizeError, UnknownStatusError } from './errors/error.js'
import { optionError, orElse, readObject, UNREADABLE_OBJECT } from './internal/callerInput.js'
import { invalidOption } from './internal/pipeline.js'
import { makeEvent } from './internal/events.js'
import { rowOf } from './internal/rows.js'
import { mappingOf, unknownStatusIssue } from './internal/statuses.js'
import { parseOffsetDateTime } from './internal/time.js'
import { CHANNELS, type Channel } from './model/channel.js'
import type { Cost, EventDetails } from './model/event.js'
import type { DefaultOptions, EventsFor } from './model/options.js'
import type { StatusMapping } from './model/status.js'
import { VENDORS, isVendor, type Vendor } from './model/vendor.js'
import { REGISTRY } from './registry.js'

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
    return E.left({ kind: 'unknown_status', vendor, issues: [unknownStatusIssue(vendor, catalogs, channel, code, ['code'])], input })
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
  /** When it happened: ISO-8601 with `Z` or an offset, or a `Date`. */
  readonly occurredAt?: string | Date
  readonly reference?: string
  readonly cost?: Cost
  readonly details?: EventDetails
  /** What you received, kept as the event's `raw` (defaults to this report). */
  readonly raw?: Readonly<Record<string, unknown>>
}

/**
 * Builds a canonical event from a status you obtained elsewhere (a poll, your own
 * envelope). `eventId` is a digest of everything the event reports but `raw` and
 * `occurredAt` (the time text is in), so reporting the same status twice gives the same id,
 * and any other report another.
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
  const { fields, copy } = read.right
  const settings = readObject(vendor, report, options, '(options)', 'an object or undefined', ['unknownStatus'])
  if (E.isLeft(settings)) return settings
  const checked = checkVendorChannel(vendor, fields.channel, report)
  if (E.isLeft(checked)) return checked
  const [, channel] = checked.right
  const { code, messageId, recipient, occurredAt: occurred } = fields
  if (typeof code !== 'string') return E.left(invalidOption(vendor, report, 'code', 'text', code))
  if (typeof messageId !== 'string') return E.left(invalidOption(vendor, report, 'messageId', 'text', messageId))
  if (typeof recipient !== 'string') return E.left(invalidOption(vendor, report, 'recipient', 'text', recipient))
  // instanceof reads the prototype, which a revoked Proxy throws on.
  const date = orElse(() => (occurred instanceof Date ? occurred : undefined), undefined)
  if (occurred !== undefined && typeof occurred !== 'string' && date === undefined) {
    return E.left(invalidOption(vendor, report, 'occurredAt', 'ISO-8601 text with Z or an offset, or a Date', occurred))
  }
  const catalogs = REGISTRY[vendor].catalogs
  const entry = rowOf(catalogs, channel, code)
  if (entry === undefined && settings.right.unknownStatus !== 'keep') {
    return E.left({ kind: 'unknown_status', vendor, issues: [unknownStatusIssue(vendor, catalogs, channel, code, ['code'])], input: report })
  }
  let occurredAt: string | undefined
  if (date !== undefined) {
    // A Date is the caller's object too: a subclass of one can throw.
    const text = orElse(() => (Number.isNaN(date.getTime()) ? undefined : date.toISOString()), undefined)
    if (text === undefined) return E.left(invalidOption(vendor, report, 'occurredAt', 'a valid Date', 'an invalid Date'))
    occurredAt = text.replace('Z', '+00:00')
  } else if (typeof occurred === 'string') {
    const parsed = parseOffsetDateTime(occurred)
    if (parsed === undefined) {
      return E.left(invalidOption(vendor, report, 'occurredAt', 'ISO-8601 with Z or an offset, such as "2025-01-22T11:46:06+01:00"', occurred))
    }
    occurredAt = parsed.iso
  }
  const vendorTime = typeof occurred === 'string' ? occurred : occurredAt
  // The eventId reads cost and details, the caller's objects: one that cannot be read (a
  // Proxy whose traps throw, a null cost) is refused rather than thrown.
  const event = orElse(
    () =>
      makeEvent({
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
        reference: fields.reference as string | undefined,
        cost: fields.cost as Cost | undefined,
        history: [],
        details: fields.details ?? {},
        raw: (fields.raw ?? copy) as Readonly<Record<string, unknown>>,
      }),
    undefined,
  )
  if (event === undefined) return E.left(optionError(vendor, report, 'report', REPORT_EXPECTED, report, UNREADABLE_COST_OR_DETAILS))
  // Safe: an unknown code got this far only with unknownStatus 'keep'.
  return E.right(event)
}

const REPORT_FIELDS = ['channel', 'code', 'messageId', 'recipient', 'occurredAt', 'reference', 'cost', 'details', 'raw'] as const

const REPORT_EXPECTED = 'an object with channel, code, messageId and recipient'

const UNREADABLE_COST_OR_DETAILS = 'a cost or details that could not be read'

/**
 * A report read once: a copy of its own fields (the event's `raw` unless it names one)
 * and the fields `eventFromStatus` uses, from that copy or, when inherited, from the
 * report. A report that cannot be read is an `invalid_options` error.
 */
const readReport = (
  vendor: unknown,
  report: unknown,
): either.Either<InvalidOptionsError, { readonly fields: Readonly<Partial<Record<(typeof REPORT_FIELDS)[number], unknown>>>; readonly copy: Readonly<Record<string, unknown>> }> => {
  if (typeof report !== 'object' || report === null) return E.left(invalidOption(vendor, report, 'report', REPORT_EXPECTED, report))
  let copy: Readonly<Record<string, unknown>>
  try {
    copy = { ...report }
  } catch {
    // Name the field that could not be read, where it is one eventFromStatus uses.
    const named = readObject(vendor, report, report, 'report', REPORT_EXPECTED, REPORT_FIELDS)
    return E.isLeft(named) ? named : E.left(optionError(vendor, report, 'report', REPORT_EXPECTED, report, UNREADABLE_OBJECT))
  }
  const inherited = REPORT_FIELDS.filter((key) => !Object.prototype.hasOwnProperty.call(copy, key))
  const fromPrototype = readObject(vendor, report, report, 'report', REPORT_EXPECTED, inherited)
  if (E.isLeft(fromPrototype)) return fromPrototype
  return E.right({ fields: { ...fromPrototype.right, ...copy }, copy })
}
