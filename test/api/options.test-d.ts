import { isInboundVendor, normalize, normalizeInbound, normalizeWebhook, safeParse, type InboundVendor, type Vendor } from 'deliverykit'
import * as masstack from 'deliverykit/masstack'
import * as messangi from 'deliverykit/messangi'
import * as octopush from 'deliverykit/octopush'
import { describe, expectTypeOf, it } from 'vitest'

// Under exactOptionalPropertyTypes, an option typed `string | undefined` (read from an
// environment variable, say) must be accepted where the run time reads undefined as absent.
declare const zone: string | undefined
declare const size: number | undefined
declare const keep: 'error' | 'keep' | undefined
declare const body: unknown

describe('options take undefined where they are optional', () => {
  it('at the root entries', () => {
    expectTypeOf(normalize('octopush', body, { timeZone: zone, maxBodySize: size, unknownStatus: keep, channel: undefined })).not.toBeNever()
    expectTypeOf(normalizeWebhook('masstack', body, { timeZone: zone })).not.toBeNever()
    expectTypeOf(safeParse('messangi', body, { channel: 'sms', timeZone: zone, maxBodySize: size })).not.toBeNever()
    expectTypeOf(normalizeInbound('octopush', body, { timeZone: zone, maxBodySize: size })).not.toBeNever()
  })

  it('at the vendor entries', () => {
    expectTypeOf(octopush.normalize(body, { timeZone: zone, unknownStatus: keep })).not.toBeNever()
    expectTypeOf(messangi.normalize(body, { channel: 'email', maxBodySize: size })).not.toBeNever()
    expectTypeOf(masstack.normalize(body, { timeZone: zone })).not.toBeNever()
  })

  it('but a required option stays required', () => {
    // @ts-expect-error: Messangi's channel may not be undefined
    messangi.normalize(body, { channel: undefined })
  })
})

describe('the inbound entries take only vendors that send inbound callbacks', () => {
  it('refuses Masstack at compile time, and narrows a run-time vendor', () => {
    // @ts-expect-error: Masstack's statuses are polled; it sends no STOP or reply
    normalizeInbound('masstack', body)
    const fromUrl = 'octopush' as Vendor
    // @ts-expect-error: a vendor read at run time is narrowed first
    normalizeInbound(fromUrl, body)
    if (isInboundVendor(fromUrl)) expectTypeOf(fromUrl).toEqualTypeOf<InboundVendor>()
  })
})
