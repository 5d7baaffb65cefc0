import { VENDORS, webhookSchema, type Vendor } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { readBody } from '../../src/runtime/rawBody.js'
import { REGISTRY } from '../../src/options.js'
import { decodingOptions } from '../helpers.js'
import { deliverykitAccepts, schemaAccepts, schemaErrors, schemaOf, strictAjv } from '../jsonSchemas.js'
import { payloadFiles, payloadText } from '../webhookRoutes.js'
import { testkitOf } from './testkit.js'
import { REFUSED_FOR_CONTENT, WILD_FILES, wildFixtureText, type WildBody } from '../wildFixtures.js'

/** Whether a vendor's bodies may name a channel deliverykit does not know (its schema has a shape for them): its testkit says. */
const NAMES_CHANNELS = (vendor: Vendor): boolean => testkitOf(vendor).namesChannels

describe('the JSON Schemas', () => {
  for (const vendor of VENDORS) {
    describe(vendor, () => {
      const schema = schemaOf(vendor)
      const defs = schema['$defs'] as Readonly<Record<string, { readonly title?: string }>>
      const shapes = REGISTRY[vendor].shapes

      it('is draft 2020-12, and compiles in Ajv\'s strictest mode', () => {
        expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema')
        expect(schema['$id']).toBe(`urn:deliverykit:json-schema:${vendor}`)
        expect(() => strictAjv().compile(schema)).not.toThrow()
      })

      it('has one shape for each of the vendor definition\'s, titled with its name, and is one of them', () => {
        const keys = Object.keys(shapes)
        expect(keys.map((key) => defs[key]?.title)).toEqual(keys.map((key) => shapes[key]?.name))
        const alternatives = [...keys, ...(NAMES_CHANNELS(vendor) ? ['unknownChannel'] : [])]
        const refs = (schema['oneOf'] as ReadonlyArray<{ readonly $ref: string }>).map((alternative) => alternative.$ref)
        expect([...refs].sort()).toEqual(alternatives.map((key) => `#/$defs/${key}`).sort())
      })
    })
  }
})

/** A fixture's body as deliverykit reads it: the JSON value, or the form through the library's own form reader. */
const parsed = (fixture: WildBody): unknown => {
  if (fixture.form === undefined) return fixture.body
  const read = readBody(fixture.form)
  if (!read.ok) throw new Error(read.problem.message)
  return read.value
}

const WILD = WILD_FILES.map(({ vendor, name, file }) => ({ vendor, name, fixture: JSON.parse(wildFixtureText(file)) as WildBody }))

describe('every fixture: the schema accepts exactly the bodies deliverykit accepts', () => {
  for (const { vendor, name, fixture } of WILD) {
    it(`test/fixtures/wild/${vendor}/${name}`, () => {
      const body = parsed(fixture)
      // A form is decoded as the form it is, and its value checked as a form's (jsonSchemas.ts, asFormSchema).
      const encoding = fixture.form === undefined ? 'json' : 'form'
      const accepted = deliverykitAccepts(vendor, fixture.form ?? body)
      expect(schemaAccepts(vendor, body, encoding), schemaErrors(vendor, encoding)).toBe(accepted)
      // A body its source refuses for its structure is refused by both.
      if (name.startsWith('rejected-')) expect(accepted).toBe(`${vendor}/${name}` in REFUSED_FOR_CONTENT)
    })
  }

  for (const file of payloadFiles()) {
    it(`examples/payloads/${file} is valid`, () => {
      const vendor = file.split('/')[0] as Vendor
      const body: unknown = JSON.parse(payloadText(file))
      expect(deliverykitAccepts(vendor, body)).toBe(true)
      expect(schemaAccepts(vendor, body), schemaErrors(vendor)).toBe(true)
      // Double-encoded, as a framework's JSON parser hands it over: a string, which both refuse.
      const string: unknown = JSON.parse(JSON.stringify(payloadText(file)))
      expect(schemaAccepts(vendor, string)).toBe(false)
      expect(webhookSchema(vendor, { ...decodingOptions(vendor), unknownStatus: 'keep' })['~standard'].validate(string).issues).toHaveLength(1)
    })
  }

  it('covers accepted and refused bodies of every vendor', () => {
    for (const vendor of VENDORS) {
      const bodies = [...WILD.filter((w) => w.vendor === vendor).map((w) => parsed(w.fixture)), ...payloadFiles().filter((file) => file.startsWith(`${vendor}/`)).map((file): unknown => JSON.parse(payloadText(file)))]
      expect(bodies.filter((body) => deliverykitAccepts(vendor, body)).length, vendor).toBeGreaterThan(2)
      expect(WILD.filter((w) => w.vendor === vendor && w.name.startsWith('rejected-')).length, vendor).toBeGreaterThan(2)
    }
  })
})

/** The property names a vendor's shapes give (each definition's own, not those of the objects they nest). */
const propertyNames = (vendor: Vendor): ReadonlyArray<string> => {
  const defs = Object.values(schemaOf(vendor)['$defs'] as Readonly<Record<string, { readonly properties?: Readonly<Record<string, unknown>> }>>)
  return [...new Set(defs.flatMap((definition) => Object.keys(definition.properties ?? {})))].sort()
}

/** Values at the edge of what some field accepts: each type, numbers and numeric text at their limits, dates, channel and type names. */
const PROBES: ReadonlyArray<unknown> = [
  null, true, -0, -1, 0.5, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1e21, '', 'x', ' 33600000000', '-1', '0.5', '1e3',
  '123456789012345', '1234567890123456', '0.1234567890123456', '123456789012345678901',
  '2024-02-29 00:00:00', '2025-02-29 00:00:00', '2025-01-22T11:46:06', '2025-01-22-T11:46:06.00Z', '2025-01-22T11:46:06.123456789+0100',
  'sms', 'Sms', 'EMAIL', 'fax', 'MO_MESSAGE', 'FACEBOOK', [], ['x'], {},
]

/** Each object in a body (the body, and what it nests) with its path, the first entry of a list standing for the rest. */
const objectsOf = (value: unknown, at: ReadonlyArray<string | number> = []): ReadonlyArray<ReadonlyArray<string | number>> => {
  if (Array.isArray(value)) return value.length === 0 ? [] : objectsOf(value[0], [...at, 0])
  if (value === null || typeof value !== 'object') return []
  return [at, ...Object.entries(value).flatMap(([key, item]) => objectsOf(item, [...at, key]))]
}

/** A body's fields and the types of their values, at every depth: what tells two bodies' rules apart. */
const fieldsOf = (body: unknown): string =>
  JSON.stringify(body, (_key, value: unknown) => {
    if (Array.isArray(value)) return value as unknown
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((key) => [key, (value as Record<string, unknown>)[key]]))
    return value === null ? 'null' : typeof value
  })

/** A copy of a JSON body with `key` of the object at `path` set to `probe`, or removed. */
const probed = (body: unknown, path: ReadonlyArray<string | number>, key: string, probe: { readonly value: unknown } | undefined): unknown => {
  const copy = structuredClone(body) as Record<string | number, unknown>
  let node = copy
  for (const step of path) node = node[step] as Record<string | number, unknown>
  if (probe === undefined) Reflect.deleteProperty(node, key)
  else Object.defineProperty(node, key, { value: probe.value, enumerable: true, writable: true, configurable: true })
  return copy
}

describe('every field of every accepted fixture, set to each probe value or removed: the schema and deliverykit agree', () => {
  for (const vendor of VENDORS) {
    it(vendor, () => {
      const names = propertyNames(vendor)
      const accepted = [
        ...WILD.filter((w) => w.vendor === vendor).map((w) => parsed(w.fixture)),
        ...payloadFiles().filter((file) => file.startsWith(`${vendor}/`)).map((file): unknown => JSON.parse(payloadText(file))),
      ].filter((body) => deliverykitAccepts(vendor, body))
      // One body per set of fields: probing two bodies with the same fields tries the same rules twice.
      const bases = [...new Map(accepted.map((body) => [fieldsOf(body), body])).values()]
      const disagreements: Array<string> = []
      let compared = 0
      for (const base of bases) {
        for (const path of objectsOf(base)) {
          let node: unknown = base
          for (const step of path) node = (node as Record<string | number, unknown>)[step]
          // Every name the schema knows at the top, where the markers are; a nested object's own fields.
          for (const key of new Set([...Object.keys(node as object), ...(path.length === 0 ? names : [])])) {
            for (const probe of [undefined, ...PROBES.map((value) => ({ value }))]) {
              const body = probed(base, path, key, probe)
              compared++
              if (schemaAccepts(vendor, body) !== deliverykitAccepts(vendor, body)) disagreements.push(JSON.stringify(body))
            }
          }
        }
      }
      expect(compared).toBeGreaterThan(1_000)
      expect(disagreements.slice(0, 5)).toEqual([])
    }, 60_000)
  }
})

describe('where the schema and deliverykit differ by design (listed in docs/json-schema.md)', () => {
  // Each difference is shown here, so that the list cannot outlive it unnoticed.

  it('a number JSON.parse overflows to Infinity (1e999): Messangi\'s timestamp keeps it, Ajv refuses a non-finite number', () => {
    const body = JSON.parse('{"id":"m-1","status":"DELIVRD","to":"5588999999999","timestamp":1e999}') as unknown
    expect(deliverykitAccepts('messangi', body)).toBe(true)
    expect(schemaAccepts('messangi', body)).toBe(false)
    // Where deliverykit refuses the overflowed number, they agree.
    const octopush = JSON.parse('{"message_id":"m","number":"+33600000000","status":"DELIVERED","delivery_date":"2025-01-22 11:46:06","unit_price":1e999}') as unknown
    expect([deliverykitAccepts('octopush', octopush), schemaAccepts('octopush', octopush)]).toEqual([false, false])
  })

  it('an Octopush reply with the same number at the root and in its metadata node: deliverykit accepts it, the schema (which cannot compare two values) asks for one place', () => {
    const body = { text: 'OUI', reception_date: '2026-03-09 11:30:45', number: '+33600000000', metadata: { number: '+33600000000' } }
    expect(deliverykitAccepts('octopush', body)).toBe(true)
    expect(schemaAccepts('octopush', body)).toBe(false)
    // Two different numbers: both refuse; one place: both accept.
    const differing = { ...body, metadata: { number: '+33611111111' } }
    expect([deliverykitAccepts('octopush', differing), schemaAccepts('octopush', differing)]).toEqual([false, false])
    const { number: _number, ...inTheNode } = body
    expect([deliverykitAccepts('octopush', inTheNode), schemaAccepts('octopush', inTheNode)]).toEqual([true, true])
  })

  it('nesting deeper than 100 levels in an unknown field: deliverykit refuses it, the schemas do not limit depth', () => {
    let junk: unknown = 'bottom'
    for (let i = 0; i < 99; i++) junk = [junk]
    const body = { id: 'c-1', status: 'DELIVERED', terminatingNumber: '666123123', junk }
    expect([deliverykitAccepts('masstack', body), schemaAccepts('masstack', body)]).toEqual([true, true])
    const deeper = { ...body, junk: [junk] }
    expect([deliverykitAccepts('masstack', deeper), schemaAccepts('masstack', deeper)]).toEqual([false, true])
  })

  it('a value JSON cannot carry, from a JavaScript caller: a bigint id of a Masstack record', () => {
    const record = { id: 12n, status: 'DELIVERED', terminatingNumber: '666123123' }
    expect(deliverykitAccepts('masstack', record)).toBe(true)
    expect(schemaAccepts('masstack', record)).toBe(false)
  })
})
