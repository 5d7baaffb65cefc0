/**
 * A Web-standard webhook handler (the `Request -> Response` shape that Next.js route
 * handlers, Hono, Cloudflare Workers, Bun and Deno use) for Octopush delivery callbacks.
 */
import { formatError, safeParse, type DeliveryEvent } from 'deliverykit'

/** Where your application keeps events; a stand-in for a database. */
export interface EventStore {
  readonly save: (events: ReadonlyArray<DeliveryEvent>) => Promise<void>
  readonly suppress: (recipient: string, reason: string) => Promise<void>
  readonly quarantine: (body: unknown, why: string) => Promise<void>
}

export const handleOctopushCallback = async (request: Request, store: EventStore): Promise<Response> => {
  const body: unknown = await request.json().catch(() => undefined)
  const result = safeParse('octopush', body)
  if (!result.success) {
    // Keep what was rejected: nothing the vendor sent is lost, and a new code can be mapped later.
    await store.quarantine(result.error.input, formatError(result.error))
    return new Response(null, { status: result.error.kind === 'unknown_status' ? 202 : 400 })
  }
  await store.save(result.events)
  for (const event of result.events) {
    if (event.classification === 'failure' && event.failure.permanent) {
      await store.suppress(event.recipient, event.failure.reason)
    }
  }
  // Octopush wants an empty answer within a second.
  return new Response(null, { status: 204 })
}
