import type { either as E } from 'fp-ts'

import type { NormalizeError } from './errors/error.js'
import type { AnyEvents } from './internal/pipeline.js'
import type { ChannelCatalogs } from './model/catalog.js'
import type { InboundEvent } from './model/inbound.js'
import type { Vendor } from './model/vendor.js'
import { OCTOPUSH_CATALOGS } from './vendors/octopush/catalog.js'
import { normalizeInbound as normalizeOctopushInbound } from './vendors/octopush/inbound.js'
import { normalize as normalizeOctopush, type OctopushOptions } from './vendors/octopush/normalize.js'
import { MESSANGI_CATALOGS } from './vendors/messangi/catalog/index.js'
import { normalizeInbound as normalizeMessangiInbound } from './vendors/messangi/inbound.js'
import { normalizeUnchecked as normalizeMessangi, type MessangiOptions } from './vendors/messangi/normalize.js'
import { MASSTACK_CATALOGS } from './vendors/masstack/catalog.js'
import { normalize as normalizeMasstack, type MasstackOptions } from './vendors/masstack/normalize.js'

/**
 * The options each vendor accepts, by vendor name.
 *
 * @category Normalize
 */
export interface VendorOptions {
  readonly octopush: OctopushOptions
  readonly messangi: MessangiOptions
  readonly masstack: MasstackOptions
}

/**
 * The options of one vendor.
 *
 * @category Normalize
 */
export type OptionsFor<V extends Vendor> = VendorOptions[V]

/**
 * The vendors whose options are all optional: the root `normalize` may be called
 * without options for them (`normalize('octopush', body)`).
 *
 * @category Normalize
 */
export type VendorWithOptionalOptions = {
  readonly [V in Vendor]: Partial<OptionsFor<V>> extends OptionsFor<V> ? V : never
}[Vendor]

/**
 * The vendors with a required option, which the root `normalize` then requires too
 * (Messangi's `channel`: its bodies do not name their channel).
 *
 * @category Normalize
 */
export type VendorWithRequiredOptions = Exclude<Vendor, VendorWithOptionalOptions>

/** What the root needs of a vendor: its normalize and its catalogs. */
interface VendorDefinition<V extends Vendor> {
  readonly normalize: (body: unknown, options: OptionsFor<V> | undefined) => E.Either<NormalizeError, AnyEvents>
  readonly catalogs: ChannelCatalogs
  /** Opt-out and inbound callbacks, for vendors that send them. */
  readonly normalizeInbound?: (body: unknown, options: InboundOptions | undefined) => E.Either<NormalizeError, ReadonlyArray<InboundEvent>>
}

/**
 * Options for opt-out and inbound callbacks: the zone of zone-less times.
 *
 * @category Inbound
 */
export interface InboundOptions {
  readonly timeZone?: string
  /** The largest body read from text or bytes, as for `normalize` (default 32 MiB). */
  readonly maxBodySize?: number
}

/** The vendor registry: a vendor in `VENDORS` without a definition here does not compile. */
export const VENDOR_DEFINITIONS: { readonly [V in Vendor]: VendorDefinition<V> } = {
  octopush: { normalize: normalizeOctopush, catalogs: OCTOPUSH_CATALOGS, normalizeInbound: normalizeOctopushInbound },
  messangi: { normalize: normalizeMessangi, catalogs: MESSANGI_CATALOGS, normalizeInbound: normalizeMessangiInbound },
  masstack: { normalize: normalizeMasstack, catalogs: MASSTACK_CATALOGS },
}
