/**
 * createWebhookHandler's Node adapter: a real `http` server on loopback, Express 5 with and
 * without a body parser in front, and a request whose body fails if read.
 */
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { createMemoryStore, createWebhookHandler, type MemoryStore, type NodeRequest, type NodeResponse, type WebhookHandler, type WebhookProblem } from 'deliverykit/handler'
import express from 'express'
import { afterEach, describe, expect, it } from 'vitest'

import { payload } from '../helpers.js'
import { closeServer } from '../webhookRoutes.js'
import { CASES, CONTENT_TYPES, SECRET, bytesOf, directEvents, routeOf } from './routes.js'

/** One answer over HTTP: status, headers and body text. */
interface Answer {
  readonly status: number
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  readonly text: string
}

/**
 * Sends exactly the headers given (fetch would add a Content-Type), with the body in one
 * write, or chunked without a Content-Length. Bounded: fails after five seconds.
 */
const send = (server: Server, path: string, body: Uint8Array, headers: Readonly<Record<string, string>> = {}, chunked = false): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const { port } = server.address() as AddressInfo
    const request = httpRequest(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, ...(!chunked && { 'content-length': String(body.byteLength) }) }, timeout: 5_000 },
      (response) => {
        const chunks: Array<Buffer> = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => { resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }); })
      },
    )
    request.on('timeout', () => request.destroy(new Error('no answer within 5 s')))
    request.on('error', reject)
    request.end(Buffer.from(body))
  })

const servers: Array<Server> = []
const listen = async (server: Server): Promise<Server> => {
  servers.push(server)
  server.listen(0, '127.0.0.1')
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject))
  return server
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer))
})

const sms = JSON.stringify(payload('octopush/sms.json'))
const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
const withSecret = (path: string): string => `${path}?token=${SECRET}`

describe("Node's http server on loopback", () => {
  it('stores the events of every example payload under every Content-Type or none, as the direct decode gives them', async () => {
    const handlers = new Map<string, { readonly store: MemoryStore; readonly webhook: WebhookHandler }>()
    for (const c of CASES) {
      if (handlers.has(c.route)) continue
      const store = createMemoryStore()
      handlers.set(c.route, { store, webhook: createWebhookHandler({ ...routeOf(c.route), store, secrets: [SECRET] }) })
    }
    const server = await listen(
      createServer((request, response) => {
        const found = handlers.get((request.url ?? '').split('?')[0] ?? '')
        if (found === undefined) response.writeHead(500).end()
        else void found.webhook.node(request, response)
      }),
    )
    for (const c of CASES) {
      const route = routeOf(c.route)
      const store = handlers.get(c.route)?.store
      const bytes = bytesOf(c)
      for (const type of CONTENT_TYPES) {
        const before = store?.batches().length ?? 0
        const answer = await send(server, withSecret(c.route), bytes, type === undefined ? {} : { 'content-type': type })
        expect([answer.status, answer.text], `${c.file} as ${String(type)}`).toEqual([204, ''])
        expect(store?.batches().slice(before)).toEqual([directEvents(route, bytes)])
      }
    }
  })

  it('answers 404 without the secret, 413 over the limit (declared or chunked), and 202 keeping a bad body', async () => {
    const store = createMemoryStore()
    const webhook = createWebhookHandler({ vendor: 'octopush', store, secrets: [SECRET], maxBodySize: 64 })
    const server = await listen(createServer((request, response) => void webhook.node(request, response)))
    const big = encode(sms)
    expect(big.byteLength).toBeGreaterThan(64)
    expect((await send(server, '/webhooks/octopush?token=wrong', big)).status).toBe(404)
    expect((await send(server, '/webhooks/octopush', big)).status).toBe(404)
    const declared = await send(server, withSecret('/webhooks/octopush'), big)
    expect([declared.status, declared.headers['connection']]).toEqual([413, 'close'])
    expect((await send(server, withSecret('/webhooks/octopush'), big, {}, true)).status).toBe(413)
    expect((await send(server, withSecret('/webhooks/octopush'), encode('{"a":1}'), { 'content-type': 'application/json' })).status).toBe(202)
    expect(store.batches()).toEqual([])
    expect(store.kept().map((kept) => new TextDecoder().decode(kept.body))).toEqual(['{"a":1}'])
  })
})

describe('the Node adapter, without a server', () => {
  /** A response that records what the adapter wrote. */
  const recorder = (): NodeResponse & { readonly written: () => readonly [number, Readonly<Record<string, string>>, boolean] } => {
    const headers: Record<string, string> = {}
    let ended = false
    return {
      statusCode: 200,
      setHeader: (name, value) => {
        headers[name] = value
      },
      end: () => {
        ended = true
      },
      written() {
        return [this.statusCode, headers, ended]
      },
    }
  }

  it('never reads the body of a request without the secret, whatever its method', async () => {
    const store = createMemoryStore()
    const webhook = createWebhookHandler({ vendor: 'octopush', store, secrets: [SECRET] })
    for (const [method, url] of [['POST', '/webhooks/octopush'], ['POST', '/webhooks/octopush?token=nope'], ['GET', '/webhooks/octopush']] as const) {
      let read = false
      const request: NodeRequest = {
        method,
        url,
        headers: {},
        [Symbol.asyncIterator]: () => {
          read = true
          throw new Error('read')
        },
      }
      const response = recorder()
      await webhook.node(request, response)
      expect(response.written()).toEqual([404, { connection: 'close' }, true])
      expect(read).toBe(false)
    }
    expect([store.batches(), store.kept()]).toEqual([[], []])
  })

  it('answers 500 and tells onProblem when the stream fails mid-body', async () => {
    const problems: Array<WebhookProblem> = []
    const webhook = createWebhookHandler({ vendor: 'octopush', store: createMemoryStore(), secrets: [SECRET], onProblem: (problem) => problems.push(problem) })
    const request: NodeRequest = {
      method: 'POST',
      url: withSecret('/'),
      headers: {},
      async *[Symbol.asyncIterator]() {
        yield await Promise.resolve(encode('{"'))
        throw new Error('aborted')
      },
    }
    const response = recorder()
    await webhook.node(request, response)
    expect(response.written()[0]).toBe(500)
    expect(problems.map((problem) => [problem.outcome, problem.message, (problem.error as Error).message])).toEqual([['misconfigured', 'the request body could not be read', 'aborted']])
  })
})

describe('the Node adapter: bytes in every form a body parser or a stream leaves', () => {
  /** `text`'s bytes in a larger buffer, at an offset, the bytes around them `{`. */
  const window = (text: string): Uint8Array => {
    const bytes = encode(text)
    const buffer = new Uint8Array(bytes.byteLength + 9).fill(0x7b)
    buffer.set(bytes, 4)
    return buffer.subarray(4, 4 + bytes.byteLength)
  }
  const leftForms = (text: string): ReadonlyArray<readonly [string, unknown]> => {
    const view = window(text)
    return [
      ['a Buffer', Buffer.from(text)],
      ['an ArrayBuffer', encode(text).slice().buffer],
      ['a DataView into a larger buffer', new DataView(view.buffer, view.byteOffset, view.byteLength)],
      ['a Uint8Array into a larger buffer', view],
    ]
  }
  const answer = (): NodeResponse & { readonly status: () => number } => {
    const response = { statusCode: 200, setHeader: () => undefined, end: () => undefined, status: () => response.statusCode }
    return response
  }

  it('stores the events of the bytes a body parser left, in any form, and keeps a bad body byte for byte', async () => {
    for (const [name, body] of leftForms(sms)) {
      const store = createMemoryStore()
      const webhook = createWebhookHandler({ vendor: 'octopush', store, secrets: [SECRET] })
      const request: NodeRequest = { method: 'POST', url: withSecret('/'), headers: {}, readableEnded: true, body, [Symbol.asyncIterator]: () => { throw new Error('read twice') } }
      const response = answer()
      await webhook.node(request, response)
      expect([name, response.status(), store.batches()]).toEqual([name, 204, [directEvents({ vendor: 'octopush' }, encode(sms))]])
    }
    for (const [name, body] of leftForms('{"a":1}')) {
      const store = createMemoryStore()
      const webhook = createWebhookHandler({ vendor: 'octopush', store, secrets: [SECRET] })
      await webhook.node({ method: 'POST', url: withSecret('/'), headers: {}, readableEnded: true, body, [Symbol.asyncIterator]: () => { throw new Error('read twice') } }, answer())
      expect([name, store.kept().map((kept) => [...kept.body])]).toEqual([name, [[...encode('{"a":1}')]]])
    }
  })

  it('reads a stream of chunks in any form of bytes, and answers 500 for a detached buffer', async () => {
    const half = Math.floor(sms.length / 2)
    const chunks: ReadonlyArray<unknown> = [encode(sms.slice(0, 10)).slice().buffer, new DataView(window(sms.slice(10, half)).buffer, 4, encode(sms.slice(10, half)).byteLength), Buffer.from(sms.slice(half))]
    const store = createMemoryStore()
    const problems: Array<string> = []
    const webhook = createWebhookHandler({ vendor: 'octopush', store, secrets: [SECRET], onProblem: (problem) => problems.push(problem.message) })
    const streamed = (items: ReadonlyArray<unknown>): NodeRequest => ({
      method: 'POST',
      url: withSecret('/'),
      headers: {},
      async *[Symbol.asyncIterator]() {
        for (const item of items) yield await Promise.resolve(item)
      },
    })
    const response = answer()
    await webhook.node(streamed(chunks), response)
    expect([response.status(), store.batches()]).toEqual([204, [directEvents({ vendor: 'octopush' }, encode(sms))]])

    const gone = encode(sms).slice().buffer
    structuredClone(gone, { transfer: [gone] })
    const detached = answer()
    await webhook.node(streamed([gone]), detached)
    const left = answer()
    await webhook.node({ method: 'POST', url: withSecret('/'), headers: {}, readableEnded: true, body: gone, [Symbol.asyncIterator]: () => { throw new Error('read twice') } }, left)
    expect([detached.status(), left.status(), problems]).toEqual([500, 500, ['the request stream gave a detached ArrayBuffer', 'the body a body parser left is a detached ArrayBuffer']])
  })
})

describe('Express 5', () => {
  const problems: Array<string> = []
  const app = (store: MemoryStore, before?: express.RequestHandler): Promise<Server> => {
    const application = express()
    if (before !== undefined) application.use(before)
    const webhook = createWebhookHandler({ vendor: 'octopush', store, secrets: [SECRET], onProblem: (problem) => problems.push(problem.message) })
    application.post('/webhooks/octopush', webhook.node)
    return listen(application.listen(0, '127.0.0.1'))
  }

  it('stores the events with no body parser, whatever the Content-Type', async () => {
    const store = createMemoryStore()
    const server = await app(store)
    for (const type of CONTENT_TYPES) expect((await send(server, withSecret('/webhooks/octopush'), encode(sms), type === undefined ? {} : { 'content-type': type })).status).toBe(204)
    expect(store.batches()).toHaveLength(CONTENT_TYPES.length)
    expect(store.events()).toHaveLength(1)
  })

  it('takes the bytes express.raw() left, exactly', async () => {
    const store = createMemoryStore()
    const server = await app(store, express.raw({ type: () => true }))
    expect((await send(server, withSecret('/webhooks/octopush'), encode(sms), { 'content-type': 'application/vnd.x+json' })).status).toBe(204)
    const bad = Uint8Array.of(0xff, 0x00, 0x7b)
    expect((await send(server, withSecret('/webhooks/octopush'), bad)).status).toBe(202)
    expect(store.kept().map((kept) => kept.body)).toEqual([bad])
  })

  it('answers 500, stores nothing and tells onProblem when express.json() read the body first; a body it skipped is read', async () => {
    problems.length = 0
    const store = createMemoryStore()
    const server = await app(store, express.json())
    expect((await send(server, withSecret('/webhooks/octopush'), encode(sms), { 'content-type': 'application/json' })).status).toBe(500)
    expect([store.batches(), store.kept()]).toEqual([[], []])
    expect(problems).toEqual([expect.stringMatching(/^the request body was read before the webhook handler: a body parser/)])
    // express.json() leaves a body without a JSON Content-Type unread: the handler reads it.
    expect((await send(server, withSecret('/webhooks/octopush'), encode(sms))).status).toBe(204)
    expect(store.events()).toHaveLength(1)
  })
})
