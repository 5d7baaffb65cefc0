import type { CatalogEntry } from '../model/catalog.js'
import type { Channel } from '../model/channel.js'
import type { AnyEvent, Cost, EventDetails, HistoryEntry } from '../model/event.js'
import type { Vendor } from '../model/vendor.js'

/** What a vendor's `toEvents` knows of one event; optional fields may be `undefined`. */
export interface EventFields {
  readonly vendor: Vendor
  readonly channel: Channel
  readonly messageId: string
  readonly recipient: string
  readonly vendorStatus: string
  /** The catalog entry of `vendorStatus` on `channel`, `undefined` for an unknown code. */
  readonly entry: CatalogEntry | undefined
  readonly occurredAt: string | undefined
  readonly vendorTime: string | undefined
  readonly reference?: string | undefined
  readonly cost?: Cost | undefined
  readonly history: ReadonlyArray<HistoryEntry>
  readonly details: EventDetails
  readonly raw: Readonly<Record<string, unknown>>
  readonly eventId: string
}

/**
 * Builds an event in one place, for every vendor: fields always in the same order, absent
 * ones omitted (never `undefined`), the catalog's rationale left out, and no temporary
 * objects, since this runs once per recipient.
 */
export const makeEvent = (fields: EventFields): AnyEvent => {
  const { entry } = fields
  const event: Record<string, unknown> = {
    vendor: fields.vendor,
    channel: fields.channel,
    messageId: fields.messageId,
    recipient: fields.recipient,
    vendorStatus: fields.vendorStatus,
    description: entry === undefined ? '' : entry.description,
    classification: entry === undefined ? 'unknown' : entry.classification,
    status: entry === undefined ? 'unknown' : entry.status,
  }
  // A copy, so that a caller changing an event cannot change the catalog.
  if (entry?.classification === 'failure') event['failure'] = { reason: entry.failure.reason, permanent: entry.failure.permanent }
  if (fields.occurredAt !== undefined) event['occurredAt'] = fields.occurredAt
  if (fields.vendorTime !== undefined) event['vendorTime'] = fields.vendorTime
  if (fields.reference !== undefined) event['reference'] = fields.reference
  if (fields.cost !== undefined) event['cost'] = fields.cost
  event['history'] = fields.history
  event['details'] = fields.details
  event['raw'] = fields.raw
  event['eventId'] = fields.eventId
  // The fields above are exactly those of the event type whose branch `entry` selects.
  return event as unknown as AnyEvent
}

/** Builds one entry of an event's `history`, the same way as `makeEvent` builds events. */
export const makeHistoryEntry = (
  entry: CatalogEntry | undefined,
  vendorStatus: string,
  occurredAt: string | undefined,
  vendorTime: string | undefined,
): HistoryEntry => {
  const item: Record<string, unknown> = {
    classification: entry === undefined ? 'unknown' : entry.classification,
    status: entry === undefined ? 'unknown' : entry.status,
  }
  if (entry?.classification === 'failure') item['failure'] = { reason: entry.failure.reason, permanent: entry.failure.permanent }
  item['vendorStatus'] = vendorStatus
  item['description'] = entry === undefined ? '' : entry.description
  if (occurredAt !== undefined) item['occurredAt'] = occurredAt
  if (vendorTime !== undefined) item['vendorTime'] = vendorTime
  // As in makeEvent: the fields are exactly those of the branch `entry` selects.
  return item as unknown as HistoryEntry
}
