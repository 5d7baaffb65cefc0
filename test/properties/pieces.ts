/**
 * The pieces the property suite's generators are made of: the types of a generated body,
 * each vendor's catalogs, and generators of dates, ids, numbers and optional fields. Each
 * vendor's generators (test/vendors/<vendor>/testkit.ts) are built from these; this module
 * imports no vendor's testkit, so that the testkits can import it.
 */
import * as DELIVERYKIT from 'deliverykit'
import { VENDORS, type Channel, type ChannelCatalogs, type Vendor } from 'deliverykit'
import fc from 'fast-check'

import { VENDOR_MANIFESTS } from '../../src/options.js'

export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }
// A recursive type needs the index signature.
// eslint-disable-next-line @typescript-eslint/consistent-indexed-object-style, @typescript-eslint/consistent-type-definitions
export type JsonObject = { [key: string]: Json }

/** Each vendor's public catalogs: its entry's export that its manifest names (what `deliverykit catalog` prints). */
export const CATALOGS: Readonly<Record<Vendor, ChannelCatalogs>> = Object.fromEntries(
  VENDORS.map((vendor) => [vendor, (DELIVERYKIT[vendor] as Readonly<Record<string, unknown>>)[VENDOR_MANIFESTS[vendor].catalogExports.current] as ChannelCatalogs]),
) as Record<Vendor, ChannelCatalogs>

export const codesOf = (vendor: Vendor, channel: Channel): ReadonlyArray<string> => Object.keys(CATALOGS[vendor][channel] ?? {})

/** What one event of a generated body must be. */
export interface ExpectedEvent {
  readonly channel: Channel
  readonly messageId: string
  readonly recipient: string
  readonly vendorStatus: string
  readonly historyLength: number
}

/** A generated valid body, how to call normalize on it, and the events it must give. */
export interface ValidBody {
  readonly vendor: Vendor
  readonly body: Json
  readonly options: Readonly<Record<string, string>>
  readonly expected: ReadonlyArray<ExpectedEvent>
}
// ---------------------------------------------------------------------------------------
// pieces
// ---------------------------------------------------------------------------------------

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** A real `YYYY-MM-DD HH:mm:ss`, including daylight-saving changes and leap days. */
export const localDateTime = fc
  .record({
    // Mostly years under today's EU rule (arithmetic); one in ten before 1996, which Intl converts.
    year: fc.oneof({ arbitrary: fc.integer({ min: 1996, max: 2099 }), weight: 9 }, { arbitrary: fc.integer({ min: 1900, max: 1995 }), weight: 1 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ year, month, day, hour, minute, second }) => `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`)

/** ISO-8601 with `Z` or an offset, and up to nine fractional digits. */
export const offsetDateTime = fc
  .tuple(localDateTime, fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }), fc.constantFrom('Z', '+01:00', '-03:30', '+0200', '+00:00'))
  .map(([local, fraction, zone]) => `${local.replace(' ', 'T')}${fraction === undefined ? '' : `.${fraction}`}${zone}`)

/** Ids and recipients: any text, including empty, unicode and `__proto__`. */
export const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'toString', ''))
export const nonEmptyText = text.filter((s) => s.length > 0)
export const digits = fc.stringMatching(/^\+?[0-9]{1,15}$/)
export const numericText = fc.oneof(fc.integer({ min: 0, max: 100_000 }).map(String), fc.stringMatching(/^[0-9]{1,6}\.[0-9]{1,4}$/))
export const price = fc.oneof(fc.double({ min: 0, max: 10, noNaN: true, noDefaultInfinity: true }), numericText)

/** Optional fields: each present or absent. */
export const optionalFields = <T extends Record<string, unknown>>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<Partial<T>> =>
  fc.record(fields, { requiredKeys: [], noNullPrototype: true }) as fc.Arbitrary<Partial<T>>

export const moDate = fc.oneof(offsetDateTime, localDateTime.map((s) => s.replace(' ', 'T')))
