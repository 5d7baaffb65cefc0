/**
 * One webhook URL per vendor, and per channel where the vendor's body does not name one:
 * `/webhooks/octopush`, `/webhooks/octopush/voice` (the 2020 voice format),
 * `/webhooks/messangi/sms` … `/webhooks/messangi/whatsapp`, `/webhooks/messangi/legacy`,
 * `/webhooks/masstack`. The Express server and the Web-standard handler share this.
 */
import { formatError, safeParse, isVendor, type DeliveryEvent, type NormalizeError, type SafeParseResult } from 'deliverykit'
import { MESSANGI_CATALOGS, safeParseLegacy } from 'deliverykit/messangi'

/** Where your application keeps events; a stand-in for a database. */
export interface EventStore {
  readonly save: (events: ReadonlyArray<DeliveryEvent>) => Promise<void>
  readonly suppress: (recipient: string, reason: string) => Promise<void>
  /** Keeps a rejected body with the reason, so nothing the vendor sent is lost. */
  readonly quarantine: (body: unknown, why: string) => Promise<void>
}

type Result = SafeParseResult<ReadonlyArray<DeliveryEvent>>

/**
 * Normalizes `body` (an object, JSON or form text) for the route `vendor[/channel]`;
 * `undefined` when no such route exists.
 */
export const normalizeRoute = (vendor: string, channel: string | undefined, body: unknown): Result | undefined => {
  if (!isVendor(vendor)) return undefined
  switch (vendor) {
    case 'octopush':
      if (channel === undefined) return safeParse('octopush', body)
      return channel === 'voice' ? safeParse('octopush', body, { channel: 'voice' }) : undefined
    case 'messangi':
      // Messangi's bodies do not name their channel: the URL you registered does.
      if (channel === 'legacy') return safeParseLegacy(body)
      if (channel === 'sms' || channel === 'email' || channel === 'push' || channel === 'rcs' || channel === 'whatsapp') {
        return safeParse('messangi', body, { channel })
      }
      return undefined
    case 'masstack':
      return channel === undefined ? safeParse('masstack', body) : undefined
  }
}

/** The routes `normalizeRoute` knows, for a 404 that helps. */
export const ROUTES: ReadonlyArray<string> = [
  '/webhooks/octopush',
  '/webhooks/octopush/voice',
  ...Object.keys(MESSANGI_CATALOGS).map((channel) => `/webhooks/messangi/${channel}`),
  '/webhooks/messangi/legacy',
  '/webhooks/masstack',
]

/**
 * Stores what a result says and picks the HTTP status: 204 stored, 202 an unknown code
 * (the vendor would only retry; map the code, then replay), 400 a bad body.
 */
export const settle = async (result: Result, store: EventStore): Promise<number> => {
  if (!result.success) {
    await store.quarantine(result.error.input, formatError(result.error))
    return statusFor(result.error)
  }
  await store.save(result.events)
  for (const event of result.events) {
    if (event.classification === 'failure' && event.failure.permanent) await store.suppress(event.recipient, event.failure.reason)
  }
  return 204
}

const statusFor = (error: NormalizeError): number => (error.kind === 'unknown_status' ? 202 : 400)
