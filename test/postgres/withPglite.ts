import { PGlite } from '@electric-sql/pglite'
import { POSTGRES_SCHEMA } from 'deliverykit/postgres'
import { afterAll, beforeAll } from 'vitest'

/**
 * A PGlite database with deliverykit's schema, made before the tests of the file or
 * `describe` block that calls this and closed after them. The answer gives the database
 * inside a test (PGlite takes seconds to start, so it is made once, not per test).
 */
export const usePglite = (): (() => PGlite) => {
  let pglite: PGlite | undefined
  beforeAll(async () => {
    pglite = await PGlite.create()
    await pglite.exec(POSTGRES_SCHEMA)
  }, 120_000)
  afterAll(async () => {
    await pglite?.close()
  })
  return () => {
    if (pglite === undefined) throw new Error('PGlite is not ready: use the database inside a test or hook')
    return pglite
  }
}
