/**
 * What a vendor must have, everywhere deliverykit and its tests look for it: its folder's
 * files, its manifest in the vendor list with sound detection rules, example payloads that
 * decode and are detected as the vendor, wild fixtures with refused ones, its generated JSON
 * Schema, an entry that answers as the root does, its testkit (its rows of the shared tests:
 * the property suite's generators and entry points among them), and its docs. `vendorLacks`
 * names each missing piece as the sentence that says where to add it;
 * test/vendors/contract.test.ts runs it over every vendor of the list.
 */
import { deepStrictEqual } from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'

import * as DELIVERYKIT from 'deliverykit'
import { detectVendor, normalize, normalizeWebhook, safeParse, safeParseWebhook, VENDOR_NAMES, type AnyWebhookEvent, type NormalizeError, type Vendor } from 'deliverykit'
import { either as E } from 'fp-ts'
import fc from 'fast-check'

import type { DetectionRule, ListDetectionRule } from '../../src/kit/detection.js'
import type { VendorManifest } from '../../src/runtime/manifest.js'
import { WEBHOOK_ENTRY } from '../../src/runtime/run.js'
import * as LIST from '../../src/vendors/index.js'
import { renderJsonSchema } from '../../scripts/jsonSchemas.js'
import { BEGIN, END, statusTables } from '../../scripts/statusTables.js'
import { deliverykitAccepts } from '../jsonSchemas.js'
import { CATALOGS, EXAMPLE_BODIES, interactionBody, VALID_BODIES } from '../properties/arbitraries.js'
import { ENTRY_POINTS, INBOUND_ENTRY_POINTS } from '../properties/entry-points.js'
import { payloadFiles, payloadOptions, payloadText } from '../webhookRoutes.js'
import { REFUSED_FOR_CONTENT, wildFixtureNames, wildFixtureText, wildInput, type WildBody } from '../wildFixtures.js'
import { loadTestkit, testkitPath } from './testkit.js'

const root = new URL('../../', import.meta.url)
const exists = (path: string): boolean => existsSync(new URL(path, root))
const read = (path: string): string | undefined => (exists(path) ? readFileSync(new URL(path, root), 'utf8') : undefined)

/** The files of a vendor folder; a catalog or rows may be one file or a folder of them (Messangi's, per channel). */
const FOLDER_FILES: ReadonlyArray<ReadonlyArray<string>> = [
  ['codes.ts'],
  ['catalog.ts', 'catalog/index.ts'],
  ['rows.ts', 'rows/'],
  ['codec.ts'],
  ['toEvents.ts'],
  ['definition.ts'],
  ['detection.ts'],
  ['manifest.ts'],
  ['jsonSchema.ts'],
  ['index.ts'],
  ['callbacks.schema.json'],
]

/** What the vendor's entry must export, and, for a vendor with opt-out or inbound callbacks, its inbound entry points. */
const ENTRY_EXPORTS = ['normalize', 'safeParse', 'parse', 'normalizeWebhook', 'safeParseWebhook', 'parseWebhook', 'webhookSchema']
const INBOUND_EXPORTS = ['normalizeInbound', 'safeParseInbound', 'parseInbound']

type Lacks = Array<string>
type Entry = Readonly<Record<string, unknown>>
type Normalizer = (body: unknown, options?: unknown) => unknown
/** A root entry point, called as the test calls it: any vendor, with the options its payload decodes with. */
type RootEntry<R> = (vendor: Vendor, body: unknown, options: Readonly<Record<string, unknown>>) => R
const rootWebhook: RootEntry<E.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>>> = normalizeWebhook
/** The root's entry points that the vendor's entry must answer as, by name. */
const ROOT: Readonly<Record<string, RootEntry<unknown>>> = { normalize, safeParse, normalizeWebhook, safeParseWebhook }
/** The options an entry is compared under, beside the payload's own: the common ones, not their defaults. */
const COMPARED_OPTIONS: ReadonlyArray<Readonly<Record<string, unknown>>> = [{}, { timeZone: 'UTC', unknownStatus: 'keep' }]

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''
const shown = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value))
const sendsInteractions = (manifest: VendorManifest): boolean => manifest.registration.kinds.some((kind) => kind !== 'delivery')

const folderLacks = (vendor: string, lacks: Lacks): void => {
  const missing = FOLDER_FILES.filter((alternatives) => !alternatives.some((file) => exists(`src/vendors/${vendor}/${file}`)))
  if (missing.length > 0) lacks.push(`in src/vendors/${vendor}/: ${missing.map((alternatives) => alternatives.join(' or ')).join(', ')}`)
}

const manifestOf = (vendor: string, lacks: Lacks): VendorManifest | undefined => {
  const manifest = (LIST as Readonly<Record<string, VendorManifest | undefined>>)[vendor]
  if (manifest === undefined) lacks.push(`a manifest in the vendor list, src/vendors/index.ts (export { manifest as ${vendor} } from './${vendor}/manifest.js')`)
  else if (manifest.vendor !== vendor || manifest.registration.vendor !== vendor) lacks.push(`a manifest of its own under its name in src/vendors/index.ts (it holds ${manifest.vendor}'s, registering ${manifest.registration.vendor})`)
  else return manifest
  return undefined
}

/** A rule's problems: its kind, its shape's name (which starts with the vendor's), its fields or evidence, its functions. */
const ruleProblems = (name: string, rule: DetectionRule | ListDetectionRule, list: boolean): ReadonlyArray<string> => {
  const problems: Array<string> = []
  if (!WEBHOOK_ENTRY.accepts.includes(rule.kind)) problems.push(`kind ${shown(rule.kind)} is not one of ${WEBHOOK_ENTRY.accepts.join(', ')}`)
  if (!isText(rule.shape) || !rule.shape.startsWith(`${name} `)) problems.push(`shape ${shown(rule.shape)} does not start with "${name} "`)
  if (list) {
    const { evidence, test } = rule as ListDetectionRule
    if (!Array.isArray(evidence) || evidence.length === 0 || !evidence.every(isText)) problems.push('evidence is not a list of field names')
    if (typeof test !== 'function') problems.push('test is not a function')
  } else {
    const { fields, test, channel } = rule as DetectionRule
    const isField = (field: unknown): boolean => isText(field) || (Array.isArray(field) && field.length > 0 && field.every(isText))
    if (!Array.isArray(fields) || fields.length === 0 || !fields.every(isField)) problems.push('fields is not a list of field names (or lists of alternatives)')
    if (test !== undefined && typeof test !== 'function') problems.push('test is not a function')
    if (channel !== undefined && typeof channel !== 'function') problems.push('channel is not a function')
  }
  return problems
}

const detectionLacks = (vendor: string, manifest: VendorManifest, lacks: Lacks): void => {
  const name = (VENDOR_NAMES as Readonly<Record<string, string | undefined>>)[vendor] ?? vendor
  const { objects, lists = [] } = manifest.detection
  const problems = [
    ...objects.flatMap((rule, index) => ruleProblems(name, rule, false).map((problem) => `objects[${String(index)}]: ${problem}`)),
    ...lists.flatMap((rule, index) => ruleProblems(name, rule, true).map((problem) => `lists[${String(index)}]: ${problem}`)),
  ]
  if (problems.length > 0) lacks.push(`sound detection rules in src/vendors/${vendor}/detection.ts (${problems.join('; ')})`)
  const detected = new Set([...objects, ...lists].map((rule) => rule.kind))
  const undetected = manifest.registration.kinds.filter((kind) => !detected.has(kind))
  if (undetected.length > 0) lacks.push(`a detection rule in src/vendors/${vendor}/detection.ts for each kind of callback it decodes (none for ${undetected.join(', ')})`)
}

/** The vendor's example payloads: each decoded by the root's webhook entry, and detected as the vendor. */
const payloadLacks = (vendor: Vendor, files: ReadonlyArray<string>, lacks: Lacks): void => {
  if (files.length === 0) {
    lacks.push(`examples/payloads/${vendor}/ with the vendor's documented bodies (.json)`)
    return
  }
  for (const file of files) {
    const body: unknown = JSON.parse(payloadText(file))
    const result = rootWebhook(vendor, body, payloadOptions(vendor, file))
    if (E.isLeft(result)) lacks.push(`examples/payloads/${file} that normalizeWebhook('${vendor}', …) decodes (it answers ${result.left.kind})`)
    const detection = detectVendor(body)
    if (!detection.detected || detection.vendor !== vendor) lacks.push(`examples/payloads/${file} that detectVendor attributes to ${vendor} (it answers ${detection.detected ? detection.vendor : detection.reason})`)
  }
}

/** The wild fixtures: at least three `rejected-*`, each refused (or refused by its source for its content), every file listed in the README. */
const wildLacks = (vendor: Vendor, lacks: Lacks): void => {
  const names = wildFixtureNames(vendor)
  const rejected = names.filter((name) => name.startsWith('rejected-'))
  if (rejected.length < 3) lacks.push(`test/fixtures/wild/${vendor}/ with at least 3 rejected-* fixtures (it has ${String(rejected.length)})`)
  const decoded = rejected.filter((name) => !(`${vendor}/${name}` in REFUSED_FOR_CONTENT) && deliverykitAccepts(vendor, wildInput(JSON.parse(wildFixtureText(`${vendor}/${name}`)) as WildBody)))
  if (decoded.length > 0) lacks.push(`rejected-* fixtures that its decoder refuses (it decodes ${decoded.join(', ')}; a body its source refuses for its content goes in REFUSED_FOR_CONTENT, test/wildFixtures.ts)`)
  const readme = read('test/fixtures/wild/README.md') ?? ''
  const unlisted = names.filter((name) => !readme.includes(`(${vendor}/${name})`))
  if (unlisted.length > 0) lacks.push(`a row in test/fixtures/wild/README.md for ${unlisted.join(', ')}`)
}

const jsonSchemaLacks = async (vendor: string, lacks: Lacks): Promise<void> => {
  const committed = read(`src/vendors/${vendor}/callbacks.schema.json`)
  const rendered = await renderJsonSchema(vendor).catch((error: unknown) => `(no schema: ${String(error)})`)
  if (committed !== undefined && committed !== rendered) lacks.push(`src/vendors/${vendor}/callbacks.schema.json as its jsonSchema.ts generates it (npm run schemas)`)
}

const entryOf = async (vendor: string): Promise<Entry | undefined> => {
  try {
    return (await import(/* @vite-ignore */ `deliverykit/${vendor}`)) as Entry
  } catch {
    return undefined
  }
}

/** Its entry, deliverykit/<vendor>: every entry point, each giving on every payload exactly what the root's gives for the vendor. */
const entryLacks = async (vendor: Vendor, manifest: VendorManifest | undefined, files: ReadonlyArray<string>, lacks: Lacks): Promise<void> => {
  const entry = await entryOf(vendor)
  if (entry === undefined) {
    lacks.push(`an entry deliverykit/${vendor} (src/vendors/${vendor}/index.ts)`)
    return
  }
  const exported = [...ENTRY_EXPORTS, ...(manifest !== undefined && sendsInteractions(manifest) ? INBOUND_EXPORTS : [])]
  const missing = exported.filter((name) => typeof entry[name] !== 'function')
  if (missing.length > 0) lacks.push(`deliverykit/${vendor}'s ${missing.join(', ')}`)
  for (const [name, rootEntry] of Object.entries(ROOT)) {
    const own = entry[name]
    if (typeof own !== 'function') continue
    const differ = files.filter((file) => {
      const body: unknown = JSON.parse(payloadText(file))
      return COMPARED_OPTIONS.some((extra) => {
        const options = { ...payloadOptions(vendor, file), ...extra }
        try {
          deepStrictEqual((own as Normalizer)(body, options), rootEntry(vendor, body, options))
          return false
        } catch {
          return true
        }
      })
    })
    if (differ.length > 0) lacks.push(`deliverykit/${vendor}'s ${name} giving what the root's ${name}('${vendor}', …) gives (they differ on ${differ.map((file) => `examples/payloads/${file}`).join(', ')})`)
  }
  // The root's namespace of the entry (`import { octopush } from 'deliverykit'`), which the command's catalogs read.
  const namespace = (DELIVERYKIT as Readonly<Record<string, unknown>>)[vendor] as Entry | undefined
  const unlike = namespace === undefined ? ['(none)'] : [...new Set([...Object.keys(entry), ...Object.keys(namespace)])].filter((name) => entry[name] !== namespace[name])
  if (unlike.length > 0) lacks.push(`the root's namespace ${vendor} holding deliverykit/${vendor}'s exports (export * as ${vendor} from './vendors/${vendor}/index.js' in src/index.ts; differ: ${unlike.join(', ')})`)
}

/**
 * Its testkit, test/vendors/<vendor>/testkit.ts, exporting `testkit`: its rows of the shared
 * tests (test/vendors/testkit.ts), a line for each of its payloads in `detected` and `routes`.
 */
const testkitLacks = async (vendor: Vendor, files: ReadonlyArray<string>, lacks: Lacks): Promise<void> => {
  const path = testkitPath(vendor)
  const kit = await loadTestkit(vendor)
  if (kit === undefined) lacks.push(`${path} exporting \`testkit\`, its rows of the shared tests (the Testkit of test/vendors/testkit.ts)`)
  else if (kit.vendor !== vendor) lacks.push(`${path} whose testkit is its own (it says vendor: '${kit.vendor}')`)
  else {
    const undetected = files.filter((file) => !(file in kit.detected))
    if (undetected.length > 0) lacks.push(`a line in detected of ${path} for ${undetected.map((file) => `examples/payloads/${file}`).join(', ')}`)
    const unrouted = files.filter((file) => !kit.routes.some((c) => c.file === file))
    if (unrouted.length > 0) lacks.push(`a case in routes of ${path} for ${unrouted.map((file) => `examples/payloads/${file}`).join(', ')}`)
  }
}

/** The property suite's generators and entry points, from its testkit (test/properties/arbitraries.ts and entry-points.ts gather them). */
const propertyLacks = (vendor: Vendor, manifest: VendorManifest | undefined, lacks: Lacks): void => {
  const testkit = testkitPath(vendor)
  const sample = <A extends { readonly vendor: string }>(arbitrary: fc.Arbitrary<A>): ReadonlyArray<string> => fc.sample(arbitrary, { numRuns: 200, seed: 22 }).map((value) => value.vendor)
  if ((CATALOGS as Readonly<Record<string, unknown>>)[vendor] === undefined) lacks.push(`its catalogs in CATALOGS of test/properties/pieces.ts`)
  if (!Object.values(VALID_BODIES).some((arbitrary) => sample(arbitrary).includes(vendor))) lacks.push(`a generator of its valid bodies in validBodies of ${testkit}`)
  if (!EXAMPLE_BODIES.some((example) => example.vendor === vendor)) lacks.push(`its example payloads in EXAMPLE_BODIES of test/properties/arbitraries.ts`)
  const interactions = manifest !== undefined && sendsInteractions(manifest)
  if (interactions && !sample(interactionBody).includes(vendor)) lacks.push(`a generator of its opt-outs and inbound messages in interactionBodies of ${testkit}`)
  const names = ENTRY_POINTS.filter((entry) => entry.vendor === vendor).map((entry) => entry.name)
  if (!names.some((name) => name.includes(`('${vendor}'`))) lacks.push(`the root's entry points for it in entryPoints of ${testkit} (normalize('${vendor}', …))`)
  if (!names.some((name) => name.startsWith(`${vendor}.`))) lacks.push(`its entry's entry points in entryPoints of ${testkit} (${vendor}.normalize)`)
  if (interactions && !INBOUND_ENTRY_POINTS.some((entry) => entry.vendor === vendor)) lacks.push(`its inbound entry points in inboundEntryPoints of ${testkit}`)
}

/** Its page, with the markers of the generated status table, a generated table, and the links to it from the README and the getting-started guide. */
const docsLacks = (vendor: Vendor, lacks: Lacks): void => {
  const page = `docs/vendors/${vendor}.md`
  const text = read(page)
  if (text === undefined || !text.includes(BEGIN) || !text.includes(END)) lacks.push(`${page}'s status-table markers (${BEGIN} … ${END}; then npm run docs:tables)`)
  if (!(page in statusTables())) lacks.push(`its status table in statusTables() of scripts/statusTables.ts`)
  const name = (VENDOR_NAMES as Readonly<Record<string, string>>)[vendor] ?? vendor
  if (!(read('README.md') ?? '').includes(`[${name}](${page})`)) lacks.push(`a link [${name}](${page}) in README.md's list of vendor guides`)
  if (!(read('docs/getting-started.md') ?? '').includes(`[${name}](./vendors/${vendor}.md)`)) lacks.push(`a link [${name}](./vendors/${vendor}.md) in docs/getting-started.md`)
}

/**
 * What the vendor lacks of the contract, one sentence a missing piece: empty when it has
 * everything. A name outside the list may be given (`acme`), to see what a new vendor needs.
 */
export const vendorLacks = async (name: string): Promise<ReadonlyArray<string>> => {
  const vendor = name as Vendor
  const lacks: Lacks = []
  if ((VENDOR_NAMES as Readonly<Record<string, string>>)[vendor] === undefined) lacks.push(`its name in VENDOR_NAMES (src/model/vendor.ts)`)
  folderLacks(vendor, lacks)
  const manifest = manifestOf(vendor, lacks)
  if (manifest !== undefined) detectionLacks(vendor, manifest, lacks)
  const files = payloadFiles().filter((file) => file.startsWith(`${vendor}/`))
  payloadLacks(vendor, files, lacks)
  wildLacks(vendor, lacks)
  await jsonSchemaLacks(vendor, lacks)
  await entryLacks(vendor, manifest, files, lacks)
  await testkitLacks(vendor, files, lacks)
  propertyLacks(vendor, manifest, lacks)
  docsLacks(vendor, lacks)
  return lacks
}
