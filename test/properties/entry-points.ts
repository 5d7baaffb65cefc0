/**
 * Every public entry point that takes a body, each with the `parse` twin that must throw
 * exactly the error `normalize` returns.
 */
import { normalize, normalizeInbound, parse, safeParse, type AnyEvent, type NormalizeError, type Vendor } from 'deliverykit'
import * as masstack from 'deliverykit/masstack'
import * as messangi from 'deliverykit/messangi'
import * as octopush from 'deliverykit/octopush'
import { either as E } from 'fp-ts'

type Result = E.Either<NormalizeError, ReadonlyArray<AnyEvent>>

export interface EntryPoint {
  readonly name: string
  readonly vendor: Vendor
  readonly normalize: (body: unknown) => Result
  /** The `parse` twin, which returns the events or throws. */
  readonly parse?: (body: unknown) => ReadonlyArray<AnyEvent>
}

const fromSafe = (result: { readonly success: true; readonly events: ReadonlyArray<AnyEvent> } | { readonly success: false; readonly error: NormalizeError }): Result =>
  result.success ? E.right(result.events) : E.left(result.error)

const keep = { unknownStatus: 'keep' } as const

export const ENTRY_POINTS: ReadonlyArray<EntryPoint> = [
  { name: "normalize('octopush')", vendor: 'octopush', normalize: (b) => normalize('octopush', b), parse: (b) => parse('octopush', b) },
  {
    name: "normalize('octopush', voice, keep, New York)",
    vendor: 'octopush',
    normalize: (b) => normalize('octopush', b, { channel: 'voice', ...keep, timeZone: 'America/New_York' }),
    parse: (b) => parse('octopush', b, { channel: 'voice', ...keep, timeZone: 'America/New_York' }),
  },
  { name: "safeParse('octopush')", vendor: 'octopush', normalize: (b) => fromSafe(safeParse('octopush', b)) },
  { name: "normalize('messangi', sms)", vendor: 'messangi', normalize: (b) => normalize('messangi', b, { channel: 'sms' }), parse: (b) => parse('messangi', b, { channel: 'sms' }) },
  { name: "normalize('messangi', whatsapp, keep)", vendor: 'messangi', normalize: (b) => normalize('messangi', b, { channel: 'whatsapp', ...keep }) },
  { name: "safeParse('messangi', push)", vendor: 'messangi', normalize: (b) => fromSafe(safeParse('messangi', b, { channel: 'push' })) },
  { name: "normalize('masstack')", vendor: 'masstack', normalize: (b) => normalize('masstack', b), parse: (b) => parse('masstack', b) },
  { name: "normalize('masstack', keep, UTC)", vendor: 'masstack', normalize: (b) => normalize('masstack', b, { ...keep, timeZone: 'UTC' }) },
  { name: 'octopush.normalize', vendor: 'octopush', normalize: (b) => octopush.normalize(b), parse: (b) => octopush.parse(b) },
  { name: 'octopush.safeParse(rcs)', vendor: 'octopush', normalize: (b) => fromSafe(octopush.safeParse(b, { channel: 'rcs' })) },
  { name: 'messangi.normalize(email)', vendor: 'messangi', normalize: (b) => messangi.normalize(b, { channel: 'email' }), parse: (b) => messangi.parse(b, { channel: 'email' }) },
  { name: 'messangi.normalizeLegacy', vendor: 'messangi', normalize: (b) => messangi.normalizeLegacy(b), parse: (b) => messangi.parseLegacy(b) },
  { name: 'messangi.safeParseLegacy(keep)', vendor: 'messangi', normalize: (b) => fromSafe(messangi.safeParseLegacy(b, keep)) },
  { name: 'masstack.normalize', vendor: 'masstack', normalize: (b) => masstack.normalize(b), parse: (b) => masstack.parse(b) },
  { name: 'masstack.safeParse(keep)', vendor: 'masstack', normalize: (b) => fromSafe(masstack.safeParse(b, keep)) },
]

/** The inbound entry points: `opt_out` and `inbound` events, or an error. */
export const INBOUND_ENTRY_POINTS = [
  { name: "normalizeInbound('octopush')", vendor: 'octopush', normalize: (b: unknown) => normalizeInbound('octopush', b) },
  { name: "normalizeInbound('octopush', UTC)", vendor: 'octopush', normalize: (b: unknown) => normalizeInbound('octopush', b, { timeZone: 'UTC' }) },
  { name: 'octopush.normalizeInbound', vendor: 'octopush', normalize: (b: unknown) => octopush.normalizeInbound(b) },
  { name: "normalizeInbound('messangi')", vendor: 'messangi', normalize: (b: unknown) => normalizeInbound('messangi', b) },
] as const
