// What each benchmark body is timed against, checked to give the same answer before any
// timing: deliverykit's entry, the zod reference (the same events but for eventId, whose
// key is Node's hash of its own encoding) and, for Octopush delivery bodies, the
// hand-written floor (the same events, eventId included). bench/run.mjs times them;
// test/docs/bench.test.ts runs the checks alone, so a change to the library that the
// contenders do not follow fails `npm test`, not the next `npm run bench`.
import { isDeepStrictEqual } from 'node:util'

import { floorOctopushText } from './floor.mjs'
import { zodNormalizeMasstack, zodNormalizeMessangi, zodNormalizeOctopush, zodNormalizeOctopushStop } from './zodReference.mjs'

const referenceOf = (name, { vendor, entry }) => {
  if (vendor === 'octopush') return entry === 'webhook' ? zodNormalizeOctopushStop : zodNormalizeOctopush
  if (vendor === 'messangi') return zodNormalizeMessangi
  if (vendor === 'masstack') return zodNormalizeMasstack
  throw new Error(`${name}: no reference`)
}

/** The entry a body is timed with: `normalizeWebhook` for `entry: 'webhook'`, else `normalize`. */
export const entryOf = (library, entry) => (entry === 'webhook' ? library.normalizeWebhook : library.normalize)

const withoutId = ({ eventId: _id, ...event }) => event

/**
 * A body's contenders, once they agree: `{ text, normalize, reference, floor, events }`
 * (`floor` undefined where there is none; `events` what they agreed on). Throws, naming the body and the contender, where one
 * gives another answer.
 */
export const contendersOf = (library, name, spec) => {
  const { vendor, body, options, entry } = spec
  const text = JSON.stringify(body)
  const normalize = entryOf(library, entry)
  const reference = referenceOf(name, spec)
  const floor = vendor === 'octopush' && entry === undefined && options === undefined ? floorOctopushText : undefined

  const ours = normalize(vendor, body, options)
  if (ours._tag !== 'Right') throw new Error(`${name}: normalize rejected the body: ${JSON.stringify(ours.left.issues)}`)
  const theirs = reference(body, options)
  if (!theirs.success) throw new Error(`${name}: the zod reference rejected the body`)
  if (!isDeepStrictEqual(theirs.events.map(withoutId), ours.right.map(withoutId))) throw new Error(`${name}: the zod reference's events differ`)
  if (floor && !isDeepStrictEqual(floor(text), ours.right)) throw new Error(`${name}: the floor's events differ`)
  if (!isDeepStrictEqual(normalize(vendor, text, options), ours)) throw new Error(`${name}: the text gives other events`)
  return { text, normalize, reference, floor, events: ours.right }
}
