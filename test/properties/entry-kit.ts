/**
 * What an entry point of the property suite is, and the helpers each vendor's testkit
 * (test/vendors/<vendor>/testkit.ts) writes its entry points with. Apart from
 * entry-points.ts, which gathers them, so that a testkit can import it.
 */
import type { AnyEvent, InboundEvent, NormalizeError, Vendor } from 'deliverykit'
import { either as E } from 'fp-ts'

export type Result = E.Either<NormalizeError, ReadonlyArray<AnyEvent>>

export interface EntryPoint {
  readonly name: string
  readonly vendor: Vendor
  readonly normalize: (body: unknown) => Result
  /** The `parse` twin, which returns the events or throws. */
  readonly parse?: (body: unknown) => ReadonlyArray<AnyEvent>
}

/** An inbound entry point: `opt_out` and `inbound` events, or an error. */
export interface InboundEntryPoint {
  readonly name: string
  readonly vendor: Vendor
  readonly normalize: (body: unknown) => E.Either<NormalizeError, ReadonlyArray<InboundEvent>>
}

export const fromSafe = (result: { readonly success: true; readonly events: ReadonlyArray<AnyEvent> } | { readonly success: false; readonly error: NormalizeError }): Result =>
  result.success ? E.right(result.events) : E.left(result.error)

export const keep = { unknownStatus: 'keep' } as const
