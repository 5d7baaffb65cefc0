/**
 * The depth a body may have (MAX_DEPTH, docs/security.md): what the decoder accepts, every
 * consumer of the events handles. For any nesting of objects and arrays in an unknown
 * field, a body is accepted exactly when it is at most 100 levels deep; its events then
 * survive `JSON.stringify`, `recordEvent` takes them (and PostgreSQL stores and returns
 * them), and the CLI prints complete JSON. A deeper body is an `invalid_body` error at the
 * path of its first level too many.
 */
import { normalizeWebhook, type AnyWebhookEvent } from 'deliverykit'
import { recordEvent } from 'deliverykit/postgres'
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { deepStrictEqual, strictEqual } from 'node:assert/strict'
import { describe, expect, it } from 'vitest'

import { MAX_DEPTH } from '../../src/runtime/snapshot.js'
import { runWith } from '../cli/harness.js'
import { payload } from '../helpers.js'
import { property } from '../properties/harness.js'
import { ok } from '../properties/oracle.js'
import { usePglite } from '../postgres/withPglite.js'

/** Each vendor's body, at level 1 of nesting, with an unknown field to nest junk in. */
const BODIES = [
  { vendor: 'octopush', options: {}, body: payload('octopush/email.json') },
  { vendor: 'messangi', options: { channel: 'sms' }, body: payload('messangi/sms/mt-callback.json') },
  { vendor: 'masstack', options: {}, body: payload('masstack/record.json') },
] as const

/** Junk `levels` objects and arrays deep, each level an array or an object under a key of its own. */
const junk = (shape: ReadonlyArray<string | null>): unknown => {
  let value: unknown = 'bottom'
  for (let i = shape.length - 1; i >= 0; i--) {
    const key = shape[i]
    value = key === null || key === undefined ? [value] : { [key]: value }
  }
  return value
}

/** A shape of 1 to 110 levels, every length as likely, so that bodies just under and just over the limit come up. */
const levels = fc.integer({ min: 1, max: MAX_DEPTH + 10 }).chain((length) => fc.array(fc.option(fc.string({ maxLength: 6 }), { nil: null }), { minLength: length, maxLength: length }))

/** What every consumer must do with the events of an accepted body. */
const consumable = (events: ReadonlyArray<AnyWebhookEvent>, text: string, vendor: string, channel?: string): void => {
  deepStrictEqual(JSON.parse(JSON.stringify(events)), events)
  for (const event of events) {
    if (event.kind !== 'delivery') continue
    const { values } = recordEvent(event)
    deepStrictEqual(JSON.parse(String(values[values.length - 1])), event)
  }
  const cli = runWith(['normalize', '--vendor', vendor, ...(channel === undefined ? [] : ['--channel', channel]), 'body.json'], { 'body.json': text })
  strictEqual(cli.code, 0, cli.stderr)
  deepStrictEqual(JSON.parse(cli.stdout), JSON.parse(JSON.stringify(events)))
}

describe(`bodies at most ${String(MAX_DEPTH)} levels deep are accepted and consumable; deeper ones are refused`, () => {
  property('any nesting in an unknown field, as JSON text and as an object', [fc.constantFrom(...BODIES), levels], ({ vendor, options, body }, shape) => {
    const deep = { ...body, x_junk: junk(shape) }
    const depth = 1 + shape.length
    const text = JSON.stringify(deep)
    for (const input of [text, JSON.parse(text) as unknown]) {
      const result = normalizeWebhook(vendor as 'octopush', input, options)
      if (depth <= MAX_DEPTH) {
        ok(E.isRight(result), `a body ${String(depth)} levels deep is accepted`)
        consumable(result.right, text, vendor, 'channel' in options ? options.channel : undefined)
      } else {
        ok(E.isLeft(result) && result.left.kind === 'invalid_body', `a body ${String(depth)} levels deep is refused`)
        const [issue] = result.left.issues
        strictEqual(issue.code, 'invalid_value')
        deepStrictEqual(issue.path, ['x_junk', ...shape.slice(0, MAX_DEPTH - 1).map((key) => key ?? 0)])
        strictEqual(issue.message.endsWith(`: expected at most ${String(MAX_DEPTH)} levels of nested objects and arrays, received an ${shape[MAX_DEPTH - 1] === null ? 'array' : 'object'} at level ${String(MAX_DEPTH + 1)}`), true, issue.message)
      }
    }
  })
})

describe('the deepest body accepted, in PostgreSQL', () => {
  const pglite = usePglite()

  it.each(BODIES)('$vendor: recorded, and read back as json and as jsonb, equal to the event', async ({ vendor, options, body }) => {
    const deep = { ...body, x_junk: junk(Array.from({ length: MAX_DEPTH - 1 }, (_, i) => (i % 2 === 0 ? null : 'k'))) }
    const result = normalizeWebhook(vendor as 'octopush', JSON.stringify(deep), options)
    const [event] = E.isRight(result) ? result.right : []
    if (event?.kind !== 'delivery') throw new Error('expected a delivery event')
    const query = recordEvent(event)
    await pglite().query(query.text, query.values)
    const rows = await pglite().query<{ readonly event: unknown; readonly binary: unknown }>('SELECT event, event::jsonb AS binary FROM deliverykit_events WHERE event_id = $1', [event.eventId])
    expect(rows.rows).toHaveLength(1)
    expect(rows.rows[0]?.event).toEqual(event)
    expect(rows.rows[0]?.binary).toEqual(event)
  })
})
