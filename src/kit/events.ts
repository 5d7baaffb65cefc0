import type { UnknownStatusIssue } from '../errors/issue.js'
import { MAX_ISSUES } from '../errors/validation.js'
import type { Channel } from '../model/channel.js'
import type { AnyEvent, Cost, EventDetails, HistoryEntry } from '../model/event.js'
import type { InboundEvent } from '../model/inbound.js'
import type { AnyWebhookEvent } from '../model/webhook.js'
import type { Built } from './definition.js'
import { deliveryIdFields, eventIdOf, inboundIdFields, type EventSource } from './eventId.js'
import type { StatusRow } from './rows.js'

/**
 * What a vendor's `toEvents` knows of one delivery event, and where it was read from (its
 * `eventId` is made of both); optional fields may be `undefined`.
 */
export interface EventFields extends EventSource {
  readonly channel: Channel
  readonly messageId: string
  readonly recipient: string
  readonly vendorStatus: string
  /** The catalog entry of `vendorStatus` on `channel`, `undefined` for an unknown code. */
  readonly entry: StatusRow | undefined
  readonly occurredAt: string | undefined
  readonly vendorTime: string | undefined
  readonly reference?: string | undefined
  readonly cost?: Cost | undefined
  readonly history: ReadonlyArray<HistoryEntry>
  readonly details: EventDetails
  readonly raw: Readonly<Record<string, unknown>>
}

/**
 * Builds an event in one place, for every vendor: fields always in the same order, absent
 * ones omitted (never `undefined`), the catalog's rationale left out, and its `eventId`
 * made of what it reports (src/kit/eventId.ts).
 */
export const makeEvent = (fields: EventFields): AnyEvent => {
  const { entry } = fields
  const event: Record<string, unknown> = {
    kind: 'delivery',
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
  event['eventId'] = eventIdOf({ vendor: fields.vendor, kind: 'delivery', shape: fields.shape, fields: deliveryIdFields(fields), rawIdentity: fields.rawIdentity })
  // The fields above are exactly those of the event type whose branch `entry` selects.
  return event as unknown as AnyEvent
}

/** What a vendor's `toEvents` knows of one opt-out or inbound event, and where it was read from. */
export type InboundFields = EventSource & {
  readonly channel: Channel
  readonly from: string
  readonly to: string | undefined
  readonly messageId: string | undefined
  readonly occurredAt: string | undefined
  readonly vendorTime: string | undefined
  readonly raw: Readonly<Record<string, unknown>>
} & ({ readonly kind: 'opt_out'; readonly text: string | undefined } | { readonly kind: 'inbound'; readonly text: string })

/**
 * Builds an opt-out or inbound event, as `makeEvent` builds delivery events: fields in the
 * order of the type, absent ones omitted, and its `eventId` made of what it reports.
 */
export const makeInboundEvent = (fields: InboundFields): InboundEvent => {
  const event: Record<string, unknown> = { kind: fields.kind, vendor: fields.vendor, channel: fields.channel, from: fields.from }
  if (fields.to !== undefined) event['to'] = fields.to
  if (fields.text !== undefined) event['text'] = fields.text
  if (fields.messageId !== undefined) event['messageId'] = fields.messageId
  if (fields.occurredAt !== undefined) event['occurredAt'] = fields.occurredAt
  if (fields.vendorTime !== undefined) event['vendorTime'] = fields.vendorTime
  event['raw'] = fields.raw
  event['eventId'] = eventIdOf({ vendor: fields.vendor, kind: fields.kind, shape: fields.shape, fields: inboundIdFields(fields), rawIdentity: fields.rawIdentity })
  // An inbound event's text is set (its type requires it); an opt-out's where it is given.
  return event as unknown as InboundEvent
}

/** Builds one entry of an event's `history`, the same way as `makeEvent` builds events. */
export const makeHistoryEntry = (
  entry: StatusRow | undefined,
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

/** A body's one event, and the unknown status code it carries, if any. */
export const oneEvent = (event: AnyWebhookEvent, unknown: UnknownStatusIssue | undefined): Built =>
  unknown === undefined ? { events: [event], unknownStatuses: [], unknownStatusCount: 0 } : { events: [event], unknownStatuses: [unknown], unknownStatusCount: 1 }

/** Gathers the events of a body with many: what a builder of a list uses. */
export interface Collector {
  /** Notes an unknown status code; the issue is built only while fewer than the cap are kept. */
  readonly unknown: (issue: () => UnknownStatusIssue) => void
  /** Whether more events are wanted: not once an unknown code was met that the caller refuses. */
  readonly wanted: () => boolean
  readonly add: (event: AnyWebhookEvent) => void
  readonly built: () => Built
}

/**
 * A collector for a body's events. Once the caller's `unknownStatus: 'error'` has decided
 * the body is refused, no more events are built, and at most `MAX_ISSUES`
 * issues are kept: memory stays bounded by what is returned.
 */
export const collector = (keepUnknown: boolean): Collector => {
  const events: Array<AnyWebhookEvent> = []
  const unknownStatuses: Array<UnknownStatusIssue> = []
  let unknownStatusCount = 0
  return {
    unknown: (issue) => {
      unknownStatusCount++
      if (unknownStatuses.length < MAX_ISSUES) unknownStatuses.push(issue())
    },
    wanted: () => keepUnknown || unknownStatusCount === 0,
    add: (event) => {
      events.push(event)
    },
    built: () => ({ events, unknownStatuses, unknownStatusCount }),
  }
}
