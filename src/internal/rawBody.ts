/**
 * Bodies as a handler's framework gives them: an object already parsed, JSON text,
 * `application/x-www-form-urlencoded` text, `URLSearchParams`, or bytes. Everything here is
 * linear in the body's size and never throws.
 */

/** Why a body could not be read as text, JSON or a form. */
export interface SyntaxProblem {
  readonly expected: string
  readonly message: string
}

/**
 * A body read into a value, or why it could not be. `owned` says the value was made here
 * (parsed from text, bytes or a form), so no caller holds it.
 */
export type ReadBody = { readonly ok: true; readonly value: unknown; readonly owned: boolean } | ({ readonly ok: false } & SyntaxProblem)

interface TextDecoderLike {
  readonly decode: (bytes: Uint8Array) => string
}

type TextDecoderConstructor = new (label: string, options: { readonly fatal: boolean }) => TextDecoderLike

const decodeUtf8 = (bytes: Uint8Array): string | undefined => {
  // TextDecoder is global in Node, browsers, Deno, Bun and workers; the library's types
  // do not assume a DOM or Node, so it is looked up rather than declared.
  const Decoder = (globalThis as { readonly TextDecoder?: TextDecoderConstructor }).TextDecoder
  if (Decoder === undefined) return undefined
  try {
    return new Decoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

const isUrlSearchParams = (value: unknown): value is URLSearchParamsLike =>
  typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object URLSearchParams]'

interface URLSearchParamsLike {
  readonly forEach: (callback: (value: string, key: string) => void) => void
}

/** Sets an own, enumerable property, so `__proto__` in a form stays data. */
const setOwn = (target: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

const MAX_KEY_DEPTH = 8

/** `deliveries[0][email]` → `['deliveries', '0', 'email']`; anything unusual stays one key. */
const keyPath = (key: string): ReadonlyArray<string> => {
  const open = key.indexOf('[')
  if (open <= 0 || !key.endsWith(']')) return [key]
  const parts = key.slice(open + 1, -1).split('][')
  if (parts.length > MAX_KEY_DEPTH || parts.some((part) => part === '' || part.includes('[') || part.includes(']'))) return [key]
  return [key.slice(0, open), ...parts]
}

/** Objects whose keys are exactly 0…n-1 become arrays: `deliveries[0][email]` gives a list. */
const arraysFromIndexes = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
  for (const key of keys) setOwn(record, key, arraysFromIndexes(record[key]))
  const isList = keys.length > 0 && keys.every((key, index) => key === String(index))
  return isList ? keys.map((key) => record[key]) : record
}

/**
 * A form as an object: `a=1&b=2` → `{ a: '1', b: '2' }`, bracket keys nested
 * (`meta_data[call_duration]=35`), a repeated key keeps its last value (as PHP does).
 */
export const formToObject = (form: URLSearchParamsLike): Record<string, unknown> => {
  const root: Record<string, unknown> = {}
  form.forEach((value, key) => {
    const path = keyPath(key)
    let node = root
    for (let i = 0; i < path.length - 1; i++) {
      const segment = path[i] ?? ''
      const next = Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined
      if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>
      else {
        const child: Record<string, unknown> = {}
        setOwn(node, segment, child)
        node = child
      }
    }
    setOwn(node, path[path.length - 1] ?? key, value)
  })
  return arraysFromIndexes(root) as Record<string, unknown>
}

type URLSearchParamsConstructor = new (init: string) => URLSearchParamsLike

const parseForm = (text: string): ReadBody => {
  const Params = (globalThis as { readonly URLSearchParams?: URLSearchParamsConstructor }).URLSearchParams
  if (Params === undefined) return { ok: false, expected: 'JSON', message: 'form bodies need URLSearchParams, which this runtime lacks' }
  return { ok: true, value: formToObject(new Params(text)), owned: true }
}

const parseJson = (text: string): ReadBody => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown, owned: true }
  } catch (error) {
    const why = error instanceof Error ? error.message : 'unreadable'
    return { ok: false, expected: 'a JSON or form-encoded body', message: `not valid JSON (${why})` }
  }
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d

const readText = (text: string): ReadBody => {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  while (start < text.length && isSpace(text.charCodeAt(start))) start++
  if (start === text.length) return { ok: false, expected: 'a JSON or form-encoded body', message: 'the body is empty' }
  const first = text[start]
  if (first === '{' || first === '[' || first === '"') return parseJson(text.slice(start))
  if (text.includes('=')) return parseForm(text.slice(start).trimEnd())
  return parseJson(text.slice(start))
}

/** Reads whatever a framework handed over into a value to decode. */
export const readBody = (input: unknown): ReadBody => {
  if (typeof input === 'string') return readText(input)
  if (input instanceof Uint8Array) {
    const text = decodeUtf8(input)
    return text === undefined ? { ok: false, expected: 'UTF-8 text', message: 'the bytes are not valid UTF-8' } : readText(text)
  }
  if (isUrlSearchParams(input)) return { ok: true, value: formToObject(input), owned: true }
  return { ok: true, value: input, owned: false }
}
