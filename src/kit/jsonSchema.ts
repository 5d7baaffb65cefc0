/**
 * Writes a vendor's JSON Schema (draft 2020-12, shipped as deliverykit/json-schema/<vendor>.json)
 * from its codecs: io-ts's own codecs by their parts, deliverykit's combinators by the parts
 * they recorded (src/kit/codecStructure.ts), and every other codec (a date format, a number
 * read from text) from the schema declared for it beside the vendor's codecs. A codec with
 * none of these is an error, never an empty schema that accepts anything: a new codec
 * without a declaration fails the test that regenerates the schemas.
 *
 * Build-time only: scripts/jsonSchemas.ts calls it; no entry point imports it.
 */
import type * as t from 'io-ts'

import type { ShapeName } from './definition.js'
import type { Vendor } from '../model/vendor.js'
import { structureOf } from './codecStructure.js'

/** A JSON Schema, as the generator writes it. */
export type JsonSchema = Readonly<Record<string, unknown>> | boolean

/** The schema of a codec (or a `$ref` to its definition), for a declaration to use. */
export type Walk = (codec: t.Mixed) => JsonSchema

/** What a declaration builds its schema with. */
export interface Tools {
  readonly walk: Walk
  /** A `$defs` entry written once under `name` (built on first use), as a `$ref`. */
  readonly define: (name: string, build: () => JsonSchema) => JsonSchema
  /** For each marker field of the kinds but `kind`: the schema that says it is absent (or null). */
  readonly otherKinds: (kind: string) => Readonly<Record<string, JsonSchema>>
  /** The schema of a field that marks another kind: absent, or null. */
  readonly absent: () => JsonSchema
}

/** The schema of a codec whose rule is code, written once, beside the vendor's codecs. */
export interface Declaration {
  /** The `$defs` key it is written under once, and referred to by; written in place where absent. */
  readonly name?: string
  readonly description?: string
  /**
   * The schema; `inner` is that of the codec a narrowing codec narrows (`narrowed` in its
   * structure). Absent: the codec's own parts, only named and described here.
   */
  readonly schema?: JsonSchema | ((tools: Tools & { readonly inner: SchemaObject }) => JsonSchema)
}

/** Declarations by codec, or by a codec's io-ts name where the codec is not exported (a name two codecs share is refused). */
export type Declarations = ReadonlyArray<readonly [t.Mixed | string, Declaration]>

/** The fields that tell a vendor's kinds of body apart, and the kind each shape is. */
export interface MarkerRules {
  readonly fields: Readonly<Record<string, ReadonlyArray<string>>>
  /** The kind of each shape, by its key; by default its callback kind (`ShapeName.kind`). */
  readonly kindOf?: Readonly<Record<string, string>>
  /** The `$defs` key of the schema a field of another kind must match (absent, or null). */
  readonly name: string
  readonly description: string
}

/** Everything a vendor's schema is generated from. */
export interface VendorSchemaSource {
  readonly vendor: Vendor
  readonly title: string
  readonly description: string
  /** The registered vendor's shapes (`RegisteredVendor.shapes`), each with the codec its entry decodes with. */
  readonly shapes: Readonly<Record<string, ShapeName>>
  readonly shapeDescriptions?: Readonly<Record<string, string>>
  readonly declarations: Declarations
  readonly markers?: MarkerRules
  /** What a shape's `pick` adds to its codec (a field that must be absent when another is), merged into its definition. */
  readonly shapeRules?: Readonly<Record<string, (tools: Tools) => SchemaObject>>
  /** Alternatives beside the shapes (a channel deliverykit does not know yet), by `$defs` key, with their titles. */
  readonly alternatives?: Readonly<Record<string, (tools: Tools) => SchemaObject>>
  /** Descriptions of fields, by `Codec.field` (an io-ts struct's name) or by field name alone. */
  readonly fieldDescriptions?: Readonly<Record<string, string>>
  /** The `$defs` key of the empty object `emptyAsObject` takes (`[]` or `""`). */
  readonly emptyObjectName?: string
}

export type SchemaObject = Readonly<Record<string, unknown>>

const isObject = (schema: JsonSchema): schema is SchemaObject => typeof schema === 'object'

const fail = (message: string): never => {
  throw new Error(`JSON Schema generator: ${message}`)
}

/** The generator's state for one vendor: the `$defs` written so far, and which codec each name stands for. */
const generator = (source: VendorSchemaSource) => {
  const defs: Record<string, JsonSchema> = {}
  const owners = new Map<string, object>()
  const byCodec = new Map<object, Declaration>()
  const byName = new Map<string, Declaration>()
  for (const [key, declaration] of source.declarations) {
    if (typeof key === 'string') byName.set(key, declaration)
    else byCodec.set(key, declaration)
  }
  const nameUsers = new Map<string, object>()

  const define = (name: string, owner: object, build: () => JsonSchema): JsonSchema => {
    const known = owners.get(name)
    if (known !== undefined && known !== owner) fail(`two schemas are declared under the name ${name}`)
    if (known === undefined) {
      owners.set(name, owner)
      // Stryker disable next-line BooleanLiteral: equivalent, a placeholder that keeps this key before those build() writes, its value replaced before any read
      defs[name] = true
      defs[name] = build()
    }
    return { $ref: `#/$defs/${name}` }
  }

  const declarationOf = (codec: t.Mixed): Declaration | undefined => {
    const own = byCodec.get(codec)
    if (own !== undefined) return own
    const named = byName.get(codec.name)
    if (named === undefined) return undefined
    const user = nameUsers.get(codec.name)
    if (user !== undefined && user !== codec) fail(`two codecs are named ${JSON.stringify(codec.name)}: declare each by the codec itself`)
    nameUsers.set(codec.name, codec)
    return named
  }

  const describedField = (structName: string, field: string, schema: JsonSchema): JsonSchema => {
    const description = source.fieldDescriptions?.[`${structName}.${field}`] ?? source.fieldDescriptions?.[field]
    if (description === undefined) return schema
    return isObject(schema) ? { description, ...schema } : schema ? { description } : fail(`${structName}.${field} accepts nothing`)
  }

  const emptyObject = (): JsonSchema =>
    define(source.emptyObjectName ?? 'emptyObject', emptyObject, () => ({
      description: 'An empty object as PHP\'s json_encode sends it ([]) or a form does ("").',
      anyOf: [{ const: '' }, { type: 'array', maxItems: 0 }],
    }))

  const absent = (): JsonSchema => {
    const markers = source.markers ?? fail(`${source.vendor} has no markers`)
    return define(markers.name, markers, () => ({ description: markers.description, type: 'null' }))
  }

  const otherKinds = (kind: string): Readonly<Record<string, JsonSchema>> => {
    const markers = source.markers ?? fail(`${source.vendor} has no markers`)
    if (!(kind in markers.fields)) fail(`${source.vendor} has no kind ${kind}`)
    const ref = absent()
    return Object.fromEntries(Object.entries(markers.fields).flatMap(([other, fields]) => (other === kind ? [] : fields.map((field) => [field, ref]))))
  }

  // A definition a declaration writes by name alone stands for that name.
  const sentinels = new Map<string, object>()
  const sentinel = (name: string): object => sentinels.get(name) ?? sentinels.set(name, {}).get(name) ?? {}
  const tools = (): Tools => ({ walk, define: (name, build) => define(name, sentinel(name), build), otherKinds, absent })

  const walk: Walk = (codec) => {
    const declaration = declarationOf(codec)
    if (declaration === undefined) return walkParts(codec)
    const build = (): JsonSchema => {
      const { schema, description } = declaration
      const structure = structureOf(codec)
      const built =
        schema === undefined
          ? walkParts(codec)
          : typeof schema === 'function'
            ? schema({ ...tools(), inner: structure?.kind === 'narrowed' ? asObject(walk(structure.of), codec.name) : {} })
            : schema
      return description === undefined ? built : { description, ...asObject(built, codec.name) }
    }
    return declaration.name === undefined ? build() : define(declaration.name, codec, build)
  }

  const walkParts: Walk = (codec) => {
    const structure = structureOf(codec)
    if (structure !== undefined) {
      switch (structure.kind) {
        case 'struct': {
          const required = Object.keys(structure.required)
          const properties = Object.fromEntries(
            Object.entries({ ...structure.required, ...structure.optional }).map(([key, field]) => [key, describedField(codec.name, key, walk(field))]),
          )
          return { type: 'object', ...(required.length > 0 && { required }), properties }
        }
        case 'aliases':
          return aliased(walk(structure.of), structure.aliases, codec.name)
        case 'emptyAsObject': {
          const object = walk(structure.of)
          if (isObject(object) && object['required'] !== undefined) fail(`${codec.name} takes [] or "" as an empty object, which its required fields refuse: not written yet`)
          return { anyOf: [object, emptyObject()] }
        }
        case 'jsonAsIs':
          return walk(structure.of)
        case 'list':
          return { type: 'array', items: walk(structure.of) }
        case 'enum':
          return structure.values.length === 1 ? { const: structure.values[0] } : { enum: structure.values }
        case 'narrowed':
          return fail(`${codec.name} narrows ${structure.of.name} by a rule of code: declare its JSON Schema beside the vendor's codecs`)
      }
    }
    return ioTsSchema(codec, walk)
  }

  return { walk, defs, tools }
}

const asObject = (schema: JsonSchema, where: string): SchemaObject => (isObject(schema) ? schema : fail(`${where} is no object schema`))

/** io-ts's own codecs, by their parts. */
const ioTsSchema = (codec: t.Mixed, walk: Walk): JsonSchema => {
  const parts = codec as t.Mixed & { readonly _tag?: string; readonly type?: t.Mixed; readonly types?: ReadonlyArray<t.Mixed>; readonly props?: t.Props; readonly value?: unknown; readonly keys?: Readonly<Record<string, unknown>>; readonly codomain?: t.Mixed }
  switch (parts._tag) {
    case 'StringType':
      return { type: 'string' }
    case 'NumberType':
      return { type: 'number' }
    case 'BooleanType':
      return { type: 'boolean' }
    case 'NullType':
      return { type: 'null' }
    case 'UnknownType':
      return true
    case 'LiteralType':
      return { const: parts.value }
    case 'KeyofType':
      return { enum: Object.keys(parts.keys ?? {}) }
    case 'InterfaceType':
    case 'PartialType': {
      const props = parts.props ?? {}
      const required = parts._tag === 'InterfaceType' ? Object.keys(props) : []
      return { type: 'object', ...(required.length > 0 && { required }), properties: Object.fromEntries(Object.entries(props).map(([key, field]) => [key, walk(field)])) }
    }
    case 'ExactType':
    case 'ReadonlyType':
      return walk(parts.type ?? fail(`${codec.name} has no inner codec`))
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return { type: 'array', items: walk(parts.type ?? fail(`${codec.name} has no item codec`)) }
    case 'IntersectionType':
      return { allOf: (parts.types ?? []).map(walk) }
    case 'UnionType':
      return { anyOf: (parts.types ?? []).map(walk) }
    case 'DictionaryType':
      return { type: 'object', additionalProperties: walk(parts.codomain ?? fail(`${codec.name} has no value codec`)) }
    case undefined:
    default:
      return fail(`no JSON Schema for the codec ${JSON.stringify(codec.name)}${parts._tag === undefined ? '' : ` (${parts._tag})`}: declare one beside the vendor's codecs (the kit's own codecs, such as PhoneNumberText, are declared in COMMON_DECLARATIONS: spread it into the vendor's declarations)`)
  }
}

/**
 * An object schema whose fields may also be sent under another name: where the field is
 * absent, its alias is read in its place (and is required in its place where the field is).
 */
const aliased = (object: JsonSchema, aliases: Readonly<Record<string, string>>, name: string): JsonSchema => {
  if (!isObject(object) || typeof object['properties'] !== 'object') return fail(`${name} reads aliases of fields, but is no object schema`)
  const properties = object['properties'] as Readonly<Record<string, JsonSchema>>
  const required = (object['required'] as ReadonlyArray<string> | undefined) ?? []
  const pairs = Object.entries(aliases)
  const stillRequired = required.filter((key) => !pairs.some(([, field]) => field === key))
  const rules = pairs.map(([alias, field]) => ({
    description: `Without ${field}, ${alias} is read in its place.`,
    if: { type: 'object', properties: { [field]: false } },
    then: { ...(required.includes(field) && { required: [alias] }), properties: { [alias]: properties[field] ?? fail(`${name} has no field ${field}`) } },
  }))
  const { required: _required, ...rest } = object
  return {
    ...rest,
    ...(stillRequired.length > 0 && { required: stillRequired }),
    properties: { ...properties, ...Object.fromEntries(pairs.map(([alias, field]) => [alias, { description: `${field}, under another name: read when ${field} is absent.` }])) },
    allOf: [...((object['allOf'] as ReadonlyArray<unknown> | undefined) ?? []), ...rules],
  }
}

/** Adds keywords to an object schema: `properties` merged (a field given twice is an error), `allOf` appended. */
const merged = (base: SchemaObject, extra: SchemaObject, where: string): SchemaObject => {
  const out: Record<string, unknown> = { ...base }
  for (const [keyword, value] of Object.entries(extra)) {
    if (keyword === 'properties') {
      const own = (base['properties'] as Readonly<Record<string, unknown>> | undefined) ?? {}
      for (const key of Object.keys(value as object)) if (key in own) fail(`${where} already has a rule for ${key}`)
      out['properties'] = { ...own, ...(value as object) }
    } else if (keyword === 'allOf') out['allOf'] = [...((base['allOf'] as ReadonlyArray<unknown> | undefined) ?? []), ...(value as ReadonlyArray<unknown>)]
    else if (keyword in base && keyword !== 'type') fail(`${where} already has ${keyword}`)
    else out[keyword] = value
  }
  return out
}

/** A vendor's whole schema: one of its shapes (and alternatives), each shape its codec's schema plus the rules that pick it. */
export const vendorJsonSchema = (source: VendorSchemaSource): SchemaObject => {
  const { walk, defs, tools } = generator(source)
  const markers = source.markers
  const shapeDefs: Record<string, SchemaObject> = {}
  for (const [key, shape] of Object.entries(source.shapes)) {
    const codec = (shape as ShapeName & { readonly codec?: t.Mixed }).codec ?? fail(`${source.vendor}'s shape ${key} has no codec: generate from the vendor registered with every decoder`)
    const description = source.shapeDescriptions?.[key]
    let schema = merged({ title: shape.name, ...(description !== undefined && { description }) }, asObject(walk(codec), key), key)
    if (markers !== undefined) schema = merged(schema, { properties: tools().otherKinds(markers.kindOf?.[key] ?? shape.kind) }, key)
    const rule = source.shapeRules?.[key]
    if (rule !== undefined) schema = merged(schema, rule(tools()), key)
    shapeDefs[key] = schema
  }
  const alternatives = Object.fromEntries(Object.entries(source.alternatives ?? {}).map(([key, build]) => [key, build(tools())]))
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:deliverykit:json-schema:${source.vendor}`,
    title: source.title,
    description: source.description,
    oneOf: [...Object.keys(shapeDefs), ...Object.keys(alternatives)].map((key) => ({ $ref: `#/$defs/${key}` })),
    $defs: { ...shapeDefs, ...alternatives, ...defs },
  }
}

/** A vendor's schema as the file the package ships. */
export const jsonSchemaText = (schema: SchemaObject): string => `${JSON.stringify(schema, null, 2)}\n`
