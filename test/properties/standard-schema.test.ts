/**
 * `webhookSchema(…)['~standard'].validate` never throws and never returns a Promise,
 * whatever it is given, and says what `safeParseWebhook` says of the body's text: of the
 * value itself, or for a string (which a framework parsed from JSON, so a JSON string) of
 * the JSON text that string was parsed from.
 */
import { safeParseWebhook, webhookSchema, type StandardSchemaV1 } from 'deliverykit'
import fc from 'fast-check'
import { deepStrictEqual, strictEqual } from 'node:assert/strict'
import { describe } from 'vitest'

import { anyValue, bodyBytes, bodyText, hostileValue, mutatedBody } from './arbitraries.js'
import { property } from './harness.js'
import { ok } from './oracle.js'

const SCHEMAS = [
  { name: 'octopush', schema: webhookSchema('octopush'), safeParse: (body: unknown) => safeParseWebhook('octopush', body) },
  { name: 'messangi (sms, keep)', schema: webhookSchema('messangi', { channel: 'sms', unknownStatus: 'keep' }), safeParse: (body: unknown) => safeParseWebhook('messangi', body, { channel: 'sms', unknownStatus: 'keep' }) },
  { name: 'masstack', schema: webhookSchema('masstack'), safeParse: (body: unknown) => safeParseWebhook('masstack', body) },
] as const

/** A Standard Schema result, at once: `{ value }` or a non-empty `{ issues }` of messages and key paths. */
const checkResult = (result: StandardSchemaV1.Result<unknown>): void => {
  ok(typeof (result as { readonly then?: unknown }).then !== 'function', 'validate returned a Promise')
  if (result.issues === undefined) {
    ok(Array.isArray(result.value), 'the value is the events')
    return
  }
  ok(result.issues.length > 0, 'a refusal has issues')
  for (const issue of result.issues) {
    ok(typeof issue.message === 'string' && issue.message.length > 0, 'an issue has a message')
    ok(issue.path === undefined || issue.path.every((key) => typeof key === 'string' || typeof key === 'number'), 'a path is keys')
  }
}

const agrees = (body: unknown): void => {
  for (const { schema, safeParse } of SCHEMAS) {
    const result = schema['~standard'].validate(body)
    checkResult(result)
    // A string a schema receives was parsed from JSON text: deliverykit says what it says of that text.
    const expected = safeParse(typeof body === 'string' ? JSON.stringify(body) : body)
    strictEqual(result.issues === undefined, expected.success)
    if (expected.success) deepStrictEqual(result.issues === undefined && result.value, expected.events)
    else deepStrictEqual(result.issues?.slice(0, expected.error.issues.length).map((issue) => issue.message), expected.error.issues.map((issue) => issue.message))
  }
}

describe('webhookSchema validate', () => {
  property('any JavaScript value, text or bytes: a result at once, the one safeParseWebhook gives', [fc.oneof(anyValue, bodyText, bodyBytes, mutatedBody.map((m) => m.body))], agrees)

  property('hand-built hostile objects (throwing accessors, revoked proxies): a result at once, never a throw', [hostileValue], (make) => {
    for (const { schema } of SCHEMAS) checkResult(schema['~standard'].validate(make()))
  })
})
