/**
 * The vendors' JSON Schemas (src/vendors/<vendor>/callbacks.schema.json, which the build
 * copies to dist/json-schema/<vendor>.json), generated from their codecs. The files are
 * committed so that a change to a schema shows in review; test/vendors/json-schema-generated.test.ts
 * fails when one differs from this output, and `npm run schemas` rewrites them.
 */
import { VENDORS, type Vendor } from '../src/index.js'
import { jsonSchemaText, type SchemaObject } from '../src/kit/jsonSchema.js'

/** What every vendor folder's jsonSchema.ts exports: its declarations, rendered. */
interface VendorJsonSchemaModule {
  readonly callbacksJsonSchema: () => SchemaObject
}

/** One vendor's schema, as the text of its file, from its folder's jsonSchema.ts (a name outside the list too: the contract test asks). */
export const renderJsonSchema = async (vendor: string): Promise<string> => {
  const module = (await import(`../src/vendors/${vendor}/jsonSchema.ts`)) as VendorJsonSchemaModule
  return jsonSchemaText(module.callbacksJsonSchema())
}

/** Each vendor's schema, as the text of its file: for every vendor of the list, its folder's jsonSchema.ts. */
export const renderJsonSchemas = async (): Promise<Readonly<Record<Vendor, string>>> => {
  const rendered = await Promise.all(VENDORS.map(async (vendor) => [vendor, await renderJsonSchema(vendor)] as const))
  return Object.fromEntries(rendered) as Record<Vendor, string>
}

/** Where a vendor's schema is committed. */
export const jsonSchemaFile = (vendor: Vendor): URL => new URL(`../src/vendors/${vendor}/callbacks.schema.json`, import.meta.url)
