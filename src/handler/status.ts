import type { NormalizeError } from '../errors/error.js'

/**
 * What became of a request, one name per row of {@link WEBHOOK_STATUS}.
 *
 * @category Handler
 */
export type WebhookOutcome =
  | 'stored'
  | 'kept_unknown'
  | 'kept_refused'
  | 'too_large'
  | 'store_failed'
  | 'misconfigured'
  | 'method_not_allowed'
  | 'not_found'

/**
 * The one table that decides the HTTP status the handler answers; the docs quote it.
 *
 * | outcome | status | what happened | why this status |
 * | --- | --- | --- | --- |
 * | `stored` | 204 | the body decoded; all its events were recorded (a STOP and a reply too) | 2xx: the vendor stops sending it |
 * | `kept_unknown` | 202 | a status code or channel deliverykit does not map yet (`unknown_status`, `unknown_channel`); the body is kept | a retry brings the same bytes; `replay` decodes them once mapped |
 * | `kept_refused` | 202 | not a callback deliverykit can read (`invalid_body`, `unexpected_callback`); the body is kept | the caller proved it knows the secret, so this is the vendor: a 4xx would only be retried, or count toward the vendor disabling the webhook, and every later STOP and receipt would be lost with it |
 * | `too_large` | 413 | the body is over `maxBodySize`; it was not read to its end, nothing is stored | the same bytes will be too large again |
 * | `store_failed` | 503 | the store failed (after its retries for transient errors) | 5xx: the vendor retries, and recording is idempotent by `eventId` |
 * | `misconfigured` | 500 | the decoder refused the route's options, or the body was read before the handler (a body parser in front of it) | 5xx: the vendor retries until it is fixed |
 * | `method_not_allowed` | 405 | not a POST (with `Allow: POST`), from a caller that knows the secret | |
 * | `not_found` | 404 | the secret is missing or wrong; the body is not read, nothing is stored | the secret is part of the URL, so a URL without it does not exist; 401 would tell a scanner there is something here |
 *
 * @category Handler
 */
export const WEBHOOK_STATUS: Readonly<Record<WebhookOutcome, number>> = {
  stored: 204,
  kept_unknown: 202,
  kept_refused: 202,
  too_large: 413,
  store_failed: 503,
  misconfigured: 500,
  method_not_allowed: 405,
  not_found: 404,
}

/** The row of a decoder's error. */
export const outcomeOfError = (error: NormalizeError): 'kept_unknown' | 'kept_refused' | 'misconfigured' => {
  switch (error.kind) {
    case 'unknown_status':
    case 'unknown_channel':
      return 'kept_unknown'
    case 'invalid_body':
    case 'unexpected_callback':
      return 'kept_refused'
    case 'invalid_options':
      return 'misconfigured'
  }
}
