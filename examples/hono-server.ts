/**
 * A Hono webhook server whose routes validate with deliverykit's Standard Schema:
 * `sValidator('json', webhookSchema(vendor, options))` hands the handler typed events,
 * and a body deliverykit refuses gets Hono's 400, listing deliverykit's messages.
 *
 * The target says how Hono reads the body before the schema sees it: `json` the parsed
 * JSON (for `application/json`), `form` an object of the form's fields as text (for
 * `application/x-www-form-urlencoded`). One route per encoding your vendor account posts.
 *
 *   import { serve } from '@hono/node-server'
 *   serve({ fetch: createHonoApp(store).fetch, port: 3000 })
 *
 * This shows validators, not a production endpoint: a validator sees only what Hono
 * parsed for its target, so a body posted with another Content-Type reaches the schema as
 * `{}` and its bytes are not kept, and a refusal is a 400. For the endpoint the vendor
 * calls, hand Hono's request to the ready handler, which has neither limit:
 * `app.post('/webhooks/octopush', (c) => webhook.fetch(c.req.raw))` with
 * `createWebhookHandler` from deliverykit/handler (docs/frameworks.md).
 */
import { sValidator } from '@hono/standard-validator'
import { webhookSchema, type DeliveryEvent, type StandardSchemaV1, type WebhookEventsFor } from 'deliverykit'
import { Hono } from 'hono'

import type { EventStore } from './route.js'

/**
 * Status codes deliverykit does not know yet become events (`classification: 'unknown'`)
 * instead of refusals: a 400 would make the vendor retry a body that cannot pass.
 */
const keep = { unknownStatus: 'keep' } as const

/** The events every route's schema gives: `WebhookEventsFor` the options it was made with. */
type Events = WebhookEventsFor<typeof keep>

const storeEvents = async (events: Events, store: EventStore): Promise<void> => {
  const deliveries: Array<DeliveryEvent> = []
  for (const event of events) {
    switch (event.kind) {
      case 'delivery':
        if (event.classification === 'unknown') {
          await store.quarantine(event.raw, `${event.vendor} status ${event.vendorStatus} is not in deliverykit's catalog yet`)
          break
        }
        deliveries.push(event)
        if (event.classification === 'failure' && event.failure.permanent) await store.suppress(event.channel, event.recipient, event.failure.reason)
        break
      case 'opt_out':
        await store.suppress(event.channel, event.from, 'opted_out')
        break
      case 'inbound':
        await store.receive(event)
        break
    }
  }
  await store.save(deliveries)
}

export const createHonoApp = (store: EventStore): Hono => {
  /** Keeps a refused body with deliverykit's messages; Hono then answers 400 with them. */
  const quarantine = async (result: { readonly success: boolean; readonly data: unknown; readonly error?: ReadonlyArray<StandardSchemaV1.Issue> }): Promise<void> => {
    if (!result.success) await store.quarantine(result.data, (result.error ?? []).map((issue) => issue.message).join('\n'))
  }

  const app = new Hono()
  // Octopush posts receipts, STOPs and replies to one URL, as JSON…
  app.post('/webhooks/octopush', sValidator('json', webhookSchema('octopush', keep), quarantine), async (c) => {
    await storeEvents(c.req.valid('json'), store)
    return c.body(null, 204)
  })
  // …or as a form, when the account's payload type says so.
  app.post('/webhooks/octopush/form', sValidator('form', webhookSchema('octopush', keep), quarantine), async (c) => {
    await storeEvents(c.req.valid('form'), store)
    return c.body(null, 204)
  })
  // Messangi's status bodies do not name their channel: one route, and one schema, per channel.
  for (const channel of ['sms', 'email', 'push', 'rcs', 'whatsapp'] as const) {
    app.post(`/webhooks/messangi/${channel}`, sValidator('json', webhookSchema('messangi', { channel, ...keep }), quarantine), async (c) => {
      await storeEvents(c.req.valid('json'), store)
      return c.body(null, 204)
    })
  }
  // The older API's form callbacks name their channel in TYPE, which wins over the option.
  app.post('/webhooks/messangi/legacy', sValidator('form', webhookSchema('messangi', { channel: 'sms', ...keep }), quarantine), async (c) => {
    await storeEvents(c.req.valid('form'), store)
    return c.body(null, 204)
  })
  app.post('/webhooks/masstack', sValidator('json', webhookSchema('masstack', keep), quarantine), async (c) => {
    await storeEvents(c.req.valid('json'), store)
    return c.body(null, 204)
  })
  return app
}
