/** Whether a value is a JSON-like object (not `null`, not an array): the shape every callback body has. */
export const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u)
