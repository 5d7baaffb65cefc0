/**
 * The JSON Schemas of the vendors' bodies (src/vendors/<vendor>/callbacks.schema.json,
 * shipped as deliverykit/json-schema/<vendor>.json), compiled with Ajv's draft 2020-12
 * build in strict mode, and what "accepted" means on each side.
 */
import { readFileSync } from 'node:fs'

import { normalizeWebhook, VENDORS, type Vendor } from 'deliverykit'
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import { either as E } from 'fp-ts'

import { decodingOptions } from './helpers.js'

/** A vendor's schema, as the package ships it. */
export const schemaOf = (vendor: Vendor): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../src/vendors/${vendor}/callbacks.schema.json`, import.meta.url), 'utf8')) as Record<string, unknown>

/** Strict in every respect, so that no user's Ajv, whatever its strictness, refuses or warns about a schema. */
export const strictAjv = (allErrors = true): Ajv2020 => new Ajv2020({ strict: true, strictRequired: true, allErrors })

/**
 * A schema as it reads a body read from a form: every list also takes the empty text. A
 * form has no way to write an empty list, and deliverykit reads an empty field where a
 * list goes as the empty list, in a form only (the shipped schemas describe JSON, where
 * `""` is no list; the frameworks guide says so).
 */
export const asFormSchema = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(asFormSchema)
  if (typeof schema !== 'object' || schema === null) return schema
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, asFormSchema(value)]))
  return copy['type'] === 'array' ? { anyOf: [copy, { const: '' }] } : copy
}

/** What a body was written as: JSON, or a form (text, bytes or URLSearchParams) the library's reader made a value of. */
export type Encoding = 'json' | 'form'

// The first error is enough to say why a body was refused, and costs half the time of all.
const compiled = (encoding: Encoding): { readonly ajv: Ajv2020; readonly validators: Readonly<Record<Vendor, ValidateFunction>> } => {
  const ajv = strictAjv(false)
  for (const vendor of VENDORS) ajv.addSchema((encoding === 'form' ? asFormSchema(schemaOf(vendor)) : schemaOf(vendor)) as Record<string, unknown>, vendor)
  const validators = Object.fromEntries(VENDORS.map((vendor) => [vendor, ajv.getSchema(vendor) as ValidateFunction])) as Record<Vendor, ValidateFunction>
  return { ajv, validators }
}

const JSON_SCHEMAS = compiled('json')
const FORM_SCHEMAS = compiled('form')
const { ajv } = JSON_SCHEMAS

/** Whether the vendor's JSON Schema accepts a parsed body; a form's value is read as {@link asFormSchema} says. */
export const schemaAccepts = (vendor: Vendor, value: unknown, encoding: Encoding = 'json'): boolean => (encoding === 'form' ? FORM_SCHEMAS : JSON_SCHEMAS).validators[vendor](value)

/** Ajv's errors for the last value `schemaAccepts` refused, for a failure message. */
export const schemaErrors = (vendor: Vendor, encoding: Encoding = 'json'): string => {
  const schemas = encoding === 'form' ? FORM_SCHEMAS : JSON_SCHEMAS
  return schemas.ajv.errorsText(schemas.validators[vendor].errors, { separator: '\n' })
}

/** One of a schema's `$defs`, compiled alone (a date-time format, say). */
export const definitionAccepts = (vendor: Vendor, name: string): ((value: unknown) => boolean) => {
  const validate = ajv.getSchema(`urn:deliverykit:json-schema:${vendor}#/$defs/${name}`)
  if (validate === undefined) throw new Error(`${vendor} has no $defs/${name}`)
  return (value) => validate(value) === true
}

/**
 * What deliverykit says of a body, catalog codes and the caller's channel aside: events, or
 * an error other than an unknown status code or channel (which the schema does not
 * enumerate) or a Messangi recipient that contradicts the `channel` option (which the
 * schema, given no options, cannot know).
 */
export const deliverykitAccepts = (vendor: Vendor, body: unknown): boolean => {
  // Messangi's channel chooses the catalog a code is read in, and the recipient it must fit: any channel will do.
  const result = normalizeWebhook(vendor, body, { ...decodingOptions(vendor), unknownStatus: 'keep' })
  if (E.isRight(result) || result.left.kind === 'unknown_channel' || result.left.kind === 'unknown_status') return true
  return result.left.kind === 'invalid_body' && result.left.issues.every((issue) => issue.code === 'channel_mismatch')
}
