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
export const VENDORS = ['octopush', 'messangi', 'masstack'] as const

/**
 * A vendor deliverykit knows. Adding a vendor here without registering its adapter in
 * `normalize` does not compile.
 *
 * @category Model
 */
export type Vendor = (typeof VENDORS)[number]

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
export const isVendor = (value: unknown): value is Vendor =>
  // Stryker disable next-line ConditionalExpression: equivalent, includes finds no value that is not text among the names
  typeof value === 'string' && (VENDORS as ReadonlyArray<string>).includes(value)
