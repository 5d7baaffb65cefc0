import type { either } from 'fp-ts'
import type * as t from 'io-ts'

import type { BodyIssue, IssuePath, UnknownStatusIssue } from '../errors/issue.js'
import type { Vendor } from '../model/vendor.js'
import type { AnyWebhookEvent, CallbackKind } from '../model/webhook.js'
import type { ChannelRows } from './rows.js'
import type { Zone } from '../util/time.js'

/**
 * A vendor, as data: its catalogs, its options, the shapes of the callbacks it sends, and
 * the one rule that tells them apart. Every entry point (delivery, webhook, inbound; the
 * Either, safeParse and parse forms; the root and the vendor's own entry) is built from
 * this, in src/runtime/run.ts and src/runtime/entryForms.ts, so a vendor folder holds
 * its codecs, catalogs, event builders and this definition, and no wrappers.
 *
 * `register(vendor, shapes)` takes it in two parts, so that one vendor can be registered
 * twice: with every shape's decoder, for the webhook and inbound entries, and with the
 * delivery shapes' decoders alone (the others by name), for the delivery entries, so a
 * bundle that decodes delivery receipts only carries no opt-out or inbound decoder.
 */
export interface VendorDefinition<V extends Vendor, K extends string, S> extends VendorRules<V, K, S> {
  /**
   * Each shape: its decoder and event builder or, where no entry built on this definition
   * accepts its kind, only its kind and name (enough to refuse it by name).
   */
  readonly shapes: Readonly<Record<K, CallbackShape<S> | ShapeName>>
}

/** A vendor's definition but its shapes. */
export interface VendorRules<V extends Vendor, K extends string, S> {
  readonly vendor: V
  /** Its catalogs' rows, without the rationales (the public catalogs join them). */
  readonly catalogs: ChannelRows
  /** The zone the vendor's zone-less times are read in unless the caller says otherwise. */
  readonly defaultTimeZone: string
  /**
   * The vendor's own options, read from the caller's options (a plain snapshot, read once),
   * after the common ones (`timeZone`, `unknownStatus`, `maxBodySize`) were checked.
   */
  readonly settings: (options: Readonly<Record<string, unknown>>, common: CommonSettings) => either.Either<OptionProblem, S>
  /**
   * The one place a body's shape is decided: which of `shapes` it is, by its fields. The
   * decoder and the event builder both follow this answer; nothing decides it again.
   */
  readonly pick: (value: unknown, context: t.Context) => K | PickFailure
}

/** What every vendor's settings start from: the common options, checked. */
export interface CommonSettings {
  readonly zone: Zone
  readonly keepUnknown: boolean
}

/** An option a vendor refuses, or a body needs and the caller did not give. */
export interface OptionProblem {
  readonly option: string
  readonly expected: string
  readonly received: unknown
  /** The values the option takes, where they are a short list: one a typo away is suggested. */
  readonly known?: ReadonlyArray<string>
  /** The item of a list option that is wrong, where one is (`optOutKeywords[2]`). */
  readonly index?: number
}

/**
 * A body whose own fields contradict what an option says of it (a Messangi `to` that is an
 * e-mail address, with `channel: 'sms'`): refused as `invalid_body` with this issue.
 */
export interface BodyProblem {
  readonly bodyIssue: BodyIssue
}

/** Why `pick` found no shape: a decoding failure, or a channel the vendor added. */
export type PickFailure =
  | { readonly failure: t.Errors }
  | { readonly unknownChannel: { readonly channel: string; readonly expected: ReadonlyArray<string>; readonly path: IssuePath } }

/** Events a shape built, and the status codes its catalog did not know, with where they were. */
export interface Built {
  readonly events: ReadonlyArray<AnyWebhookEvent>
  /** The first unknown codes met (at most a hundred: see `collector`). */
  readonly unknownStatuses: ReadonlyArray<UnknownStatusIssue>
  /** How many unknown codes were met in all. */
  readonly unknownStatusCount: number
}

/** What kind of callback a shape is, and its name for messages. */
export interface ShapeName {
  readonly kind: CallbackKind
  /** "Octopush STOP (opt-out) callback": used in messages. */
  readonly name: string
}

/**
 * One body shape of a vendor: what kind of callback it is, its name for messages, its
 * codec, and how its events are built from the decoded value (and from nothing else).
 */
export interface CallbackShape<S> extends ShapeName {
  /** Its decoder; `is` answers whether a value is already in decoded form (it then decodes to itself). */
  readonly codec: t.Decoder<unknown, unknown> & { readonly is: (u: unknown) => boolean }
  /**
   * Builds the events of a value `codec` decoded. Cannot fail but for a missing option, or
   * a body whose fields contradict an option.
   */
  readonly build: (decoded: never, settings: S) => either.Either<OptionProblem | BodyProblem, Built>
}

/**
 * A shape whose builder takes exactly what its codec decodes: the one place where the
 * decoded type is tied to the builder, so that `shapes` can hold shapes of any type.
 */
export const callbackShape = <A, S>(
  named: ShapeName,
  codec: t.Decoder<unknown, A> & { readonly is: t.Is<A> },
  build: (decoded: A, settings: S) => either.Either<OptionProblem | BodyProblem, Built>,
): CallbackShape<S> => ({ kind: named.kind, name: named.name, codec, build })

/** Whether a shape of a definition comes with its decoder (see {@link VendorDefinition.shapes}). */
export const hasDecoder = <S>(shape: CallbackShape<S> | ShapeName): shape is CallbackShape<S> => 'codec' in shape

/** Whether `pick` chose a shape. */
export const isPickFailure = (picked: string | PickFailure): picked is PickFailure => typeof picked !== 'string'
