import { bytesOf } from '../util/bytes.js'
import { concat, type BodyRead } from './web.js'

/**
 * The part of Node's `http.IncomingMessage` (and Express's `Request`, which extends it)
 * the handler reads. Typed here so deliverykit's types do not need `@types/node`.
 *
 * @category Handler
 */
export interface NodeRequest extends AsyncIterable<unknown> {
  readonly method?: string | undefined
  /** The path and query, as Node gives them (Express: relative to where the router is mounted; the query is kept). */
  readonly url?: string | undefined
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  /** Whether the stream was already read to its end: by a body parser mounted before the handler. */
  readonly readableEnded?: boolean
  /** What a body parser left, read only when the stream was already read. */
  readonly body?: unknown
}

/**
 * The part of Node's `http.ServerResponse` (and Express's `Response`) the handler writes.
 *
 * @category Handler
 */
export interface NodeResponse {
  /** The status the answer is sent with. */
  statusCode: number
  /** Sets a header of the answer. */
  setHeader(name: string, value: string): unknown
  /** Sends the answer, with no body. */
  end(): unknown
}

/** A header of a Node request as one text: the first value of a repeated one. */
export const nodeHeader = (value: string | ReadonlyArray<string> | undefined): string | undefined => (typeof value === 'string' ? value : value?.[0])

const ALREADY_READ =
  'the request body was read before the webhook handler: a body parser (express.json(), express.text(), …) is mounted in front of it. Mount the handler before any body parser, or give it the bytes with express.raw({ type: () => true })'

/**
 * Reads a Node request's body as bytes, or stops as soon as it is over `limit`, leaving
 * the rest unread (the adapter then closes the connection). A stream a body parser already
 * read gives the bytes it left when they are bytes (`express.raw()`'s `Buffer`, an
 * `ArrayBuffer`, any view of bytes), and is unreadable
 * otherwise: parsed JSON or decoded text are not the bytes the vendor sent.
 */
export const readNodeBody = async (request: NodeRequest, limit: number): Promise<BodyRead> => {
  if (request.readableEnded === true) {
    const left = bytesOf(request.body)
    if (left === undefined) return { kind: 'unreadable', why: ALREADY_READ }
    if (!left.ok) return { kind: 'unreadable', why: `the body a body parser left is ${left.received}` }
    // A copy: the parser's buffer is not the handler's to keep.
    const bytes = left.bytes.slice()
    return bytes.byteLength > limit ? { kind: 'too_large' } : { kind: 'bytes', bytes }
  }
  const chunks: Array<Uint8Array> = []
  let size = 0
  try {
    // Not `for await`: leaving that loop early would destroy the stream, and the socket
    // with it, before the 413 is written.
    const iterator: AsyncIterator<unknown, unknown> = request[Symbol.asyncIterator]()
    for (;;) {
      const next: IteratorResult<unknown, unknown> = await iterator.next()
      const { done, value } = next
      if (done === true) return { kind: 'bytes', bytes: concat(chunks, size) }
      const read = bytesOf(value)
      if (read === undefined) return { kind: 'unreadable', why: 'the request stream gave text, not bytes: do not call setEncoding on it' }
      if (!read.ok) return { kind: 'unreadable', why: `the request stream gave ${read.received}` }
      const chunk = read.bytes
      size += chunk.byteLength
      if (size > limit) return { kind: 'too_large' }
      chunks.push(chunk)
    }
  } catch (error) {
    return { kind: 'unreadable', why: 'the request body could not be read', error }
  }
}
