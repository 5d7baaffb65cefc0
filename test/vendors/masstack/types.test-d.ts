import { normalize, type CatalogEntry, type DeliveryEvent, type NormalizeError, type UnknownStatusEvent } from 'deliverykit'
import {
  MASSTACK_EMAIL_CATALOG,
  MASSTACK_SMS_CATALOG,
  type MasstackEmailStatusCode,
  type MasstackOptions,
  type MasstackSmsStatusCode,
} from 'deliverykit/masstack'
import type { either as E } from 'fp-ts'
import { describe, expectTypeOf, it } from 'vitest'

describe('Masstack catalog typing', () => {
  it('each channel has the codes of its column, and only those', () => {
    expectTypeOf<MasstackSmsStatusCode>().toEqualTypeOf<'REGISTERED' | 'SUBMITTED' | 'DELIVERED' | 'EXPIRED' | 'UNDELIVERABLE' | 'FAILED'>()
    expectTypeOf<MasstackEmailStatusCode>().toEqualTypeOf<
      'SUBMITTED' | 'DELIVERED' | 'OPEN' | 'CLICKED' | 'UNDELIVERABLE' | 'DEFERRED' | 'REJECTED' | 'DROPPED'
    >()
    expectTypeOf(MASSTACK_SMS_CATALOG).toEqualTypeOf<Readonly<Record<MasstackSmsStatusCode, CatalogEntry>>>()
    expectTypeOf(MASSTACK_EMAIL_CATALOG).toEqualTypeOf<Readonly<Record<MasstackEmailStatusCode, CatalogEntry>>>()
    // @ts-expect-error: OPEN is N/A for SMS
    expectTypeOf(MASSTACK_SMS_CATALOG.OPEN).toEqualTypeOf<CatalogEntry>()
    // @ts-expect-error: REGISTERED is N/A for e-mail
    expectTypeOf(MASSTACK_EMAIL_CATALOG.REGISTERED).toEqualTypeOf<CatalogEntry>()
  })

  it('a catalog that misses a code does not compile', () => {
    const row: CatalogEntry = { description: 'd', rationale: 'r', classification: 'final', status: 'delivered' }
    // @ts-expect-error: every SMS code but DELIVERED is missing
    const partial: Readonly<Record<MasstackSmsStatusCode, CatalogEntry>> = { DELIVERED: row }
    expectTypeOf(partial).toEqualTypeOf<Readonly<Record<MasstackSmsStatusCode, CatalogEntry>>>()
  })

  it('normalize("masstack") takes Masstack options and returns delivery events', () => {
    expectTypeOf(normalize('masstack', {}, { timeZone: 'Europe/Madrid' })).toEqualTypeOf<E.Either<NormalizeError, ReadonlyArray<DeliveryEvent>>>()
    const options: MasstackOptions = { unknownStatus: 'keep' }
    expectTypeOf(normalize('masstack', {}, options)).toEqualTypeOf<E.Either<NormalizeError, ReadonlyArray<DeliveryEvent | UnknownStatusEvent>>>()
    // Records name their channel (or their recipient field does): there is no channel option.
    expectTypeOf<MasstackOptions>().not.toHaveProperty('channel')
  })
})
