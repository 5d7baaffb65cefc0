/**
 * Events for the Postgres tests and bench: sets of events about a few messages of every
 * vendor, with ties on every part of `advance`'s order (equal ranks, equal instants written
 * differently, no time, unreadable time), `eventId`s of any text (astral characters, NUL,
 * lone surrogates, U+FFFD), keys PostgreSQL text cannot hold as they are, and raw payloads
 * with `-0` and unicode; each set arrives in any order with redeliveries.
 */
import { CHANNELS, VENDORS, advance, eventFromStatus, type AnyEvent, type Channel, type Vendor } from 'deliverykit'
import fc from 'fast-check'

import { CATALOGS } from '../properties/arbitraries.js'

/** The seed of every Postgres property; `FUZZ_SEED` replays another. */
export const SEED = Number(process.env['FUZZ_SEED'] ?? 20261201)

/** A vendor, one of its channels, and a code of that channel, or a code no catalog has. */
const STATUS_CODES: ReadonlyArray<readonly [Vendor, Channel, string]> = VENDORS.flatMap((vendor) =>
  CHANNELS.flatMap((channel) => [...Object.keys(CATALOGS[vendor][channel] ?? {}), ...(CATALOGS[vendor][channel] === undefined ? [] : ['NOT_A_CODE'])].map((code) => [vendor, channel, code] as const)),
)

/**
 * Times that tie: the same instant written with two offsets, a fraction below the
 * millisecond (deliverykit keeps milliseconds), no time at all and an unreadable time
 * (both rank as earliest), the first and last years deliverykit reads.
 */
const TIMES: ReadonlyArray<string | undefined> = [
  '2025-01-22T10:00:00Z',
  '2025-01-22T11:00:00+01:00',
  '2025-01-22T10:00:00.0004Z',
  '2025-01-22T10:00:00.001Z',
  '2025-01-22T10:00:01-00:00',
  '0001-01-01T00:00:00+23:59',
  '9999-12-31T23:59:59.999-23:59',
  undefined,
  'not a time',
]

/** UTF-16 units where code-point and code-unit orders disagree, and what PostgreSQL text cannot hold. */
const TRICKY = ['\u0000', '\uFFFD', '\uFFFF', '\uE000', '\u{10000}', '\u{1F600}', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'é', 'e', 'E', '0', '!', 'd', 'd800']
const unit = fc.oneof(fc.constantFrom(...TRICKY), fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), fc.constantFrom('a', 'b', 'f', '1'))

/** Any text, tricky units often. */
export const anyText: fc.Arbitrary<string> = fc.array(unit, { maxLength: 6 }).map((units) => units.join(''))

/** eventIds as deliverykit makes them (32 hex digits), as a shorter or longer digest, or any text. */
const eventIdText = fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), fc.stringMatching(/^[0-9a-f]{16}$/), anyText)

/** The messages and recipients events are about: few, so that they collide. */
const KEYS: ReadonlyArray<readonly [string, string]> = [
  ['sms_1', '+33600112233'],
  ['m\u0000', '\uD800x'], // NUL and a lone surrogate: PostgreSQL text holds neither as such
  ['m\uFFFD0', '\uFFFDd800x'], // what the two above would be escaped to, were the escape not one-to-one
]

const rawPayload = fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })

interface Draft {
  readonly code: readonly [Vendor, Channel, string]
  readonly key: readonly [string, string]
  readonly time: string | undefined
  readonly eventId: string | undefined
  readonly raw: Readonly<Record<string, unknown>>
  readonly amount: number | undefined
}

/**
 * Drafts drawn from a small palette of codes, times and keys picked per set, so that many
 * events of a set tie on rank, instant and status, and `eventId` decides between them.
 */
const drafts = (maxLength: number): fc.Arbitrary<ReadonlyArray<Draft>> =>
  fc
    .record({
      codes: fc.shuffledSubarray(STATUS_CODES as Array<readonly [Vendor, Channel, string]>, { minLength: 1, maxLength: 3 }),
      times: fc.shuffledSubarray([...TIMES], { minLength: 1, maxLength: 3 }),
      keys: fc.shuffledSubarray([...KEYS], { minLength: 1, maxLength: 2 }),
    })
    .chain(({ codes, times, keys }) =>
      fc.array(
        fc.record({
          code: fc.constantFrom(...codes),
          key: fc.constantFrom(...keys),
          time: fc.constantFrom(...times),
          // Most events keep deliverykit's own id; others get any text, to prove SQL orders it as JavaScript does.
          eventId: fc.option(eventIdText, { freq: 2, nil: undefined }),
          raw: rawPayload,
          amount: fc.option(fc.constantFrom(-0, 0, 0.1, 1e21, 5e-324), { nil: undefined }),
        }),
        { minLength: 1, maxLength },
      ),
    )

/** An event from a draft, built by deliverykit (`eventFromStatus`), then given the draft's oddities. */
const eventOf = (d: Draft): AnyEvent => {
  const [vendor, channel, code] = d.code
  const [messageId, recipient] = d.key
  const time = d.time === 'not a time' ? undefined : d.time
  const result = eventFromStatus(vendor, { channel, code, messageId, recipient, raw: d.raw, ...(time !== undefined && { occurredAt: time }), ...(d.amount !== undefined && { cost: { amount: d.amount } }) }, { unknownStatus: 'keep' })
  if (result._tag === 'Left') throw new Error(`eventFromStatus refused ${JSON.stringify(d)}`)
  // A time deliverykit cannot read ranks as no time at all; eventFromStatus would refuse it.
  return { ...result.right, ...(d.time === 'not a time' && { occurredAt: d.time }), ...(d.eventId !== undefined && { eventId: d.eventId }) }
}

/** Distinct events (distinct eventIds: an eventId names one event). */
export const eventSet = (maxLength: number): fc.Arbitrary<ReadonlyArray<AnyEvent>> =>
  drafts(maxLength).map((list) => {
    const events = new Map<string, AnyEvent>()
    for (const event of list.map(eventOf)) if (!events.has(event.eventId)) events.set(event.eventId, event)
    return [...events.values()]
  })

/** The events, some of them redelivered (a copy, as a redelivery is), in any order. */
export const arrivals = (events: ReadonlyArray<AnyEvent>): fc.Arbitrary<ReadonlyArray<AnyEvent>> =>
  fc
    .array(fc.constantFrom(...events), { maxLength: events.length })
    .chain((again) => {
      const all = [...events, ...again.map((event) => structuredClone(event))]
      return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length })
    })

/** A set of events and an order of arrival, with redeliveries. */
export const eventsAndArrivals = (maxLength: number): fc.Arbitrary<readonly [ReadonlyArray<AnyEvent>, ReadonlyArray<AnyEvent>]> =>
  eventSet(maxLength).chain((events) => fc.tuple(fc.constant(events), arrivals(events)))

/** The (vendor, message, recipient) of an event, as one string. */
export const keyOf = (event: AnyEvent): string => JSON.stringify([event.vendor, event.messageId, event.recipient])

/** What `advance` keeps for each (vendor, message, recipient), folding the events in their order. */
export const foldByKey = (events: ReadonlyArray<AnyEvent>): ReadonlyMap<string, AnyEvent> => {
  const standing = new Map<string, AnyEvent>()
  for (const event of events) standing.set(keyOf(event), advance(standing.get(keyOf(event)), event))
  return standing
}
