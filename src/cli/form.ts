/**
 * A JSON body written as the form post a vendor would send: bracket keys for nested
 * values (`meta_data[call_duration]=35`, `deliveries[0][email]=…`), the notation PHP and
 * the library's form reader use. The library reads it back to the same fields, with
 * every value as text.
 */

/** A JSON value, as `JSON.parse` gives it. */
type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

/** How deep a body may nest: the library's form reader keeps no deeper bracket keys. */
const MAX_DEPTH = 8

const addPairs = (pairs: Array<[string, string]>, key: string, value: Json, depth: number): string | undefined => {
  if (value === null) {
    pairs.push([key, ''])
    return undefined
  }
  if (typeof value !== 'object') {
    pairs.push([key, String(value)])
    return undefined
  }
  if (depth >= MAX_DEPTH) return `${key}: nested deeper than ${String(MAX_DEPTH)} levels, which a form cannot carry`
  const entries: ReadonlyArray<readonly [string, Json]> = Array.isArray(value) ? value.map((item: Json, index) => [String(index), item] as const) : Object.entries(value)
  // An empty list or object: the key with no value, as a form posts an empty field.
  if (entries.length === 0) pairs.push([key, ''])
  for (const [name, item] of entries) {
    const failed = addPairs(pairs, `${key}[${name}]`, item, depth + 1)
    if (failed !== undefined) return failed
  }
  return undefined
}

/**
 * The form text of a JSON body, or why it has none: only a JSON object is a form (an
 * array or a single value at the root has no field names).
 */
export const jsonToForm = (json: string): { readonly form: string } | { readonly error: string } => {
  let value: Json
  try {
    value = JSON.parse(json) as Json
  } catch (thrown) {
    return { error: `not JSON (${thrown instanceof Error ? thrown.message : 'unreadable'})` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'a form needs a JSON object at the root' }
  const pairs: Array<[string, string]> = []
  for (const [key, item] of Object.entries(value)) {
    const failed = addPairs(pairs, key, item, 1)
    if (failed !== undefined) return { error: failed }
  }
  return { form: new URLSearchParams(pairs).toString() }
}
