/**
 * The JSON Schema generator (src/kit/jsonSchema.ts) through its export, `vendorJsonSchema`:
 * the schema it writes for each of io-ts's own codecs and deliverykit's combinators, and
 * the error (never a schema that accepts anything) for each misdeclared source. The vendors'
 * generated schemas are test/vendors/json-schema*.test.ts's.
 */
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'

import { emptyAsObject, struct, withAliases } from '../../src/kit/codecs.js'
import { vendorJsonSchema, type Declarations, type SchemaObject, type Tools, type VendorSchemaSource } from '../../src/kit/jsonSchema.js'

type Extra = Partial<Omit<VendorSchemaSource, 'vendor' | 'title' | 'description' | 'shapes' | 'declarations'>>

/** A vendor's schema with one shape, `one`, of `codec`. */
const schemaOfShape = (codec: t.Mixed, declarations: Declarations = [], extra: Extra = {}): SchemaObject =>
  vendorJsonSchema({ vendor: 'octopush', title: 'test', description: 'test', shapes: { one: { kind: 'delivery', name: 'one', codec } as { kind: 'delivery'; name: string } }, declarations, ...extra })

const defsOf = (schema: SchemaObject): Readonly<Record<string, unknown>> => schema['$defs'] as Readonly<Record<string, unknown>>

/** The schema the shape `one` is written as. */
const shapeOf = (codec: t.Mixed, declarations: Declarations = [], extra: Extra = {}): unknown => defsOf(schemaOfShape(codec, declarations, extra))['one']

/** A codec whose rule is code (no parts for the generator). */
const rule = (name: string): t.Type<string> => new t.Type<string>(name, t.string.is, (u, c) => (typeof u === 'string' ? t.success(u) : t.failure(u, c)), t.identity)

/** A codec that claims an io-ts tag but carries none of its parts. */
const tagged = (tag: string): t.Mixed => Object.assign(rule(`Fake${tag}`), { _tag: tag })

const GENERATOR = 'JSON Schema generator: '

describe('io-ts codecs, by their parts', () => {
  it('writes each io-ts codec as the schema of what it accepts', () => {
    const codec = t.type({
      n: t.number,
      b: t.boolean,
      u: t.unknown,
      k: t.keyof({ x: null, y: null }),
      p: t.partial({ o: t.string }),
      e: t.exact(t.type({ s: t.string })),
      r: t.readonly(t.type({ z: t.null })),
      ra: t.readonlyArray(t.number),
      a: t.array(t.boolean),
      i: t.intersection([t.type({ s: t.string }), t.partial({ o: t.number })]),
      d: t.record(t.string, t.number),
      empty: t.type({}),
      l: t.literal(3),
    })
    expect(shapeOf(codec)).toStrictEqual({
      title: 'one',
      type: 'object',
      required: ['n', 'b', 'u', 'k', 'p', 'e', 'r', 'ra', 'a', 'i', 'd', 'empty', 'l'],
      properties: {
        n: { type: 'number' },
        b: { type: 'boolean' },
        u: true,
        k: { enum: ['x', 'y'] },
        p: { type: 'object', properties: { o: { type: 'string' } } },
        e: { type: 'object', required: ['s'], properties: { s: { type: 'string' } } },
        r: { type: 'object', required: ['z'], properties: { z: { type: 'null' } } },
        ra: { type: 'array', items: { type: 'number' } },
        a: { type: 'array', items: { type: 'boolean' } },
        i: { allOf: [{ type: 'object', required: ['s'], properties: { s: { type: 'string' } } }, { type: 'object', properties: { o: { type: 'number' } } }] },
        d: { type: 'object', additionalProperties: { type: 'number' } },
        empty: { type: 'object', properties: {} },
        l: { const: 3 },
      },
    })
  })

  it('writes a tagged codec without its parts as the schema of no parts', () => {
    const codec = t.type({ k: tagged('KeyofType'), o: tagged('InterfaceType'), i: tagged('IntersectionType'), u: tagged('UnionType') })
    expect(shapeOf(codec)).toMatchObject({ properties: { k: { enum: [] }, o: { type: 'object', properties: {} }, i: { allOf: [] }, u: { anyOf: [] } } })
  })

  it('refuses a tagged codec that lacks the codec it wraps', () => {
    expect(() => shapeOf(t.type({ f: tagged('ReadonlyType') }))).toThrow(`${GENERATOR}FakeReadonlyType has no inner codec`)
    expect(() => shapeOf(t.type({ f: tagged('ReadonlyArrayType') }))).toThrow(`${GENERATOR}FakeReadonlyArrayType has no item codec`)
    expect(() => shapeOf(t.type({ f: tagged('DictionaryType') }))).toThrow(`${GENERATOR}FakeDictionaryType has no value codec`)
  })

  it('names the codec it has no schema for, and its tag only where it has one', () => {
    expect(() => shapeOf(t.type({ f: rule('Untagged') }))).toThrow(`${GENERATOR}no JSON Schema for the codec "Untagged": declare one beside`)
    expect(() => shapeOf(t.type({ f: tagged('OddType') }))).toThrow(`${GENERATOR}no JSON Schema for the codec "FakeOddType" (OddType): declare one beside`)
  })
})

describe('declarations and definitions', () => {
  it('refuses two codecs declared under one name', () => {
    const [a, b] = [rule('A'), rule('B')]
    const declarations: Declarations = [[a, { name: 'rule', schema: { type: 'string' } }], [b, { name: 'rule', schema: { type: 'string' } }]]
    expect(() => shapeOf(t.type({ a, b }), declarations)).toThrow(`${GENERATOR}two schemas are declared under the name rule`)
  })

  it('builds a definition written by name alone once, however many declarations use it', () => {
    let builds = 0
    const byName = (tools: Tools): unknown => tools.define('shared', () => ((builds += 1), { type: 'string' }))
    const [a, b] = [rule('A'), rule('B')]
    const declarations: Declarations = [
      [a, { schema: (tools) => ({ allOf: [byName(tools)] }) }],
      [b, { schema: (tools) => ({ allOf: [byName(tools), byName(tools)] }) }],
    ]
    const schema = schemaOfShape(t.type({ a, b }), declarations)
    expect(builds).toBe(1)
    expect(defsOf(schema)['shared']).toStrictEqual({ type: 'string' })
    expect(defsOf(schema)['one']).toMatchObject({ properties: { a: { allOf: [{ $ref: '#/$defs/shared' }] }, b: { allOf: [{ $ref: '#/$defs/shared' }, { $ref: '#/$defs/shared' }] } } })
  })

  it('refuses a described declaration whose schema is no object', () => {
    const codec = rule('Anything')
    expect(() => shapeOf(t.type({ f: codec }), [[codec, { description: 'anything', schema: true }]])).toThrow(`${GENERATOR}Anything is no object schema`)
  })

  it('refuses a shape whose schema is no object', () => {
    const codec = rule('Anything')
    expect(() => shapeOf(codec, [[codec, { schema: true }]])).toThrow(`${GENERATOR}one is no object schema`)
  })

  it('refuses a shape registered without its codec', () => {
    expect(() => vendorJsonSchema({ vendor: 'octopush', title: 'test', description: 'test', shapes: { one: { kind: 'delivery', name: 'one' } }, declarations: [] })).toThrow(
      `${GENERATOR}octopush's shape one has no codec: generate from the vendor registered with every decoder`,
    )
  })

  it('writes no description where the shape has none', () => {
    expect(shapeOf(struct('Body', {}, {}))).toStrictEqual({ title: 'one', type: 'object', properties: {} })
    expect(shapeOf(struct('Body', {}, {}), [], { shapeDescriptions: { one: 'The one.' } })).toStrictEqual({ title: 'one', description: 'The one.', type: 'object', properties: {} })
  })
})

describe('field descriptions', () => {
  it('describes a field by its struct and name, or by its name, and leaves the others alone', () => {
    const codec = struct('Body', { a: t.string, b: t.unknown, c: t.string }, {})
    expect(shapeOf(codec, [], { fieldDescriptions: { 'Body.a': 'The a.', b: 'Any b.' } })).toStrictEqual({
      title: 'one',
      type: 'object',
      required: ['a', 'b', 'c'],
      properties: { a: { description: 'The a.', type: 'string' }, b: { description: 'Any b.' }, c: { type: 'string' } },
    })
  })

  it('refuses to describe a field that accepts nothing', () => {
    const never = rule('Never')
    expect(() => shapeOf(struct('Body', { a: never }, {}), [[never, { schema: false }]], { fieldDescriptions: { a: 'The a.' } })).toThrow(`${GENERATOR}Body.a accepts nothing`)
  })
})

describe('the combinators', () => {
  it('writes the empty object under its default name', () => {
    const schema = schemaOfShape(t.type({ o: emptyAsObject(struct('Inner', {}, { x: t.string })) }))
    expect(defsOf(schema)['emptyObject']).toStrictEqual({ description: 'An empty object as PHP\'s json_encode sends it ([]) or a form does ("").', anyOf: [{ const: '' }, { type: 'array', maxItems: 0 }] })
    expect(defsOf(schema)['one']).toMatchObject({ properties: { o: { anyOf: [{ type: 'object', properties: { x: { type: 'string' } } }, { $ref: '#/$defs/emptyObject' }] } } })
  })

  it('refuses an empty object whose fields are required', () => {
    expect(() => shapeOf(t.type({ o: emptyAsObject(struct('Inner', { x: t.string }, {})) }))).toThrow(`${GENERATOR}Inner takes [] or "" as an empty object, which its required fields refuse: not written yet`)
  })

  it('reads every alias in place of its field, required where the field was', () => {
    expect(shapeOf(withAliases({ A: 'a', B: 'b' }, struct('Body', { a: t.string, b: t.number }, {})))).toStrictEqual({
      title: 'one',
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'number' }, A: { description: 'a, under another name: read when a is absent.' }, B: { description: 'b, under another name: read when b is absent.' } },
      allOf: [
        { description: 'Without a, A is read in its place.', if: { type: 'object', properties: { a: false } }, then: { required: ['A'], properties: { A: { type: 'string' } } } },
        { description: 'Without b, B is read in its place.', if: { type: 'object', properties: { b: false } }, then: { required: ['B'], properties: { B: { type: 'number' } } } },
      ],
    })
  })

  it('reads an alias of an optional field, required nowhere', () => {
    expect(shapeOf(withAliases({ A: 'a' }, struct('Body', {}, { a: t.string })))).toStrictEqual({
      title: 'one',
      type: 'object',
      properties: { a: { type: 'string' }, A: { description: 'a, under another name: read when a is absent.' } },
      allOf: [{ description: 'Without a, A is read in its place.', if: { type: 'object', properties: { a: false } }, then: { properties: { A: { type: 'string' } } } }],
    })
  })

  it('refuses aliases of what is no object schema, or of a field it does not have', () => {
    const text = withAliases({ A: 'a' }, t.string as t.Type<string, string>)
    expect(() => shapeOf(t.type({ f: text }))).toThrow(`${GENERATOR}string reads aliases of fields, but is no object schema`)
    const anything = withAliases({ A: 'a' }, t.unknown as t.Type<unknown, unknown>)
    expect(() => shapeOf(t.type({ f: anything }))).toThrow(`${GENERATOR}unknown reads aliases of fields, but is no object schema`)
    expect(() => shapeOf(withAliases({ A: 'a' }, struct('Body', { b: t.string }, {})))).toThrow(`${GENERATOR}Body has no field a`)
  })
})

describe('markers and shape rules', () => {
  const markers = { fields: { delivery: ['status'], inbound: ['text'] }, name: 'absent', description: 'Absent here.' }

  it('marks the fields of the other kinds absent', () => {
    const schema = schemaOfShape(struct('Body', { status: t.string }, {}), [], { markers })
    expect(defsOf(schema)['one']).toStrictEqual({ title: 'one', type: 'object', required: ['status'], properties: { status: { type: 'string' }, text: { $ref: '#/$defs/absent' } } })
    expect(defsOf(schema)['absent']).toStrictEqual({ description: 'Absent here.', type: 'null' })
  })

  it('refuses markers a vendor without markers asks for, and a kind it does not know', () => {
    const uses = (use: (tools: Tools) => unknown): unknown => {
      const codec = rule('Uses')
      return shapeOf(t.type({ f: codec }), [[codec, { schema: (tools) => ({ allOf: [use(tools)] }) }]])
    }
    expect(() => uses((tools) => tools.absent())).toThrow(`${GENERATOR}octopush has no markers`)
    expect(() => uses((tools) => tools.otherKinds('delivery'))).toThrow(`${GENERATOR}octopush has no markers`)
    expect(() => schemaOfShape(struct('Body', {}, {}), [], { markers, shapeRules: { one: (tools) => ({ properties: tools.otherKinds('nope') }) } })).toThrow(
      `${GENERATOR}octopush has no kind nope`,
    )
  })

  it('adds a shape rule\'s keywords, its type over the codec\'s', () => {
    const schema = shapeOf(struct('Body', { a: t.string }, {}), [], { shapeRules: { one: () => ({ type: 'object', properties: { b: false }, allOf: [{ required: ['a'] }], minProperties: 1 }) } })
    expect(schema).toStrictEqual({ title: 'one', type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: false }, allOf: [{ required: ['a'] }], minProperties: 1 })
  })

  it('refuses a shape rule that says again what the codec says', () => {
    const codec = struct('Body', { a: t.string }, {})
    expect(() => shapeOf(codec, [], { shapeRules: { one: () => ({ properties: { a: false } }) } })).toThrow(`${GENERATOR}one already has a rule for a`)
    expect(() => shapeOf(codec, [], { shapeRules: { one: () => ({ required: ['a'] }) } })).toThrow(`${GENERATOR}one already has required`)
  })
})
