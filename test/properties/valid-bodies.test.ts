import { lookupStatus, normalize } from 'deliverykit'
import { either as E } from 'fp-ts'
import { deepStrictEqual, strictEqual } from 'node:assert/strict'

import { describe } from 'vitest'

import { TESTKITS } from '../vendors/testkit.js'
import { catalogsOf, validBody, type ValidBody } from './arbitraries.js'
import { property } from './harness.js'
import { checkEvent, ok } from './oracle.js'

const run = (valid: ValidBody, input: unknown) => normalize(valid.vendor as 'octopush', input, valid.options)

/** Right, with one event per record, in order, each with the catalog's mapping of its (channel, code). */
const decodesAsExpected = (valid: ValidBody): void => {
  const result = run(valid, valid.body)
  if (E.isLeft(result)) throw new Error(`expected events, got ${JSON.stringify({ ...result.left, input: undefined })}`)
  const events = result.right
  strictEqual(events.length, valid.expected.length)
  events.forEach((event, index) => {
    const expected = valid.expected[index]
    if (expected === undefined) return
    checkEvent(event, valid.vendor)
    deepStrictEqual({ channel: event.channel, messageId: event.messageId, recipient: event.recipient, vendorStatus: event.vendorStatus }, {
      channel: expected.channel,
      messageId: expected.messageId,
      recipient: expected.recipient,
      vendorStatus: expected.vendorStatus,
    })
    const entry = lookupStatus(catalogsOf(valid.vendor, valid.body), expected.channel, expected.vendorStatus)
    ok(entry !== undefined, 'the generated code is in the catalog')
    deepStrictEqual({ classification: event.classification, status: event.status, failure: 'failure' in event ? event.failure : undefined }, {
      classification: entry.classification,
      status: entry.status,
      failure: entry.classification === 'failure' ? entry.failure : undefined,
    })
    strictEqual(event.history.length, expected.historyLength)
    if (event.vendorTime !== undefined) ok(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?[+-]\d\d:\d\d$/.test(event.occurredAt ?? ''), `occurredAt ${String(event.occurredAt)}`)
  })
  // JSON text and UTF-8 bytes of the same body give the same events.
  const text = JSON.stringify(valid.body)
  const fromText = run(valid, text)
  const fromBytes = run(valid, new TextEncoder().encode(text))
  deepStrictEqual(E.isRight(fromText) && fromText.right, events)
  deepStrictEqual(E.isRight(fromBytes) && fromBytes.right, events)
}

describe('valid bodies of every vendor, channel and code decode to the catalog mapping', () => {
  // Each vendor's generators, with their titles, come from its testkit (test/vendors/<vendor>/testkit.ts).
  for (const { title, arbitrary } of TESTKITS.flatMap((kit) => Object.values(kit.validBodies))) property(title, [arbitrary], decodesAsExpected)
  property('any vendor: the same body gives the same events twice (no clock, no randomness)', [validBody], (valid) => {
    deepStrictEqual(run(valid, valid.body), run(valid, JSON.parse(JSON.stringify(valid.body))))
  })
})
