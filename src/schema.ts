import { WEBHOOK_ENTRY, type EntrySpec } from './internal/engine.js'
import type { EntryEvents, EntryName } from './internal/entries.js'
import { eventsSchema, type EventsSchema } from './internal/standardSchema.js'
import type { DefaultOptions } from './model/options.js'
import type { Vendor } from './model/vendor.js'
import { runEntry } from './normalize.js'
import type { OptionsFor, VendorWithOptionalOptions, VendorWithRequiredOptions } from './registry.js'

/**
 * A root entry as a Standard Schema: the vendor first, then the options every body of the
 * route gets. As with the other root entries, the options may be left out for a vendor
 * whose options are all optional, and must be given for Messangi (`channel`).
 *
 * @category Standard Schema
 */
export interface RootSchemaFactory<Entry extends EntryName> {
  <V extends VendorWithOptionalOptions, O extends OptionsFor<V> = DefaultOptions>(vendor: V, options?: O): EventsSchema<EntryEvents<Entry, O>>
  <V extends VendorWithRequiredOptions, O extends OptionsFor<V>>(vendor: V, options: O): EventsSchema<EntryEvents<Entry, O>>
}

const rootSchemaFactory = <Entry extends EntryName>(entry: EntrySpec): RootSchemaFactory<Entry> => {
  const schema = (vendor: Vendor, options?: unknown) => eventsSchema((body) => runEntry(entry, vendor, body, options))
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
 * JSON, its `form` target an object of the form's fields as text. Pass
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
