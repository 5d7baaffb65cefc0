/**
 * Keep every body deliverykit rejects, exactly as it arrived, with why: the error's
 * `input` is the body you passed (here the raw text, so even invalid JSON or a body over
 * `maxBodySize` is stored byte for byte), and its issues say what was wrong and where.
 * A rejected body can be replayed later, e.g. once a deliverykit update knows a new code.
 */
import { formatError, safeParseWebhook, type NormalizeError, type WebhookEvent } from 'deliverykit'

/** A rejected body, as stored. */
export interface RejectedBody {
  readonly receivedAt: string
  readonly vendor: string
  /** The body exactly as received. */
  readonly body: string
  readonly kind: NormalizeError['kind']
  /** One readable line per issue, naming the JSON path. */
  readonly why: string
  /** The issue codes, to query by (`unknown_status`, `invalid_syntax`, `too_large`, …). */
  readonly codes: ReadonlyArray<string>
}

/** Where the application keeps events and rejected bodies; a stand-in for a database. */
export interface Storage {
  readonly saveEvents: (events: ReadonlyArray<WebhookEvent>) => Promise<void>
  readonly saveRejected: (rejected: RejectedBody) => Promise<void>
}

/**
 * The HTTP answer for each kind of error (see docs/security.md): the sender's mistakes
 * are 4xx, a status or channel deliverykit does not know yet is accepted (stored for
 * replay, so the vendor need not retry), and a mistake in your own call is 500, so the
 * vendor retries once you have fixed it. The webhook entry decodes every kind of callback,
 * so an `unexpected_callback` cannot reach this handler; it is a 400 where it could.
 */
export const statusFor = (error: NormalizeError): number => {
  switch (error.kind) {
    case 'invalid_body':
      return error.issues.some((issue) => issue.code === 'too_large') ? 413 : 400
    case 'unexpected_callback':
      return 400
    case 'unknown_status':
    case 'unknown_channel':
      return 202
    case 'invalid_options':
      return 500
  }
}

/** Reads the body as text (never as parsed JSON), so what is stored is what arrived. */
export const handleOctopush = async (request: Request, storage: Storage, now: () => Date = () => new Date()): Promise<Response> => {
  const text = await request.text()
  const result = safeParseWebhook('octopush', text, { maxBodySize: 1024 * 1024 })
  if (result.success) {
    await storage.saveEvents(result.events)
    return new Response(null, { status: 204 })
  }
  const { error } = result
  await storage.saveRejected({
    receivedAt: now().toISOString(),
    vendor: 'octopush',
    // error.input is the very text passed to safeParse.
    body: typeof error.input === 'string' ? error.input : text,
    kind: error.kind,
    why: formatError(error),
    codes: error.issues.map((issue) => issue.code),
  })
  return new Response(null, { status: statusFor(error) })
}
