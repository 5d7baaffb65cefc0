/**
 * Bodies as bytes in every form a runtime hands them over (src/util/bytes.ts): an
 * `ArrayBuffer` (`await request.arrayBuffer()`), a `SharedArrayBuffer`, a `Uint8Array`, a
 * `Buffer`, a `DataView`, any other typed array, a view into a larger buffer at an offset.
 *
 * - Any body gives the same answer from its text and from each form of its bytes, through
 *   every entry that takes a body (normalizeWebhook, normalize, safeParse, parse, the
 *   Standard Schema) and detectVendor, and the bytes given are not changed.
 * - `maxBodySize` measures the bytes a view shows, whatever the buffer around it holds.
 * - Bytes are told by their internal slots: a look-alike object is not bytes, and a view's
 *   own properties are never read.
 * - A detached buffer, or a view over one, is a clear `invalid_body`.
 */
import { detectVendor, normalize, normalizeWebhook, parse, safeParse, webhookSchema, type AnyWebhookEvent, type NormalizeError } from 'deliverykit'
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { deepStrictEqual, strictEqual } from 'node:assert/strict'
import { describe, expect, it } from 'vitest'

import { leftOf, payload, rightOf } from '../helpers.js'
import { anyValidBody, type Json } from '../properties/arbitraries.js'
import { property } from '../properties/harness.js'
import { ok } from '../properties/oracle.js'

type Result = E.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>>

interface Valid {
  readonly vendor: string
  readonly body: Json
  readonly options?: object
}

const run = (valid: Valid, input: unknown, extra: object = {}): Result => normalizeWebhook(valid.vendor as 'octopush', input, { ...valid.options, ...extra } as unknown as undefined)

const viaSchema = (valid: Valid, input: unknown): unknown => {
  const result = webhookSchema(valid.vendor as 'octopush', valid.options as undefined)['~standard'].validate(input)
  return result.issues === undefined ? JSON.parse(JSON.stringify(result.value)) : result.issues.map((issue) => issue.message)
}

/** A result to compare across encodings: events as JSON (raw included), an error without its input. */
const comparable = (result: Result): unknown => (E.isLeft(result) ? { ...result.left, input: undefined } : JSON.parse(JSON.stringify(result.right)))

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

/** `bytes` at `offset` in a larger buffer, the bytes around them set, so a reader that ignores the window reads them too. */
const inLargerBuffer = (bytes: Uint8Array, offset: number): ArrayBuffer => {
  const buffer = new ArrayBuffer(offset + bytes.byteLength + 7)
  new Uint8Array(buffer).fill(0x7b)
  new Uint8Array(buffer, offset).set(bytes)
  return buffer
}

/** Every form of the same bytes a caller may hand over, each built fresh over its own memory. */
const forms = (bytes: Uint8Array, offset: number): ReadonlyArray<readonly [string, object]> => {
  const shared = new SharedArrayBuffer(bytes.byteLength)
  new Uint8Array(shared).set(bytes)
  return [
    ['a Uint8Array', bytes.slice()],
    ['an ArrayBuffer', bytes.slice().buffer],
    ['a SharedArrayBuffer', shared],
    ['a Uint8Array over a SharedArrayBuffer', new Uint8Array(shared)],
    ['a DataView', new DataView(bytes.slice().buffer)],
    ['a Buffer', Buffer.from(bytes)],
    ['a Uint8Array into a larger buffer at an offset', new Uint8Array(inLargerBuffer(bytes, offset), offset, bytes.byteLength)],
    ['a DataView into a larger buffer at an offset', new DataView(inLargerBuffer(bytes, offset), offset, bytes.byteLength)],
    ['a Buffer into a larger buffer at an offset', Buffer.from(inLargerBuffer(bytes, offset), offset, bytes.byteLength)],
  ]
}

/** A copy of the bytes a form shows, to compare after the call. */
const contentOf = (form: object): ReadonlyArray<number> => {
  if (ArrayBuffer.isView(form)) return [...new Uint8Array(form.buffer, form.byteOffset, form.byteLength)]
  return [...new Uint8Array(form as ArrayBuffer)]
}

describe('bytes in every form give the same answer as the text', () => {
  property(
    'for any body, its text, a Uint8Array, an ArrayBuffer, a SharedArrayBuffer, a DataView, a Buffer, a Uint16Array and views at an offset give equal events, errors and detections; the bytes are not changed',
    [anyValidBody, fc.integer({ min: 1, max: 13 })],
    (valid, offset) => {
      // JSON text, padded to an even length with a space (JSON allows it) so a Uint16Array can hold it.
      const json = JSON.stringify(valid.body)
      const text = encode(json).byteLength % 2 === 0 ? json : `${json} `
      const bytes = encode(text)
      const expected = comparable(run(valid, text))
      const expectedSchema = viaSchema(valid, bytes)
      const expectedDetection = detectVendor(text)
      const all: ReadonlyArray<readonly [string, object]> = [...forms(bytes, offset), ['a Uint16Array', new Uint16Array(bytes.slice().buffer)]]
      for (const [name, form] of all) {
        const before = contentOf(form)
        deepStrictEqual(comparable(run(valid, form)), expected, name)
        deepStrictEqual(viaSchema(valid, form), expectedSchema, `${name}, through the Standard Schema`)
        deepStrictEqual(detectVendor(form), expectedDetection, `${name}, through detectVendor`)
        deepStrictEqual(contentOf(form), before, `${name} is as it was`)
      }
    },
  )

  property(
    'maxBodySize counts the bytes a form shows, not its buffer: one byte under is too_large with that size, the size itself passes',
    [anyValidBody, fc.integer({ min: 1, max: 13 })],
    (valid, offset) => {
      const bytes = encode(JSON.stringify(valid.body))
      const size = bytes.byteLength
      for (const [name, form] of forms(bytes, offset)) {
        const over = run(valid, form, { maxBodySize: size - 1 })
        ok(E.isLeft(over) && over.left.kind === 'invalid_body', `${name}: refused under its size`)
        deepStrictEqual(over.left.issues.map((issue) => [issue.code, 'size' in issue ? issue.size : undefined]), [['too_large', size]], name)
        strictEqual(over.left.issues[0].message, `(root): the body is ${String(size)} bytes, over the limit of ${String(size - 1)} (options.maxBodySize)`)
        const at = run(valid, form, { maxBodySize: size })
        ok(E.isRight(at) || at.left.issues[0].code !== 'too_large', `${name}: its own size passes`)
      }
    },
  )
})

const sms = JSON.stringify(payload('octopush/sms.json'))

describe('every entry that takes a body takes an ArrayBuffer', () => {
  const buffer = (): ArrayBuffer => encode(sms).slice().buffer
  const expected = rightOf(normalize('octopush', sms))

  it('normalize, safeParse, parse, normalizeWebhook, the Standard Schema and detectVendor', () => {
    expect(rightOf(normalize('octopush', buffer()))).toEqual(expected)
    expect(safeParse('octopush', buffer())).toEqual({ success: true, events: expected })
    expect(parse('octopush', buffer())).toEqual(expected)
    expect(rightOf(normalizeWebhook('octopush', buffer()))).toEqual(expected)
    expect(webhookSchema('octopush')['~standard'].validate(buffer())).toEqual({ value: expected })
    expect(detectVendor(buffer())).toEqual(detectVendor(sms))
  })

  it('the options are checked before the body is measured: a wrong option is said whatever the body', () => {
    expect(leftOf(normalize('octopush', buffer(), { maxBodySize: 1, timeZone: 'Mars/Olympus' })).kind).toBe('invalid_options')
    expect(leftOf(normalize('octopush', buffer(), { maxBodySize: 1 })).issues.map((issue) => issue.code)).toEqual(['too_large'])
  })

  it('a form body as an ArrayBuffer is read as a form', () => {
    const form = 'message_id=sms_1&number=%2B33600000000&text=STOP&stop_date=2020-11-04+11%3A11%3A45'
    expect(rightOf(normalizeWebhook('octopush', encode(form).buffer))).toEqual(rightOf(normalizeWebhook('octopush', form)))
  })

  it('the error keeps the caller’s buffer as its input, and says the body is not UTF-8 when it is not', () => {
    const bad = Uint8Array.of(0x7b, 0xff, 0x7d).buffer
    const error = leftOf(normalize('octopush', bad))
    expect(error.input).toBe(bad)
    expect(error.issues.map((issue) => issue.message)).toEqual(['(root): the bytes are not valid UTF-8'])
  })
})

describe('bytes are told by their internal slots', () => {
  it('an object that looks like an ArrayBuffer or a Uint8Array is not bytes', () => {
    const bytes = encode(sms)
    const notPlain = '(root): expected a plain object or array (JSON data), received an instance of a class (not a plain object)'
    const lookalikes: ReadonlyArray<readonly [object, string]> = [
      // A plain object, whatever its tag says: read as a body, and not an Octopush one.
      [Object.defineProperties({}, { [Symbol.toStringTag]: { value: 'ArrayBuffer' }, byteLength: { value: bytes.byteLength } }), '(root): expected an Octopush delivery receipt (with delivery_date or deliveries), STOP (with stop_date) or inbound message (with reception_date)'],
      [Object.create(ArrayBuffer.prototype) as object, notPlain],
      [Object.create(Uint8Array.prototype) as object, notPlain],
      [Object.create(DataView.prototype) as object, notPlain],
    ]
    for (const [lookalike, message] of lookalikes) expect(leftOf(normalize('octopush', lookalike)).issues.map((issue) => issue.message)).toEqual([message])
  })

  it('a view’s own properties and its class’s overrides are never read: the bytes are the slots’', () => {
    const bytes = encode(sms)
    const view = new Uint8Array(inLargerBuffer(bytes, 3), 3, bytes.byteLength)
    let reads = 0
    for (const name of ['buffer', 'byteOffset', 'byteLength', 'length', 'subarray', 'slice']) {
      Object.defineProperty(view, name, {
        get: () => {
          reads++
          return 0
        },
      })
    }
    class Spoofed extends DataView<ArrayBuffer> {
      override get byteLength(): number {
        reads++
        return 1
      }
    }
    expect(rightOf(normalize('octopush', view))).toEqual(rightOf(normalize('octopush', sms)))
    expect(rightOf(normalize('octopush', new Spoofed(bytes.slice().buffer)))).toEqual(rightOf(normalize('octopush', sms)))
    expect(reads).toBe(0)
  })
})

describe('a detached buffer is a clear invalid_body', () => {
  /** A fresh buffer holding the body, and a view of each kind over it, then the buffer transferred away. */
  const detached = (): ReadonlyArray<readonly [object, string]> => {
    const buffer = encode(sms).slice().buffer
    const views: ReadonlyArray<readonly [object, string]> = [
      [buffer, 'a detached ArrayBuffer'],
      [new Uint8Array(buffer), 'a Uint8Array over a detached ArrayBuffer'],
      [new Int16Array(buffer, 0, 2), 'an Int16Array over a detached ArrayBuffer'],
      [new DataView(buffer, 4), 'a DataView over a detached ArrayBuffer'],
    ]
    structuredClone(buffer, { transfer: [buffer] })
    return views
  }

  it('from every entry, with what was given; detectVendor says it too', () => {
    for (const [input, received] of detached()) {
      const error = leftOf(normalize('octopush', input))
      // Compared apart: a detached view cannot be walked by a deep equality.
      expect(error.input).toBe(input)
      expect([error.kind, error.vendor, error.issues]).toEqual([
        'invalid_body',
        'octopush',
        [{ code: 'invalid_value', path: [], expected: 'bytes', received, message: `(root): expected bytes, received ${received} (its bytes were transferred)` }],
      ])
      expect(webhookSchema('octopush')['~standard'].validate(input)).toEqual({ issues: [{ message: error.issues[0].message, path: [] }] })
      expect(detectVendor(input)).toEqual({ detected: false, reason: `expected bytes, received ${received} (its bytes were transferred)` })
    }
  })
})
