/**
 * How values of an event become PostgreSQL parameters without loss: text PostgreSQL can
 * hold, bytes that sort as JavaScript sorts strings, and JSON that keeps `-0`.
 */
import { guarded } from './guard.js'

const REPLACEMENT = 0xfffd

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff

/** Whether the UTF-16 unit at `i` is a surrogate without its partner. */
const isLoneSurrogate = (text: string, i: number, unit: number): boolean =>
  isHigh(unit) ? !isLow(text.charCodeAt(i + 1)) : isLow(unit) && !isHigh(text.charCodeAt(i - 1))

/** Whether the unit at `i` cannot be stored as itself: NUL, a lone surrogate, or U+FFFD (the escape). */
const needsEscape = (text: string, i: number): boolean => {
  const unit = text.charCodeAt(i)
  return unit === 0 || unit === REPLACEMENT || isLoneSurrogate(text, i, unit)
}

/**
 * The text deliverykit/postgres stores for a string in a `text` column (`message_id`,
 * `recipient`, `event_id`, `channel`): the string itself, unless it holds a character
 * PostgreSQL text cannot keep. PostgreSQL refuses NUL (U+0000), and a lone surrogate
 * (half of a UTF-16 pair, which a JavaScript string may hold) has no UTF-8 form, so drivers
 * replace it with U+FFFD and two different strings would become one key. Those become
 * U+FFFD followed by a tag: `0` for NUL, the four hex digits of a lone surrogate
 * (`d800`…`dfff`), and `!` for a U+FFFD of the string itself. The mapping is one-to-one,
 * so two events never share a key by accident, and it is the identity on everything else.
 *
 * Use it when you look a row up with your own SQL by a value that could hold such a
 * character; {@link currentStatus} applies it for you.
 *
 * @example
 * ```ts
 * import { postgresText } from 'deliverykit/postgres'
 * postgresText('+33600112233') // '+33600112233'
 * postgresText('a\u0000b') // 'a\uFFFD0b'
 * ```
 * @category Postgres
 */
export const postgresText = (text: string): string => guarded('text', 'text', text, () => (typeof text === 'string' ? escaped(text) : undefined))

const escaped = (text: string): string => {
  let i = 0
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the scan only finds where the loop below starts copying, and that loop writes a unit that needs no escape as itself; past the end, needsEscape reads NaN and answers false (this line's two other mutants never end)
  while (i < text.length && !needsEscape(text, i)) i++
  if (i === text.length) return text
  let out = text.slice(0, i)
  for (; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit === 0) out += '\uFFFD0'
    else if (unit === REPLACEMENT) out += '\uFFFD!'
    else if (isLoneSurrogate(text, i, unit)) out += `\uFFFD${unit.toString(16)}`
    else out += text.charAt(i)
  }
  return out
}

/**
 * The string's UTF-16 code units, big-endian. PostgreSQL compares `bytea` byte by byte,
 * a prefix first, which is then exactly JavaScript's `<` on the strings: code units in
 * order, whatever they are (astral characters, NUL, lone surrogates), under any collation.
 */
export const utf16be = (text: string): Uint8Array => {
  const bytes = new Uint8Array(text.length * 2)
  // Stryker disable next-line EqualityOperator: equivalent, a write past the end of a Uint8Array is dropped (the >= mutant never ends on empty text)
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    bytes[2 * i] = unit >>> 8
    bytes[2 * i + 1] = unit & 0xff
  }
  return bytes
}

/**
 * JSON text of a value, exactly as `JSON.stringify` writes it, except for two values it
 * writes differently: `-0` in an array or an object is written `-0`, which `JSON.parse`
 * reads back as `-0` (and a PostgreSQL `json` column keeps as written), so an event read
 * back deep-equals the event; and a `bigint` (which `JSON.stringify` refuses to write) is
 * written as its digits, a JSON number: the exact integer, which the big-integer parser
 * that made it reads back as a `bigint` (and `JSON.parse` as the nearest number). So every
 * event deliverykit decodes can be written, whatever a big-integer parser left in its `raw`.
 */
export const jsonText = (value: unknown): string => (isNativeJson(value, 0) ? JSON.stringify(value) : write(value, '')) ?? 'null'

/**
 * {@link jsonText} without its fast path: the writer itself. Exported for the test that
 * pins the fast path to it.
 *
 * @internal
 */
export const jsonTextWritten = (value: unknown): string => write(value, '') ?? 'null'

/** Past this depth the fast path gives up and the writer decides, as it always did. */
const NATIVE_DEPTH = 64

/**
 * Whether JSON.stringify writes exactly what `write` would: no `-0`, no `bigint`, no
 * `toJSON`, and only arrays and objects of `Object.prototype` or none (no boxed values, no
 * class instances). Events are such values, and JSON.stringify writes them three times
 * faster than `write` (measured in the HTTP benchmark's profile, docs/performance.md).
 * Only ever given a copy deliverykit owns, so reading a field twice reads the same value.
 * Such a copy holds no boxed value whose prototype was swapped for `Object.prototype`: the
 * snapshot copies one as a plain object, `{}`. Given one directly, the two paths differ
 * (`JSON.stringify` reads the slot, `write` the prototype), which is why four mutants of
 * `write`'s prototype check survive.
 */
const isNativeJson = (value: unknown, depth: number): boolean => {
  if (typeof value === 'bigint') return false
  if (typeof value === 'number') return !Object.is(value, -0)
  if (typeof value !== 'object' || value === null) return true
  if (depth >= NATIVE_DEPTH || hasToJson(value)) return false
  if (Array.isArray(value)) {
    // for-of reads a hole as undefined, which both writers write null.
    for (const item of value as ReadonlyArray<unknown>) if (!isNativeJson(item, depth + 1)) return false
    return true
  }
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return false
  const fields = value as Readonly<Record<string, unknown>>
  for (const name of Object.keys(fields)) if (!isNativeJson(fields[name], depth + 1)) return false
  return true
}

const write = (input: unknown, key: string): string | undefined => {
  const value = hasToJson(input) ? input.toJSON(key) : input
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : JSON.stringify(value)
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  if (Array.isArray(value)) {
    const items: Array<string> = []
    // A loop, not map: a hole in a sparse array is written null, as JSON.stringify does.
    for (let i = 0; i < value.length; i++) items.push(write((value as ReadonlyArray<unknown>)[i], String(i)) ?? 'null')
    return `[${items.join(',')}]`
  }
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) {
    // A boxed primitive is written as its value, as JSON.stringify does; a boxed bigint as its digits.
    const boxed = boxedBigint(value)
    if (boxed !== undefined) return boxed.toString()
    if (isBoxedPrimitive(value)) return JSON.stringify(value)
  }
  // Any other object (a plain one, a Map, a class instance) as JSON.stringify writes it: its own enumerable fields.
  const fields: Array<string> = []
  for (const name of Object.keys(value)) {
    const text = write((value as Readonly<Record<string, unknown>>)[name], name)
    if (text !== undefined) fields.push(`${JSON.stringify(name)}:${text}`)
  }
  return `{${fields.join(',')}}`
}

const hasToJson = (value: unknown): value is { readonly toJSON: (key: string) => unknown } =>
  typeof value === 'object' && value !== null && typeof (value as { readonly toJSON?: unknown }).toJSON === 'function'

/** The bigint inside `Object(10n)`; `undefined` for any other object (valueOf checks the internal slot, not the prototype). */
const boxedBigint = (value: object): bigint | undefined => {
  try {
    return BigInt.prototype.valueOf.call(value)
  } /* Stryker disable next-line BlockStatement: equivalent, an empty catch answers undefined too */ catch {
    return undefined
  }
}

/** Reads of the internal slot of a boxed number, string and boolean: each throws for any other object. */
const PRIMITIVE_SLOTS: ReadonlyArray<(value: object) => unknown> = [
  (value) => Number.prototype.valueOf.call(value),
  (value) => String.prototype.valueOf.call(value),
  (value) => Boolean.prototype.valueOf.call(value),
]

/** Whether an object is a boxed number, string or boolean, by its internal slot (as JSON.stringify decides). */
const isBoxedPrimitive = (value: object): boolean =>
  PRIMITIVE_SLOTS.some((slot) => {
    try {
      slot(value)
      return true
    } /* Stryker disable next-line BlockStatement: equivalent, an empty catch answers undefined, which some() takes as false */ catch {
      return false
    }
  })
