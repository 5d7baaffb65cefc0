import type { RegisteredVendor } from './internal/engine.js'
import type { CommonOptions } from './internal/pipeline.js'
import type { Vendor } from './model/vendor.js'
import { MASSTACK_VENDOR, type MasstackOptions } from './vendors/masstack/definition.js'
import { MESSANGI_DELIVERY_VENDOR, MESSANGI_VENDOR, type MessangiOptions } from './vendors/messangi/definition.js'
import { OCTOPUSH_DELIVERY_VENDOR, OCTOPUSH_VENDOR, type OctopushOptions } from './vendors/octopush/definition.js'

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
 * The vendors whose options are all optional: the root entries may be called without
 * options for them (`normalize('octopush', body)`).
 *
 * @category Normalize
 */
export type VendorWithOptionalOptions = {
  readonly [V in Vendor]: Partial<OptionsFor<V>> extends OptionsFor<V> ? V : never
}[Vendor]

/**
 * The vendors with a required option, which the root entries then require too
 * (Messangi's `channel`: its bodies do not name their channel).
 *
 * @category Normalize
 */
export type VendorWithRequiredOptions = Exclude<Vendor, VendorWithOptionalOptions>

/**
 * Options for opt-out and inbound callbacks: the zone of zone-less times, and the largest
 * body read.
 *
 * @category Inbound
 */
export type InboundOptions = Pick<CommonOptions, 'timeZone' | 'maxBodySize'>

/** The vendor registry: a vendor in `VENDORS` without a definition here does not compile. */
export const REGISTRY: Readonly<Record<Vendor, RegisteredVendor>> = {
  octopush: OCTOPUSH_VENDOR,
  messangi: MESSANGI_VENDOR,
  masstack: MASSTACK_VENDOR,
}

/**
 * The registry of the delivery entries (`normalize`, `safeParse`, `parse`): each vendor
 * with its delivery decoders alone, so a bundle of those carries no opt-out or inbound
 * decoder. The same catalogs, kinds and rules as {@link REGISTRY}.
 */
export const DELIVERY_REGISTRY: Readonly<Record<Vendor, RegisteredVendor>> = {
  octopush: OCTOPUSH_DELIVERY_VENDOR,
  messangi: MESSANGI_DELIVERY_VENDOR,
  masstack: MASSTACK_VENDOR,
}
