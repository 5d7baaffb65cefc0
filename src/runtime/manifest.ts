/**
 * What a vendor folder hands the rest of deliverykit: one manifest, listed once in
 * src/vendors/index.ts (the vendor list). The registries of the root entries, the
 * command's catalogs, `detectVendor`'s rules and the option types are all read from the
 * manifests, so nothing outside the folder names the vendor's parts.
 */
import type { VendorDetection } from '../kit/detection.js'
import type { Channel } from '../model/channel.js'
import type { Vendor } from '../model/vendor.js'
import type { RegisteredVendor } from './run.js'

/**
 * A vendor, for everything outside its folder. `Options` are its entries' options,
 * `InboundOptions` those of its opt-out and inbound callbacks (`never` for a vendor that
 * sends none: Masstack's statuses are polled).
 */
export interface VendorManifest<V extends Vendor = Vendor, Options = unknown, InboundOptions = unknown> {
  readonly vendor: V
  /** Every shape with its decoder: the root entries, the handler, the command. */
  readonly registration: RegisteredVendor
  /**
   * The names under which its entry (`deliverykit/<vendor>`) exports its public catalogs,
   * rows with their notes: what `deliverykit catalog` prints (`legacy`: `catalog --legacy`,
   * the vendor's legacy callbacks' own tables, where it has any). Names, not the catalogs,
   * so that the root entries, which read the manifests, carry no notes.
   */
  readonly catalogExports: { readonly current: string; readonly legacy?: string }
  /**
   * The vendor's `channel` option, for the command's help: the channels it takes, and
   * whether some bodies cannot be decoded without it (Messangi's do not name their channel),
   * with the vendor's own words on when (`'required but for legacy callbacks'`).
   */
  readonly channelOption?: { readonly values: ReadonlyArray<Channel>; readonly required?: string }
  /** The zone its zone-less times are read in by default, where its bodies have such times (the command's help). */
  readonly zoneLessTimes?: string
  /** How `detectVendor` tells the vendor's bodies, by field names. */
  readonly detection: VendorDetection
  /** Types only, never set: the vendor's option types, for the root entries' signatures. */
  readonly optionTypes?: { readonly options: Options; readonly inbound: InboundOptions }
}

/** The entries' options of a manifest. */
export type ManifestOptions<M> = M extends VendorManifest<Vendor, infer O> ? O : never

/** The opt-out and inbound options of a manifest (`never` for a vendor without such callbacks). */
export type ManifestInboundOptions<M> = M extends VendorManifest<Vendor, unknown, infer I> ? I : never
