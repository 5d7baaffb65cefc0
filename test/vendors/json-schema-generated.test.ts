/**
 * The JSON Schemas the package ships (src/vendors/<vendor>/callbacks.schema.json) are the
 * output of scripts/jsonSchemas.ts, generated from the codecs: `npm run schemas` rewrites
 * them. Whether they accept what deliverykit accepts is test/vendors/json-schema.test.ts's and
 * test/properties/json-schema.test.ts's.
 */
import { readFileSync, writeFileSync } from 'node:fs'

import { VENDORS } from 'deliverykit'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'

import { struct, withAliases } from '../../src/kit/codecs.js'
import { withStructure } from '../../src/kit/codecStructure.js'
import { vendorJsonSchema, type Declarations } from '../../src/kit/jsonSchema.js'
import { jsonSchemaFile, renderJsonSchemas } from '../../scripts/jsonSchemas.js'

const update = process.env['UPDATE_SCHEMAS'] === '1'

describe('the committed JSON Schemas', async () => {
  const rendered = await renderJsonSchemas()
  for (const vendor of VENDORS) {
    it(`${vendor}: is the schema generated from the codecs now (npm run schemas rewrites it)`, () => {
      if (update) writeFileSync(jsonSchemaFile(vendor), rendered[vendor])
      expect(readFileSync(jsonSchemaFile(vendor), 'utf8')).toBe(rendered[vendor])
    })
  }
})

/** A vendor's schema with one shape of `codec`, and `declarations`. */
const schemaOfShape = (codec: t.Mixed, declarations: Declarations = []) =>
  vendorJsonSchema({ vendor: 'octopush', title: 'test', description: 'test', shapes: { one: { kind: 'delivery', name: 'one', codec } as { kind: 'delivery'; name: string } }, declarations })

describe('the generator', () => {
  const rule = new t.Type<string, string, unknown>('text of a rule', (u): u is string => typeof u === 'string' && u.length > 2, (u, c) => (typeof u === 'string' && u.length > 2 ? t.success(u) : t.failure(u, c)), t.identity)

  it('refuses a codec whose rule is code and that has no declaration, rather than writing a schema that accepts anything', () => {
    expect(() => schemaOfShape(struct('Body', { field: rule }, {}))).toThrow('no JSON Schema for the codec "text of a rule"')
    expect(() => schemaOfShape(struct('Body', { at: t.brand(t.string, (s): s is t.Branded<string, { readonly B: unique symbol }> => s.length > 0, 'B') }, {}))).toThrow('(RefinementType)')
    const narrowed = withStructure(new t.Type<unknown>('Narrowed', (u): u is unknown => u !== null, t.success, t.identity), { kind: 'narrowed', of: struct('Inner', {}, {}) })
    expect(() => schemaOfShape(narrowed)).toThrow('Narrowed narrows Inner by a rule of code')
  })

  it('writes a declared codec as declared, once under its name, and the rest from their parts', () => {
    const schema = schemaOfShape(withAliases({ B: 'b' }, struct('Body', { a: rule, b: t.string }, { c: t.array(t.union([t.literal('x'), t.null])) })), [[rule, { name: 'rule', schema: { type: 'string', minLength: 3 } }]])
    const defs = schema['$defs'] as Readonly<Record<string, Record<string, unknown>>>
    expect(defs['rule']).toEqual({ type: 'string', minLength: 3 })
    expect(defs['one']).toMatchObject({
      title: 'one',
      type: 'object',
      required: ['a'],
      properties: { a: { $ref: '#/$defs/rule' }, b: { type: 'string' }, c: { type: 'array', items: { anyOf: [{ const: 'x' }, { type: 'null' }] } } },
      allOf: [{ if: { type: 'object', properties: { b: false } }, then: { required: ['B'], properties: { B: { type: 'string' } } } }],
    })
  })

  it('refuses two codecs that share the io-ts name a declaration is made by', () => {
    const other = new t.Type<string, string, unknown>('text of a rule', t.string.is, t.success as never, t.identity)
    expect(() => schemaOfShape(struct('Body', { a: rule, b: other }, {}), [['text of a rule', { schema: { type: 'string' } }]])).toThrow('two codecs are named')
  })
})
