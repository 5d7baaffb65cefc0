/**
 * An Express webhook server. Bodies are read as text (JSON or form-encoded) and handed to
 * deliverykit as they are: it reads both, and an error keeps the text exactly as received.
 *
 *   const server = createApp(store).listen(3000)
 */
import express, { type Express } from 'express'

import { ROUTES, normalizeRoute, settle, type EventStore } from './route.js'

export const createApp = (store: EventStore): Express => {
  const app = express()
  app.disable('x-powered-by')
  app.use(express.text({ type: ['application/json', 'application/x-www-form-urlencoded', 'text/plain'], limit: '1mb' }))

  app.post('/webhooks/:vendor{/:channel}', async (request, response) => {
    const body: unknown = request.body
    const result = normalizeRoute(request.params.vendor, request.params.channel, typeof body === 'string' ? body : '')
    if (result === undefined) {
      response.status(404).type('text').send(`no such webhook; try one of ${ROUTES.join(', ')}\n`)
      return
    }
    response.status(await settle(result, store)).end()
  })

  return app
}
