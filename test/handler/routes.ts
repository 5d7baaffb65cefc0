/**
 * The handler tests' routes, secrets and Content-Type variants, over every example payload
 * of test/webhookRoutes.ts.
 */
import { isVendor, safeParseWebhook, type AnyWebhookEvent, type SafeParseResult } from 'deliverykit'
import type { WebhookRoute } from 'deliverykit/handler'

import { VENDOR_MANIFESTS } from '../../src/options.js'
import { decodingOptions } from '../helpers.js'
import { CASES, bodyOf, type Case } from '../webhookRoutes.js'

export const SECRET = 'test-secret-0123456789abcdef'
export const OLD_SECRET = 'old-secret-0123456789abcdef'

/**
 * Every Content-Type a vendor might send, or none: the handler must give the decoder the
 * same bytes whichever it is.
 */
export const CONTENT_TYPES: ReadonlyArray<string | undefined> = [
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'text/plain',
  'application/vnd.x+json',
  'application/octet-stream',
  'multipart/form-data; boundary=x',
  'text/html; charset=latin1',
]

/** The handler route of a test route: `/webhooks/<vendor>[/<channel>]`. The legacy route decodes with any channel: its forms name theirs in TYPE. */
export const routeOf = (path: string): WebhookRoute => {
  const [, , vendor, channel] = path.split('/')
  if (!isVendor(vendor)) throw new Error(`no route ${path}`)
  // A vendor whose bodies may need their channel (Messangi's) takes it from the path, else the one its tests decode with.
  const fallback = decodingOptions(vendor).channel
  if (fallback === undefined) return { vendor } as WebhookRoute
  const named = channel !== undefined && (VENDOR_MANIFESTS[vendor].channelOption?.values as ReadonlyArray<string> | undefined)?.includes(channel) === true
  return { vendor, options: { channel: named ? channel : fallback } } as WebhookRoute
}

/** What the decoder answers for the bytes, called directly with the route's vendor and options. */
export const directResult = (route: WebhookRoute, bytes: Uint8Array): SafeParseResult<ReadonlyArray<AnyWebhookEvent>> =>
  route.vendor === 'messangi' ? safeParseWebhook('messangi', bytes, route.options) : safeParseWebhook(route.vendor, bytes)

/** What the decoder gives for the bytes, called directly. */
export const directEvents = (route: WebhookRoute, bytes: Uint8Array): ReadonlyArray<AnyWebhookEvent> => {
  const result = directResult(route, bytes)
  if (!result.success) throw new Error(`the payload does not decode: ${result.error.kind}`)
  return result.events
}

export const bytesOf = (c: Case): Uint8Array => new TextEncoder().encode(bodyOf(c))

export { CASES }

/** A URL with the secret as its token, or another query. */
export const urlOf = (path: string, query = `token=${SECRET}`): string => `https://example.com${path}${query === '' ? '' : `?${query}`}`
