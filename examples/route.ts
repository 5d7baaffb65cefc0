/**
 * One webhook URL per vendor, and per channel where the vendor's body does not name one:
 * `/webhooks/octopush` (receipts, STOPs and replies alike: Octopush tells them apart by
 * their fields), `/webhooks/messangi/sms` … `/webhooks/messangi/whatsapp`,
 * `/webhooks/messangi/legacy`, `/webhooks/masstack`. The Express server and the
 * Web-standard handler share this.
 */
import { formatError, isVendor, safeParseWebhook, type DeliveryEvent, type InboundMessageEvent, type NormalizeError, type SafeParseResult, type WebhookEvent } from 'deliverykit'
import { MESSANGI_CHANNELS, isMessangiChannel, safeParseLegacy } from 'deliverykit/messangi'

/** Where your application keeps events; a stand-in for a database. */
export interface EventStore {
  readonly save: (events: ReadonlyArray<DeliveryEvent>) => Promise<void>
  /** Puts a recipient on the suppression list: a permanent failure, or an opt-out (STOP). */
  readonly suppress: (recipient: string, reason: string) => Promise<void>
  /** A message a person sent you: a reply, a keyword. */
  readonly receive: (message: InboundMessageEvent) => Promise<void>
  /** Keeps a rejected body with the reason, so nothing the vendor sent is lost. */
  readonly quarantine: (body: unknown, why: string) => Promise<void>
}

type Result = SafeParseResult<ReadonlyArray<WebhookEvent>>

/**
 * Normalizes `body` (an object, JSON or form text) for the route `vendor[/channel]`;
 * `undefined` when no such route exists.
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

/** The routes `normalizeRoute` knows, for a 404 that helps. */
export const ROUTES: ReadonlyArray<string> = [
  '/webhooks/octopush',
  ...MESSANGI_CHANNELS.map((channel) => `/webhooks/messangi/${channel}`),
  '/webhooks/messangi/legacy',
  '/webhooks/masstack',
]

/**
 * Stores what a result says and picks the HTTP status: 204 stored, 202 a status code or
 * channel deliverykit does not know yet (the vendor would only retry; map it, then
 * replay), 400 a bad body. An opt-out is stored like any event: it is never refused.
 */
export const settle = async (result: Result, store: EventStore): Promise<number> => {
  if (!result.success) {
    await store.quarantine(result.error.input, formatError(result.error))
    return statusFor(result.error)
  }
  const deliveries: Array<DeliveryEvent> = []
  for (const event of result.events) {
    switch (event.kind) {
      case 'delivery':
        deliveries.push(event)
        if (event.classification === 'failure' && event.failure.permanent) await store.suppress(event.recipient, event.failure.reason)
        break
      case 'opt_out':
        await store.suppress(event.from, 'opted_out')
        break
      case 'inbound':
        await store.receive(event)
        break
    }
  }
  await store.save(deliveries)
  return 204
}

const statusFor = (error: NormalizeError): number => {
  switch (error.kind) {
    case 'unknown_status':
    case 'unknown_channel':
      return 202
    case 'invalid_options':
      return 500
    case 'invalid_body':
    case 'unexpected_callback':
      return 400
  }
}
