/**
 * Small facts about JavaScript values, written once for every layer: what a JSON-like
 * object is, whether it has a field, a table's own entry, and a read that may throw.
 */

/** Whether a value is a JSON-like object (not `null`, not an array): the shape every callback body has. */
export const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * Whether a value is one of a closed list (of texts, mostly): `includes` over `unknown`,
 * which answers `false` for a value of any other type, so no `typeof` check comes first.
 */
export const isOneOf = <T>(list: ReadonlyArray<T>, value: unknown): value is T => (list as ReadonlyArray<unknown>).includes(value)

/** An optional text field: absent, `undefined` (which JSON drops), or text. */
export const isOptionalText = (record: Readonly<Record<string, unknown>>, key: string): boolean =>
  record[key] === undefined || typeof record[key] === 'string'

/** A writable view of a readonly type, for an object being built before it is handed out. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Whether `key` is an own property of `record` (never one of its prototype's: `__proto__`, `toString`). */
export const hasOwn = (record: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(record, key)

/** A field the body has: own, and neither `undefined` nor `null`. */
export const hasField = (u: Readonly<Record<string, unknown>>, key: string): boolean => hasOwn(u, key) && u[key] !== undefined && u[key] !== null

/** A table's own entry for `key`, or `undefined` (never an inherited one such as `constructor`). */
export const ownEntry = <V>(table: Readonly<Record<string, V>>, key: string): V | undefined => (hasOwn(table, key) ? table[key] : undefined)

/** `read()`, or `fallback` if it throws: for answers that are not errors (a guard's `false`). */
export const orElse = <A>(read: () => A, fallback: A): A => {
  try {
    return read()
  } catch {
    return fallback
  }
}
