/**
 * What a delivery event deliverykit makes is, field by field, checked against the model's
 * own lists (vendors, channels, statuses and their classifications, failure reasons) with
 * own-property lookups only, so that `constructor` or `__proto__` is never a status. The
 * one test of "an event deliverykit made": deliverykit/postgres refuses anything else, and
 * the events `eventFromStatus` builds pass it as decoded events do.
 */
import { hasOwn, isOneOf, isOptionalText } from '../util/values.js'
import { CHANNELS } from './channel.js'
import type { AnyEvent, EventBase, EventDetails, HistoryEntry } from './event.js'
import { CLASSIFICATION_OF_STATUS, FAILURE_REASONS, type FailureMapping, type Status } from './status.js'
import { isVendor } from './vendor.js'

type Fields = Readonly<Record<string, unknown>>

type FieldKind<T> = T extends string ? 'text' : T extends number ? 'number' : never

/**
 * The kind of value of each field of `details`: typed so that a field added to
 * `EventDetails` without its kind here does not compile.
 *
 * @internal
 */
export const DETAIL_FIELDS: { readonly [K in keyof EventDetails]-?: FieldKind<NonNullable<EventDetails[K]>> } = {
  listName: 'text',
  templateName: 'text',
  pressedKeys: 'text',
  callDurationSeconds: 'number',
  chargedDurationSeconds: 'number',
  sender: 'text',
  campaignId: 'text',
}

/** The fields of a delivery event, and nothing else. */
const EVENT_FIELDS = {
  kind: null,
  vendor: null,
  channel: null,
  messageId: null,
  recipient: null,
  vendorStatus: null,
  description: null,
  classification: null,
  status: null,
  failure: null,
  occurredAt: null,
  vendorTime: null,
  reference: null,
  cost: null,
  history: null,
  details: null,
  raw: null,
  eventId: null,
} as const satisfies Record<keyof EventBase | keyof FailureMapping, null>

const HISTORY_FIELDS = {
  classification: null,
  status: null,
  failure: null,
  vendorStatus: null,
  description: null,
  occurredAt: null,
  vendorTime: null,
} as const satisfies Record<keyof HistoryEntry | keyof FailureMapping, null>

const FAILURE_FIELDS = { reason: null, permanent: null } as const
const COST_FIELDS = { amount: null, currency: null } as const

/**
 * An object of `Object.prototype` or none, not an array: what deliverykit builds, what a
 * JSON round trip gives, and what a snapshot of a plain object is.
 *
 * @internal
 */
export const isPlainRecord = (value: unknown): value is Fields => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

const hasOnly = (record: Fields, allowed: object): boolean => Object.keys(record).every((key) => hasOwn(allowed, key))

/**
 * A number as events carry them: finite, and never `-0` (decoders turn a sent `-0` into
 * `0`, which prints as it compares). `Number.isFinite` is false for anything but a number,
 * a boxed one included.
 *
 * @internal
 */
export const isEventNumber = (value: unknown): value is number => Number.isFinite(value) && !Object.is(value, -0)

const isFailure = (value: unknown): boolean =>
  isPlainRecord(value) &&
  hasOnly(value, FAILURE_FIELDS) &&
  isOneOf(FAILURE_REASONS, value['reason']) &&
  typeof value['permanent'] === 'boolean'

/** A classification and a status that go together, and a failure exactly when the classification is one. */
const isMapping = (record: Fields): boolean => {
  const { classification, status } = record
  if (status === 'unknown') return classification === 'unknown' && record['failure'] === undefined
  if (typeof status !== 'string' || !hasOwn(CLASSIFICATION_OF_STATUS, status)) return false
  if (CLASSIFICATION_OF_STATUS[status as Status] !== classification) return false
  return classification === 'failure' ? isFailure(record['failure']) : record['failure'] === undefined
}

const isCost = (value: unknown): boolean =>
  value === undefined || (isPlainRecord(value) && hasOnly(value, COST_FIELDS) && isEventNumber(value['amount']) && isOptionalText(value, 'currency'))

const isDetails = (value: unknown): boolean =>
  isPlainRecord(value) &&
  Object.keys(value).every((key) => {
    if (!hasOwn(DETAIL_FIELDS, key)) return false
    const field = value[key]
    if (field === undefined) return true
    return DETAIL_FIELDS[key as keyof EventDetails] === 'text' ? typeof field === 'string' : isEventNumber(field)
  })

const isHistoryEntry = (value: unknown): boolean =>
  isPlainRecord(value) &&
  hasOnly(value, HISTORY_FIELDS) &&
  isMapping(value) &&
  typeof value['vendorStatus'] === 'string' &&
  typeof value['description'] === 'string' &&
  isOptionalText(value, 'occurredAt') &&
  isOptionalText(value, 'vendorTime')

const isHistory = (value: unknown): boolean => {
  if (!Array.isArray(value)) return false
  const entries: ReadonlyArray<unknown> = value
  // for-of, not every: every skips the holes of a sparse array, the iterator gives them as undefined.
  for (const entry of entries) if (!isHistoryEntry(entry)) return false
  return true
}

/**
 * Whether a value is exactly a delivery event as deliverykit makes them: its fields and no
 * others, each of its type; `kind` `'delivery'`; `vendor`, `channel`, `status` (with its
 * classification) and a failure's `reason` from the model's lists, looked up as own
 * properties; `cost`, `details` and `history` as deliverykit builds them; `raw` an object.
 * An optional field set to `undefined` counts as absent, as JSON writes it.
 * It reads the value's fields as they are: give it a snapshot (see {@link readDeliveryEvent}).
 *
 * It does not require `occurredAt` to be a time deliverykit can read, nor `eventId` to be
 * 32 hex digits: `advance` and deliverykit/postgres rank an unreadable time as none, and
 * order ids of any text.
 *
 * @internal
 */
export const isDeliveryEventShape = (value: unknown): value is AnyEvent =>
  isPlainRecord(value) &&
  hasOnly(value, EVENT_FIELDS) &&
  value['kind'] === 'delivery' &&
  isVendor(value['vendor']) &&
  isOneOf(CHANNELS, value['channel']) &&
  typeof value['messageId'] === 'string' &&
  typeof value['recipient'] === 'string' &&
  typeof value['vendorStatus'] === 'string' &&
  typeof value['description'] === 'string' &&
  typeof value['eventId'] === 'string' &&
  isMapping(value) &&
  isOptionalText(value, 'occurredAt') &&
  isOptionalText(value, 'vendorTime') &&
  isOptionalText(value, 'reference') &&
  isCost(value['cost']) &&
  isHistory(value['history']) &&
  isDetails(value['details']) &&
  typeof value['raw'] === 'object' &&
  value['raw'] !== null &&
  !Array.isArray(value['raw'])
