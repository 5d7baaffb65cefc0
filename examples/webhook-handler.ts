/**
 * A Web-standard webhook handler: the `Request -> Response` shape of Next.js route
 * handlers, Hono, Cloudflare Workers, Bun and Deno. The raw text goes to deliverykit,
 * which reads JSON and form-encoded bodies alike.
 */
import { ROUTES, normalizeRoute, settle, type EventStore } from './route.js'

export type { EventStore } from './route.js'

export const handleWebhook = async (request: Request, store: EventStore): Promise<Response> => {
  if (request.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST' } })
  // /webhooks/<vendor>[/<channel>]
  const [prefix, vendor = '', channel, ...rest] = new URL(request.url).pathname.split('/').filter(Boolean)
  const body = await request.text()
  const result = prefix === 'webhooks' && rest.length === 0 ? normalizeRoute(vendor, channel, body) : undefined
  if (result === undefined) return new Response(`no such webhook; try one of ${ROUTES.join(', ')}\n`, { status: 404 })
  // Vendors want a quick, empty answer: 2xx means "stop retrying".
  return new Response(null, { status: await settle(result, store) })
}
