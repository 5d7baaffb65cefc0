/**
 * The Web `Request` and `Response` types without making them the library's: deliverykit
 * is checked without the DOM's or Node's types (tsconfig.build.json), and a user's program
 * has one or the other. Each type below is the global one where the program declares it
 * (the DOM library, `@types/node`, Bun, Deno, workers), else the part the handler uses.
 */

/**
 * The part of a byte stream's reader the handler uses.
 *
 * @category Handler
 */
export interface ByteReader {
  /** The next chunk, or `done` at the end. */
  read(): Promise<{ readonly done: boolean; readonly value?: Uint8Array | undefined }>
  /** Stops the stream: the handler read enough (a body over the limit). */
  cancel(reason?: unknown): Promise<unknown>
}

/**
 * The part of a request's headers the handler reads.
 *
 * @category Handler
 */
export interface HeadersLike {
  /** A header's value, or `null` when the request has none. */
  get(name: string): string | null
}

/**
 * The part of a request's body the handler reads: a stream of bytes.
 *
 * @category Handler
 */
export interface BodyLike {
  /** A reader of the body's bytes. */
  getReader(): ByteReader
}

/**
 * The part of a Web `Request` the handler reads.
 *
 * @category Handler
 */
export interface RequestLike {
  readonly method: string
  readonly url: string
  readonly headers: HeadersLike
  readonly body: BodyLike | null
}

/**
 * The part of a Web `Response` a caller of the handler reads.
 *
 * @category Handler
 */
export interface ResponseLike {
  readonly status: number
  readonly headers: HeadersLike
}

/**
 * The global `Request` type where the program has one, else {@link RequestLike}.
 *
 * @category Handler
 */
export type WebRequest = typeof globalThis extends { readonly Request: { readonly prototype: infer R } } ? R : RequestLike

/**
 * The global `Response` type where the program has one, else {@link ResponseLike}.
 *
 * @category Handler
 */
export type WebResponse = typeof globalThis extends { readonly Response: { readonly prototype: infer R } } ? R : ResponseLike

type ResponseConstructor = new (body: null, init: { readonly status: number; readonly headers: Readonly<Record<string, string>> }) => WebResponse

/** An empty response, made with the runtime's own `Response`. */
export const emptyResponse = (status: number, headers: Readonly<Record<string, string>>): WebResponse => {
  const { Response } = globalThis as unknown as { readonly Response: ResponseConstructor }
  return new Response(null, { status, headers })
}

/** A body read up to a limit: its bytes, or why there are none. */
export type BodyRead =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'too_large' }
  | { readonly kind: 'unreadable'; readonly why: string; readonly error?: unknown }

/** Concatenates chunks into one array of bytes. */
export const concat = (chunks: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0]
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return bytes
}

/**
 * Reads a Web body to its end, or stops (and cancels the stream) as soon as it is over
 * `limit` bytes: an endless body costs at most `limit` bytes of memory.
 */
export const readWebBody = async (body: BodyLike | null, limit: number): Promise<BodyRead> => {
  if (body === null) return { kind: 'bytes', bytes: new Uint8Array(0) }
  const chunks: Array<Uint8Array> = []
  let size = 0
  let reader: ByteReader | undefined
  try {
    reader = body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return { kind: 'bytes', bytes: concat(chunks, size) }
      if (value === undefined) continue
      size += value.byteLength
      if (size > limit) {
        await reader.cancel().catch(() => undefined)
        return { kind: 'too_large' }
      }
      chunks.push(value)
    }
  } catch (error) {
    return { kind: 'unreadable', why: 'the request body could not be read', error }
  }
}
