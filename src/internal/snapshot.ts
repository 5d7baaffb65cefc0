/**
 * Bodies a caller hands over as objects are read once, into plain data the library owns:
 * a getter is asked once, a Proxy's traps run once, and nothing the events hold is shared
 * with the caller's objects. Everything here is iterative (no recursion, so no stack
 * limit on nesting) and linear in the body's size.
 */

/** Whether a value is an object whose copy is plain data: an array, or an object of `Object.prototype` or none. */
const isPlain = (value: object): boolean => {
  if (Array.isArray(value)) return true
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** Sets an own, enumerable property, so that a `__proto__` key stays data. */
const setOwn = (target: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  else target[key] = value
}

/** An empty copy of a plain object or array: the same kind, the same (or no) prototype. */
const emptyLike = (source: object): object => (Array.isArray(source) ? [] : Object.getPrototypeOf(source) === null ? (Object.create(null) as object) : {})

/** Past this many objects met, `snapshot` finds the copy of one in a Map rather than by a scan. */
const SCANNED = 16

/**
 * A copy of a value as plain data, reading every property exactly once: arrays and plain
 * objects are copied (own enumerable string keys; shared objects and cycles kept as
 * such), anything else (a `Date`, a class instance) is kept as it is. Throws what an
 * accessor or a Proxy throws: call it where that becomes an error.
 *
 * Breadth first, in two parallel lists (objects met, their copies) walked by index: no
 * closure, and no Map for the few objects of a usual body (it is built past
 * {@link SCANNED} objects, so a large body stays linear).
 */
export const snapshot = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null || !isPlain(value)) return value
  const sources: Array<object> = [value]
  const copies: Array<object> = [emptyLike(value)]
  let known: Map<object, object> | undefined
  for (let next = 0; next < sources.length; next++) {
    const record = sources[next] as Readonly<Record<string, unknown>>
    const copy = copies[next] as Record<string, unknown>
    for (const key of Object.keys(record)) {
      const item = record[key]
      if (typeof item !== 'object' || item === null || !isPlain(item)) {
        setOwn(copy, key, item)
        continue
      }
      // The copy of an object met before (shared, or a cycle), else a new one to fill.
      let found: object | undefined
      if (known !== undefined) found = known.get(item)
      else {
        for (let i = 0; i < sources.length && found === undefined; i++) if (sources[i] === item) found = copies[i]
        if (found === undefined && sources.length >= SCANNED) known = new Map(sources.map((source, i) => [source, copies[i] ?? source]))
      }
      if (found === undefined) {
        found = emptyLike(item)
        sources.push(item)
        copies.push(found)
        known?.set(item, found)
      }
      setOwn(copy, key, found)
    }
  }
  return copies[0]
}

/**
 * Freezes a value the library owns and everything reachable from it, so events can share
 * it without sharing anything mutable. Already frozen parts are not walked again.
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
