import { formatError } from '../errors/format.js'
import type { Vendor } from '../model/vendor.js'
import type { AnyWebhookEvent } from '../model/webhook.js'
import type { VendorWithRequiredOptions, OptionsFor } from '../options.js'
import { checkSettings, type Checked } from './config.js'
import { decodeBody } from './decode.js'
import { nodeHeader, readNodeBody, type NodeRequest, type NodeResponse } from './node.js'
import { queryValues } from './query.js'
import { isOneOf } from './secret.js'
import { outcomeOfError, WEBHOOK_STATUS, type WebhookOutcome } from './status.js'
import type { WebhookStore } from './store.js'
import { emptyResponse, readWebBody, type BodyRead, type WebRequest, type WebResponse } from './web.js'

/**
 * The vendor of a route and its decode options: required where the vendor requires one
 * (Messangi's `channel`, which its bodies do not carry), optional elsewhere.
 *
 * @category Handler
 */
export type WebhookRoute = {
  readonly [V in Vendor]: V extends VendorWithRequiredOptions ? { readonly vendor: V; readonly options: OptionsFor<V> } : { readonly vendor: V; readonly options?: OptionsFor<V> }
}[Vendor]

/**
 * A failure the handler answered 5xx for, given to `onProblem` to log: the response says
 * nothing of it.
 *
 * @category Handler
 */
export interface WebhookProblem {
  readonly outcome: 'store_failed' | 'misconfigured'
  /** What went wrong, in words. */
  readonly message: string
  /** What was thrown, where something was. */
  readonly error?: unknown
}

/**
 * The settings of a handler besides its route.
 *
 * @category Handler
 */
export interface WebhookHandlerSettings {
  /** Where events and kept bodies go. */
  readonly store: WebhookStore
  /**
   * The secrets the callback URL may carry, each of 16 characters or more: one, or
   * several while you rotate (register the new URL, then drop the old secret).
   */
  readonly secrets: ReadonlyArray<string>
  /** The query parameter that carries the secret. Default `'token'`: `…/webhooks/octopush?token=<secret>`. */
  readonly secretParameter?: string
  /** The largest body read, in bytes; a larger one gets 413. Default the route's `options.maxBodySize`, else 32 MiB. */
  readonly maxBodySize?: number
  /** The clock that stamps a kept body (`receivedAt`), for tests. Default the system clock. */
  readonly now?: () => Date
  /** How many times `recordEvents` is tried when `store.isTransient` says its failure is worth retrying. Default 3. */
  readonly storeAttempts?: number
  /** Told of every 5xx answer, to log it. What it throws is ignored. */
  readonly onProblem?: (problem: WebhookProblem) => void
}

/**
 * Everything `createWebhookHandler` takes: the route, its store and its secrets.
 *
 * @category Handler
 */
export type WebhookHandlerConfig = WebhookRoute & WebhookHandlerSettings

/**
 * A ready webhook endpoint, in the two shapes servers call.
 *
 * @category Handler
 */
export interface WebhookHandler {
  /** A Web `Request` to a `Response`: Next.js route handlers, Hono, Bun, Deno, Cloudflare Workers. */
  readonly fetch: (request: WebRequest) => Promise<WebResponse>
  /**
   * Node's `(req, res)`: `http.createServer(handler.node)`, or an Express route. It reads
   * the raw bytes itself: mount it before any body parser.
   */
  readonly node: (request: NodeRequest, response: NodeResponse) => Promise<void>
}

/** What a request is to the handler, whichever server gave it. */
interface Incoming {
  readonly method: string
  /** The URL, absolute or a path with its query. */
  readonly url: string
  readonly contentLength: string | undefined
  readonly read: (limit: number) => Promise<BodyRead>
}

interface Answer {
  readonly outcome: WebhookOutcome
  /** Whether the body was read to its end: when not, a Node connection is closed after the answer. */
  readonly bodyRead: boolean
}

/**
 * Makes the endpoint of one webhook route: it checks the secret in the URL before it reads
 * anything, reads the raw bytes whatever their Content-Type, lets `safeParseWebhook`
 * decide what they are, records every event of the body at once, keeps a body it cannot
 * decode byte for byte, and answers with the status {@link WEBHOOK_STATUS} gives. A STOP
 * and a reply are events like the others: stored, never refused. Throws a
 * `DeliveryKitError` when a setting is wrong, so a mistake shows when the server starts.
 *
 * @example
 * ```ts
 * import { createMemoryStore, createWebhookHandler } from 'deliverykit/handler'
 *
 * const webhook = createWebhookHandler({
 *   vendor: 'messangi',
 *   options: { channel: 'sms' }, // Messangi's bodies do not name their channel: the route does
 *   store: createMemoryStore(),
 *   secrets: ['a-secret-of-16-characters-or-more'],
 * })
 * export const POST = webhook.fetch // register https://example.com/webhooks/messangi/sms?token=<secret>
 * ```
 * @category Handler
 */
export const createWebhookHandler = (config: WebhookHandlerConfig): WebhookHandler => {
  const settings = checkSettings(config)
  return {
    fetch: async (request) => {
      const incoming: Incoming = {
        method: request.method,
        url: request.url,
        contentLength: request.headers.get('content-length') ?? undefined,
        read: (limit) => readWebBody(request.body, limit),
      }
      const { outcome } = await handle(settings, incoming)
      return emptyResponse(WEBHOOK_STATUS[outcome], headersOf(outcome))
    },
    node: async (request, response) => {
      let answer: Answer
      try {
        const incoming: Incoming = {
          method: request.method ?? 'GET',
          url: request.url ?? '/',
          contentLength: nodeHeader(request.headers['content-length']),
          read: (limit) => readNodeBody(request, limit),
        }
        answer = await handle(settings, incoming)
      } catch (error) {
        answer = { outcome: 'misconfigured', bodyRead: false }
        tell(settings, { outcome: 'misconfigured', message: 'the request could not be read', error })
      }
      response.statusCode = WEBHOOK_STATUS[answer.outcome]
      for (const [name, value] of Object.entries(headersOf(answer.outcome))) response.setHeader(name, value)
      // A body left unread is not drained: the connection closes after the answer.
      if (!answer.bodyRead) response.setHeader('connection', 'close')
      response.end()
    },
  }
}

const headersOf = (outcome: WebhookOutcome): Readonly<Record<string, string>> => (outcome === 'method_not_allowed' ? { allow: 'POST' } : {})

/** Whether the URL carries exactly one value of the secret's parameter, and it is one of the secrets. */
const authenticated = (settings: Checked, url: string): boolean => {
  const values = queryValues(url, settings.secretParameter)
  // Hashed and compared even when absent, so a missing secret takes the time a wrong one does.
  // Stryker disable next-line StringLiteral: equivalent, an absent parameter fails values.length === 1 whatever text is hashed
  const matched = isOneOf(values[0] ?? '', settings.digests)
  return matched && values.length === 1
}

const tell = (settings: Checked, problem: WebhookProblem): void => {
  try {
    // Stryker disable next-line OptionalChaining: equivalent, calling an absent onProblem throws a TypeError the catch below swallows
    settings.onProblem?.(problem)
  } catch {
    // A logger that throws must not change the answer.
  }
}

/** The whole path of one request, to its outcome. Never throws. */
const handle = async (settings: Checked, incoming: Incoming): Promise<Answer> => {
  // Nothing of an unauthenticated request is read, whatever its method.
  if (!authenticated(settings, incoming.url)) return { outcome: 'not_found', bodyRead: false }
  if (incoming.method.toUpperCase() !== 'POST') return { outcome: 'method_not_allowed', bodyRead: false }
  const declared = incoming.contentLength === undefined ? Number.NaN : Number(incoming.contentLength)
  if (declared > settings.maxBodySize) return { outcome: 'too_large', bodyRead: false }
  const read = await incoming.read(settings.maxBodySize)
  if (read.kind === 'too_large') return { outcome: 'too_large', bodyRead: false }
  if (read.kind === 'unreadable') {
    tell(settings, { outcome: 'misconfigured', message: read.why, ...('error' in read && { error: read.error }) })
    return { outcome: 'misconfigured', bodyRead: false }
  }
  const decoded = decodeBody(settings.vendor, read.bytes, settings.options, settings.maxBodySize)
  if (decoded.success) {
    const stored = await record(settings, decoded.events)
    return { outcome: stored ? 'stored' : 'store_failed', bodyRead: true }
  }
  const outcome = outcomeOfError(decoded.error)
  try {
    await settings.store.keepBody({
      vendor: settings.vendor,
      options: settings.options,
      body: read.bytes,
      errorKind: decoded.error.kind,
      reason: formatError(decoded.error),
      receivedAt: settings.now().toISOString(),
    })
  } catch (error) {
    tell(settings, { outcome: 'store_failed', message: 'keepBody failed', error })
    return { outcome: 'store_failed', bodyRead: true }
  }
  if (outcome === 'misconfigured') tell(settings, { outcome, message: formatError(decoded.error) })
  return { outcome, bodyRead: true }
}

/**
 * Records a body's events, trying again at once while the store says its failure is
 * transient (a deadlock, a serialization failure), up to `storeAttempts` tries.
 */
export const recordWithRetries = async (
  store: WebhookStore,
  events: ReadonlyArray<AnyWebhookEvent>,
  attempts: number,
): Promise<{ readonly recorded: true } | { readonly recorded: false; readonly error: unknown }> => {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.recordEvents(events)
      return { recorded: true }
    } catch (error) {
      let transient: boolean
      try {
        // Stryker disable next-line OptionalChaining: equivalent, calling an absent isTransient throws, and the catch below answers false too
        transient = store.isTransient?.(error) === true
      } catch {
        transient = false
      }
      if (!transient || attempt >= attempts) return { recorded: false, error }
    }
  }
}

const record = async (settings: Checked, events: ReadonlyArray<AnyWebhookEvent>): Promise<boolean> => {
  const result = await recordWithRetries(settings.store, events, settings.storeAttempts)
  if (!result.recorded) tell(settings, { outcome: 'store_failed', message: 'recordEvents failed', error: result.error })
  return result.recorded
}
