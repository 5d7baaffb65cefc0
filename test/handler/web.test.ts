/**
 * createWebhookHandler on Web Requests: every example payload under every Content-Type,
 * the secret, the status table, STOPs and replies stored, refused bodies kept byte for byte
 * and replayed, and a property over any bytes.
 */
import { isDeliveryKitError, safeParseWebhook } from 'deliverykit'
import { createMemoryStore, createWebhookHandler, replay, WEBHOOK_STATUS, type KeptBody, type MemoryStore, type WebhookHandler, type WebhookHandlerSettings, type WebhookRoute } from 'deliverykit/handler'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { payload } from '../helpers.js'
import { CASES, CONTENT_TYPES, OLD_SECRET, SECRET, bytesOf, directEvents, directResult, routeOf, urlOf } from './routes.js'

const CLOCK = new Date('2026-01-02T03:04:05.678Z')
const OCTOPUSH: WebhookRoute = { vendor: 'octopush' }

const make = (route: WebhookRoute = OCTOPUSH, settings: Partial<WebhookHandlerSettings> = {}): { readonly store: MemoryStore; readonly webhook: WebhookHandler } => {
  const store = createMemoryStore()
  return { store, webhook: createWebhookHandler({ ...route, store, secrets: [SECRET], now: () => CLOCK, ...settings }) }
}

const post = (body: Uint8Array | string | ReadableStream<Uint8Array> | null, type?: string, url = urlOf('/webhooks/octopush'), extra: Record<string, string> = {}): Request =>
  new Request(url, {
    method: 'POST',
    body,
    headers: { ...(type !== undefined && { 'content-type': type }), ...extra },
    ...(body instanceof ReadableStream && { duplex: 'half' }),
  })

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
const sms = payload('octopush/sms.json')

describe('every example payload, under every Content-Type or none', () => {
  for (const c of CASES) {
    it(`${c.file}: the events of the direct decode, stored, 204`, async () => {
      const route = routeOf(c.route)
      const bytes = bytesOf(c)
      const expected = directEvents(route, bytes)
      for (const type of CONTENT_TYPES) {
        const { store, webhook } = make(route)
        const response = await webhook.fetch(post(bytes, type, urlOf(c.route)))
        expect(response.status, String(type)).toBe(204)
        expect(await response.text()).toBe('')
        expect(store.batches(), String(type)).toEqual([expected])
        expect(store.kept()).toEqual([])
      }
    })
  }
})

describe('a STOP and a reply are stored, never refused', () => {
  it.each([
    ['an Octopush STOP', OCTOPUSH, payload('octopush/stop.json'), 'opt_out'],
    ['an Octopush reply', OCTOPUSH, payload('octopush/inbound.json'), 'inbound'],
    ['a Messangi SMS STOP', { vendor: 'messangi', options: { channel: 'sms' } } as const, payload('messangi/sms/mo.json'), 'opt_out'], // its text is STOP: an opt-out by the default optOutKeywords
  ])('%s', async (_name, route, body, kind) => {
    for (const type of [undefined, 'application/json', 'text/plain']) {
      const { store, webhook } = make(route)
      expect((await webhook.fetch(post(JSON.stringify(body), type))).status).toBe(204)
      expect(store.events().map((event) => event.kind)).toEqual([kind])
      expect(store.kept()).toEqual([])
    }
  })

  it('an Octopush STOP sent as a form', async () => {
    const { store, webhook } = make()
    const form = 'number=%2B33611111111&text=STOP&stop_date=2020-11-04+11%3A11%3A45'
    expect((await webhook.fetch(post(form, 'application/x-www-form-urlencoded'))).status).toBe(204)
    expect(store.events()).toEqual([expect.objectContaining({ kind: 'opt_out', from: '+33611111111' })])
  })
})

describe('the secret in the URL', () => {
  /** A body that records whether anything read it. */
  const watchedBody = (): { readonly stream: ReadableStream<Uint8Array>; readonly touched: () => boolean } => {
    let touched = false
    const stream = new ReadableStream<Uint8Array>({
      pull() {
        touched = true
        throw new Error('the body of an unauthenticated request was read')
      },
      // No pull until someone reads: the stream does not fill a queue of its own.
    }, { highWaterMark: 0 })
    return { stream, touched: () => touched }
  }

  it.each([
    ['no query', ''],
    ['no token', 'other=1'],
    ['an empty token', 'token='],
    ['a wrong token of the same length', `token=${'x'.repeat(SECRET.length)}`],
    ['the secret with one character more', `token=${SECRET}x`],
    ['the secret but one character', `token=${SECRET.slice(0, -1)}`],
    ['the secret twice', `token=${SECRET}&token=${SECRET}`],
    ['the secret under another name', `key=${SECRET}`],
    ['the secret in another case', `token=${SECRET.toUpperCase()}`],
  ])('%s: 404, empty, the body never read, nothing stored', async (_name, query) => {
    const { store, webhook } = make()
    for (const method of ['POST', 'GET', 'PUT']) {
      const { stream, touched } = watchedBody()
      const request = new Request(urlOf('/webhooks/octopush', query), { method, ...(method !== 'GET' && { body: stream, duplex: 'half' }) })
      const response = await webhook.fetch(request)
      expect(response.status).toBe(404)
      expect([...response.headers]).toEqual([])
      expect(await response.text()).toBe('')
      expect(touched()).toBe(false)
    }
    expect(store.batches()).toEqual([])
    expect(store.kept()).toEqual([])
  })

  it('accepts the secret percent-encoded, as a URL may carry it', async () => {
    const secret = 'a secret/with+signs&more=0123'
    const store = createMemoryStore()
    const webhook = createWebhookHandler({ vendor: 'octopush', store, secrets: [secret] })
    expect((await webhook.fetch(post(JSON.stringify(sms), undefined, urlOf('/webhooks/octopush', `token=${encodeURIComponent(secret)}`)))).status).toBe(204)
    expect(store.events()).toHaveLength(1)
  })

  it('takes several secrets while rotating, and refuses one that was dropped', async () => {
    const store = createMemoryStore()
    const rotating = createWebhookHandler({ vendor: 'octopush', store, secrets: [SECRET, OLD_SECRET] })
    for (const secret of [SECRET, OLD_SECRET]) expect((await rotating.fetch(post(JSON.stringify(sms), undefined, urlOf('/webhooks/octopush', `token=${secret}`)))).status).toBe(204)
    const rotated = createWebhookHandler({ vendor: 'octopush', store, secrets: [SECRET] })
    expect((await rotated.fetch(post(JSON.stringify(sms), undefined, urlOf('/webhooks/octopush', `token=${OLD_SECRET}`)))).status).toBe(404)
    expect(store.batches()).toHaveLength(2)
  })

  it('takes its parameter under another name when told', async () => {
    const { store, webhook } = make(OCTOPUSH, { secretParameter: 'k' })
    expect((await webhook.fetch(post(JSON.stringify(sms), undefined, urlOf('/webhooks/octopush', `k=${SECRET}`)))).status).toBe(204)
    expect((await webhook.fetch(post(JSON.stringify(sms), undefined, urlOf('/webhooks/octopush', `token=${SECRET}`)))).status).toBe(404)
    expect(store.batches()).toHaveLength(1)
  })

  it.each([
    ['no secret', []],
    ['a short secret', ['short']],
    ['a secret that is not text', [12]],
    ['secrets that are not a list', SECRET],
  ])('refuses %s when the handler is made, with a DeliveryKitError naming secrets', (_name, secrets) => {
    let thrown: unknown
    try {
      createWebhookHandler({ vendor: 'octopush', store: createMemoryStore(), secrets: secrets as never })
    } catch (error) {
      thrown = error
    }
    expect(isDeliveryKitError(thrown) && thrown.error.kind === 'invalid_options' && thrown.error.issues[0].path).toEqual(['secrets'])
  })
})

describe('the status table', () => {
  it('is the one the docs quote', () => {
    expect(WEBHOOK_STATUS).toEqual({ stored: 204, kept_unknown: 202, kept_refused: 202, too_large: 413, store_failed: 503, misconfigured: 500, method_not_allowed: 405, not_found: 404 })
  })

  it('stored: 204; a redelivery is 204 again, its events recorded once', async () => {
    const { store, webhook } = make()
    for (let i = 0; i < 2; i++) expect((await webhook.fetch(post(JSON.stringify(sms)))).status).toBe(204)
    expect(store.batches()).toHaveLength(2)
    expect(store.events()).toHaveLength(1)
  })

  it.each([
    ['an unknown status code', JSON.stringify({ ...sms, status: 'BOUNCY' }), 'unknown_status'],
    ['an unknown channel', JSON.stringify({ ...sms, channel: 'telegram' }), 'unknown_channel'],
    ['a body of the wrong shape', JSON.stringify({ ...sms, number: 33600000000 }), 'invalid_body'],
    ['text that is not JSON', 'not json', 'invalid_body'],
    ['an empty body', '', 'invalid_body'],
  ])('%s: 202, the body kept with its reason', async (_name, body, errorKind) => {
    const { store, webhook } = make()
    expect((await webhook.fetch(post(body, 'application/json'))).status).toBe(202)
    expect(store.batches()).toEqual([])
    const [kept] = store.kept()
    expect(kept?.errorKind).toBe(errorKind)
    expect(new TextDecoder().decode(kept?.body)).toBe(body)
    const direct = safeParseWebhook('octopush', body)
    expect(!direct.success && kept?.reason.startsWith(direct.error.issues[0].message)).toBe(true)
  })

  it('too large: 413 from Content-Length before reading, or as soon as the stream passes the limit; nothing stored', async () => {
    const { store, webhook } = make(OCTOPUSH, { maxBodySize: 64 })
    const big = encode(JSON.stringify(sms))
    expect(big.byteLength).toBeGreaterThan(64)
    expect((await webhook.fetch(post(big))).status).toBe(413)
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1
        controller.enqueue(new Uint8Array(16))
      },
    })
    expect((await webhook.fetch(post(endless))).status).toBe(413)
    expect(pulled).toBeLessThan(10)
    expect(store.batches()).toEqual([])
    expect(store.kept()).toEqual([])
    // At the limit exactly, the body is read.
    const exact = make(OCTOPUSH, { maxBodySize: big.byteLength })
    expect((await exact.webhook.fetch(post(big))).status).toBe(204)
  })

  it("takes the limit from the route's maxBodySize when the handler has none", async () => {
    const { webhook } = make({ vendor: 'octopush', options: { maxBodySize: 10 } })
    expect((await webhook.fetch(post(JSON.stringify(sms)))).status).toBe(413)
  })

  it('store failed: 503, told to onProblem, retried only while the store calls the failure transient', async () => {
    const problems: Array<string> = []
    let calls = 0
    const failing = (transientFailures: number, transient: boolean) => {
      calls = 0
      const memory = createMemoryStore()
      return {
        ...memory,
        recordEvents: async (events: Parameters<MemoryStore['recordEvents']>[0]) => {
          calls += 1
          if (calls <= transientFailures) throw Object.assign(new Error('deadlock detected'), { code: '40P01' })
          return memory.recordEvents(events)
        },
        isTransient: (error: unknown) => transient && (error as { readonly code?: string }).code === '40P01',
      }
    }
    const handlerOf = (store: MemoryStore) => createWebhookHandler({ vendor: 'octopush', store, secrets: [SECRET], onProblem: (p) => problems.push(`${p.outcome}: ${p.message}`) })
    const twice = failing(2, true)
    expect((await handlerOf(twice).fetch(post(JSON.stringify(sms)))).status).toBe(204)
    expect([calls, twice.events().length]).toEqual([3, 1])
    const always = failing(5, true)
    expect((await handlerOf(always).fetch(post(JSON.stringify(sms)))).status).toBe(503)
    expect(calls).toBe(3)
    const permanent = failing(1, false)
    expect((await handlerOf(permanent).fetch(post(JSON.stringify(sms)))).status).toBe(503)
    expect(calls).toBe(1)
    expect(problems).toEqual(['store_failed: recordEvents failed', 'store_failed: recordEvents failed'])
  })

  it('store failed while keeping a body: 503', async () => {
    const memory = createMemoryStore()
    const store = { ...memory, keepBody: () => Promise.reject(new Error('disk full')) }
    const webhook = createWebhookHandler({ vendor: 'octopush', store, secrets: [SECRET] })
    expect((await webhook.fetch(post('not json'))).status).toBe(503)
  })

  it('wrong method: 405 with Allow: POST, for a caller with the secret', async () => {
    const { store, webhook } = make()
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await webhook.fetch(new Request(urlOf('/webhooks/octopush'), { method, ...(method !== 'GET' && { body: '{}' }) }))
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('POST')
    }
    expect(store.batches()).toEqual([])
  })
})

describe('kept bodies and replay', () => {
  it('keeps a refused body byte for byte, with vendor, route options, reason and the time from the clock', async () => {
    const route = { vendor: 'messangi', options: { channel: 'whatsapp', timeZone: 'UTC' } } as const
    const { store, webhook } = make(route)
    const bytes = Uint8Array.of(0x7b, 0x00, 0xff, 0xfe, 0x22, 0xc3, 0x28, 0x0a, 0x7d)
    expect((await webhook.fetch(post(bytes, undefined))).status).toBe(202)
    expect(store.kept()).toEqual([
      { id: expect.any(String) as unknown, vendor: 'messangi', options: { channel: 'whatsapp', timeZone: 'UTC' }, body: bytes, errorKind: 'invalid_body', reason: expect.any(String) as unknown, receivedAt: '2026-01-02T03:04:05.678Z' },
    ])
  })

  it('reads the clock only to stamp a kept body', async () => {
    let reads = 0
    const { webhook } = make(OCTOPUSH, {
      now: () => {
        reads += 1
        return CLOCK
      },
    })
    await webhook.fetch(post(JSON.stringify(sms)))
    await webhook.fetch(post(JSON.stringify(payload('octopush/stop.json'))))
    expect(reads).toBe(0)
    await webhook.fetch(post('not json'))
    expect(reads).toBe(1)
  })

  it('replay records what now decodes, releases it, and keeps what still does not', async () => {
    const store = createMemoryStore()
    const keep = (body: string, options: KeptBody['options'], vendor: KeptBody['vendor'] = 'octopush') =>
      store.keepBody({ vendor, options, body: encode(body), errorKind: 'unknown_status', reason: 'kept by an older version', receivedAt: CLOCK.toISOString() })
    // Kept by an earlier version that did not map these; today's decoder does.
    await keep(JSON.stringify(sms), {})
    await keep(JSON.stringify(payload('messangi/whatsapp/callback.json')), { channel: 'whatsapp' }, 'messangi')
    // Still not a callback today.
    await keep('not json', {})
    await keep(JSON.stringify({ ...sms, status: 'BOUNCY' }), {})
    const dry = await replay(store, { dryRun: true })
    expect([dry.recorded, dry.events, store.events(), store.kept().length]).toEqual([2, 2, [], 4])
    const report = await replay(store, { pageSize: 1 })
    expect(report).toEqual({ ...dry, stillKept: dry.stillKept })
    expect(report.recorded).toBe(2)
    expect(report.events).toBe(2)
    expect(report.stillKept.map((body) => body.errorKind)).toEqual(['invalid_body', 'unknown_status'])
    expect(report.stillKept[1]?.reason).toMatch(/^status: "BOUNCY" is not an Octopush status/)
    expect(store.events().map((event) => [event.vendor, event.kind])).toEqual([
      ['octopush', 'delivery'],
      ['messangi', 'delivery'],
    ])
    expect(store.events()[1]?.channel).toBe('whatsapp')
    expect(store.kept().map((body) => new TextDecoder().decode(body.body))).toEqual(['not json', JSON.stringify({ ...sms, status: 'BOUNCY' })])
    // Again: nothing more decodes, nothing changes.
    expect(await replay(store)).toEqual({ recorded: 0, events: 0, stillKept: report.stillKept })
  })

  it('replay decodes with the options the body was kept with: unknownStatus keep records an unknown code', async () => {
    const { store, webhook } = make({ vendor: 'octopush', options: { unknownStatus: 'error' } })
    expect((await webhook.fetch(post(JSON.stringify({ ...sms, status: 'BOUNCY' })))).status).toBe(202)
    const [kept] = store.kept()
    expect(kept?.options).toEqual({ unknownStatus: 'error' })
    expect((await replay(store)).recorded).toBe(0)
  })

  it('replay throws a DeliveryKitError at once for what is not a store', () => {
    let thrown: unknown
    try {
      void replay({} as never)
    } catch (error) {
      thrown = error
    }
    expect(isDeliveryKitError(thrown) && thrown.error.issues[0].path).toEqual(['store'])
  })
})

describe('property: any bytes, any Content-Type', () => {
  const bodies = fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.constantFrom(...CASES.filter((c) => c.route === '/webhooks/octopush').map(bytesOf)),
    fc.jsonValue().map((value) => encode(JSON.stringify(value))),
    fc.record({ status: fc.string(), message_id: fc.string(), number: fc.string(), delivery_date: fc.string() }, { requiredKeys: [] }).map((value) => encode(JSON.stringify({ ...sms, ...value }))),
  )
  const types = fc.oneof(fc.constantFrom(...CONTENT_TYPES), fc.stringMatching(/^[a-z]{1,8}\/[a-z0-9.+-]{1,12}$/))

  // Every route of the examples: each vendor's, and each channel's of a vendor whose bodies do not name it.
  const routes = fc.constantFrom(...new Map(CASES.map((c) => [c.route, routeOf(c.route)])).values())

  it('answers a status of the table, and the store got the events or the kept body, never neither, never both', async () => {
    const allowed = new Set([WEBHOOK_STATUS.stored, WEBHOOK_STATUS.kept_unknown, WEBHOOK_STATUS.kept_refused])
    const outcomes = new Set<number>()
    await fc.assert(
      fc.asyncProperty(routes, bodies, types, async (route, bytes, type) => {
        const { store, webhook } = make(route)
        const response = await webhook.fetch(post(bytes, type))
        expect(allowed.has(response.status)).toBe(true)
        outcomes.add(response.status)
        const decoded = directResult(route, bytes)
        if (decoded.success) {
          expect(response.status).toBe(204)
          expect([store.batches(), store.kept()]).toEqual([[decoded.events], []])
        } else {
          expect(response.status).toBe(202)
          expect(store.batches()).toEqual([])
          expect(store.kept().map((kept) => [kept.body, kept.errorKind, kept.vendor])).toEqual([[bytes, decoded.error.kind, route.vendor]])
        }
      }),
      { seed: 23, numRuns: 400 },
    )
    // The generator reaches both rows.
    expect([...outcomes].sort()).toEqual([202, 204])
  })
})
