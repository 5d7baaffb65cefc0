/**
 * A Web-standard webhook handler: the `Request -> Response` shape of Next.js route
 * handlers, Hono, Cloudflare Workers, Bun and Deno. Each route is a ready handler of
 * deliverykit/handler, which checks the secret, reads the raw bytes whatever their
 * Content-Type, stores the events and answers the vendor.
 *
 *   const handle = createWebhookFetch(store, [process.env.WEBHOOK_SECRET])
 *   export default { fetch: handle }
 */
import { ROUTES, createRoutes, type EventStore } from './route.js'

export type { EventStore } from './route.js'

export const createWebhookFetch = (store: EventStore, secrets: ReadonlyArray<string>): ((request: Request) => Promise<Response>) => {
  const routes = createRoutes(store, secrets)
  return (request) => {
    const handler = routes.get(new URL(request.url).pathname)
    if (handler === undefined) return Promise.resolve(new Response(`no such webhook; try one of ${ROUTES.join(', ')}\n`, { status: 404 }))
    return handler.fetch(request)
  }
}
