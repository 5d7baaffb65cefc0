import type * as t from 'io-ts'

import { invalidTypeIssue, invalidValueIssue, missingFieldIssue } from './build.js'
import { describeValue } from './format.js'
import type { BodyIssue, IssuePath, NonEmptyReadonlyArray } from './issue.js'

/** Codecs that insert a member index into the context, which is not a JSON key. */
const COMBINATOR_TAGS: ReadonlySet<string> = /*#__PURE__*/ new Set(['UnionType', 'IntersectionType', 'TaggedUnionType'])

/** The `_tag` of codecs built with `dispatch`: the shape they hand over to is not a JSON key. */
export const DISPATCH_TAG = 'DispatchType' as const

const tagOf = (decoder: t.Decoder<unknown, unknown>): string | undefined => {
  const tag: unknown = (decoder as { readonly _tag?: unknown })._tag
  return typeof tag === 'string' ? tag : undefined
}

const pathOf = (context: t.Context): IssuePath => {
  const path: Array<string | number> = []
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1]
    const entry = context[i]
    if (parent === undefined || entry === undefined) continue
    const parentTag = tagOf(parent.type)
    if (parentTag !== undefined && COMBINATOR_TAGS.has(parentTag)) continue
    if (parentTag === DISPATCH_TAG && entry.key === '') continue
    path.push(Array.isArray(parent.actual) && /^\d+$/.test(entry.key) ? Number(entry.key) : entry.key)
  }
  return path
}

const toIssue = (error: t.ValidationError): BodyIssue => {
  const path = pathOf(error.context)
  const expected = error.context[error.context.length - 1]?.type.name ?? 'a value'
  if (error.message !== undefined) return invalidValueIssue(path, expected, describeValue(error.value), error.message)
  if (error.value === undefined) return missingFieldIssue(path, expected)
  return invalidTypeIssue(path, expected, describeValue(error.value))
}

/** The most issues an error lists; the rest are counted in `omittedIssues`. */
export const MAX_ISSUES = 100

/**
 * Turns io-ts validation errors into deliverykit issues with JSON paths, at most
 * {@link MAX_ISSUES} of them, and counts the rest. io-ts reports every failing member of an
 * intersection; the same path and message is kept once.
 */
export const issuesFromValidation = (
  errors: NonEmptyReadonlyArray<t.ValidationError>,
): { readonly issues: NonEmptyReadonlyArray<BodyIssue>; readonly omitted: number } => {
  const [head, ...rest] = errors
  const first = toIssue(head)
  const seen = new Set<string>([first.message])
  const issues: [BodyIssue, ...Array<BodyIssue>] = [first]
  let omitted = 0
  for (const error of rest) {
    const issue = toIssue(error)
    if (seen.has(issue.message)) continue
    seen.add(issue.message)
    if (issues.length < MAX_ISSUES) issues.push(issue)
    else omitted++
  }
  return { issues, omitted }
}
