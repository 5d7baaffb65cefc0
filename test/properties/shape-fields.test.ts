/**
 * The body's kind is decided once (issue 12, defect 1): adding to a valid body a field that
 * only another body shape of its vendor has never changes its events. The body either
 * gives the same events (apart from `raw`, which keeps every field) or, where the field is
 * one that tells kinds apart, is refused as claiming two kinds: never other events.
 */
import { normalizeWebhook, type AnyWebhookEvent, type NormalizeError, type Vendor } from 'deliverykit'
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { deepStrictEqual } from 'node:assert/strict'

import { describe } from 'vitest'

import { testkitOf } from '../vendors/testkit.js'
import { EXAMPLE_BODIES, jsonLike, validBody, type Json, type ValidBody } from './arbitraries.js'
import { property } from './harness.js'
import { ok } from './oracle.js'

/** Every body shape of each vendor, with its fields: its testkit's (test/vendors/<vendor>/testkit.ts). */
const SHAPES = (vendor: Vendor): Readonly<Record<string, ReadonlyArray<string>>> => testkitOf(vendor).shapes

/** The shape a generated body has, by how the generators build them (its vendor's testkit says). */
const shapeOf = (valid: Pick<ValidBody, 'vendor' | 'body'>): string | undefined => {
  const body = valid.body
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  return testkitOf(valid.vendor).shapeOf(body as Readonly<Record<string, Json>>)
}

/** The fields only other shapes of the vendor have. */
const foreignFields = (vendor: Vendor, shape: string): ReadonlyArray<string> => {
  const own = new Set(SHAPES(vendor)[shape])
  return [...new Set(Object.entries(SHAPES(vendor)).flatMap(([name, fields]) => (name === shape ? [] : fields.filter((field) => !own.has(field)))))]
}

const comparable = (events: ReadonlyArray<AnyWebhookEvent>) => events.map(({ raw: _raw, ...rest }) => rest)

const run = (valid: Pick<ValidBody, 'vendor' | 'options'>, body: unknown): E.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>> =>
  normalizeWebhook(valid.vendor as 'octopush', body, valid.options)

const withForeignField = fc
  .oneof(validBody, fc.constantFrom(...EXAMPLE_BODIES))
  .filter((valid) => shapeOf(valid) !== undefined)
  .chain((valid) => {
    const fields = foreignFields(valid.vendor, shapeOf(valid) ?? '')
    return fc.tuple(fc.constant(valid), fc.constantFrom(...fields), fc.oneof(jsonLike as fc.Arbitrary<Json>, fc.constantFrom<Json>('STOP', 'HARD_BOUNCE', '2025-01-22 11:46:06', '+33600000000', 'EMAIL', '__proto__', [], {})))
  })

describe('the body’s kind is decided once', () => {
  property('adding a field of another body shape never changes a valid body’s events: the same events, or a refusal', [withForeignField], ([valid, field, value]) => {
    const before = run(valid, valid.body)
    ok(E.isRight(before), 'the generated body is valid')
    const body = { ...(valid.body as Readonly<Record<string, Json>>) }
    if (Object.prototype.hasOwnProperty.call(body, field)) return
    Object.defineProperty(body, field, { value, enumerable: true, writable: true, configurable: true })
    for (const input of [body, JSON.stringify(body)]) {
      const after = run(valid, input)
      if (E.isLeft(after)) {
        ok(after.left.kind === 'invalid_body', `refused as ${after.left.kind}: ${after.left.issues[0].message}`)
        continue
      }
      if (E.isRight(before)) deepStrictEqual(comparable(after.right), comparable(before.right))
    }
  })
})
