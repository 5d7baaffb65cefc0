/**
 * A ready webhook endpoint around deliverykit's decoders: `createWebhookHandler` checks the
 * secret in the callback URL, reads the raw bytes whatever their Content-Type, decodes them
 * with `safeParseWebhook`, records every event of the body at once through a store, keeps
 * a body it cannot decode byte for byte for `replay`, and answers the vendor with the
 * status one table ({@link WEBHOOK_STATUS}) gives. For Web `Request`s (`handler.fetch`)
 * and Node's `http` and Express (`handler.node`). The decoders stay pure; this entry adds
 * the HTTP and the store around them, and reads a clock only to stamp a kept body.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * import { createMemoryStore, createWebhookHandler } from 'deliverykit/handler'
 *
 * const webhook = createWebhookHandler({ vendor: 'octopush', store: createMemoryStore(), secrets: [process.env['WEBHOOK_SECRET'] ?? ''] })
 * createServer(webhook.node).listen(3000) // register http://your-host:3000/?token=<secret> with Octopush
 * ```
 * @module deliverykit/handler
 */
export { createWebhookHandler, type WebhookHandler, type WebhookHandlerConfig, type WebhookHandlerSettings, type WebhookProblem, type WebhookRoute } from './handler.js'
export { WEBHOOK_STATUS, type WebhookOutcome } from './status.js'
export { createMemoryStore, type KeptBody, type MemoryStore, type ReplayableStore, type RouteOptions, type StoredKeptBody, type WebhookStore } from './store.js'
export { replay, type ReplayReport, type ReplaySettings } from './replay.js'
export type { NodeRequest, NodeResponse } from './node.js'
export type { BodyLike, ByteReader, HeadersLike, RequestLike, ResponseLike, WebRequest, WebResponse } from './web.js'
