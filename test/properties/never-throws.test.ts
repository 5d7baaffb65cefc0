import {
  advance,
  classify,
  describeValue,
  eventFromStatus,
  formatPath,
  lookupStatus,
  normalize,
  normalizeInbound,
  type AnyEvent,
  type Channel,
  type InboundVendor,
  type NormalizeError,
  type Vendor,
  VENDORS,
} from 'deliverykit'
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { deepStrictEqual, strictEqual } from 'node:assert/strict'
import { isDeepStrictEqual } from 'node:util'

import { describe } from 'vitest'

import { anyValue, bodyBytes, bodyText, CATALOGS, hostileValue, jsonLike, knows, mutatedBody, validBody } from './arbitraries.js'
import { ENTRY_POINTS, INBOUND_ENTRY_POINTS } from './entry-points.js'
import { property } from './harness.js'
import { checkError, checkResult, checkThrowing, ok } from './oracle.js'

const INBOUND_KINDS: ReadonlySet<string> = new Set(['opt_out', 'inbound'])

/** How many entry points each input goes through: a third of them, rotating, so every one sees every kind of input. */
const SHARE = 3

/**
 * Through the entry points (a rotating third of them): a well-formed error that keeps the
 * input, or well-formed events; `parse` agrees.
 */
const throughEveryEntryPoint = (body: unknown, rotation = 0): void => {
  for (const [index, entry] of ENTRY_POINTS.entries()) {
    if ((index + rotation) % SHARE !== 0) continue
    const result = entry.normalize(body)
    checkResult(result, body, entry.vendor)
    if (entry.parse !== undefined) checkThrowing(() => entry.parse?.(body) ?? [], result)
  }
  for (const [index, entry] of INBOUND_ENTRY_POINTS.entries()) {
    if ((index + rotation) % SHARE !== 0) continue
    const result = entry.normalize(body)
    if (E.isLeft(result)) checkError(result.left, body)
    else
      for (const event of result.right) {
        ok(INBOUND_KINDS.has(event.kind), `inbound event of kind ${event.kind}`)
        deepStrictEqual([typeof event.from, event.kind === 'inbound' ? typeof event.text : 'string', event.eventId.length], ['string', 'string', 32])
      }
  }
}

describe('nothing throws, whatever arrives', () => {
  property('arbitrary JSON values and JavaScript values through every entry point', [fc.oneof(jsonLike, anyValue), fc.nat()], throughEveryEntryPoint)

  property('arbitrary strings (JSON, forms, binary, junk) through every entry point', [bodyText, fc.nat()], throughEveryEntryPoint)

  property('arbitrary bytes (random, UTF-8, cut mid-character) through every entry point', [bodyBytes, fc.nat()], throughEveryEntryPoint)

  property('hand-built hostile objects (throwing accessors, revoked proxies, null prototypes) through every entry point', [hostileValue], (make) => {
    for (const entry of ENTRY_POINTS) {
      const body = make()
      const result = entry.normalize(body)
      // A body that cannot be read is an error that keeps it; it never escapes as a throw.
      if (E.isLeft(result)) checkError(result.left, body)
      else ok(Array.isArray(result.right), 'events are an array')
    }
    for (const entry of INBOUND_ENTRY_POINTS) {
      const body = make()
      const result = entry.normalize(body)
      if (E.isLeft(result)) checkError(result.left, body)
    }
  })

  property(
    'mutated valid bodies (a field dropped, retyped, renamed, duplicated, a status swapped for another vendor’s), as objects, JSON text and bytes',
    [mutatedBody, fc.nat()],
    ({ original, mutation, body, text }, rotation) => {
      throughEveryEntryPoint(body, rotation)
      throughEveryEntryPoint(text, rotation + 1)
      const bytes = new TextEncoder().encode(text)
      const asBytes = normalize('octopush', bytes)
      checkResult(asBytes, bytes, 'octopush')
      // The vendor's own entry point: the same answer for the object and its JSON text.
      const own = (input: unknown): E.Either<NormalizeError, ReadonlyArray<AnyEvent>> =>
        original.vendor === 'messangi' ? normalize('messangi', input, { channel: (original.options['channel'] ?? 'sms') as 'sms' }) : normalize(original.vendor, input, original.options)
      const fromObject = own(body)
      const fromText = own(text)
      // JSON cannot hold every value a mutation adds (Infinity and NaN become null): then the
      // text is a different body, and its answer is compared with that of its own parse.
      const parsed: unknown = JSON.parse(text)
      const reference = isDeepStrictEqual(parsed, body) ? fromObject : own(parsed)
      strictEqual(E.isRight(reference), E.isRight(fromText))
      if (E.isRight(reference) && E.isRight(fromText)) deepStrictEqual(fromText.right, reference.right)
      if (mutation.kind === 'swap-status') {
        // Another vendor's (or channel's) code is an event when this channel's catalog knows it, else an unknown_status error naming it.
        if (E.isLeft(fromObject)) {
          strictEqual(fromObject.left.kind, 'unknown_status')
          ok(fromObject.left.issues.some((issue) => 'status' in issue && issue.status === mutation.code && formatPath(issue.path) === formatPath(mutation.path)), 'the issue names the swapped code at its path')
        } else {
          const swapped = fromObject.right.filter((event) => event.vendorStatus === mutation.code)
          for (const event of swapped) ok(knows(original.vendor, event.channel, mutation.code, body), `${mutation.code} is known on ${event.channel}`)
        }
      }
    },
  )

  property(
    'arbitrary vendors, channels, codes, options and reports: classify, eventFromStatus and normalize answer without throwing',
    [anyValue, anyValue, anyValue, fc.oneof(anyValue, validBody.map((b) => b.body))],
    (vendor, channel, code, body) => {
      for (const vendorName of [vendor, ...VENDORS]) {
        const classified = classify(vendorName as Vendor, channel as Channel, code as string)
        if (E.isLeft(classified)) checkError(classified.left, classified.left.input)
        else {
          const entry = lookupStatus(CATALOGS[classified.right.vendor], classified.right.channel, classified.right.vendorStatus)
          strictEqual(entry?.status, classified.right.status)
        }
        const report = { channel, code, messageId: code, recipient: channel, occurredAt: code }
        for (const given of [report, code, body]) {
          const made = eventFromStatus(vendorName as Vendor, given as never, { unknownStatus: 'keep' })
          if (E.isLeft(made)) checkError(made.left, made.left.input)
          else {
            // The report's own fields (cost, details, raw) are the caller's, kept as given; the rest is checked.
            const event = made.right
            deepStrictEqual([typeof event.messageId, typeof event.recipient, typeof event.vendorStatus, event.eventId.length], ['string', 'string', 'string', 32])
            const entry = lookupStatus(CATALOGS[event.vendor], event.channel, event.vendorStatus)
            strictEqual(event.status, entry?.status ?? 'unknown')
          }
        }
        for (const options of [channel, code, { channel, timeZone: code, unknownStatus: channel }]) {
          checkResult(normalize(vendorName as 'octopush', body, options as never), body)
          const inbound = normalizeInbound(vendorName as InboundVendor, body, options as never) // any vendor, as from JavaScript
          if (E.isLeft(inbound)) checkError(inbound.left, body)
        }
      }
      strictEqual(typeof describeValue(body), 'string')
      ok(describeValue(code).length < 200, 'describeValue is short')
    },
  )

  property('advance over any two events of generated bodies returns one of them and never throws', [validBody, validBody], (a, b) => {
    const events = [a, b].flatMap((valid) => {
      const result = normalize(valid.vendor as 'octopush', valid.body, valid.options)
      return E.isRight(result) ? result.right : []
    })
    for (const first of [undefined, ...events]) {
      for (const next of events) {
        const kept = advance<AnyEvent>(first, next)
        ok(kept === first || kept === next, 'advance keeps one of the two')
      }
    }
  })
})
