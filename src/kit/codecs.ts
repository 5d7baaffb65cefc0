import * as t from 'io-ts'

import { withStructure } from './codecStructure.js'

import { describeValue } from '../errors/format.js'
import { DISPATCH_TAG } from '../errors/validation.js'
import type { PickFailure } from './definition.js'
import { isRecord } from '../util/values.js'

/** A decimal number written as text, as form-encoded bodies send every number. */
export const NUMERIC_TEXT = /^-?\d{1,15}(\.\d{1,15})?$/

/**
 * A number, or a decimal number written as text (`"0.5"`, `"35"`): form-encoded bodies
 * and older vendor pages send numbers as text. Decodes to a finite number, never `-0`
 * (`"-0"`, `-0` and JSON `-0` decode to `0`): a price of minus nothing is nothing, and
 * `-0` would print as `0` yet compare apart with `Object.is`.
 */
export const NumberFromNumberOrText = /*#__PURE__*/ new t.Type<number, number, unknown>(
  'number or numeric text',
  // -0 is not in decoded form, so `struct` takes the path that converts it.
  (u): u is number => typeof u === 'number' && Number.isFinite(u) && !Object.is(u, -0),
  (u, c) => {
    if (typeof u === 'number') return Number.isFinite(u) ? t.success(u + 0) : t.failure(u, c)
    // `+ 0` turns -0 into 0 and leaves every other number as it is.
    if (typeof u === 'string' && NUMERIC_TEXT.test(u)) return t.success(Number(u) + 0)
    return t.failure(u, c)
  },
  t.identity,
)

/**
 * Text, or a number sent where the vendor documents text. Decodes to text. Only for
 * values where no leading zero can be lost because JSON already dropped it.
 */
export const TextFromTextOrNumber = /*#__PURE__*/ new t.Type<string, string, unknown>(
  'string or number',
  t.string.is,
  (u, c) => {
    if (typeof u === 'string') return t.success(u)
    if (typeof u === 'number' && Number.isFinite(u)) return t.success(String(u))
    return t.failure(u, c)
  },
  t.identity,
)

/**
 * One of a fixed set of strings, reporting the accepted values in its error message
 * (`"fax" is not an Octopush channel; expected one of sms, voice_sms, …`).
 */
export const oneOf = <K extends string>(name: string, what: string, values: Readonly<Record<K, unknown>>) => {
  const keys = Object.keys(values)
  const codec = t.keyof(values, name)
  const oneOfCodec = new t.Type<K, K, unknown>(
    name,
    codec.is,
    (u, c) =>
      codec.is(u)
        ? t.success(u)
        : t.failure(u, c, `${describeValue(u)} is not ${what}; expected one of ${keys.join(', ')}`),
    t.identity,
  )
  return withStructure(oneOfCodec, { kind: 'enum', values: keys })
}

/** A shape `dispatch` can hand a value to: a decoder with its own `is`. */
export type Shape<A> = t.Decoder<unknown, A> & { readonly is: t.Is<A> }

const NO_CONTEXT: t.Context = []

/**
 * A codec that looks at a value and hands it to one of several shapes, instead of trying
 * each shape as `t.union` does, so errors speak of the shape the value meant to have.
 * `pick` returns the shape, or a failure of its own. `is` asks the same `pick`, so the
 * fast check and the detailed decoding can never disagree.
 */
export const dispatch = <A>(
  name: string,
  pick: (u: unknown, c: t.Context) => Shape<A> | t.Validation<A>,
): t.Type<A, A> & { readonly _tag: typeof DISPATCH_TAG } => {
  const is = (u: unknown): u is A => {
    const picked = pick(u, NO_CONTEXT)
    return 'validate' in picked && picked.is(u)
  }
  const codec = new t.Type<A, A>(
    name,
    is,
    (u, c) => {
      const picked = pick(u, c)
      if (!('validate' in picked)) return picked
      // The common case costs no context: only a failing value needs a path.
      if (picked.is(u)) return t.success(u)
      return picked.validate(u, t.appendContext(c, '', picked, u))
    },
    t.identity,
  )
  return Object.assign(codec, { _tag: DISPATCH_TAG })
}


/** What a `struct` decodes to: its required properties, and its optional ones where present. */
export type StructOf<R extends t.Props, O extends t.Props> = t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>

/**
 * An object with required and optional properties, like
 * `t.intersection([t.type(required), t.partial(optional)])` but safe for bodies from the
 * wire: io-ts merges intersection results by assignment, which turns an own `__proto__`
 * key into the result's prototype. Here a value is returned as it came when no property
 * changed, and otherwise copied with spread, which keeps every key as plain data.
 * Unknown extra properties are kept.
 */
export const struct = <R extends t.Props, O extends t.Props>(name: string, required: R, optional: O): t.Type<StructOf<R, O>, StructOf<R, O>> => {
  type A = StructOf<R, O>
  const requiredFields: ReadonlyArray<readonly [string, t.Mixed]> = Object.entries(required)
  const optionalFields: ReadonlyArray<readonly [string, t.Mixed]> = Object.entries(optional)
  // The common case, checked directly: every property already has its decoded form, so
  // the value is returned as it came, with no context, error list or copy built. The
  // fields are kept in flat arrays walked by index, and a plain `t.string` field is
  // checked inline: its `is` would be one more call through a site that sees every codec.
  const keys = [...requiredFields, ...optionalFields].map(([key]) => key)
  const codecs = [...requiredFields, ...optionalFields].map(([, codec]) => codec)
  // Stryker disable next-line ArrowFunction: equivalent, a field not marked as text is checked with its codec's `is`, and t.string.is is the same typeof check
  const isText = codecs.map((codec) => codec === t.string)
  const requiredCount = requiredFields.length
  const is = (u: unknown): u is A => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return false
    const record = u as Readonly<Record<string, unknown>>
    for (let i = 0; i < keys.length; i++) {
      // Stryker disable next-line StringLiteral: equivalent, keys[i] is never undefined below keys.length; the fallback only satisfies noUncheckedIndexedAccess
      const value = record[keys[i] ?? '']
      if (value === undefined && i >= requiredCount) continue
      // Stryker disable next-line OptionalChaining: equivalent, codecs has an entry for every index below keys.length
      if (isText[i] === true ? typeof value !== 'string' : codecs[i]?.is(value) !== true) return false
    }
    return true
  }
  const structCodec = new t.Type<A, A>(
    name,
    is,
    (u, c) => {
      if (is(u)) return t.success(u)
      // The detailed path: conversions (numeric text, -0) and errors with their paths, one
      // property at a time as t.type and t.partial do, with two differences. A decoded
      // value is compared with Object.is, since io-ts's `!==` cannot see -0 become 0. And
      // a changed object is copied with spread, never Object.assign, which would turn an
      // own `__proto__` key into the copy's prototype, whose fields were never validated.
      if (!t.UnknownRecord.is(u)) return t.failure(u, c)
      const input = u as Readonly<Record<string, unknown>>
      const errors: Array<t.ValidationError> = []
      let changed: Record<string, unknown> | undefined
      const decodeField = (key: string, codec: t.Mixed, optional: boolean): void => {
        const value = input[key]
        if (optional && value === undefined) return
        const result = codec.validate(value, t.appendContext(c, key, codec, value))
        if (result._tag === 'Left') for (const error of result.left) errors.push(error)
        else if (!Object.is(result.right, value)) (changed ??= {})[key] = result.right
      }
      for (const [key, codec] of requiredFields) decodeField(key, codec, false)
      for (const [key, codec] of optionalFields) decodeField(key, codec, true)
      if (errors.length > 0) return t.failures(errors)
      return t.success(changed === undefined ? (u as A) : ({ ...input, ...changed } as A))
    },
    t.identity,
  )
  return withStructure(structCodec, { kind: 'struct', required, optional })
}

/**
 * A text format (a date-time, say) whose failure message says which format was expected:
 * `"2025-02-30 25:61:00" is not a valid date-time; expected "YYYY-MM-DD HH:mm:ss"`. A value
 * that is not text at all gets the usual "expected …, received …". `isFormat` is the
 * format's guard (a branded codec's `is`): a text that passes it decodes to itself.
 */
export const textFormat = <A extends string>(name: string, isFormat: t.Is<A>, expected: string): t.Type<A, string> =>
  new t.Type<A, string>(
    name,
    isFormat,
    (u, c) => (isFormat(u) ? t.success(u) : typeof u === 'string' ? t.failure(u, c, `${describeValue(u)} is not a valid date-time; expected ${expected}`) : t.failure(u, c)),
    t.identity,
  )

/**
 * A codec that also reads a field under another name: `DELIVERY_DATE` for `delivery_date`
 * (Octopush's English callbacks page spells it in capitals). Where only the alias is
 * present, the value decodes with the field under its own name, the alias kept beside it.
 */
export const withAliases = <A>(aliases: Readonly<Record<string, string>>, codec: t.Type<A, A>): t.Type<A, A> => {
  const pairs = Object.entries(aliases)
  const view = (u: unknown): unknown => {
    if (!isRecord(u)) return u
    let renamed: Record<string, unknown> | undefined
    for (const [alias, name] of pairs) {
      if (u[name] === undefined && u[alias] !== undefined) {
        renamed ??= { ...u }
        Object.defineProperty(renamed, name, { value: u[alias], enumerable: true, writable: true, configurable: true })
      }
    }
    return renamed ?? u
  }
  // A value that still needs renaming is not yet in decoded form: `is` says so, or a
  // caller that checks `is` first would keep the value without the renamed field.
  const needsRenaming = (u: unknown): boolean => isRecord(u) && pairs.some(([alias, name]) => u[name] === undefined && u[alias] !== undefined)
  const is = (u: unknown): u is A => !needsRenaming(u) && codec.is(u)
  return withStructure(new t.Type<A, A>(codec.name, is, (u, c) => codec.validate(view(u), c), t.identity), { kind: 'aliases', aliases, of: codec })
}

/**
 * An object codec that also takes an empty array (PHP's `json_encode` of an empty array)
 * or empty text (an empty form field) as the empty object.
 */
export const emptyAsObject = <A>(codec: t.Type<A, A>): t.Type<A, A> => {
  const isEmpty = (u: unknown): boolean => u === '' || (Array.isArray(u) && u.length === 0)
  const orEmpty = new t.Type<A, A>(
    codec.name,
    (u): u is A => codec.is(u),
    (u, c) => (isEmpty(u) ? codec.validate({}, c) : codec.validate(u, c)),
    t.identity,
  )
  return withStructure(orEmpty, { kind: 'emptyAsObject', of: codec })
}

/**
 * What the root of a decoding context carries when the body was read from a form: the
 * entry points set it (src/runtime/run.ts), so a codec deep in a body can tell a form
 * from JSON. A codec called directly (`OctopushCallback.decode(value)`) has itself at the
 * root, and decodes JSON data.
 */
export interface FormBodyMark {
  readonly bodyEncoding: 'form'
}

/** Whether the body being decoded was read from a form. */
export const isFormBody = (c: t.Context): boolean => (c[0]?.type as Partial<FormBodyMark> | undefined)?.bodyEncoding === 'form'

/**
 * A list codec that, in a form body, reads an empty field as the empty list. A form has
 * no way to write an empty list (`deliveries[0][status_history]=` is all an encoder that
 * writes every field can send), so there the empty text can only mean it; the empty
 * object has {@link emptyAsObject}. In JSON, which writes an empty list as `[]`, `""`
 * stays text and is refused where a list goes. The codec decides, since only it knows a
 * list goes there (the form reader sees keys and text); the reader says the body was a
 * form, through the context's root ({@link isFormBody}). The empty list is decoded by
 * `codec`, so a codec that refuses one refuses the empty field too.
 */
export const emptyListInForm = <A>(codec: t.Type<A, A>): t.Type<A, A> => {
  const wrapped = withStructure(
    new t.Type<A, A>(
      codec.name,
      (u): u is A => codec.is(u),
      (u, c) => (u === '' && isFormBody(c) ? codec.validate([], c) : codec.validate(u, c)),
      t.identity,
    ),
    { kind: 'jsonAsIs', of: codec },
  )
  // It validates in the context it is given: a dispatch (Masstack's `data`) stays one, so
  // that paths skip the shape it hands over to, as they do unwrapped.
  return (codec as { readonly _tag?: unknown })._tag === DISPATCH_TAG ? Object.assign(wrapped, { _tag: DISPATCH_TAG }) : wrapped
}

/**
 * A phone number as text. A form body whose `+` was not percent-encoded decodes it as a
 * space (`+33600000000` arrives as ` 33600000000`): a leading space before digits is read
 * as the `+` it was.
 */
export const PhoneNumberText = /*#__PURE__*/ new t.Type<string, string, unknown>(
  'string',
  (u): u is string => typeof u === 'string' && !hasLostPlus(u),
  (u, c) => (typeof u !== 'string' ? t.failure(u, c) : t.success(hasLostPlus(u) ? `+${u.slice(1)}` : u)),
  t.identity,
)

const hasLostPlus = (text: string): boolean => text.length > 1 && text.charCodeAt(0) === 0x20 && text.charCodeAt(1) >= 0x30 && text.charCodeAt(1) <= 0x39

/**
 * The codec a vendor's `pick` chose, or its failure as a decoding failure (a channel the
 * vendor added is reported by name): how the public dispatch codecs follow the same rule
 * as the entry points.
 */
export const fromPick = <K extends string, A>(picked: K | PickFailure, codecs: Readonly<Record<K, Shape<A>>>, c: t.Context): Shape<A> | t.Validation<A> => {
  if (typeof picked === 'string') return codecs[picked]
  if ('failure' in picked) return t.failures(picked.failure)
  const { channel, expected, path } = picked.unknownChannel
  const at = path.reduce<t.Context>((context, key) => t.appendContext(context, String(key), t.string, channel), c)
  return t.failure(channel, at, `${describeValue(channel)} is not a channel deliverykit knows yet; expected one of ${expected.join(', ')}`)
}

/**
 * The most issues one list reports: past them, its remaining entries are not checked.
 * Half of what an error lists (`MAX_ISSUES`), so the note that says so is listed too.
 */
export const MAX_ISSUES_PER_LIST = 50

/**
 * A readonly array of `codec`, like `t.readonlyArray`, that stops checking entries once it
 * has found {@link MAX_ISSUES_PER_LIST} issues and says how many entries it left
 * unchecked: a body of millions of broken entries costs what its first hundred issues do,
 * not one error object per field of every entry.
 */
export const cappedList = <A>(codec: t.Type<A, A>, name: string): t.Type<ReadonlyArray<A>, ReadonlyArray<A>> => {
  const is = (u: unknown): u is ReadonlyArray<A> => Array.isArray(u) && u.every((item) => codec.is(item))
  const list = new t.Type<ReadonlyArray<A>, ReadonlyArray<A>>(
    name,
    is,
    (u, c) => {
      if (!Array.isArray(u)) return t.failure(u, c)
      const items: ReadonlyArray<unknown> = u
      const errors: Array<t.ValidationError> = []
      let decoded: Array<A> | undefined
      for (let index = 0; index < items.length; index++) {
        const item = items[index]
        const result = codec.validate(item, t.appendContext(c, String(index), codec, item))
        if (result._tag === 'Left') {
          // A loop, not push(...): a spread puts every issue on the stack.
          for (const error of result.left) errors.push(error)
          if (errors.length >= MAX_ISSUES_PER_LIST && index < items.length - 1) {
            const unchecked = items.length - index - 1
            errors.push({ value: u, context: c, message: `the first ${String(errors.length)} issues of its entries are listed; ${String(unchecked)} more entr${unchecked === 1 ? 'y was' : 'ies were'} not checked` })
            break
          }
          continue
        }
        // Copy on the first entry that changed, as io-ts does.
        if (decoded === undefined && result.right !== item) decoded = items.slice(0, index) as Array<A>
        decoded?.push(result.right)
      }
      if (errors.length > 0) return t.failures(errors)
      return t.success(decoded ?? (items as ReadonlyArray<A>))
    },
    t.identity,
  )
  return withStructure(list, { kind: 'list', of: codec })
}
