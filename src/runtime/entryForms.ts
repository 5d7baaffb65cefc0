import type { either } from 'fp-ts'
import * as E from '../util/either.js'

import { DeliveryKitError } from '../errors/DeliveryKitError.js'
import type { NormalizeError } from '../errors/error.js'
import type { AnyWebhookEvent } from '../model/webhook.js'
import { schemaEntry, type EntrySpec, type RegisteredVendor } from './run.js'
import { eventsSchema } from './standardSchema.js'
import type { EntryName, Normalizer, Parser, SafeParseResult, SafeParser, SchemaFactory } from '../types/entries.js'

/** The `safeParse` form of a result. */
export const toSafeParseResult = <Events>(result: either.Either<NormalizeError, Events>): SafeParseResult<Events> =>
  E.isRight(result) ? { success: true, events: result.right } : { success: false, error: result.left }

/** The `parse` form of a result: the events, or a thrown `DeliveryKitError`. */
export const eventsOrThrow = <Events>(result: either.Either<NormalizeError, Events>): Events => {
  if (E.isLeft(result)) throw new DeliveryKitError(result.left)
  return result.right
}

// One builder per form, each called with /*#__PURE__*/ by the vendor's entry module: a
// bundle that imports `normalize` alone keeps neither `parse` nor the error class it throws.
// The types narrow the events to the options given, which is safe: without
// `unknownStatus: 'keep'` no unknown event passes `settleUnknownStatuses`, and an entry
// returns only the kinds its spec accepts.

/** An entry of a vendor in its fp-ts form. */
export const normalizer = <Entry extends EntryName, Options>(vendor: RegisteredVendor, entry: EntrySpec): Normalizer<Entry, Options> => {
  const normalize = (body: unknown, options?: unknown): either.Either<NormalizeError, ReadonlyArray<AnyWebhookEvent>> => vendor.run(entry, body, options)
  return normalize as unknown as Normalizer<Entry, Options>
}

/** An entry of a vendor in its `safeParse` form. */
export const safeParser = <Entry extends EntryName, Options>(vendor: RegisteredVendor, entry: EntrySpec): SafeParser<Entry, Options> => {
  const safeParse = (body: unknown, options?: unknown) => toSafeParseResult(vendor.run(entry, body, options))
  return safeParse as unknown as SafeParser<Entry, Options>
}

/** An entry of a vendor in its `parse` form. */
export const parser = <Entry extends EntryName, Options>(vendor: RegisteredVendor, entry: EntrySpec): Parser<Entry, Options> => {
  const parse = (body: unknown, options?: unknown) => eventsOrThrow(vendor.run(entry, body, options))
  return parse as unknown as Parser<Entry, Options>
}

/** An entry of a vendor as a Standard Schema factory (`webhookSchema`). */
export const schemaFactory = <Entry extends EntryName, Options>(vendor: RegisteredVendor, entry: EntrySpec): SchemaFactory<Entry, Options> => {
  // A schema validates what a framework parsed: a string is a JSON string, not text to parse again.
  const parsed = schemaEntry(entry)
  const schema = (options?: unknown) => eventsSchema((body) => vendor.run(parsed, body, options))
  return schema as unknown as SchemaFactory<Entry, Options>
}
