import { isOneOf } from '../util/values.js'

/**
 * How each vendor writes its own name, for messages and docs, by the name deliverykit
 * gives it. This is the list of vendor names: one line a vendor, in the order they were
 * added. Every other list of vendors (`VENDORS`, the registries, the entries, the tables)
 * is derived from it, or checked against it (src/vendors/index.ts, the vendor list, must
 * hold a manifest for each, or it does not compile).
 *
 * @category Model
 */
export const VENDOR_NAMES = {
  octopush: 'Octopush',
  messangi: 'Messangi',
  masstack: 'Masstack',
} as const

/**
 * The vendors deliverykit can normalize, in the order they were added.
 *
 * @example
 * ```ts
 * import { VENDORS } from 'deliverykit'
 * VENDORS.includes('octopush') // true
 * ```
 * @category Model
 */
export const VENDORS = Object.keys(VENDOR_NAMES) as ReadonlyArray<keyof typeof VENDOR_NAMES>

/**
 * A vendor deliverykit knows.
 *
 * @category Model
 */
export type Vendor = keyof typeof VENDOR_NAMES

/**
 * Whether a value is the name of a vendor deliverykit knows.
 *
 * @example
 * ```ts
 * import { isVendor } from 'deliverykit'
 * isVendor('octopush') // true
 * isVendor('twilio') // false
 * ```
 * @category Model
 */
export const isVendor = (value: unknown): value is Vendor => isOneOf(VENDORS, value)
