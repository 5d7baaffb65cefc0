import { schemaEntry, WEBHOOK_ENTRY, type EntrySpec } from './runtime/run.js'
import type { EntryEvents, EntryName } from './types/entries.js'
import { eventsSchema } from './runtime/standardSchema.js'
import { type EventsSchema } from './types/standardSchema.js'
import type { DefaultOptions } from './model/options.js'
import type { Vendor } from './model/vendor.js'
import { runEntry, type OptionalFor } from './normalize.js'
import { REGISTRY, type CallOptions, type VendorWithoutOptions } from './options.js'

/**
 * A root entry as a Standard Schema: the vendor first, then the options every body of the
 * route gets. As with the other root entries, the options may be left out for a vendor
 * whose options are all optional or that is known only at run time, and leaving out
 * Messangi's (`channel`) is a compile error that names it; a vendor known only at run
 * time takes the options every vendor accepts ({@link CallOptions}).
 *
 * @category Standard Schema
 */
export interface RootSchemaFactory<Entry extends EntryName> {
  /** Without options: for a vendor that requires one (Messangi's `channel`), a compile error naming it. */
  <V extends Vendor>(vendor: VendorWithoutOptions<V, 'the vendor'>, options?: undefined): EventsSchema<EntryEvents<Entry, DefaultOptions>>
  /** With options: the vendor's own, or {@link CallOptions} for a vendor known at run time. */
  <V extends Vendor, O extends CallOptions<V> = DefaultOptions & CallOptions<V>>(vendor: V, options: O | OptionalFor<V>): EventsSchema<EntryEvents<Entry, O>>
}

const rootSchemaFactory = <Entry extends EntryName>(entry: EntrySpec): RootSchemaFactory<Entry> => {
  // A schema validates what a framework parsed: a string is a JSON string, not text to parse again.
  const parsed = schemaEntry(entry)
  const schema = (vendor: Vendor, options?: unknown) => eventsSchema((body) => runEntry(REGISTRY, parsed, vendor, body, options))
  return schema as RootSchemaFactory<Entry>
}

/**
 * A [Standard Schema](https://standardschema.dev) (`~standard`, v1) of a vendor's
 * callbacks, for frameworks whose route validators take one (Hono, tRPC, TanStack): its
 * input is a webhook body, its output the events {@link normalizeWebhook} returns for the
 * same options, so the handler receives typed events. `validate` answers at once, never
 * throws, and refuses a body with deliverykit's messages, each with its JSON path.
 *
 * Give it the body as your framework parsed it: Hono's `json` target hands over the parsed
 * JSON, its `form` target an object of the form's fields as text. A string it receives is
 * a parsed JSON string (a body sent as `"{\"message_id\":…}"`), which no callback is: it
 * is refused, as the JSON Schemas refuse it, never parsed again as text. To decode text,
 * give it to `normalizeWebhook`. Pass
 * `unknownStatus: 'keep'` so that a status code deliverykit does not know yet becomes an
 * event instead of a refusal (a 400 makes the vendor retry a body that will never pass).
 *
 * @example
 * ```ts
 * import { sValidator } from '@hono/standard-validator'
 * import { webhookSchema } from 'deliverykit'
 * import { Hono } from 'hono'
 *
 * const app = new Hono().post('/webhooks/octopush', sValidator('json', webhookSchema('octopush', { unknownStatus: 'keep' })), (c) => {
 *   for (const event of c.req.valid('json')) console.log(event.kind) // 'delivery' | 'opt_out' | 'inbound'
 *   return c.body(null, 204)
 * })
 * ```
 * @category Standard Schema
 */
export const webhookSchema: RootSchemaFactory<'webhook'> = rootSchemaFactory(WEBHOOK_ENTRY)
