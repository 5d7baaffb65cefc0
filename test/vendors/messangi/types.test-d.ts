import { normalize, parse, safeParse, type DeliveryEvent, type NormalizeError, type UnknownStatusEvent, type VendorWithRequiredOptions, type VendorWithOptionalOptions, type Vendor } from 'deliverykit'
import * as messangi from 'deliverykit/messangi'
import type { either as E } from 'fp-ts'
import { describe, expectTypeOf, it } from 'vitest'

describe('the required Messangi channel', () => {
  it('sorts vendors by whether their options may be left out', () => {
    expectTypeOf<VendorWithOptionalOptions>().toEqualTypeOf<Exclude<Vendor, 'messangi'>>()
    expectTypeOf<VendorWithRequiredOptions>().toEqualTypeOf<'messangi'>()
  })

  it('the root requires the options, with a channel, for messangi', () => {
    // @ts-expect-error: Messangi bodies do not name their channel, so options are required
    normalize('messangi', {})
    // @ts-expect-error: the options must name the channel
    normalize('messangi', {}, {})
    // @ts-expect-error: Messangi does not send voice
    normalize('messangi', {}, { channel: 'voice' })
    // @ts-expect-error: required for safeParse too
    safeParse('messangi', {})
    // @ts-expect-error: and for parse
    parse('messangi', {}, { timeZone: 'UTC' })
    expectTypeOf(normalize('messangi', {}, { channel: 'whatsapp' })).toEqualTypeOf<E.Either<NormalizeError, ReadonlyArray<DeliveryEvent>>>()
    expectTypeOf(parse('messangi', {}, { channel: 'sms', unknownStatus: 'keep' })).toEqualTypeOf<ReadonlyArray<DeliveryEvent | UnknownStatusEvent>>()
  })

  it('Octopush call sites compile unchanged, with or without options', () => {
    expectTypeOf(normalize('octopush', {})).toEqualTypeOf<E.Either<NormalizeError, ReadonlyArray<DeliveryEvent>>>()
    expectTypeOf(parse('octopush', {}, { channel: 'voice' })).toEqualTypeOf<ReadonlyArray<DeliveryEvent>>()
    expectTypeOf(safeParse('octopush', {}).success).toEqualTypeOf<boolean>()
  })

  it('the subpath requires the channel for normalize, and not for the legacy callback', () => {
    // @ts-expect-error: options with a channel are required
    messangi.normalize({})
    // @ts-expect-error: still required for safeParse
    messangi.safeParse({}, {})
    expectTypeOf(messangi.parse({}, { channel: 'push' })).toEqualTypeOf<ReadonlyArray<DeliveryEvent>>()
    expectTypeOf(messangi.normalizeLegacy({})).toEqualTypeOf<E.Either<NormalizeError, ReadonlyArray<DeliveryEvent>>>()
    expectTypeOf(messangi.parseLegacy({}, { unknownStatus: 'keep' })).toEqualTypeOf<ReadonlyArray<DeliveryEvent | UnknownStatusEvent>>()
    // @ts-expect-error: the legacy callback names its channel in TYPE
    messangi.safeParseLegacy({}, { channel: 'sms' })
  })

  it('types each channel catalog by its codes', () => {
    expectTypeOf(messangi.MESSANGI_SMS_CATALOG).toHaveProperty('DELIVRD')
    // @ts-expect-error: SMS says DELIVRD, not DELIVERED
    expectTypeOf(messangi.MESSANGI_SMS_CATALOG).toHaveProperty('DELIVERED')
    expectTypeOf(messangi.MESSANGI_RCS_CATALOG).toHaveProperty('DELIVERED')
    expectTypeOf<messangi.MessangiWhatsappStatusCode>().toEqualTypeOf<(typeof messangi.MESSANGI_WHATSAPP_STATUS_CODES)[number]>()
  })

  it('decodes ids to text and dates to branded text', () => {
    expectTypeOf<messangi.MessangiStatusCallback['id']>().toEqualTypeOf<string>()
    expectTypeOf<messangi.MessangiStatusCallback['date']>().toEqualTypeOf<messangi.MessangiDateTime | undefined>()
    expectTypeOf<messangi.MessangiStatusCallback['timestamp']>().toEqualTypeOf<number | string | undefined>()
  })
})
