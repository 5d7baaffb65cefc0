import type { CatalogEntry } from 'deliverykit'
import type { MessangiRcsStatusCode } from 'deliverykit/messangi'
import type { OctopushStatusCode } from 'deliverykit/octopush'
import { describe, expectTypeOf, it } from 'vitest'

// The property the project relies on: a code added to the code list without a mapping
// does not compile. The catalog's type is a mapped type over the codes.
type Catalog = Readonly<Record<OctopushStatusCode, CatalogEntry>>

describe('catalog typing', () => {
  it('rejects a catalog that misses a code', () => {
    const row: CatalogEntry = { description: 'd', rationale: 'r', classification: 'final', status: 'delivered' }
    // @ts-expect-error: every code but DELIVERED is missing
    const partial: Catalog = { DELIVERED: row }
    expectTypeOf(partial).toEqualTypeOf<Catalog>()
  })

  it('rejects a mapping whose classification does not fit its status', () => {
    // @ts-expect-error: 'delivered' is a final status, not a failure
    const wrong: CatalogEntry = { description: 'd', rationale: 'r', classification: 'failure', status: 'delivered', failure: { reason: 'unknown', permanent: false } }
    // @ts-expect-error: a failure needs its reason and permanence
    const bare: CatalogEntry = { description: 'd', rationale: 'r', classification: 'failure', status: 'expired' }
    expectTypeOf([wrong, bare]).toEqualTypeOf<Array<CatalogEntry>>()
  })
})

describe('Messangi catalog typing', () => {
  it('rejects a channel catalog that misses a code', () => {
    const row: CatalogEntry = { description: 'd', rationale: 'r', classification: 'final', status: 'delivered' }
    // @ts-expect-error: every RCS code but DELIVERED is missing
    const partial: Readonly<Record<MessangiRcsStatusCode, CatalogEntry>> = { DELIVERED: row }
    expectTypeOf(partial).toEqualTypeOf<Readonly<Record<MessangiRcsStatusCode, CatalogEntry>>>()
  })
})
