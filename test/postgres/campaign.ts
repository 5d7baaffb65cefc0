/**
 * Campaigns for the recordEvents tests: the delivery events of events.ts (every vendor,
 * ties on every part of advance's order, keys PostgreSQL text cannot hold) with Octopush
 * STOPs and replies, arriving with redeliveries as bodies (batches) of random sizes, so that
 * copies of an event fall in the same batch and in different ones. And what the tables and
 * the returned rows must say after them.
 */
import { advance, parseWebhook, type AnyEvent, type AnyWebhookEvent, type InboundEvent } from 'deliverykit'
import { postgresText, recordEvents, recordedEvents, type PostgresQuery, type RecordEventsRow, type RecordedEvents } from 'deliverykit/postgres'
import fc from 'fast-check'
import { expect } from 'vitest'

import { anyText, eventSet, foldByKey, keyOf } from './events.js'
import { expectStoredFold, type Database } from './stored.js'

const NUMBERS = ['+33600112233', '+44600000000', '0033600112233']

/** An Octopush STOP or reply as parseWebhook makes it; sometimes with a sender PostgreSQL text cannot hold as it is. */
const inboundEvent: fc.Arbitrary<InboundEvent> = fc
  .record({
    stop: fc.boolean(),
    number: fc.constantFrom(...NUMBERS),
    text: fc.constantFrom('STOP', 'stop', 'Hello', 'oui \u{1F600}'),
    date: fc.constantFrom('2025-01-22 11:46:06', '2025-01-22 11:47:06'),
    messageId: fc.option(fc.constantFrom('sms_1', 'sms_2'), { nil: undefined }),
    from: fc.option(anyText, { freq: 4, nil: undefined }),
  })
  .map((d) => {
    const base = { number: d.number, text: d.text, ...(d.messageId !== undefined && { message_id: d.messageId }) }
    const [event] = parseWebhook('octopush', d.stop ? { ...base, stop_date: d.date } : { ...base, reception_date: d.date })
    if (event === undefined || event.kind === 'delivery') throw new Error('parseWebhook gave no inbound event')
    return d.from === undefined ? event : { ...event, from: d.from }
  })

/** Events with distinct eventIds: deliveries of every vendor, and STOPs and replies. */
export const campaignEvents = (maxDeliveries: number): fc.Arbitrary<ReadonlyArray<AnyWebhookEvent>> =>
  fc.tuple(eventSet(maxDeliveries), fc.array(inboundEvent, { maxLength: 5 })).map(([deliveries, inbound]) => {
    const byId = new Map<string, AnyWebhookEvent>()
    for (const event of [...deliveries, ...inbound]) if (!byId.has(event.eventId)) byId.set(event.eventId, event)
    return [...byId.values()]
  })

/** A campaign: its distinct events, and the bodies they arrive in, in order, with redeliveries. */
export interface Campaign {
  readonly events: ReadonlyArray<AnyWebhookEvent>
  readonly batches: ReadonlyArray<ReadonlyArray<AnyWebhookEvent>>
}

/** Every event, some of them again (a copy, as a redelivery is), shuffled, then cut into bodies of 1 to `maxBatch` events. */
export const campaign = (maxDeliveries: number, maxBatch: number): fc.Arbitrary<Campaign> =>
  campaignEvents(maxDeliveries).chain((events) =>
    fc
      .tuple(fc.array(fc.constantFrom(...events), { maxLength: events.length }), fc.array(fc.integer({ min: 1, max: maxBatch }), { minLength: 1, maxLength: 30 }))
      .chain(([again, sizes]) => {
        const all = [...events, ...again.map((event) => structuredClone(event))]
        return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }).map((arrival): Campaign => {
          const batches: Array<ReadonlyArray<AnyWebhookEvent>> = []
          let start = 0
          for (const size of sizes) {
            if (start >= arrival.length) break
            batches.push(arrival.slice(start, start + size))
            start += size
          }
          if (start < arrival.length) batches.push(arrival.slice(start))
          return { events, batches }
        })
      }),
  )

const isDelivery = (event: AnyWebhookEvent): event is AnyEvent => event.kind === 'delivery'

/** Runs one batch's statement and reads its row. */
export const recordBatch = async (db: Database, batch: ReadonlyArray<AnyWebhookEvent>): Promise<RecordedEvents<AnyWebhookEvent>> => {
  const rows = await db.query<RecordEventsRow>(recordEvents(batch) satisfies PostgresQuery)
  expect(rows).toHaveLength(1)
  return recordedEvents(batch, rows)
}

/**
 * What recordEvents must return for batches run one after the other: new are the first
 * arrivals of each eventId (the first copy in its batch); standing, per key, the greatest
 * new event of the batch under advance, when it beats what stood before the batch.
 */
export const expectedSequential = (batches: ReadonlyArray<ReadonlyArray<AnyWebhookEvent>>): ReadonlyArray<RecordedEvents<AnyWebhookEvent>> => {
  const seen = new Set<string>()
  const stored = new Map<string, AnyEvent>()
  return batches.map((batch) => {
    const recorded = batch.filter((event) => !seen.has(event.eventId) && seen.add(event.eventId))
    const greatest = foldByKey(recorded.filter(isDelivery))
    const standing = [...greatest.values()].filter((event) => advance(stored.get(keyOf(event)), event) === event)
    for (const event of standing) stored.set(keyOf(event), event)
    return { recorded, standing: batch.filter((event) => standing.includes(event as AnyEvent)) as ReadonlyArray<AnyEvent> }
  })
}

/**
 * The tables after a campaign, however its batches interleaved: each delivery event once
 * and the fold of advance standing (stored.ts), each STOP and reply once in
 * deliverykit_inbound, as it was; and across the batches' rows, each eventId new exactly
 * once, and each final winner reported standing by the batch that recorded it.
 */
export const expectCampaignStored = async (db: Database, { events }: Campaign, results: ReadonlyArray<RecordedEvents<AnyWebhookEvent>>): Promise<void> => {
  await expectStoredFold(db, events.filter(isDelivery))
  const inbound = events.filter((event) => !isDelivery(event))
  const rows = await db.query<{ readonly event_id: string; readonly kind: string; readonly from_address: string; readonly event: InboundEvent }>(
    'SELECT event_id, kind, from_address, event FROM deliverykit_inbound',
  )
  expect(rows).toHaveLength(inbound.length)
  const byId = new Map(rows.map((row) => [row.event_id, row]))
  for (const event of inbound) {
    const row = byId.get(postgresText(event.eventId))
    expect(row?.event).toEqual(event)
    expect([row?.kind, row?.from_address]).toEqual([event.kind, postgresText(event.from)])
  }

  const recorded = results.flatMap((result) => result.recorded.map((event) => event.eventId))
  expect([...recorded].sort()).toEqual(events.map((event) => event.eventId).sort())
  const standing = new Set(results.flatMap((result) => result.standing.map((event) => event.eventId)))
  for (const winner of foldByKey(events.filter(isDelivery)).values()) expect(standing.has(winner.eventId)).toBe(true)
}
