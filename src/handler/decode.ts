import type { NormalizeError } from '../errors/error.js'
import { WEBHOOK_ENTRY } from '../runtime/run.js'
import * as E from '../util/either.js'
import type { Vendor } from '../model/vendor.js'
import type { AnyWebhookEvent } from '../model/webhook.js'
import { runEntry } from '../normalize.js'
import { REGISTRY } from '../options.js'
import type { RouteOptions } from './store.js'

/** The events of a body, or the decoder's error. */
export type Decoded = { readonly success: true; readonly events: ReadonlyArray<AnyWebhookEvent> } | { readonly success: false; readonly error: NormalizeError }

/**
 * `safeParseWebhook(vendor, bytes, options)`, for a vendor and options known only at run
 * time (a route, or a kept body): the bytes go to the decoder as they are, and it decides
 * what they are (JSON, form), whatever the Content-Type said.
 */
export const decodeBody = (vendor: Vendor, bytes: Uint8Array, options: RouteOptions, maxBodySize: number): Decoded => {
  const result = runEntry(REGISTRY, WEBHOOK_ENTRY, vendor, bytes, { ...options, maxBodySize })
  return E.isRight(result) ? { success: true, events: result.right } : { success: false, error: result.left }
}
