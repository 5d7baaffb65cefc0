/**
 * Bodies as a handler's framework gives them: an object already parsed, JSON text,
 * `application/x-www-form-urlencoded` text, `URLSearchParams`, or bytes (an `ArrayBuffer`,
 * a `Uint8Array`, a `Buffer`, any view of bytes: src/util/bytes.ts). Every body
 * enters the library through {@link readBody}, which reads it once into data the library
 * owns (src/runtime/snapshot.ts decides what that data may be). Everything here is
 * linear in the body's size; only a caller's accessor or Proxy trap can throw.
 */
import { invalidSyntaxIssue, tooLargeIssue, transferredBytesIssue } from '../errors/build.js'
import type { InvalidSyntaxIssue, InvalidTypeIssue, InvalidValueIssue, TooLargeIssue } from '../errors/issue.js'
import { bytesOf, readableBytes, type BodyBytes } from '../util/bytes.js'
import { MAX_DEPTH, nestsDeeperThan, refusalIssue, snapshot, type Snapshot } from './snapshot.js'

/** Why a body could not be read: it is over the size limit, its text is not JSON, a form or UTF-8, its bytes are gone, or its value is not JSON data. */
export type ReadProblem = InvalidSyntaxIssue | InvalidTypeIssue | InvalidValueIssue | TooLargeIssue

/**
 * A body read into a value the library owns, or why it could not be. `form` says the value
 * was read from a form (text, bytes or `URLSearchParams`), where every value is text and
 * an empty field is all an encoder can write for an empty list (src/kit/codecs.ts,
 * `emptyListInForm`).
 */
export type ReadBody = { readonly ok: true; readonly value: unknown; readonly form?: true } | { readonly ok: false; readonly problem: ReadProblem }

/**
 * What a string given as the body is: `'text'`, the body's text to parse (what
 * `normalize` takes), or `'value'`, a value a framework already parsed, where a string is
 * a JSON string and no callback (what a Standard Schema receives from Hono's `json` target).
 */
export type StringBody = 'text' | 'value'

/**
 * A value read from text, bytes or a form, before its depth is checked. `owned` is false
 * for the caller's own value (to copy); a form, whose keys nest 8 levels at most, is not walked.
 */
type Parsed =
  | { readonly ok: true; readonly value: unknown; readonly owned?: false; readonly form?: true }
  | { readonly ok: false; readonly problem: InvalidSyntaxIssue | InvalidValueIssue | TooLargeIssue }

const syntaxError = (expected: string, what: string): Parsed => ({ ok: false, problem: invalidSyntaxIssue(expected, what) })

interface TextDecoderLike {
  readonly decode: (bytes: Uint8Array) => string
}

type TextDecoderConstructor = new (label: string, options: { readonly fatal: boolean; readonly ignoreBOM: boolean }) => TextDecoderLike

/**
 * The text of UTF-8 bytes, byte-order mark included: the one mark a body may start with is
 * skipped by `readText`, for bytes and strings alike, so two marks are refused either way.
 */
const decodeUtf8 = (bytes: Uint8Array): string | undefined => {
  // TextDecoder is global in Node, browsers, Deno, Bun and workers; the library's types
  // do not assume a DOM or Node, so it is looked up rather than declared.
  const Decoder = (globalThis as { readonly TextDecoder?: TextDecoderConstructor }).TextDecoder
  // Stryker disable next-line ConditionalExpression: equivalent, without the check `new undefined(…)` throws a TypeError in the try below, which also gives undefined
  if (Decoder === undefined) return undefined
  try {
    return new Decoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    // Stryker disable next-line BlockStatement: equivalent, an empty catch also returns undefined
  } catch {
    return undefined
  }
}

interface URLSearchParamsLike {
  readonly forEach: (callback: (value: string, key: string) => void) => void
}

type URLSearchParamsConstructor = (new (init: string) => URLSearchParamsLike) & { readonly prototype: URLSearchParamsLike }

const searchParamsClass = (): URLSearchParamsConstructor | undefined => (globalThis as { readonly URLSearchParams?: URLSearchParamsConstructor }).URLSearchParams

/** Sets an own, enumerable property, so `__proto__` in a form stays data. */
const setOwn = (target: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

const MAX_KEY_DEPTH = 8

/** `deliveries[0][email]` → `['deliveries', '0', 'email']`; anything unusual stays one key. */
const keyPath = (key: string): ReadonlyArray<string> => {
  const open = key.indexOf('[')
  // Stryker disable next-line ArrayDeclaration: equivalent, an empty path sets `key` itself (formToObject's `?? key`)
  if (open <= 0 || !key.endsWith(']')) return [key]
  const parts = key.slice(open + 1, -1).split('][')
  // Stryker disable next-line ArrayDeclaration: equivalent, an empty path sets `key` itself (formToObject's `?? key`)
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
 * The one form reader: a form given as text and one given as `URLSearchParams` both come
 * here, pair by pair, so the same form gives the same value whichever way it came.
 */
export const formToObject = (form: URLSearchParamsLike): Record<string, unknown> => {
  const root: Record<string, unknown> = {}
  form.forEach((value, key) => {
    const path = keyPath(key)
    let node = root
    for (let i = 0; i < path.length - 1; i++) {
      // Stryker disable next-line StringLiteral: equivalent, i is below path.length, so path[i] is never undefined
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

/**
 * The form of a `URLSearchParams`, read through the class's own `forEach` (a brand check
 * that runs none of the caller's code), or `undefined` for anything else, such as an
 * object whose `Symbol.toStringTag` says `'URLSearchParams'`.
 */
const readSearchParams = (value: object): Record<string, unknown> | undefined => {
  const Params = searchParamsClass()
  // Stryker disable next-line ConditionalExpression: equivalent, without the check `Params.prototype` throws a TypeError in the try below, which also gives undefined
  if (Params === undefined) return undefined
  const pairs: Array<readonly [string, string]> = []
  try {
    Params.prototype.forEach.call(value, (item: string, key: string) => {
      pairs.push([key, item])
    })
  } catch {
    return undefined
  }
  return formToObject({
    forEach: (callback) => {
      for (const [key, item] of pairs) callback(item, key)
    },
  })
}

/** Form text as a form parser reads it: exactly, no space trimmed (a space is part of a key or value, as in `URLSearchParams`). */
const parseForm = (text: string): Parsed => {
  const Params = searchParamsClass()
  if (Params === undefined) return syntaxError('JSON', 'form bodies need URLSearchParams, which this runtime lacks')
  return { ok: true, value: formToObject(new Params(text)), form: true }
}

const parseJson = (text: string): Parsed => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    // Stryker disable next-line StringLiteral: equivalent, JSON.parse throws only SyntaxErrors
    const why = error instanceof Error ? error.message : 'unreadable'
    return syntaxError('a JSON or form-encoded body', `not valid JSON (${why})`)
  }
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d

/**
 * Text, after the one byte-order mark it may start with (a second is text, which neither
 * JSON nor a form starts with): JSON when its first character after spaces opens JSON
 * text or it has no `=`, else a form, read from its first character.
 */
const readText = (text: string): Parsed => {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let start = 0
  // Stryker disable next-line EqualityOperator: equivalent, charCodeAt past the end is NaN, which is no space
  while (start < body.length && isSpace(body.charCodeAt(start))) start++
  if (start === body.length) return syntaxError('a JSON or form-encoded body', 'the body is empty')
  const first = body[start]
  if (first !== '{' && first !== '[' && first !== '"' && body.includes('=')) return parseForm(body)
  return parseJson(body)
}

/** A body over the limit: never parsed. `unit` says what its size counts. */
const tooLarge = (size: number, unit: 'characters' | 'bytes', limit: number): Parsed => ({ ok: false, problem: tooLargeIssue(size, unit, limit) })

/** Bytes measured, then read as UTF-8 text. */
const parseBytes = (bytes: BodyBytes, limit: number): Parsed => {
  if (!bytes.ok) return { ok: false, problem: transferredBytesIssue(bytes.received) }
  if (bytes.bytes.byteLength > limit) return tooLarge(bytes.bytes.byteLength, 'bytes', limit)
  const text = decodeUtf8(readableBytes(bytes))
  return text === undefined ? syntaxError('UTF-8 text', 'the bytes are not valid UTF-8') : readText(text)
}

/**
 * Text or a view of bytes measured and made into a value, or the caller's value as it is
 * (not yet read). A string is measured whatever it is, as text or as a JSON string.
 */
const parse = (input: unknown, strings: StringBody, limit: number): Parsed => {
  if (typeof input === 'string') {
    if (input.length > limit) return tooLarge(input.length, 'characters', limit)
    return strings === 'text' ? readText(input) : { ok: true, value: input }
  }
  // A view is told by a check that cannot throw; a buffer only once the value is known not to be plain data (below).
  const bytes = ArrayBuffer.isView(input) ? bytesOf(input) : undefined
  return bytes === undefined ? { ok: true, value: input, owned: false } : parseBytes(bytes, limit)
}

/** A value deliverykit parsed, its depth checked: walked again only when it nests too deep, for the path of its first level too many. */
const ownParsed = (parsed: { readonly value: unknown; readonly form?: true }): ReadBody => {
  if (parsed.form === true) return { ok: true, value: parsed.value, form: true }
  if (!nestsDeeperThan(parsed.value, MAX_DEPTH)) return { ok: true, value: parsed.value }
  // Stryker disable next-line BooleanLiteral: equivalent, a copy is refused at the same level as the value itself
  return refused(snapshot(parsed.value, true))
}

const refused = (read: Snapshot): ReadBody => (read.ok ? read : { ok: false, problem: refusalIssue(read.refusal) })

/**
 * Reads whatever a framework handed over, once, into a value the library owns: text or
 * bytes measured against `limit` (the `maxBodySize` option) and parsed (JSON or a form),
 * `URLSearchParams` read as a form, any other value copied by `snapshot`, which also
 * refuses what is not JSON data (a class instance, nesting deeper than `MAX_DEPTH`, …).
 * `strings` says what a string is. A value given already parsed is not measured.
 */
export const readBody = (input: unknown, strings: StringBody = 'text', limit: number = Number.POSITIVE_INFINITY): ReadBody => {
  const parsed = parse(input, strings, limit)
  if (!parsed.ok) return parsed
  if (parsed.owned !== false) return ownParsed(parsed)
  const read = snapshot(parsed.value, false)
  if (read.ok || read.refusal.path.length > 0 || typeof input !== 'object' || input === null) return refused(read)
  // A body that is no plain object may be an ArrayBuffer or URLSearchParams: told by their
  // internal slots only now, so that a plain body pays for no brand check (a failed one throws).
  const bytes = bytesOf(input)
  if (bytes !== undefined) {
    const fromBytes = parseBytes(bytes, limit)
    return fromBytes.ok ? ownParsed(fromBytes) : fromBytes
  }
  const form = readSearchParams(input)
  return form === undefined ? refused(read) : { ok: true, value: form, form: true }
}
