import type { RegisteredVendor } from './runtime/run.js'
import type { CommonOptions } from './types/options.js'
import { isVendor, VENDORS, type Vendor } from './model/vendor.js'
import type { ManifestInboundOptions, ManifestOptions, VendorManifest } from './runtime/manifest.js'
import * as VENDOR_LIST from './vendors/index.js'
// The one option of one vendor that the root's inbound entries take for every vendor.
import type { MessangiOptOutOptions } from './vendors/messangi/definition.js'

type Manifests = typeof VENDOR_LIST

/**
 * The vendor list, checked against `VENDOR_NAMES` both ways: a name without its line in
 * src/vendors/index.ts fails to compile here ("Property 'acme' is missing"), and so do a
 * line without a name ("Type 'VendorManifest<…>' is not assignable to type 'never'") and a
 * manifest filed under another vendor's name.
 */
const checkedList = <L extends { readonly [V in Vendor]: VendorManifest<V> } & Readonly<Record<Exclude<keyof L, Vendor>, never>>>(list: L): { readonly [V in Vendor]: VendorManifest<V> } => list
const MANIFESTS = checkedList(VENDOR_LIST)

/**
 * The options each vendor accepts, by vendor name.
 *
 * @category Normalize
 */
export type VendorOptions = { readonly [V in Vendor]: ManifestOptions<Manifests[V]> }

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
 * The options the root entries accept for `V`. For one vendor named in the code, its own
 * options ({@link OptionsFor}). For a vendor known only at run time (`V` a union such as
 * {@link Vendor}, read from a URL segment), the options every vendor accepts:
 * {@link CommonOptions} (`timeZone`, `unknownStatus`, `maxBodySize`). A vendor-specific
 * option (Messangi's `channel`, Octopush's `channel`) needs the vendor narrowed first
 * (`if (vendor === 'messangi')`); without its channel, Messangi answers an
 * `invalid_options` error at run time that names the missing `channel`.
 *
 * @example
 * ```ts
 * import { safeParse, isVendor } from 'deliverykit'
 *
 * const handle = (segment: string, body: string) =>
 *   isVendor(segment) ? safeParse(segment, body, { timeZone: 'UTC' }) : undefined
 * ```
 * @category Normalize
 */
export type CallOptions<V extends Vendor> = { readonly [One in V]: [V] extends [One] ? OptionsFor<One> : CommonOptions }[V]

/**
 * The names of the options a vendor requires (Messangi: `'channel'`).
 *
 * @category Normalize
 */
export type RequiredOptionNames<V extends Vendor> = {
  readonly [K in keyof OptionsFor<V>]-?: OptionsFor<V> extends Readonly<Record<K, unknown>> ? K : never
}[keyof OptionsFor<V>]

/**
 * The compile error of a root entry called without the options its vendor requires: the
 * type the vendor argument is then checked against, whose text names the missing options.
 * `safeParse('messangi', body)` does not compile, with the message
 * `Argument of type '"messangi"' is not assignable to parameter of type '"messangi needs
 * the options argument: pass { channel } after the body"'`. `After` names the argument
 * the options follow (`webhookSchema` takes no body: `after the vendor`).
 *
 * @category Normalize
 */
export type MissingOptions<V extends Vendor, After extends string = 'the body'> = `${V} needs the options argument: pass { ${RequiredOptionNames<V> & string} } after ${After}`

/**
 * The vendor argument of a root entry called without options: any vendor whose options
 * are all optional, or a vendor known only at run time (a union, checked at run time);
 * for a vendor named in the code that requires options, {@link MissingOptions}, so the
 * call does not compile and the error says what to add.
 *
 * @category Normalize
 */
export type VendorWithoutOptions<V extends Vendor, After extends string = 'the body'> = [V] extends [VendorWithRequiredOptions] ? MissingOptions<V, After> : V

/**
 * Options for opt-out and inbound callbacks: the zone of zone-less times, the largest body
 * read, and the keywords that make a Messangi inbound message an opt-out
 * (`optOutKeywords`). Octopush sends STOPs as opt-out callbacks of its own and ignores
 * `optOutKeywords`; Messangi's times carry their zone and it ignores `timeZone`.
 *
 * @category Inbound
 */
export type InboundOptions = Pick<CommonOptions, 'timeZone' | 'maxBodySize'> & MessangiOptOutOptions

/**
 * The options of each vendor's opt-out and inbound callbacks, by vendor name. A vendor that
 * sends no such callback is not here: Masstack's statuses are polled, and it has no STOP or
 * reply callback.
 *
 * @category Inbound
 */
export type VendorInboundOptions = {
  readonly [V in Vendor as [ManifestInboundOptions<Manifests[V]>] extends [never] ? never : V]: ManifestInboundOptions<Manifests[V]>
}

/**
 * The vendors the root inbound entries take (`normalizeInbound`, `safeParseInbound`,
 * `parseInbound`): those that send opt-out or inbound-message callbacks, so that
 * `normalizeInbound('masstack', body)` does not compile. A vendor read at run time is
 * narrowed with {@link isInboundVendor}.
 *
 * @category Inbound
 */
export type InboundVendor = keyof VendorInboundOptions

/**
 * Whether a value names a vendor that sends opt-out or inbound-message callbacks, read
 * from the registry: the vendors with a shape of either kind.
 *
 * @example
 * ```ts
 * import { isInboundVendor } from 'deliverykit'
 * isInboundVendor('octopush') // true
 * isInboundVendor('masstack') // false: its statuses are polled
 * ```
 * @category Inbound
 */
export const isInboundVendor = (value: unknown): value is InboundVendor =>
  isVendor(value) && REGISTRY[value].kinds.some((kind) => kind !== 'delivery')

/** Each vendor's manifest field, by vendor. */
const byVendor = <A>(read: (manifest: VendorManifest) => A): Readonly<Record<Vendor, A>> =>
  Object.fromEntries(VENDORS.map((vendor) => [vendor, read(MANIFESTS[vendor])])) as Record<Vendor, A>

/**
 * The vendor registry: each vendor with every shape's decoder, for every root entry. (A
 * delivery-only registry measured 40 bytes gzip more than this one in a bundle of
 * `normalize`, not less: the vendors' `pick` already names every shape's codec.)
 */
export const REGISTRY: Readonly<Record<Vendor, RegisteredVendor>> = /*#__PURE__*/ byVendor((manifest) => manifest.registration)

/** Every vendor's manifest, for the parts of deliverykit that read more than the registries (detection, the command's catalogs). */
export const VENDOR_MANIFESTS: { readonly [V in Vendor]: VendorManifest<V> } = MANIFESTS
