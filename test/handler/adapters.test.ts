/**
 * The handler's answers through hand-made requests, for what a real server rarely sends: a
 * Content-Length that lies, a stream that gives text or fails, a request that cannot be
 * read at all, a body a parser left; and what the Node adapter says with each answer
 * (status, headers, whether the connection closes), what onProblem is told, and what the
 * store is given.
 */
import { createMemoryStore, createWebhookHandler, type NodeRequest, type WebhookHandlerConfig, type WebhookProblem, type WebhookStore } from 'deliverykit/handler'
import { describe, expect, it } from 'vitest'

import { payload } from '../helpers.js'
import { SECRET } from './routes.js'

const sms = JSON.stringify(payload('octopush/sms.json'))
const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
const PATH = `/webhooks/octopush?token=${SECRET}`

/** A Node response that records what the adapter set. */
const nodeResponse = (): { statusCode: number; headers: Record<string, string>; ended: boolean; setHeader: (name: string, value: string) => void; end: () => void } => {
  const response = {
    statusCode: 0,
    headers: {} as Record<string, string>,
    ended: false,
    setHeader: (name: string, value: string): void => {
      response.headers[name.toLowerCase()] = value
    },
    end: (): void => {
      response.ended = true
    },
  }
  return response
}

/** A Node request over the chunks given; `pulls` counts the chunks the handler asked for. */
const nodeRequest = (chunks: ReadonlyArray<unknown>, fields: Partial<Omit<NodeRequest, typeof Symbol.asyncIterator>> = {}): NodeRequest & { readonly pulls: () => number } => {
  let pulls = 0
  return {
    method: 'POST',
    url: PATH,
    headers: {},
    ...fields,
    pulls: () => pulls,
    [Symbol.asyncIterator]: () => {
      let at = 0
      return {
        next: () => {
          pulls++
          const value = chunks[at++]
          return Promise.resolve(at <= chunks.length ? { done: false, value } : { done: true, value: undefined })
        },
      }
    },
  }
}

/** A handler of Octopush bodies whose problems are collected. */
const make = (extra: Partial<WebhookHandlerConfig> = {}, store: WebhookStore = createMemoryStore()) => {
  const problems: Array<WebhookProblem> = []
  const webhook = createWebhookHandler({ vendor: 'octopush', store, secrets: [SECRET], onProblem: (problem) => problems.push(problem), ...extra } as WebhookHandlerConfig)
  return { webhook, problems }
}

const answerNode = async (request: NodeRequest, extra: Partial<WebhookHandlerConfig> = {}, store?: WebhookStore) => {
  const { webhook, problems } = make(extra, store)
  const response = nodeResponse()
  await webhook.node(request, response)
  return { response, problems }
}

describe('a declared Content-Length over the limit', () => {
  it.each([
    ['as text', '999999'],
    ['repeated, the first counts', ['999999', '1']],
  ])('Node, %s: 413 before any byte is read, and the connection closed', async (_name, length) => {
    const request = nodeRequest([encode(sms)], { headers: { 'content-length': length } })
    const { response } = await answerNode(request, { maxBodySize: 1024 })
    expect(response.statusCode).toBe(413)
    expect(response.headers).toEqual({ connection: 'close' })
    expect(request.pulls()).toBe(0)
  })

  it('Node: a repeated header whose first value fits is read', async () => {
    const store = createMemoryStore()
    const { response } = await answerNode(nodeRequest([encode(sms)], { headers: { 'content-length': ['10', '999999'] } }), { maxBodySize: 1024 }, store)
    expect(response.statusCode).toBe(204)
    expect(store.events()).toHaveLength(1)
  })

  it('Web: 413 before the body is asked for', async () => {
    let readers = 0
    const request = {
      method: 'POST',
      url: `https://example.com${PATH}`,
      headers: { get: (name: string) => (name === 'content-length' ? '999999' : null) },
      body: {
        getReader: () => {
          readers++
          return new Blob([sms]).stream().getReader()
        },
      },
    }
    const { webhook } = make({ maxBodySize: 1024 })
    expect((await webhook.fetch(request as unknown as Request)).status).toBe(413)
    expect(readers).toBe(0)
  })
})

describe('a body over the limit without a Content-Length', () => {
  it('Node stream: 413 once the chunks pass the limit, and the connection closed', async () => {
    const request = nodeRequest([new Uint8Array(40), new Uint8Array(40), new Uint8Array(40)])
    const { response } = await answerNode(request, { maxBodySize: 64 })
    expect(response.statusCode).toBe(413)
    expect(response.headers).toEqual({ connection: 'close' })
    expect(request.pulls()).toBe(2)
  })

  it("Node, a parser's bytes: 413 one byte over, read at exactly the limit", async () => {
    const bytes = encode(sms)
    const over = await answerNode(nodeRequest([], { readableEnded: true, body: Buffer.from(bytes) }), { maxBodySize: bytes.byteLength - 1 })
    expect(over.response.statusCode).toBe(413)
    expect(over.response.headers).toEqual({ connection: 'close' })
    const store = createMemoryStore()
    const exact = await answerNode(nodeRequest([], { readableEnded: true, body: Buffer.from(bytes) }), { maxBodySize: bytes.byteLength }, store)
    expect(exact.response.statusCode).toBe(204)
    expect(store.events()).toHaveLength(1)
  })
})

describe("the Node adapter's answers", () => {
  it('stored: 204, the connection left open', async () => {
    const { response } = await answerNode(nodeRequest([encode(sms)]))
    expect(response).toMatchObject({ statusCode: 204, ended: true })
    expect(response.headers).toEqual({})
  })

  it('kept: 202, the connection left open', async () => {
    const { response } = await answerNode(nodeRequest([encode('not json')]))
    expect(response).toMatchObject({ statusCode: 202, ended: true })
    expect(response.headers).toEqual({})
  })

  it('a method other than POST: 405 with Allow, the connection closed, nothing read', async () => {
    const request = nodeRequest([encode(sms)], { method: 'GET' })
    const { response } = await answerNode(request)
    expect(response).toMatchObject({ statusCode: 405, headers: { allow: 'POST', connection: 'close' } })
    expect(request.pulls()).toBe(0)
  })

  it('a stream that gives text: 500, the connection closed, onProblem told to drop setEncoding', async () => {
    const { response, problems } = await answerNode(nodeRequest([sms]))
    expect(response).toMatchObject({ statusCode: 500, headers: { connection: 'close' } })
    expect(problems).toEqual([{ outcome: 'misconfigured', message: 'the request stream gave text, not bytes: do not call setEncoding on it' }])
  })

  it('a request that cannot be read at all: 500, the connection closed, onProblem told with the error', async () => {
    const broken = new Error('no headers')
    const request = {
      method: 'POST',
      url: PATH,
      get headers(): never {
        throw broken
      },
      [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true, value: undefined }) }),
    }
    const { response, problems } = await answerNode(request)
    expect(response).toMatchObject({ statusCode: 500, headers: { connection: 'close' }, ended: true })
    expect(problems).toEqual([{ outcome: 'misconfigured', message: 'the request could not be read', error: broken }])
  })

  it('keepBody failing: 503, the body was read so the connection stays open, onProblem told with the error', async () => {
    const failure = new Error('disk full')
    const store: WebhookStore = { recordEvents: () => Promise.resolve(), keepBody: () => Promise.reject(failure) }
    const { response, problems } = await answerNode(nodeRequest([encode('not json')]), {}, store)
    expect(response).toMatchObject({ statusCode: 503 })
    expect(response.headers).toEqual({})
    expect(problems).toEqual([{ outcome: 'store_failed', message: 'keepBody failed', error: failure }])
  })

  it("keeps a copy of a parser's bytes, not the parser's buffer", async () => {
    const given: Array<Uint8Array> = []
    const store: WebhookStore = {
      recordEvents: () => Promise.resolve(),
      keepBody: (kept) => {
        given.push(kept.body)
        return Promise.resolve()
      },
    }
    const buffer = Buffer.from('not json')
    const { response } = await answerNode(nodeRequest([], { readableEnded: true, body: buffer }), {}, store)
    expect(response.statusCode).toBe(202)
    buffer.fill(0)
    expect(new TextDecoder().decode(given[0])).toBe('not json')
  })
})

describe('the Web adapter', () => {
  it('a POST without a body: 202, an empty body kept', async () => {
    const store = createMemoryStore()
    const { webhook } = make({}, store)
    expect((await webhook.fetch(new Request(`https://example.com${PATH}`, { method: 'POST' }))).status).toBe(202)
    expect(store.kept().map((kept) => [kept.errorKind, kept.body.byteLength])).toEqual([['invalid_body', 0]])
  })

  it('a body whose reading fails: 500, onProblem told with the error', async () => {
    const failure = new Error('connection reset')
    const request = {
      method: 'POST',
      url: `https://example.com${PATH}`,
      headers: { get: () => null },
      body: { getReader: () => ({ read: () => Promise.reject(failure), cancel: () => Promise.resolve() }) },
    }
    const { webhook, problems } = make()
    expect((await webhook.fetch(request as unknown as Request)).status).toBe(500)
    expect(problems).toEqual([{ outcome: 'misconfigured', message: 'the request body could not be read', error: failure }])
  })
})

describe('what onProblem is told', () => {
  it('a route that lacks an option the body needs: 500, told once with the decoder message; the body kept', async () => {
    const store = createMemoryStore()
    const problems: Array<WebhookProblem> = []
    // The types require Messangi's options; a JavaScript caller may leave them out.
    const webhook = createWebhookHandler({ vendor: 'messangi', store, secrets: [SECRET], onProblem: (problem: WebhookProblem) => problems.push(problem) } as unknown as WebhookHandlerConfig)
    const body = JSON.stringify(payload('messangi/sms/mt-callback.json'))
    expect((await webhook.fetch(new Request(`https://example.com/?token=${SECRET}`, { method: 'POST', body }))).status).toBe(500)
    expect(problems).toHaveLength(1)
    expect(problems[0]?.outcome).toBe('misconfigured')
    expect(problems[0]?.message).toMatch(/^options\.channel: expected one of sms, email/)
    expect(store.kept()[0]?.errorKind).toBe('invalid_options')
  })

  it('nothing for a body kept as unknown or refused', async () => {
    const { webhook, problems } = make()
    for (const body of [JSON.stringify({ ...payload('octopush/sms.json'), status: 'BOUNCY' }), 'not json']) {
      expect((await webhook.fetch(new Request(`https://example.com${PATH}`, { method: 'POST', body }))).status).toBe(202)
    }
    expect(problems).toEqual([])
  })

  it('an isTransient that throws: the failure is not transient, recordEvents is tried once, onProblem gets its error', async () => {
    const failure = new Error('deadlock?')
    let tries = 0
    const store: WebhookStore = {
      recordEvents: () => {
        tries++
        return Promise.reject(failure)
      },
      keepBody: () => Promise.resolve(),
      isTransient: () => {
        throw new Error('cannot tell')
      },
    }
    const { webhook, problems } = make({ storeAttempts: 3 }, store)
    expect((await webhook.fetch(new Request(`https://example.com${PATH}`, { method: 'POST', body: sms }))).status).toBe(503)
    expect(tries).toBe(1)
    expect(problems).toEqual([{ outcome: 'store_failed', message: 'recordEvents failed', error: failure }])
  })
})
