/**
 * What a body may hold once read, decided here and nowhere else: JSON data, a tree of
 * plain objects, arrays and primitives at most {@link MAX_DEPTH} levels deep. A body a
 * caller hands over as an object is read once into such a tree the library owns: a getter
 * is asked once, a Proxy's traps run once, and nothing the events hold is one of the
 * caller's objects (so nothing of the caller's is ever frozen or changed). What JSON
 * cannot hold as data is refused, with its path: a class instance, a `Date`, a `Map`, a
 * function, an object met twice (shared, or a cycle), nesting deeper than the limit.
 * Everything here is iterative (no recursion, so no stack limit on nesting) and linear in
 * the body's size.
 */
import { invalidTypeIssue, invalidValueIssue } from '../errors/build.js'
import type { InvalidTypeIssue, InvalidValueIssue, IssuePath } from '../errors/issue.js'
import { formatPath } from '../errors/format.js'

/**
 * The deepest nesting of objects and arrays a body may have: the body itself is level 1.
 * Vendors' bodies nest 5 levels at most (an Octopush e-mail callback's status history);
 * 100 is what Ruby's JSON parser allows by default. It keeps every consumer of the events
 * safe: `JSON.stringify`, PostgreSQL's `jsonb`, a logger that recurses, the CLI.
 */
export const MAX_DEPTH = 100

/** Why a body is not JSON data, as an `invalid_body` issue says it. */
export interface Refusal {
  readonly code: 'invalid_type' | 'invalid_value'
  readonly path: IssuePath
  readonly expected: string
  readonly received: string
}

/** A body read into data the library owns, or why it cannot be. */
export type Snapshot = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly refusal: Refusal }

const NOT_PLAIN = 'a plain object or array (JSON data)'
const ONCE = 'each object and array in one place only (JSON data has no shared objects or cycles)'
const SHALLOW = `at most ${String(MAX_DEPTH)} levels of nested objects and arrays`

/**
 * How long a path a message quotes: its own (a path 100 levels deep of short keys fits
 * whole), and the other one a refusal names, so that a body of long keys cannot make a
 * long message.
 */
const OWN_PATH = 1000
const OTHER_PATH = 200

/**
 * An empty copy of an array or a plain object (its prototype `Object.prototype` or none),
 * or `undefined` for any other object. Runs a Proxy's `getPrototypeOf` trap at most once.
 */
const emptyCopyOf = (value: object): object | undefined => {
  if (Array.isArray(value)) return []
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype === Object.prototype) return {}
  return prototype === null ? (Object.create(null) as object) : undefined
}

/** Whether a value is a `Date`, told by its internal slot (a brand check that runs none of the caller's code). */
const isDate = (value: object): boolean => {
  try {
    Date.prototype.getTime.call(value)
    return true
    // Stryker disable next-line BlockStatement: equivalent, an empty catch answers undefined, as falsy to describeNotPlain as false
  } catch {
    return false
  }
}

/** What `received` says of an object that is not JSON data. */
const describeNotPlain = (value: object): string => (isDate(value) ? 'a Date' : 'an instance of a class (not a plain object)')

/** Sets an own, enumerable property, so that a `__proto__` key stays data. */
const setOwn = (target: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  else target[key] = value
}

/** Past this many objects met, `snapshot` finds an object met before in a Map rather than by a scan. */
const SCANNED = 16

/**
 * The objects of a body met so far, breadth first, in parallel lists walked by index: the
 * object, its copy, and the index of the object it was met in, from which a refusal's
 * path is rebuilt. No closure, and no Map for the few objects of a usual body: it is
 * built past {@link SCANNED} objects, so a large body stays linear.
 */
interface Walk {
  readonly sources: Array<object>
  readonly copies: Array<object>
  readonly parents: Array<number>
  known: Map<object, number> | undefined
}

/** A key as a path names it: an array's index as a number. */
const keyOf = (isList: boolean, key: string): string | number => (isList && /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : key)

/**
 * The path of the object at `index`, then `key` when one is given. Only a refusal needs
 * one, so it is found then: each key by a scan of the parent's copy (the library's own
 * object: nothing of the caller's is read again).
 */
const pathOf = (walk: Walk, index: number, key?: string | number): IssuePath => {
  const path: Array<string | number> = key === undefined ? [] : [key]
  for (let at = index; at > 0; ) {
    const parent = walk.parents[at] ?? 0
    const holder = walk.copies[parent] as Readonly<Record<string, unknown>>
    const child = walk.copies[at]
    // Stryker disable next-line StringLiteral: equivalent, every copy is held by its parent's copy, so find always finds its key
    const name = Object.keys(holder).find((candidate) => holder[candidate] === child) ?? ''
    path.push(keyOf(Array.isArray(holder), name))
    at = parent
  }
  return path.reverse()
}

/** A path as a message quotes it: cut after `limit` characters. */
const quoted = (path: IssuePath, limit: number): string => {
  const text = formatPath(path)
  return text.length > limit ? `${text.slice(0, limit)}…` : text
}

/** The index of an object met before, or -1. */
const indexOf = (walk: Walk, item: object): number => {
  if (walk.known !== undefined) return walk.known.get(item) ?? -1
  const index = walk.sources.indexOf(item)
  if (index < 0 && walk.sources.length >= SCANNED) walk.known = new Map(walk.sources.map((source, i) => [source, i]))
  return index
}

/**
 * Whether a value deliverykit parsed (a tree of plain data) nests deeper than `limit`
 * objects and arrays: depth first, values only, so that a body of usual depth costs a
 * tenth of its `JSON.parse`. `snapshot` finds the path when it does.
 */
export const nestsDeeperThan = (value: unknown, limit: number): boolean => {
  if (typeof value !== 'object' || value === null) return false
  const pending: Array<object> = [value]
  // Stryker disable next-line ArrayDeclaration: equivalent, an empty list pops undefined, which `?? 1` reads as the root's level 1
  const levels: Array<number> = [1]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const level = levels.pop() ?? 1
    const items: ReadonlyArray<unknown> = Array.isArray(next) ? next : Object.values(next)
    for (const item of items) {
      if (typeof item !== 'object' || item === null) continue
      if (level >= limit) return true
      pending.push(item)
      levels.push(level + 1)
    }
  }
  return false
}

/**
 * A body as data the library owns, reading every property of the caller's objects exactly
 * once, or why it is not JSON data. `owned` says the value was made by deliverykit (parsed
 * from text, bytes or a form): it is a tree of plain data already, so only its depth is
 * checked and nothing is copied. Otherwise arrays and plain objects (own enumerable string
 * keys) are copied, and anything else that is not a primitive is refused. `levels` is the
 * deepest level kept (the value itself is level 1): a body's {@link MAX_DEPTH}, one more for
 * an event, which holds its body in `raw`. Throws what an accessor or a Proxy throws: call
 * it where that becomes an error.
 */
export const snapshot = (value: unknown, owned: boolean, levels: number = MAX_DEPTH): Snapshot => {
  if (typeof value === 'function') return refuse([], 'invalid_type', NOT_PLAIN, 'a function')
  if (typeof value !== 'object' || value === null) return { ok: true, value }
  const root = owned ? value : emptyCopyOf(value)
  if (root === undefined) return refuse([], 'invalid_type', NOT_PLAIN, describeNotPlain(value))
  const walk: Walk = { sources: [value], copies: [root], parents: [0], known: undefined }
  // Breadth first: the objects of a level are those up to `levelEnd`.
  let level = 1
  let levelEnd = 1
  for (let next = 0; next < walk.sources.length; next++) {
    if (next === levelEnd) {
      level++
      levelEnd = walk.sources.length
    }
    const record = walk.sources[next] as Readonly<Record<string, unknown>>
    const copy = walk.copies[next] as Record<string, unknown>
    for (const name of Object.keys(record)) {
      const item = record[name]
      if (typeof item !== 'object' || item === null) {
        if (typeof item === 'function') return refuse(pathOf(walk, next, keyOf(Array.isArray(copy), name)), 'invalid_type', NOT_PLAIN, 'a function')
        if (!owned) setOwn(copy, name, item)
        continue
      }
      const kind = Array.isArray(item) ? 'array' : 'object'
      if (level >= levels) return refuse(pathOf(walk, next, keyOf(Array.isArray(copy), name)), 'invalid_value', SHALLOW, `an ${kind} at level ${String(level + 1)}`)
      let itemCopy: object | undefined = item
      if (!owned) {
        const met = indexOf(walk, item)
        if (met >= 0) return refuse(pathOf(walk, next, keyOf(Array.isArray(copy), name)), 'invalid_value', ONCE, `the ${kind} already at ${quoted(pathOf(walk, met), OTHER_PATH)}`)
        itemCopy = emptyCopyOf(item)
        if (itemCopy === undefined) return refuse(pathOf(walk, next, keyOf(Array.isArray(copy), name)), 'invalid_type', NOT_PLAIN, describeNotPlain(item))
        setOwn(copy, name, itemCopy)
      }
      walk.sources.push(item)
      walk.copies.push(itemCopy)
      walk.parents.push(next)
      walk.known?.set(item, walk.sources.length - 1)
    }
  }
  return { ok: true, value: root }
}

const refuse = (path: IssuePath, code: Refusal['code'], expected: string, received: string): Snapshot => ({ ok: false, refusal: { code, path, expected, received } })

/** The issue of a refusal, worded as the decoders word theirs, its path cut when long. */
export const refusalIssue = ({ code, path, expected, received }: Refusal): InvalidTypeIssue | InvalidValueIssue =>
  code === 'invalid_type' ? invalidTypeIssue(path, expected, received, quoted(path, OWN_PATH)) : invalidValueIssue(path, expected, received, undefined, quoted(path, OWN_PATH))

/**
 * Freezes a value the library owns and everything reachable from it, so events can share
 * it without sharing anything mutable. Already frozen parts are not walked again. Only
 * ever given what {@link snapshot} or a parser made: never an object of the caller's.
 */
export const deepFreeze = <A>(value: A): A => {
  const pending: Array<unknown> = [value]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next !== 'object' || next === null || Object.isFrozen(next)) continue
    Object.freeze(next)
    for (const item of Object.values(next)) if (typeof item === 'object' && item !== null) pending.push(item)
  }
  return value
}
