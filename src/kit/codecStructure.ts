/**
 * What deliverykit's own codec combinators are made of, recorded beside each codec they
 * build: a `struct`'s fields, the codec a wrapper wraps. io-ts's own codecs carry their
 * parts (`props`, `types`); ours are closures, and the JSON Schema generator
 * (src/kit/jsonSchema.ts) needs their parts to write a schema from the codec itself. Only
 * references are kept here, no schema text: the schema rules live in the generator, which
 * no entry point imports.
 */
import type * as t from 'io-ts'

/** The parts of a codec built by one of the combinators of src/kit/codecs.ts. */
export type CodecStructure =
  /** An object: required and optional fields, extra fields kept. */
  | { readonly kind: 'struct'; readonly required: t.Props; readonly optional: t.Props }
  /** `of`, with each alias read as the field it names where that field is absent. */
  | { readonly kind: 'aliases'; readonly aliases: Readonly<Record<string, string>>; readonly of: t.Mixed }
  /** `of` (an object), or `[]` or `""` for the empty one. */
  | { readonly kind: 'emptyAsObject'; readonly of: t.Mixed }
  /** `of` in JSON (a form's empty field reads as an empty list, which JSON does not need). */
  | { readonly kind: 'jsonAsIs'; readonly of: t.Mixed }
  /** A list of `of`. */
  | { readonly kind: 'list'; readonly of: t.Mixed }
  /** One of a fixed set of strings. */
  | { readonly kind: 'enum'; readonly values: ReadonlyArray<string> }
  /** Part of what `of` accepts, by a rule of code: its schema is declared beside the vendor's (src/vendors/<vendor>/jsonSchema.ts). */
  | { readonly kind: 'narrowed'; readonly of: t.Mixed }

const STRUCTURES = new WeakMap<object, CodecStructure>()

/** `codec`, its parts recorded for the JSON Schema generator. */
export const withStructure = <C extends object>(codec: C, structure: CodecStructure): C => {
  STRUCTURES.set(codec, structure)
  return codec
}

/** The parts recorded for a codec, if a combinator built it. */
export const structureOf = (codec: object): CodecStructure | undefined => STRUCTURES.get(codec)
