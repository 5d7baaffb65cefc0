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

import { EXAMPLE_BODIES, jsonLike, validBody, type Json, type ValidBody } from './arbitraries.js'
import { property } from './harness.js'
import { ok } from './oracle.js'

/** Every body shape of each vendor, with its fields (codecs in src/vendors/<vendor>/codec.ts). */
const SHAPES: Readonly<Record<Vendor, Readonly<Record<string, ReadonlyArray<string>>>>> = {
  octopush: {
    phone: ['channel', 'message_id', 'number', 'status', 'delivery_date', 'DELIVERY_DATE', 'list_name', 'unit_price', 'meta_data', 'pressed_keys_code', 'call_duration', 'charged_duration'],
    email: ['channel', 'message_id', 'deliveries', 'list_name', 'meta_data'],
    stop: ['number', 'text', 'stop_date', 'message_id', 'channel'],
    inbound: ['number', 'text', 'reception_date', 'answer_date', 'message_id', 'sim_card_number', 'meta_data', 'channel'],
  },
  messangi: {
    status: ['id', 'status', 'to', 'date', 'externalId', 'campaignId', 'from', 'message', 'username', 'timestamp', 'callback'],
    send: ['meta', 'data'],
    legacy: ['TYPE', 'MESSANGI_ID', 'STATUS', 'TO', 'FROM', 'MESSAGE_BODY', 'CLIENT_ID'],
    mo: ['user', 'text', 'date', 'origin', 'connection', 'id', 'externalId', 'processId', 'owner', 'callback'],
    legacyMo: ['TYPE', 'FROM', 'TEXT', 'TO', 'ENCODING'],
    legacyFacebook: ['TYPE', 'FROM', 'MESSAGE_BODY', 'TO', 'CLIENT_ID', 'MESSANGI_ID'],
    legacyInbound: ['mo', 'mobile'],
  },
  masstack: {
    record: ['id', 'externalId', 'channel', 'status', 'terminatingNumber', 'countryCode', 'destinationEmail', 'clientId', 'requestTime', 'createdTime', 'updatedTime'],
    envelope: ['commit', 'id', 'data'],
  },
}

/** The shape a generated body has, by how the generators build them. */
const shapeOf = (valid: Pick<ValidBody, 'vendor' | 'body'>): string | undefined => {
  const body = valid.body
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  const has = (key: string): boolean => key in body
  switch (valid.vendor) {
    case 'octopush':
      return has('stop_date') ? 'stop' : has('reception_date') ? 'inbound' : has('deliveries') ? 'email' : 'phone'
    case 'messangi':
      return has('data') ? 'send' : has('TYPE') ? 'legacy' : 'status'
    case 'masstack':
      return has('data') ? 'envelope' : 'record'
  }
}

/** The fields only other shapes of the vendor have. */
const foreignFields = (vendor: Vendor, shape: string): ReadonlyArray<string> => {
  const own = new Set(SHAPES[vendor][shape])
  return [...new Set(Object.entries(SHAPES[vendor]).flatMap(([name, fields]) => (name === shape ? [] : fields.filter((field) => !own.has(field)))))]
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
