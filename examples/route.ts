/**
 * One webhook URL per vendor, and per channel where the vendor's body does not name one:
 * `/webhooks/octopush` (receipts, STOPs and replies alike: Octopush tells them apart by
 * their fields), `/webhooks/messangi/sms` … `/webhooks/messangi/whatsapp`,
 * `/webhooks/messangi/legacy`, `/webhooks/masstack`. Each route is a ready handler of
 * deliverykit/handler; the Express server and the Web-standard handler share them.
 *
 * Register each URL with its vendor with the secret as `?token=<secret>`:
 * `https://hooks.example.com/webhooks/messangi/sms?token=<secret>`.
 */
import { isVendor, safeParseWebhook, type Channel, type DeliveryEvent, type InboundMessageEvent, type SafeParseResult, type WebhookEvent } from 'deliverykit'
import { createWebhookHandler, type WebhookHandler, type WebhookRoute, type WebhookStore } from 'deliverykit/handler'
import { MESSANGI_CHANNELS, isMessangiChannel, safeParseLegacy } from 'deliverykit/messangi'

/** Where your application keeps events; a stand-in for a database. */
export interface EventStore {
  readonly save: (events: ReadonlyArray<DeliveryEvent>) => Promise<void>
  /**
   * Puts a recipient on the suppression list of one channel: a permanent failure, or an
   * opt-out (STOP). A number that bounced on SMS may still take voice calls.
   */
  readonly suppress: (channel: Channel, recipient: string, reason: string) => Promise<void>
  /** A message a person sent you: a reply, a keyword. */
  readonly receive: (message: InboundMessageEvent) => Promise<void>
  /**
   * Keeps a body deliverykit could not decode, with the reason, so nothing the vendor sent
   * is lost: from the webhook handler, its text when the bytes are UTF-8, else the bytes.
   */
  readonly quarantine: (body: unknown, why: string) => Promise<void>
}

type Result = SafeParseResult<ReadonlyArray<WebhookEvent>>

/**
 * Normalizes `body` (an object, JSON or form text) for the route `vendor[/channel]`;
 * `undefined` when no such route exists. What the handlers do, for tests to compare with.
 */
export const normalizeRoute = (vendor: string, channel: string | undefined, body: unknown): Result | undefined => {
  if (!isVendor(vendor)) return undefined
  switch (vendor) {
    case 'octopush':
      return channel === undefined ? safeParseWebhook('octopush', body) : undefined
    case 'messangi':
      // Messangi's status bodies do not name their channel: the URL you registered does.
      if (channel === 'legacy') return safeParseLegacy(body)
      // A STOP arrives as an inbound message: the default optOutKeywords make it an opt_out.
      return isMessangiChannel(channel) ? safeParseWebhook('messangi', body, { channel }) : undefined
    case 'masstack':
      return channel === undefined ? safeParseWebhook('masstack', body) : undefined
  }
}

/**
 * Each path and its route. Messangi's legacy forms name their channel in `TYPE`, which
 * the decoder keeps; the route's `channel` is only what a body without one is read as.
 */
const ROUTE_TABLE: ReadonlyArray<readonly [string, WebhookRoute]> = [
  ['/webhooks/octopush', { vendor: 'octopush' }],
  ...MESSANGI_CHANNELS.map((channel) => [`/webhooks/messangi/${channel}`, { vendor: 'messangi', options: { channel } }] as const),
  ['/webhooks/messangi/legacy', { vendor: 'messangi', options: { channel: 'sms' } }],
  ['/webhooks/masstack', { vendor: 'masstack' }],
]

/** The routes there are, for a 404 that helps. */
export const ROUTES: ReadonlyArray<string> = ROUTE_TABLE.map(([path]) => path)

/** Text when the bytes are UTF-8, else the bytes: what `EventStore.quarantine` takes. */
const textOrBytes = (bytes: Uint8Array): string | Uint8Array => {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return bytes
  }
}

/**
 * The handler's store, over your own tables: every event of a body, of every kind. An
 * opt-out suppresses its sender, a permanent failure its recipient; a reply is received.
 */
export const webhookStore = (store: EventStore): WebhookStore => ({
  recordEvents: async (events) => {
    const deliveries: Array<DeliveryEvent> = []
    for (const event of events) {
      switch (event.kind) {
        case 'delivery':
          // Only a route with `unknownStatus: 'keep'` gives these; none of these routes does.
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
  },
  keepBody: (kept) => store.quarantine(textOrBytes(kept.body), kept.reason),
})

/** A handler for each route, all storing through one handler store (such as deliverykit/postgres's) and taking the secrets given. */
export const createHandlers = (store: WebhookStore, secrets: ReadonlyArray<string>): ReadonlyMap<string, WebhookHandler> =>
  new Map(ROUTE_TABLE.map(([path, route]) => [path, createWebhookHandler({ ...route, store, secrets })]))

/** A handler for each route, all storing in your `EventStore` and taking the secrets given. */
export const createRoutes = (store: EventStore, secrets: ReadonlyArray<string>): ReadonlyMap<string, WebhookHandler> => createHandlers(webhookStore(store), secrets)
