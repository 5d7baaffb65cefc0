import type { either as E } from 'fp-ts'

import type { NormalizeError } from './errors/error.js'
import type { AnyEvents } from './internal/pipeline.js'
import type { ChannelCatalogs } from './model/catalog.js'
import type { Vendor } from './model/vendor.js'
import { OCTOPUSH_CATALOGS } from './vendors/octopush/catalog.js'
import { normalize as normalizeOctopush, type OctopushOptions } from './vendors/octopush/normalize.js'
import { MASSTACK_CATALOGS } from './vendors/masstack/catalog.js'
import { normalize as normalizeMasstack, type MasstackOptions } from './vendors/masstack/normalize.js'

/**
 * The options each vendor accepts, by vendor name.
 *
 * @category Normalize
 */
export interface VendorOptions {
  readonly octopush: OctopushOptions
  readonly masstack: MasstackOptions
}

/**
 * The options of one vendor.
 *
 * @category Normalize
 */
export type OptionsFor<V extends Vendor> = VendorOptions[V]

/** What the root needs of a vendor: its normalize and its catalogs. */
interface VendorDefinition<V extends Vendor> {
  readonly normalize: (body: unknown, options: OptionsFor<V> | undefined) => E.Either<NormalizeError, AnyEvents>
  readonly catalogs: ChannelCatalogs
}

/** The vendor registry: a vendor in `VENDORS` without a definition here does not compile. */
export const VENDOR_DEFINITIONS: { readonly [V in Vendor]: VendorDefinition<V> } = {
  octopush: { normalize: normalizeOctopush, catalogs: OCTOPUSH_CATALOGS },
  masstack: { normalize: normalizeMasstack, catalogs: MASSTACK_CATALOGS },
}
