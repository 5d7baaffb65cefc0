import type { either } from 'fp-ts'
import * as E from '../util/either.js'
import * as t from 'io-ts'

import { invalidBodyError, unexpectedCallbackError, unexpectedCallbackIssue, unknownChannelError, unknownChannelIssue, unreadableIssue } from '../errors/build.js'
import type { InvalidBodyError, InvalidOptionsError, NormalizeError, UnexpectedCallbackError, UnknownChannelError } from '../errors/error.js'
import { DISPATCH_TAG, issuesFromValidation } from '../errors/validation.js'
import { VENDOR_NAMES } from '../model/names.js'
import type { Vendor } from '../model/vendor.js'
import type { AnyWebhookEvent, CallbackKind } from '../model/webhook.js'
import type { FormBodyMark } from '../kit/codecs.js'
import { hasDecoder, isPickFailure, type OptionProblem, type PickFailure, type ShapeName, type VendorDefinition, type VendorRules } from '../kit/definition.js'
import { checkCommonOptions, invalidOption, readOptions, settleUnknownStatuses } from './options.js'
import { describeThrown } from './callerInput.js'
import { didYouMean } from '../util/didYouMean.js'
import { readBody, type StringBody } from './rawBody.js'
import type { ChannelRows } from '../kit/rows.js'

/**
 * Which callbacks an entry point decodes: a delivery entry (`normalize`) delivery
 * receipts, an inbound entry (`normalizeInbound`) opt-outs and inbound messages, a
 * webhook entry (`normalizeWebhook`) all of them. `shapes` narrows an entry to some of a
 * vendor's shapes (Messangi's legacy entry).
 */
export interface EntrySpec {
  readonly accepts: ReadonlyArray<CallbackKind>
  readonly shapes?: ReadonlyArray<string>
  /** What it decodes, for the message of a body it refuses: "a delivery receipt". */
  readonly decodes: string
  /**
   * What a string body is: the body's text (`'text'`, the default), or a value a framework
   * parsed (`'value'`, for Standard Schemas), where a string is a JSON string, no callback.
   */
  readonly strings?: StringBody
}

/** The entry a Standard Schema runs: the same callbacks, its input a value a framework parsed. */
export const schemaEntry = (entry: EntrySpec): EntrySpec => ({ ...entry, strings: 'value' })

export const DELIVERY_ENTRY: EntrySpec = { accepts: ['delivery'], decodes: 'a delivery receipt' }
export const WEBHOOK_ENTRY: EntrySpec = { accepts: ['delivery', 'opt_out', 'inbound'], decodes: 'a callback' }
export const INBOUND_ENTRY: EntrySpec = { accepts: ['opt_out', 'inbound'], decodes: 'an opt-out or inbound message' }

/** A vendor ready to run: its definition closed over, so the registry can hold any vendor's. */
export interface RegisteredVendor {
  readonly vendor: Vendor
  readonly catalogs: ChannelRows
  /** The kinds of callback the vendor sends. */
  readonly kinds: ReadonlyArray<CallbackKind>
  /** The vendor's body shapes, by the keys its `pick` answers, with their kinds and names. */
  readonly shapes: Readonly<Record<string, ShapeName>>
  readonly run: (entry: EntrySpec, input: unknown, options: unknown) => either.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>>
}

/**
 * Closes a definition over its settings type, for the registry and the entry builders.
 * Call it with `/*#__PURE__*\/`, and with the shapes written out (no spread), so that a
 * bundle that never runs a registration drops it with the decoders only it names.
 */
export const register = <V extends Vendor, K extends string, S>(rules: VendorRules<V, K, S>, shapeList: VendorDefinition<V, K, S>['shapes']): RegisteredVendor => {
  const definition: VendorDefinition<V, K, S> = { ...rules, shapes: shapeList }
  const shapes: ReadonlyArray<ShapeName> = Object.values(shapeList)
  const roots: Roots = { json: rootOf(definition.vendor, false), form: rootOf(definition.vendor, true) }
  return {
    vendor: definition.vendor,
    catalogs: definition.catalogs,
    kinds: [...new Set(shapes.map((shape) => shape.kind))],
    shapes: shapeList,
    run: (entry, input, options) => run(definition, roots, entry, input, options),
  }
}

/**
 * The root of every decoding context: a dispatch, so that paths skip it as they skip
 * `dispatch`. A form body's root says so, for the codecs that read a form's empty field
 * as an empty list (`emptyListInForm`).
 */
const rootOf = (vendor: Vendor, form: boolean): t.Decoder<unknown, unknown> & { readonly _tag: typeof DISPATCH_TAG } =>
  Object.assign(
    // Stryker disable next-line BooleanLiteral: equivalent, the root only names and marks the context: nothing calls its `is`
    new t.Type<unknown>(`${VENDOR_NAMES[vendor]} callback`, (_u): _u is unknown => true, t.success, t.identity),
    form ? { _tag: DISPATCH_TAG, ...({ bodyEncoding: 'form' } satisfies FormBodyMark) } : { _tag: DISPATCH_TAG },
  )

/** A registration's two roots: for a body read from JSON or an object, and for a form body. */
interface Roots {
  readonly json: t.Decoder<unknown, unknown>
  readonly form: t.Decoder<unknown, unknown>
}

const run = <V extends Vendor, K extends string, S>(
  definition: VendorDefinition<V, K, S>,
  roots: Roots,
  entry: EntrySpec,
  input: unknown,
  options: unknown,
): either.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>> => {
  const { vendor } = definition
  const given = readOptions(vendor, input, options)
  if (E.isLeft(given)) return given
  const common = checkCommonOptions(vendor, input, given.right, definition.defaultTimeZone)
  if (E.isLeft(common)) return common
  const settings = definition.settings(given.right, common.right)
  if (E.isLeft(settings)) return E.left(optionProblemError(vendor, input, settings.left))
  try {
    // Inside the try: reading a hand-built body runs its accessors, which may throw.
    // Read once, into data the library owns: nothing decoded or built afterwards can see an
    // accessor answer twice, or hold (and so freeze) an object of the caller's.
    const body = readBody(input, entry.strings ?? 'text', common.right.maxBodySize)
    if (!body.ok) return E.left(invalidBodyError(vendor, input, [body.problem]))
    const value = body.value
    // Stryker disable next-line StringLiteral: equivalent, an issue's path is read from the entries below the root (pathOf in src/errors/validation.ts)
    const root: t.Context = [{ key: '', type: body.form === true ? roots.form : roots.json, actual: value }]
    const key = definition.pick(value, root)
    if (isPickFailure(key)) return E.left(pickError(vendor, input, key))
    const shape = definition.shapes[key]
    if (!accepts(entry, key, shape)) return E.left(unexpectedCallback(vendor, input, shape, entry))
    // Cannot happen: an entry is built on a registration that decodes every kind it accepts.
    if (!hasDecoder(shape)) return E.left(unreadable(vendor, input, `this build of deliverykit has no decoder of ${shape.name} here`))
    // The common case first: a value the codec's `is` accepts decodes to itself (io-ts's
    // rule, which every codec here keeps), so no context or result is built for it.
    let decoded: unknown = value
    // Stryker disable next-line ConditionalExpression: equivalent, validating a value `is` accepts gives the value itself; the check only spares the work
    if (!shape.codec.is(value)) {
      const validated = shape.codec.validate(value, t.appendContext(root, '', shape.codec, value))
      if (E.isLeft(validated)) return E.left(invalidBody(vendor, input, validated.left))
      decoded = validated.right
    }
    // The one cast of the pipeline: `pick` chose this shape, and its codec decoded the value.
    const built = shape.build(decoded as never, settings.right)
    if (E.isLeft(built)) {
      const problem = built.left
      return E.left('bodyIssue' in problem ? invalidBodyError(vendor, input, [problem.bodyIssue]) : optionProblemError(vendor, input, problem))
    }
    return settleUnknownStatuses(vendor, input, common.right.keepUnknown, built.right)
  } catch (thrown) {
    return E.left(unreadable(vendor, input, describeThrown(thrown)))
  }
}

const optionProblemError = (vendor: Vendor, input: unknown, problem: OptionProblem): InvalidOptionsError =>
  invalidOption(vendor, input, problem.option, problem.expected, problem.received, problem.known, problem.index)

const accepts = (entry: EntrySpec, key: string, shape: ShapeName): boolean =>
  entry.accepts.includes(shape.kind) && (entry.shapes === undefined || entry.shapes.includes(key))

/** The body could not be read: an accessor of a hand-built body, or a Proxy trap, threw. */
const unreadable = (vendor: Vendor, input: unknown, why: string): InvalidBodyError => invalidBodyError(vendor, input, [unreadableIssue(why)])

const invalidBody = (vendor: Vendor, input: unknown, errors: t.Errors): InvalidBodyError => {
  const [first, ...rest] = errors
  if (first === undefined) return unreadable(vendor, input, 'the decoder reported no reason')
  const { issues, omitted } = issuesFromValidation([first, ...rest])
  return invalidBodyError(vendor, input, issues, omitted)
}

const pickError = (vendor: Vendor, input: unknown, picked: PickFailure): InvalidBodyError | UnknownChannelError => {
  if ('failure' in picked) return invalidBody(vendor, input, picked.failure)
  const { channel, expected, path } = picked.unknownChannel
  return unknownChannelError(vendor, input, unknownChannelIssue(vendor, channel, expected, path, didYouMean(channel, expected)))
}

/** The functions that decode a kind of callback, the webhook entry first. */
const DECODED_BY: Readonly<Record<CallbackKind, ReadonlyArray<string>>> = {
  delivery: ['normalizeWebhook', 'normalize'],
  opt_out: ['normalizeWebhook', 'normalizeInbound'],
  inbound: ['normalizeWebhook', 'normalizeInbound'],
}

const unexpectedCallback = (vendor: Vendor, input: unknown, shape: ShapeName, entry: EntrySpec): UnexpectedCallbackError =>
  unexpectedCallbackError(vendor, input, unexpectedCallbackIssue(shape.kind, shape.name, entry.decodes, DECODED_BY[shape.kind]))
