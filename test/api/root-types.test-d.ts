/**
 * Types that guide (issue 13): every type a caller writes in an annotation comes from the
 * root, a vendor known only at run time needs no cast, and leaving out Messangi's options
 * is a compile error that names `channel` (its text is checked in compile-errors.test.ts).
 */
import {
  DEFAULT_OPT_OUT_KEYWORDS,
  MESSANGI_CHANNELS,
  isMessangiChannel,
  isOptOutKeyword,
  isVendor,
  normalize,
  normalizeInbound,
  normalizeWebhook,
  parse,
  parseWebhook,
  safeParse,
  safeParseInbound,
  safeParseWebhook,
  type AnyEvent,
  type AnyWebhookEvent,
  type BodyIssue,
  type CallOptions,
  type CallbackKind,
  type CatalogEntry,
  type ChannelMismatchIssue,
  type Channel,
  type ChannelCatalogs,
  type Classification,
  type ClassifiedStatus,
  type ClassifyError,
  type CommonOptions,
  type Cost,
  type DefaultOptions,
  type DeliveryEvent,
  type Detection,
  type EventDetails,
  type EventsFor,
  type Failure,
  type FailureEvent,
  type FailureReason,
  type FinalEvent,
  type HistoryEntry,
  type InboundEvent,
  type InboundMessageEvent,
  type InboundOptions,
  type InvalidBodyError,
  type InvalidOptionIssue,
  type InvalidOptionsError,
  type Issue,
  type IssuePath,
  type MasstackChannelName,
  type MasstackOptions,
  type MessangiChannel,
  type MessangiInboundOptions,
  type MessangiLegacyOptions,
  type MessangiOptions,
  type MessangiOptOutOptions,
  type MissingOptions,
  type NormalizeError,
  type OctopushInboundOptions,
  type OctopushOptions,
  type OctopushPhoneChannelOption,
  type OptOutEvent,
  type OptionsFor,
  type RequiredOptionNames,
  type SafeParseResult,
  type Status,
  type StatusReport,
  type TooLargeIssue,
  type TransientEvent,
  type UnexpectedCallbackError,
  type UnexpectedCallbackIssue,
  type UnknownChannelError,
  type UnknownChannelIssue,
  type UnknownStatusError,
  type UnknownStatusEvent,
  type UnknownStatusIssue,
  type Vendor,
  type VendorWithoutOptions,
  type WebhookEvent,
  type WebhookEventsFor,
} from 'deliverykit'
import type * as masstack from 'deliverykit/masstack'
import type * as messangi from 'deliverykit/messangi'
import type * as octopush from 'deliverykit/octopush'
import type { either as E } from 'fp-ts'
import { describe, expectTypeOf, it } from 'vitest'

describe('types from the root', () => {
  it('are the vendor entries\' option and channel types', () => {
    expectTypeOf<OctopushOptions>().toEqualTypeOf<octopush.OctopushOptions>()
    expectTypeOf<OctopushInboundOptions>().toEqualTypeOf<octopush.OctopushInboundOptions>()
    expectTypeOf<OctopushPhoneChannelOption>().toEqualTypeOf<octopush.OctopushPhoneChannelOption>()
    expectTypeOf<MessangiOptions>().toEqualTypeOf<messangi.MessangiOptions>()
    expectTypeOf<MessangiInboundOptions>().toEqualTypeOf<messangi.MessangiInboundOptions>()
    expectTypeOf<MessangiLegacyOptions>().toEqualTypeOf<messangi.MessangiLegacyOptions>()
    expectTypeOf<MessangiChannel>().toEqualTypeOf<'sms' | 'email' | 'push' | 'rcs' | 'whatsapp'>()
    expectTypeOf<MasstackOptions>().toEqualTypeOf<masstack.MasstackOptions>()
    expectTypeOf<MasstackChannelName>().toEqualTypeOf<'sms' | 'email'>()
    expectTypeOf<OptionsFor<'messangi'>>().toEqualTypeOf<MessangiOptions>()
    expectTypeOf<MessangiOptOutOptions>().toEqualTypeOf<messangi.MessangiOptOutOptions>()
    expectTypeOf(MESSANGI_CHANNELS).toEqualTypeOf<ReadonlyArray<MessangiChannel>>()
    expectTypeOf(isMessangiChannel).toEqualTypeOf<typeof messangi.isMessangiChannel>()
    expectTypeOf(isMessangiChannel).guards.toEqualTypeOf<MessangiChannel>()
  })

  it('take optOutKeywords where an entry decodes Messangi inbound messages', () => {
    expectTypeOf<MessangiOptions['optOutKeywords']>().toEqualTypeOf<ReadonlyArray<string> | undefined>()
    expectTypeOf<MessangiInboundOptions['optOutKeywords']>().toEqualTypeOf<ReadonlyArray<string> | undefined>()
    expectTypeOf<InboundOptions['optOutKeywords']>().toEqualTypeOf<ReadonlyArray<string> | undefined>()
    expectTypeOf(DEFAULT_OPT_OUT_KEYWORDS).toEqualTypeOf<ReadonlyArray<string>>()
    expectTypeOf(isOptOutKeyword).parameters.toEqualTypeOf<[text: string, keywords?: ReadonlyArray<string>]>()
    const keywords: ReadonlyArray<string> | undefined = undefined
    expectTypeOf(normalizeWebhook('messangi', '', { channel: 'sms', optOutKeywords: keywords })).not.toBeNever()
    expectTypeOf(normalizeInbound('messangi', '', { optOutKeywords: ['BAJA'] })).not.toBeNever()
  })

  it('are what the entries return and take', () => {
    expectTypeOf(safeParseWebhook('octopush', '')).toEqualTypeOf<SafeParseResult<ReadonlyArray<WebhookEvent>>>()
    expectTypeOf(safeParseWebhook('octopush', '', { unknownStatus: 'keep' })).toEqualTypeOf<SafeParseResult<ReadonlyArray<AnyWebhookEvent>>>()
    expectTypeOf<WebhookEventsFor<DefaultOptions>>().toEqualTypeOf<ReadonlyArray<WebhookEvent>>()
    expectTypeOf<EventsFor<CommonOptions>>().toEqualTypeOf<ReadonlyArray<AnyEvent>>()
    expectTypeOf(safeParseInbound('octopush', '')).toEqualTypeOf<SafeParseResult<ReadonlyArray<InboundEvent>>>()
    expectTypeOf(normalizeInbound).parameter(2).toEqualTypeOf<InboundOptions | undefined>()
    expectTypeOf<WebhookEvent>().toEqualTypeOf<DeliveryEvent | OptOutEvent | InboundMessageEvent>()
    expectTypeOf<AnyEvent>().toEqualTypeOf<DeliveryEvent | UnknownStatusEvent>()
    expectTypeOf<DeliveryEvent>().toEqualTypeOf<TransientEvent | FinalEvent | FailureEvent>()
    expectTypeOf<WebhookEvent['kind']>().toEqualTypeOf<CallbackKind>()
    expectTypeOf<DeliveryEvent['status']>().toEqualTypeOf<Status>()
    expectTypeOf<DeliveryEvent['classification']>().toEqualTypeOf<Classification>()
    expectTypeOf<DeliveryEvent['channel']>().toEqualTypeOf<Channel>()
    expectTypeOf<FailureEvent['failure']>().toEqualTypeOf<Failure>()
    expectTypeOf<Failure['reason']>().toEqualTypeOf<FailureReason>()
    expectTypeOf<DeliveryEvent['details']>().toEqualTypeOf<EventDetails>()
    expectTypeOf<DeliveryEvent['cost']>().toEqualTypeOf<Cost | undefined>()
    expectTypeOf<DeliveryEvent['history']>().toEqualTypeOf<ReadonlyArray<HistoryEntry>>()
  })

  it('are the errors and issues, one per kind and code', () => {
    expectTypeOf<NormalizeError>().toEqualTypeOf<InvalidBodyError | UnknownStatusError | UnknownChannelError | UnexpectedCallbackError | InvalidOptionsError>()
    expectTypeOf<InvalidBodyError['issues'][number]>().toEqualTypeOf<BodyIssue>()
    expectTypeOf<UnknownStatusError['issues'][number]>().toEqualTypeOf<UnknownStatusIssue>()
    expectTypeOf<UnknownChannelError['issues'][number]>().toEqualTypeOf<UnknownChannelIssue>()
    expectTypeOf<UnexpectedCallbackError['issues'][number]>().toEqualTypeOf<UnexpectedCallbackIssue>()
    expectTypeOf<InvalidOptionsError['issues'][number]>().toEqualTypeOf<InvalidOptionIssue>()
    expectTypeOf<TooLargeIssue>().toExtend<Issue>()
    expectTypeOf<ChannelMismatchIssue>().toExtend<BodyIssue>()
    expectTypeOf<ChannelMismatchIssue['channel']>().toEqualTypeOf<Channel>()
    expectTypeOf<Issue['path']>().toEqualTypeOf<IssuePath>()
    expectTypeOf<InvalidBodyError['omittedIssues']>().toEqualTypeOf<number | undefined>()
  })

  it('are the helpers\' types', () => {
    expectTypeOf<ChannelCatalogs>().toBeObject()
    expectTypeOf<CatalogEntry['status']>().toEqualTypeOf<Status>()
    expectTypeOf<StatusReport['code']>().toEqualTypeOf<string>()
    expectTypeOf<ClassifiedStatus>().toBeObject()
    expectTypeOf<ClassifyError>().toBeObject()
    expectTypeOf<Detection['detected']>().toEqualTypeOf<boolean>()
  })
})

describe('a vendor known only at run time', () => {
  const fromUrl = (segment: string): Vendor | undefined => (isVendor(segment) ? segment : undefined)
  const vendor = fromUrl('messangi') ?? 'octopush'

  it('calls every root entry without a cast, with the options every vendor accepts', () => {
    expectTypeOf<CallOptions<Vendor>>().toEqualTypeOf<CommonOptions>()
    expectTypeOf<CallOptions<'octopush' | 'masstack'>>().toEqualTypeOf<CommonOptions>()
    expectTypeOf<CallOptions<'messangi'>>().toEqualTypeOf<MessangiOptions>()
    expectTypeOf(safeParse(vendor, '')).toEqualTypeOf<SafeParseResult<ReadonlyArray<DeliveryEvent>>>()
    expectTypeOf(normalize(vendor, '', { timeZone: 'UTC' })).toEqualTypeOf<E.Either<NormalizeError, ReadonlyArray<DeliveryEvent>>>()
    expectTypeOf(parse(vendor, '', { unknownStatus: 'keep' })).toEqualTypeOf<ReadonlyArray<DeliveryEvent | UnknownStatusEvent>>()
    expectTypeOf(safeParseWebhook(vendor, '', { maxBodySize: 1024 })).toEqualTypeOf<SafeParseResult<ReadonlyArray<WebhookEvent>>>()
    expectTypeOf(normalizeWebhook(vendor, '')).toEqualTypeOf<E.Either<NormalizeError, ReadonlyArray<WebhookEvent>>>()
    expectTypeOf(parseWebhook(vendor, '')).toEqualTypeOf<ReadonlyArray<WebhookEvent>>()
    const common: CommonOptions = { timeZone: 'Europe/Paris' }
    expectTypeOf(safeParseWebhook(vendor, '', common)).toEqualTypeOf<SafeParseResult<ReadonlyArray<AnyWebhookEvent>>>()
  })

  it('takes a vendor-specific option only once the vendor is narrowed', () => {
    // @ts-expect-error: Masstack takes no channel, so a vendor known at run time takes none either
    safeParse(vendor, '', { channel: 'sms' })
    if (vendor === 'messangi') expectTypeOf(safeParse(vendor, '', { channel: 'sms' }).success).toEqualTypeOf<boolean>()
  })
})

describe('Messangi named in the code', () => {
  it('does not compile without its options, and the error names channel', () => {
    expectTypeOf<RequiredOptionNames<'messangi'>>().toEqualTypeOf<'channel'>()
    expectTypeOf<RequiredOptionNames<'octopush'>>().toEqualTypeOf<never>()
    expectTypeOf<MissingOptions<'messangi'>>().toEqualTypeOf<'messangi needs the options argument: pass { channel } after the body'>()
    expectTypeOf<VendorWithoutOptions<'messangi'>>().toEqualTypeOf<MissingOptions<'messangi'>>()
    expectTypeOf<VendorWithoutOptions<'octopush'>>().toEqualTypeOf<'octopush'>()
    expectTypeOf<VendorWithoutOptions<Vendor>>().toEqualTypeOf<Vendor>()
    // @ts-expect-error: messangi needs the options argument: pass { channel } after the body
    safeParse('messangi', '')
    // @ts-expect-error: the same for the webhook entry
    safeParseWebhook('messangi', '')
    // @ts-expect-error: an explicit undefined is no channel either
    parse('messangi', '', undefined)
    expectTypeOf(safeParseWebhook('messangi', '', { channel: 'sms' })).toEqualTypeOf<SafeParseResult<ReadonlyArray<WebhookEvent>>>()
  })

  it('leaves Octopush and Masstack calls as they were', () => {
    expectTypeOf(parse('octopush', '', undefined)).toEqualTypeOf<ReadonlyArray<DeliveryEvent>>()
    const maybe = undefined as OctopushOptions | undefined
    expectTypeOf(parse('octopush', '', maybe)).toEqualTypeOf<ReadonlyArray<DeliveryEvent | UnknownStatusEvent>>()
    expectTypeOf(parse('masstack', '', { timeZone: 'UTC' })).toEqualTypeOf<ReadonlyArray<DeliveryEvent>>()
  })
})
