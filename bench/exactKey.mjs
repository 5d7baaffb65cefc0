// Candidate (b) for eventId in issue 12, measured by bench/eventId.mjs and not chosen (see
// docs/ordering.md): an exact key built from the fields themselves, no hash. Each part is
// written as its length in UTF-16 code units, a colon and the part, so the key can be read
// back into exactly one list: collision-free by construction. Its length grows with the
// fields, and it carries their text as sent (NUL, lone surrogates), which a Postgres text
// key can neither index past ~2,700 bytes nor store. Not used by the library.
export const exactKey = (parts) => {
  let key = ''
  for (const part of parts) key += `${String(part.length)}:${part}`
  return key
}
