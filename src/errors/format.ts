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
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${String(key)}]`
    else if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`
    else out += `[${JSON.stringify(key)}]`
  }
  return out === '' ? '(root)' : out
}

const MAX_RENDERED = 60

/**
 * A short, safe rendering of any value for an error message: strings and numbers as JSON
 * (cut at 60 characters), objects and arrays by kind. Never throws.
 *
 * @category Errors
 */
export const describeValue = (value: unknown): string => {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return `an array of ${String(value.length)} item${value.length === 1 ? '' : 's'}`
  if (typeof value === 'string') return describeString(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value === 'bigint') return `${String(value)}n`
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
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
  const lines = error.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => issue.message)
  const omitted = 'omittedIssues' in error ? (error.omittedIssues ?? 0) : 0
  const more = error.issues.length + omitted - MAX_LISTED_ISSUES
  if (more > 0) lines.push(`… and ${String(more)} more issue${more === 1 ? '' : 's'}`)
  return lines.join('\n')
}
