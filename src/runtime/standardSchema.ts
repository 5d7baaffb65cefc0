import type { either } from 'fp-ts'

import * as E from '../util/either.js'

import { unlistedIssuesMessage } from '../errors/build.js'
import type { NormalizeError } from '../errors/error.js'

import type { EventsSchema, StandardSchemaV1 } from '../types/standardSchema.js'

/**
 * An error's issues as Standard Schema issues: each keeps deliverykit's message, and an
 * issue about the body its path (empty for the body itself). An option's issue has no
 * path, since it is not about the value validated; issues counted but not listed are
 * said in one more issue.
 */
export const standardIssues = (error: NormalizeError): ReadonlyArray<StandardSchemaV1.Issue> => {
  const aboutBody = error.kind !== 'invalid_options'
  const issues: Array<StandardSchemaV1.Issue> = error.issues.map((issue) => (aboutBody ? { message: issue.message, path: [...issue.path] } : { message: issue.message }))
  const omitted = 'omittedIssues' in error ? (error.omittedIssues ?? 0) : 0
  if (omitted > 0) issues.push({ message: unlistedIssuesMessage(omitted), path: [] })
  return issues
}

/** A Standard Schema that runs `run`: its events are the value, its error the issues. */
export const eventsSchema = <Events>(run: (body: unknown) => either.Either<NormalizeError, Events>): EventsSchema<Events> => {
  const validate = (value: unknown): StandardSchemaV1.Result<Events> => {
    const result = run(value)
    return E.isRight(result) ? { value: result.right } : { issues: standardIssues(result.left) }
  }
  return Object.freeze({ '~standard': Object.freeze({ version: 1, vendor: 'deliverykit', validate }) })
}
