/**
 * The vendors' JSON Schemas (src/vendors/<vendor>/callbacks.schema.json, which the build
 * copies to dist/json-schema/<vendor>.json), generated from their codecs. The files are
 * committed so that a change to a schema shows in review; test/json-schema-generated.test.ts
 * fails when one differs from this output, and `npm run schemas` rewrites them.
 */
import type { Vendor } from '../src/index.js'
import { jsonSchemaText } from '../src/kit/jsonSchema.js'
import { masstackJsonSchema } from '../src/vendors/masstack/jsonSchema.js'
import { messangiJsonSchema } from '../src/vendors/messangi/jsonSchema.js'
import { octopushJsonSchema } from '../src/vendors/octopush/jsonSchema.js'

/** Each vendor's schema, as the text of its file. */
export const renderJsonSchemas = (): Readonly<Record<Vendor, string>> => ({
  octopush: jsonSchemaText(octopushJsonSchema()),
  messangi: jsonSchemaText(messangiJsonSchema()),
  masstack: jsonSchemaText(masstackJsonSchema()),
})

/** Where a vendor's schema is committed. */
export const jsonSchemaFile = (vendor: Vendor): URL => new URL(`../src/vendors/${vendor}/callbacks.schema.json`, import.meta.url)
