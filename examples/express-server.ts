/**
 * An Express webhook server. Each route is a ready handler of deliverykit/handler, which
 * reads the raw bytes itself, whatever their Content-Type (none, JSON, form, text): mount
 * it before any body parser, or a parser that matched the body leaves it nothing to read
 * (the handler answers 500 and says so to `onProblem`).
 *
 *   const server = createApp(store, [process.env.WEBHOOK_SECRET]).listen(3000)
 */
import express, { type Express } from 'express'

import type { WebhookHandler } from 'deliverykit/handler'

import { ROUTES, createRoutes, type EventStore } from './route.js'

export const createApp = (store: EventStore, secrets: ReadonlyArray<string>): Express => createAppFor(createRoutes(store, secrets))

/** The app for handlers made elsewhere: one per path (route.ts's `createHandlers`). */
export const createAppFor = (handlers: ReadonlyMap<string, WebhookHandler>): Express => {
  const app = express()
  app.disable('x-powered-by')
  for (const [path, handler] of handlers) app.post(path, handler.node)
  // Any other path, or another method on these: the handler answers 405 only to a caller with the secret.
  app.use('/webhooks', (_request, response) => {
    response.status(404).type('text').send(`no such webhook; try one of ${ROUTES.join(', ')}\n`)
  })
  return app
}
