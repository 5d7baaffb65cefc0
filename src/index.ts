/**
 * deliverykit turns messaging vendors' delivery-status webhooks into one typed,
 * exhaustively switchable event model: `normalize(vendor, body)` gives events classified
 * as `transient`, `final` or `failure`, or an error that says what was wrong and where.
 *
 * @example
 * ```ts
 * import { safeParseWebhook, formatError } from 'deliverykit'
 *
 * const result = safeParseWebhook('octopush', body)
 * if (!result.success) throw new Error(formatError(result.error))
 * for (const event of result.events) {
 *   if (event.kind === 'opt_out') suppress(event.from)
 *   else if (event.kind === 'delivery' && event.classification === 'failure' && event.failure.permanent) suppress(event.recipient)
 * }
 * ```
 * @module deliverykit
 */
export {
  normalize,
  normalizeInbound,
  normalizeWebhook,
  parse,
  parseInbound,
  parseWebhook,
  safeParse,
  safeParseInbound,
  safeParseWebhook,
  type OptionalFor,
  type RootNormalizer,
  type RootParser,
  type RootSafeParser,
} from './normalize.js'
export { detectVendor, type Detected, type Detection, type NotDetected } from './detect.js'
export type {
  CallOptions,
  InboundOptions,
  InboundVendor,
  MissingOptions,
  OptionsFor,
  RequiredOptionNames,
  VendorOptions,
  VendorWithOptionalOptions,
  VendorWithRequiredOptions,
  VendorInboundOptions,
  VendorWithoutOptions,
} from './options.js'
export { isInboundVendor } from './options.js'
// The vendors' option and channel types, which callers of the root entries write in annotations.
export type { OctopushInboundOptions, OctopushOptions, OctopushPhoneChannelOption } from './vendors/octopush/index.js'
export type { MessangiChannel, MessangiInboundOptions, MessangiLegacyOptions, MessangiOptions, MessangiOptOutOptions } from './vendors/messangi/index.js'
export { MESSANGI_CHANNELS, isMessangiChannel } from './vendors/messangi/channel.js'
export { DEFAULT_OPT_OUT_KEYWORDS, isOptOutKeyword } from './kit/optOutKeywords.js'
export type { MasstackChannelName, MasstackOptions } from './vendors/masstack/index.js'
export type { InboundBase, InboundEvent, InboundMessageEvent, OptOutEvent } from './model/inbound.js'
export type { AnyWebhookEvent, CallbackKind, WebhookEvent } from './model/webhook.js'
export { classify, eventFromStatus, type ClassifiedStatus, type ClassifyError, type StatusReport } from './classify.js'
export type { EntryEvents, EntryForms, EntryName, Normalizer, Parser, SafeParser, SafeParseResult, SchemaFactory } from './types/entries.js'
export { webhookSchema, type RootSchemaFactory } from './schema.js'
export type { EventsSchema, EventsSchemaProps, StandardSchemaV1 } from './types/standardSchema.js'
export { DEFAULT_MAX_BODY_SIZE, type CommonOptions } from './types/options.js'

export { CHANNELS, type Channel } from './model/channel.js'
export { VENDORS, isVendor, type Vendor } from './model/vendor.js'
export {
  CLASSIFICATION_OF_STATUS,
  FAILURE_REASONS,
  STATUSES,
  type Classification,
  type Failure,
  type FailureMapping,
  type FailureReason,
  type FailureStatus,
  type FinalMapping,
  type FinalStatus,
  type Status,
  type StatusMapping,
  type TransientMapping,
  type TransientStatus,
} from './model/status.js'
export type {
  AnyEvent,
  Cost,
  DeliveryEvent,
  EventBase,
  EventDetails,
  FailureEvent,
  FinalEvent,
  HistoryEntry,
  TransientEvent,
  UnknownMapping,
  UnknownStatusEvent,
} from './model/event.js'
export type { DefaultOptions, EventsFor, WebhookEventsFor } from './model/options.js'
export { channelsWithStatus, lookupStatus, type CatalogEntry, type ChannelCatalogs } from './model/catalog.js'
export { CHANNEL_NAMES, VENDOR_NAMES } from './model/names.js'
export { absurd, isFailure, isFinal, isTransient, isUnknownStatus } from './model/guards.js'
export { matchClassification, matchStatus, type ClassificationHandlers, type StatusHandlers, type WithStatus } from './model/match.js'
export { STATUS_RANK, advance, rankOf } from './model/precedence.js'

export type {
  InvalidBodyError,
  InvalidOptionsError,
  NormalizeError,
  UnexpectedCallbackError,
  UnknownChannelError,
  UnknownStatusError,
} from './errors/error.js'
export type {
  BodyIssue,
  ChannelMismatchIssue,
  InvalidOptionIssue,
  InvalidSyntaxIssue,
  InvalidTypeIssue,
  InvalidValueIssue,
  Issue,
  IssuePath,
  MissingFieldIssue,
  NonEmptyReadonlyArray,
  TooLargeIssue,
  UnexpectedCallbackIssue,
  UnknownChannelIssue,
  UnknownStatusIssue,
  UnreadableIssue,
} from './errors/issue.js'
export { describeValue, formatError, formatPath } from './errors/format.js'
export { DeliveryKitError, isDeliveryKitError } from './errors/DeliveryKitError.js'

/** The `deliverykit/octopush` entry as a namespace: `octopush.normalize(body)`. */
export * as octopush from './vendors/octopush/index.js'
/** The `deliverykit/messangi` entry as a namespace: `messangi.normalize(body, { channel })`. */
export * as messangi from './vendors/messangi/index.js'
/** The `deliverykit/masstack` entry as a namespace: `masstack.normalize(body)`. */
export * as masstack from './vendors/masstack/index.js'
