import type { NormalizeError } from './error.js'
import type { IssuePath } from './issue.js'

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/**
 * Renders a path the way JavaScript would access it: `deliveries[1].status`. The empty
 * path (the body itself) is `(root)`.
 *
 * @example
 * ```ts
 * import { formatPath } from 'deliverykit'
 * formatPath(['deliveries', 1, 'status']) // 'deliveries[1].status'
 * formatPath(['meta_data', 'odd key']) // 'meta_data["odd key"]'
 * ```
 * @category Errors
 */
export const formatPath = (path: IssuePath): string => {
  try {
    let out = ''
    // Typed callers pass strings and numbers; JavaScript callers can pass anything.
    for (const key of path as Iterable<unknown>) {
      if (typeof key === 'number') out += `[${String(key)}]`
      else if (typeof key !== 'string') out += `[${describeValue(key)}]`
      else if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`
      else out += `[${JSON.stringify(key)}]`
    }
    return out === '' ? '(root)' : out
  } catch {
    return '(a path that could not be read)'
  }
}

const MAX_RENDERED = 60

/**
 * A short, safe rendering of any value for an error message: strings and numbers as JSON
 * (cut at 60 characters), objects and arrays by kind. Never throws, whatever the value: an
 * object that cannot be read (a revoked `Proxy`) is "an object that could not be read".
 *
 * @example
 * ```ts
 * import { describeValue } from 'deliverykit'
 * describeValue('BOUNCY') // '"BOUNCY"'
 * describeValue([1, 2]) // 'an array of 2 items'
 * describeValue(Symbol('x')) // 'a symbol'
 * ```
 * @category Errors
 */
export const describeValue = (value: unknown): string => {
  // typeof first: it is the one inspection no Proxy can intercept.
  switch (typeof value) {
    case 'undefined':
      return 'nothing'
    case 'string':
      return describeString(value)
    case 'number':
    case 'boolean':
      return String(value)
    case 'bigint':
      return describeBigint(value)
    case 'object':
      return value === null ? 'null' : describeObject(value)
    case 'symbol':
    case 'function':
      return `a ${typeof value}`
  }
}

const describeObject = (value: object): string => {
  try {
    // Array.isArray and length throw on a revoked Proxy; a Proxy's length can be anything.
    if (!Array.isArray(value)) return 'an object'
    const length: unknown = value.length
    return typeof length === 'number' ? `an array of ${String(length)} item${length === 1 ? '' : 's'}` : 'an array'
  } catch {
    return 'an object that could not be read'
  }
}

const describeBigint = (value: bigint): string => {
  const digits = String(value)
  return digits.length <= MAX_RENDERED ? `${digits}n` : `${digits.slice(0, MAX_RENDERED)}…n (${String(digits.length)} digits)`
}

const describeString = (value: string): string => {
  if (value.length <= MAX_RENDERED) return JSON.stringify(value)
  const cut = JSON.stringify(value.slice(0, MAX_RENDERED))
  return `${cut.slice(0, -1)}…" (${String(value.length)} characters)`
}

const MAX_LISTED_ISSUES = 10

/**
 * One readable message for an error: each issue on its own line, naming the JSON path,
 * what was found and what was expected. Long lists are cut after ten issues.
 *
 * @example
 * ```ts
 * import { formatError, safeParse } from 'deliverykit'
 * const result = safeParse('octopush', body)
 * if (!result.success) console.error(formatError(result.error))
 * // deliveries[1].status: "BOUNCY" is not an Octopush status; expected one of DELIVERED, READ, …
 * ```
 * @category Errors
 */
export const formatError = (error: NormalizeError): string => {
  try {
    const lines = error.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => issue.message)
    const omitted = 'omittedIssues' in error ? (error.omittedIssues ?? 0) : 0
    const more = error.issues.length + omitted - MAX_LISTED_ISSUES
    if (more > 0) lines.push(`… and ${String(more)} more issue${more === 1 ? '' : 's'}`)
    return lines.join('\n')
  } catch {
    // Only a value that is not an error deliverykit made (a revoked Proxy, say) gets here.
    return 'deliverykit: an error that could not be read'
  }
}
/** `a` or `an` before a word, by its first letter (names of vendors, channels and shapes, not body text). */
export const article = (word: string): 'a' | 'an' => (/^[aeiou]/i.test(word) ? 'an' : 'a')
