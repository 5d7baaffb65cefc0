/**
 * Every public entry point that takes a body, each with the `parse` twin that must throw
 * exactly the error `normalize` returns: each vendor's, from its testkit
 * (test/vendors/<vendor>/testkit.ts).
 */
import { TESTKITS } from '../vendors/testkit.js'
import type { EntryPoint, InboundEntryPoint } from './entry-kit.js'

export type { EntryPoint, InboundEntryPoint } from './entry-kit.js'

export const ENTRY_POINTS: ReadonlyArray<EntryPoint> = TESTKITS.flatMap((kit) => kit.entryPoints)

/** The inbound entry points: `opt_out` and `inbound` events, or an error. */
export const INBOUND_ENTRY_POINTS: ReadonlyArray<InboundEntryPoint> = TESTKITS.flatMap((kit) => kit.inboundEntryPoints ?? [])
