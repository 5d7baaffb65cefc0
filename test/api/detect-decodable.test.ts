/**
 * detectVendor follows the decoders: every body a vendor decodes (each body from the wild,
 * each shipped payload, and generated bodies of every vendor's shapes, STOPs and replies
 * included) is detected as that vendor, with the kind of the events it gives. A shape the
 * decoder takes and detection does not know (a Messangi `{ data: { id, status, to } }`
 * before this test) fails here.
 */
import { detectVendor, normalizeWebhook, VENDORS, type AnyWebhookEvent, type NormalizeError, type Vendor } from 'deliverykit'
import { either as E } from 'fp-ts'
import { deepStrictEqual, ok } from 'node:assert/strict'
import { describe, expect, it } from 'vitest'

import { REGISTRY } from '../../src/options.js'
import { anyValidBody } from '../properties/arbitraries.js'
import { property } from '../properties/harness.js'
import { payloadFiles, payloadText } from '../webhookRoutes.js'
import { WILD_FILES, wildFixtureText, wildInput, type WildBody } from '../wildFixtures.js'

/**
 * What the vendor's decoder says of a body, catalog codes aside (a code it does not know
 * still makes a callback of that vendor), and keyword opt-outs aside: detection names the
 * kind of callback, and a Messangi MO is an inbound-message callback whatever its text.
 */
const decoded = (vendor: Vendor, body: unknown): E.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>> =>
  vendor === 'messangi'
    ? normalizeWebhook('messangi', body, { channel: 'sms', unknownStatus: 'keep', optOutKeywords: [] })
    : normalizeWebhook(vendor, body, { unknownStatus: 'keep' })

/** A body's vendors: those whose decoder gives events for it. */
const decodingVendors = (body: unknown): ReadonlyArray<Vendor> => VENDORS.filter((vendor) => E.isRight(decoded(vendor, body)))

/**
 * The body is detected as the one vendor that decodes it, with the kind of its events. A
 * body that gives no event (an empty Masstack list: `[]`) has nothing to detect.
 */
const detectedAsDecoded = (body: unknown, label: string): void => {
  const vendors = decodingVendors(body)
  if (vendors.length !== 1) return
  const [vendor] = vendors as [Vendor]
  const result = decoded(vendor, body)
  const kinds = E.isRight(result) ? [...new Set(result.right.map((event) => event.kind))] : []
  if (kinds.length === 0) return
  const detection = detectVendor(body)
  ok(detection.detected, `${label}: ${vendor} decodes it, detectVendor says ${detection.detected ? '' : detection.reason}`)
  deepStrictEqual([detection.vendor, detection.kind], [vendor, ...kinds], label)
}

const WILD = WILD_FILES.map(({ vendor, file }) => ({ file, vendor, body: wildInput(JSON.parse(wildFixtureText(file)) as WildBody) }))

describe('every body a vendor decodes is detected as that vendor', () => {
  it.each(WILD)('test/fixtures/wild/$file', ({ file, vendor, body }) => {
    // A body its own vendor decodes is decoded by no other: detection has one answer to give.
    if (E.isRight(decoded(vendor, body))) expect(decodingVendors(body)).toEqual([vendor])
    detectedAsDecoded(body, file)
  })

  it.each(payloadFiles())('examples/payloads/%s', (file) => {
    const body: unknown = JSON.parse(payloadText(file))
    expect(decodingVendors(body)).toEqual([file.split('/')[0]])
    detectedAsDecoded(body, file)
  })

  it('the sweep covers decoded bodies of every vendor, and of every kind', () => {
    const bodies = [...WILD.map((w) => w.body), ...payloadFiles().map((file): unknown => JSON.parse(payloadText(file)))]
    const seen = new Set(bodies.flatMap((body) => decodingVendors(body).flatMap((vendor) => {
      const result = decoded(vendor, body)
      return E.isRight(result) ? result.right.map((event) => `${vendor} ${event.kind}`) : []
    })))
    // Every kind of callback each vendor's registration decodes.
    expect([...seen].sort()).toEqual(VENDORS.flatMap((vendor) => REGISTRY[vendor].kinds.map((kind) => `${vendor} ${kind}`)).sort())
  })

  it('the Messangi send response without meta, as Messangi decodes it with a channel', () => {
    const body = { data: { id: 'm-1', status: 'ACCEPTED', to: '+5588999999999' } }
    expect(E.isRight(decoded('messangi', body))).toBe(true)
    expect(detectVendor(body)).toMatchObject({ detected: true, vendor: 'messangi', kind: 'delivery', shape: 'Messangi send API response', evidence: ['data'] })
  })

  property('generated bodies of every vendor\'s shapes, STOPs and replies', [anyValidBody], ({ body }) => {
    detectedAsDecoded(body, JSON.stringify(body))
  })
})
