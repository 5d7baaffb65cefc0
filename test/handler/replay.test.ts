/**
 * replay's refusal of what is not a replayable store (at once, with the exact error), the
 * page size and attempts it falls back to, the memory store's promises (first event kept,
 * ids that sort, copies, pages), and the outcome of each decoder error kind.
 */
import { isDeliveryKitError, type NormalizeError } from 'deliverykit'
import { createMemoryStore, replay, type KeptBody, type ReplayableStore, type StoredKeptBody } from 'deliverykit/handler'
import { describe, expect, it } from 'vitest'

import { describeValue } from '../../src/errors/format.js'
import { outcomeOfError } from '../../src/handler/status.js'
import { payload } from '../helpers.js'

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
const sms = JSON.stringify(payload('octopush/sms.json'))
const keptOf = (body: string): KeptBody => ({ vendor: 'octopush', options: {}, body: encode(body), errorKind: 'unknown_status', reason: 'kept by the test', receivedAt: '2026-01-01T00:00:00.000Z' })
const STORE = 'a store with recordEvents, keepBody, keptBodies and releaseBody'

/** What replay throws at once, failing the test when it returns. */
const thrownBy = (store: unknown): NormalizeError => {
  let promise: unknown
  try {
    promise = replay(store as ReplayableStore)
  } catch (error) {
    if (isDeliveryKitError(error)) return error.error
    throw error
  }
  // A rejection would be unhandled: it is awaited nowhere else.
  if (promise instanceof Promise) promise.catch(() => undefined)
  return expect.fail('replay returned instead of throwing')
}

describe('replay refuses what is not a replayable store, at once', () => {
  const fn = (): Promise<never> => Promise.reject(new Error('not called'))
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['text', 'store'],
    ['an empty object', {}],
    ['no recordEvents', { keptBodies: fn, releaseBody: fn }],
    ['no keptBodies', { recordEvents: fn, releaseBody: fn }],
    ['no releaseBody', { recordEvents: fn, keptBodies: fn }],
    ['methods that are not functions', { recordEvents: 1, keptBodies: 'x', releaseBody: true }],
    ['a function carrying the methods', Object.assign(() => undefined, { recordEvents: fn, keepBody: fn, keptBodies: fn, releaseBody: fn })],
  ])('%s', (_name, store) => {
    expect(thrownBy(store)).toEqual({
      kind: 'invalid_options',
      vendor: 'handler',
      issues: [{ code: 'invalid_option', path: ['store'], expected: STORE, received: describeValue(store), message: `options.store: expected ${STORE}, received ${describeValue(store)}` }],
      input: store,
    })
  })

  it('a store whose reading throws', () => {
    const store = {
      get recordEvents(): never {
        throw new Error('no reading')
      },
    }
    expect(thrownBy(store).issues[0].path).toEqual(['store'])
  })
})

/** A memory store whose keptBodies records the limits it is asked for, and stops a replay that would never end. */
const countingStore = () => {
  const store = createMemoryStore()
  const limits: Array<number> = []
  const counted: ReplayableStore = {
    ...store,
    keptBodies: (after, limit) => {
      limits.push(limit)
      if (limits.length > 20) return Promise.reject(new Error('replay does not stop'))
      return store.keptBodies(after, limit)
    },
  }
  return { store, counted, limits }
}

describe("replay's settings", () => {
  it.each([
    ['no pageSize', undefined, 100],
    ['0', 0, 100],
    ['-1', -1, 100],
    ['1.5', 1.5, 100],
    ['2', 2, 2],
    ['1', 1, 1],
  ])('pageSize %s asks for pages of %s', async (_name, pageSize, expected) => {
    const { store, counted, limits } = countingStore()
    await store.keepBody(keptOf('not json'))
    await replay(counted, pageSize === undefined ? {} : { pageSize })
    expect(new Set(limits)).toEqual(new Set([expected]))
  })

  it.each([
    ['no storeAttempts', undefined, 3],
    ['0', 0, 3],
    ['-1', -1, 3],
    ['1.5', 1.5, 3],
    ['1', 1, 1],
    ['2', 2, 2],
  ])('storeAttempts %s tries a transient failure %s times', async (_name, storeAttempts, expected) => {
    const store = createMemoryStore()
    await store.keepBody(keptOf(sms))
    const failure = new Error('40P01')
    let tries = 0
    const failing: ReplayableStore = {
      ...store,
      recordEvents: () => {
        tries++
        return Promise.reject(failure)
      },
      isTransient: () => true,
    }
    await expect(replay(failing, storeAttempts === undefined ? {} : { storeAttempts })).rejects.toBe(failure)
    expect(tries).toBe(expected)
    expect(store.kept()).toHaveLength(1)
  })
})

describe('the memory store', () => {
  it('keeps the first copy of an event recorded twice', async () => {
    const store = createMemoryStore()
    await store.keepBody(keptOf(sms))
    await replay(store)
    const [first] = store.events()
    if (first === undefined) return expect.fail('no event recorded')
    await store.recordEvents([{ ...first }])
    expect(store.events()).toHaveLength(1)
    expect(store.events()[0]).toBe(first)
    expect(store.batches()).toHaveLength(2)
  })

  it('keys kept bodies with twelve digits, in the order kept, and pages through them', async () => {
    const store = createMemoryStore()
    for (let i = 0; i < 11; i++) await store.keepBody(keptOf(`body ${String(i)}`))
    const ids = store.kept().map((kept) => kept.id)
    expect(ids.slice(0, 2)).toEqual(['000000000000', '000000000001'])
    expect(ids[10]).toBe('000000000010')
    const page: ReadonlyArray<StoredKeptBody> = await store.keptBodies(undefined, 3)
    expect(page.map((kept) => kept.id)).toEqual(ids.slice(0, 3))
    expect((await store.keptBodies('000000000009', 3)).map((kept) => kept.id)).toEqual(['000000000010'])
  })

  it("keeps a copy of the body's bytes: the caller's buffer may be reused", async () => {
    const store = createMemoryStore()
    const kept = keptOf('not json')
    await store.keepBody(kept)
    kept.body.fill(0)
    expect(new TextDecoder().decode(store.kept()[0]?.body)).toBe('not json')
  })
})

describe('the outcome of each decoder error kind', () => {
  it.each([
    ['unknown_status', 'kept_unknown'],
    ['unknown_channel', 'kept_unknown'],
    ['invalid_body', 'kept_refused'],
    ['unexpected_callback', 'kept_refused'],
    ['invalid_options', 'misconfigured'],
  ])('%s: %s', (kind, outcome) => {
    expect(outcomeOfError({ kind } as NormalizeError)).toBe(outcome)
  })
})
