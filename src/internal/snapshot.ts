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

/**
 * A copy of a value as plain data, reading every property exactly once: arrays and plain
 * objects are copied (own enumerable string keys; cycles kept as cycles), anything else
 * (a `Date`, a class instance) is kept as it is. Throws what an accessor or a Proxy
 * throws: call it where that becomes an error.
 */
export const snapshot = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null || !isPlain(value)) return value
  const copies = new Map<object, object>()
  const copyOf = (source: object): object => {
    const known = copies.get(source)
    if (known !== undefined) return known
    const copy: object = Array.isArray(source) ? [] : (Object.create(Object.getPrototypeOf(source) === null ? null : Object.prototype) as object)
    copies.set(source, copy)
    pending.push([source, copy])
    return copy
  }
  const pending: Array<readonly [object, object]> = []
  const root = copyOf(value)
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [source, copy] = next
    const record = source as Readonly<Record<string, unknown>>
    for (const key of Object.keys(source)) {
      const item = record[key]
      setOwn(copy as Record<string, unknown>, key, typeof item === 'object' && item !== null && isPlain(item) ? copyOf(item) : item)
    }
  }
  return root
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
