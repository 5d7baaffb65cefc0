/**
 * Each vendor's testkit (issue 22): the rows the shared tests hold for a vendor, in the
 * vendor's own folder, test/vendors/<vendor>/testkit.ts, which exports them as `testkit`.
 * They are loaded here by that convention for every vendor of VENDORS, so that adding a
 * vendor adds files under test/vendors/<vendor>/ and touches no shared test file.
 */
import { existsSync } from 'node:fs'

import { VENDORS, type ChannelCatalogs, type CallbackKind, type Vendor } from 'deliverykit'
import type fc from 'fast-check'

import type { EntryPoint, InboundEntryPoint } from '../properties/entry-kit.js'
import type { Json, ValidBody } from '../properties/pieces.js'
import type { Case } from '../webhookRoutes.js'

/** A generator of a vendor's valid bodies, with the title of the property that decodes them. */
export interface ValidBodies {
  readonly title: string
  readonly arbitrary: fc.Arbitrary<ValidBody>
}

export interface Testkit {
  readonly vendor: Vendor
  /** Generators of valid bodies of every channel and code, by name (test/properties/valid-bodies.test.ts). */
  readonly validBodies: Readonly<Record<string, ValidBodies>>
  /** Generators of its opt-outs and inbound messages, for a vendor that sends them (test/properties/arbitraries.ts, interactionBody). */
  readonly interactionBodies?: ReadonlyArray<fc.Arbitrary<Omit<ValidBody, 'expected'>>>
  /** The catalogs a body's codes are read in, where they are not the vendor's own (Messangi's legacy callbacks). */
  readonly catalogsOf?: (raw: unknown) => ChannelCatalogs | undefined
  /** Every body shape, with its fields (codecs in src/vendors/<vendor>/codec.ts), for test/properties/shape-fields.test.ts. */
  readonly shapes: Readonly<Record<string, ReadonlyArray<string>>>
  /** The shape a generated or example body object has, by how the generators build them. */
  readonly shapeOf: (body: Readonly<Record<string, Json>>) => string
  /** Whether its bodies may name a channel deliverykit does not know (its schema has a shape for them; test/vendors/json-schema.test.ts). */
  readonly namesChannels: boolean
  /** Its root's and its entry's entry points (test/properties/entry-points.ts). */
  readonly entryPoints: ReadonlyArray<EntryPoint>
  /** Its inbound entry points, for a vendor that sends opt-outs or inbound messages. */
  readonly inboundEntryPoints?: ReadonlyArray<InboundEntryPoint>
  /** What detectVendor says of each of its payloads (examples/payloads/<file>), written out by hand: [kind, shape, channel] (test/api/detect.test.ts). */
  readonly detected: Readonly<Record<string, readonly [CallbackKind, string, string | undefined]>>
  /** Each of its payloads, the route it is posted to, and what it must give (test/webhookRoutes.ts, CASES). */
  readonly routes: ReadonlyArray<Case>
  /** What each of its wild fixtures (test/fixtures/wild/<vendor>/) gives, by `<vendor>/<file>`: its events, summed up, or the first line of its refusal (test/vendors/wild-bodies.test.ts). */
  readonly wild: Readonly<Record<string, WildExpected>>
}

/** What one event says: [kind, channel, who (recipient or sender), vendor code or text, canonical status (deliveries), occurredAt]. */
export type WildSummary = readonly [string, string, string, string | undefined, string | undefined, string | undefined]

/** What a wild fixture gives: its events, summed up, or the first line of its refusal. */
export type WildExpected = { readonly events: ReadonlyArray<WildSummary> } | { readonly refused: string }

/** Where a vendor's testkit is, from the repository's root. */
export const testkitPath = (vendor: string): string => `test/vendors/${vendor}/testkit.ts`

/** A vendor's testkit, or undefined when it has no test/vendors/<vendor>/testkit.ts (the vendor contract says so). */
export const loadTestkit = async (vendor: string): Promise<Testkit | undefined> => {
  if (!existsSync(new URL(`./${vendor}/testkit.ts`, import.meta.url))) return undefined
  const module = (await import(/* @vite-ignore */ `./${vendor}/testkit.ts`)) as { readonly testkit?: Testkit }
  return module.testkit
}

/** The testkit of every vendor of VENDORS that has one, in the order of VENDORS. */
export const TESTKITS: ReadonlyArray<Testkit> = (await Promise.all(VENDORS.map(loadTestkit))).filter((kit) => kit !== undefined)

/** A vendor's testkit; throws, naming the file to add, when it has none. */
export const testkitOf = (vendor: Vendor): Testkit => {
  const kit = TESTKITS.find((candidate) => candidate.vendor === vendor)
  if (kit === undefined) throw new Error(`${vendor} has no testkit: add ${testkitPath(vendor)}, exporting \`testkit\``)
  return kit
}
