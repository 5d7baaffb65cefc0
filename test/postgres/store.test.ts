/**
 * createPostgresStore on PGlite: the webhook handler with it end to end (handlerStore.ts),
 * and which failures it calls transient, so the handler retries them and then answers 503.
 */
import { PGlite } from '@electric-sql/pglite'
import { POSTGRES_SCHEMA, createPostgresStore, isTransientPostgresError, type PostgresQuery } from 'deliverykit/postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { handlerStoreTests } from './handlerStore.js'
import type { Database } from './stored.js'

let pglite: PGlite
const db: Database = {
  query: async <Row>(query: PostgresQuery | string) =>
    typeof query === 'string' ? (await pglite.query<Row>(query)).rows : (await pglite.query<Row>(query.text, query.values)).rows,
}

beforeAll(async () => {
  pglite = await PGlite.create()
  await pglite.exec(POSTGRES_SCHEMA)
  // Twice: the schema is idempotent with the kept bodies' table too.
  await pglite.exec(POSTGRES_SCHEMA)
}, 120_000)

afterAll(async () => {
  await pglite.close()
})

describe('createPostgresStore on PGlite, under the webhook handler', () => {
  handlerStoreTests(
    () => (text, values) => pglite.query(text, values),
    () => db,
  )
})

describe('isTransientPostgresError', () => {
  const coded = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code })

  it('retries deadlocks, serialization failures and lost connections', () => {
    for (const code of ['40001', '40P01', '57P01', '57P02', '57P03', '08006', '08003', 'ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT']) {
      expect(isTransientPostgresError(coded(code)), code).toBe(true)
    }
    expect(isTransientPostgresError(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isTransientPostgresError(new Error('Client has encountered a connection error and is not queryable'))).toBe(true)
  })

  it('does not retry what would fail again: constraint, syntax, missing table, other values', () => {
    for (const code of ['23505', '42601', '42P01', '22P02', '57014', '0800', 'E08006', '080060']) expect(isTransientPostgresError(coded(code)), code).toBe(false)
    for (const value of [undefined, null, '40P01', 40001, { code: 40001 }, new Error('relation "deliverykit_events" does not exist')]) expect(isTransientPostgresError(value)).toBe(false)
    const hostile = new Proxy({}, { get: () => { throw new Error('no') } })
    expect(isTransientPostgresError(hostile)).toBe(false)
  })

  it('reads a code and a message only as text, and only from an object', () => {
    // An array's text would match the class 08 pattern, and an array of words has includes.
    expect(isTransientPostgresError({ code: ['08006'] })).toBe(false)
    expect(isTransientPostgresError({ message: ['Connection terminated'] })).toBe(false)
    // A function carrying a transient code is no error object.
    expect(isTransientPostgresError(Object.assign(() => undefined, { code: '40001' }))).toBe(false)
  })

  it('is the store’s isTransient, and the store refuses what is not a query function', () => {
    expect(createPostgresStore(() => Promise.resolve({ rows: [] })).isTransient).toBe(isTransientPostgresError)
    expect(() => createPostgresStore('postgres://x' as never)).toThrow(/query: expected a function/)
  })
})

describe('createPostgresStore reads kept bodies back', () => {
  const row = { id: '7', vendor: 'octopush', route_options: '{"channel":"sms"}', body: '\\x7b00ff7d', error_kind: 'invalid_body', reason: 'r', received_at: '2026-01-02T03:04:05.678Z' }
  const storeOf = (rows: ReadonlyArray<unknown>) => createPostgresStore(() => Promise.resolve({ rows }))

  it('from a driver that gives bytea as text and jsonb as text, as from one that parses them', async () => {
    const expected = { id: '7', vendor: 'octopush', options: { channel: 'sms' }, body: Uint8Array.of(0x7b, 0x00, 0xff, 0x7d), errorKind: 'invalid_body', reason: 'r', receivedAt: '2026-01-02T03:04:05.678Z' }
    expect(await storeOf([row]).keptBodies(undefined, 1)).toEqual([expected])
    expect(await storeOf([{ ...row, route_options: { channel: 'sms' }, body: Uint8Array.of(0x7b, 0x00, 0xff, 0x7d) }]).keptBodies(undefined, 1)).toEqual([expected])
  })

  it.each([
    ['an unknown vendor', { vendor: 'twilio' }],
    ['an unknown error kind', { error_kind: 'toString' }],
    ['odd hex', { body: '\\x7b0' }],
    ['options that are not an object of scalars', { route_options: '{"channel":["sms"]}' }],
    ['a numeric id', { id: 7 }],
    ['bytea text that does not start with \\x', { body: 'ab\\x7b00' }],
    ['bytea that is neither bytes nor text', { body: ['\\x7b00'] }],
    ['options that are JSON text, not an object', { route_options: '"sms"' }],
    ['options that are a JSON array', { route_options: '["sms"]' }],
    ['options that are a number', { route_options: 7 }],
    ['options that are JSON null', { route_options: 'null' }],
    ['an error kind in an array', { error_kind: ['invalid_body'] }],
    ['a numeric reason', { reason: 7 }],
    ['a time the driver parsed into a Date', { received_at: new Date('2026-01-02T03:04:05.678Z') }],
  ])('refuses a row with %s, naming it', async (_what, change) => {
    await expect(storeOf([{ ...row, ...change }]).keptBodies(undefined, 1)).rejects.toThrow(/rows\[0\]: expected a row of deliverykit_kept_bodies/)
  })

  it('refuses a row that is not an object, even a function carrying the columns', async () => {
    for (const notRow of [null, 'row', Object.assign(() => undefined, row)]) {
      await expect(storeOf([notRow]).keptBodies(undefined, 1)).rejects.toThrow(/rows\[0\]: expected a row of deliverykit_kept_bodies/)
    }
  })

  it('keeps options that are numbers and booleans as well as text', async () => {
    const [kept] = await storeOf([{ ...row, route_options: '{"channel":"sms","retries":2,"strict":false}' }]).keptBodies(undefined, 1)
    expect(kept?.options).toEqual({ channel: 'sms', retries: 2, strict: false })
  })
})

describe('createPostgresStore names each statement', () => {
  it('once for all its runs, so a driver prepares it once per connection', async () => {
    const runs: Array<readonly [string, unknown]> = []
    const store = createPostgresStore((_text, values, name) => {
      runs.push([name, values])
      return Promise.resolve({ rows: [] })
    })
    const body = Uint8Array.of(0x7b)
    await store.keepBody({ vendor: 'octopush', options: {}, body, errorKind: 'invalid_body', reason: 'r', receivedAt: '2026-01-02T03:04:05.678Z' })
    await store.keptBodies('7', 10)
    await store.releaseBody('7')
    expect(runs).toEqual([
      ['deliverykit_keep_body', ['octopush', '{}', body, 'invalid_body', 'r', '2026-01-02T03:04:05.678Z']],
      ['deliverykit_kept_bodies', ['7', 10]],
      ['deliverykit_release_body', ['7']],
    ])
  })
})
