import { either as E } from 'fp-ts'

import { eventsOrThrow, toSafeParseResult, type SafeParseResult } from '../../api.js'
import type { NormalizeError } from '../../errors/error.js'
import { checkCommonOptions, decodeBody, fromDecoded, invalidOption, settleUnknownStatuses, type AnyEvents, type CommonOptions } from '../../internal/pipeline.js'
import type { Channel } from '../../model/channel.js'
import type { DefaultOptions, EventsFor } from '../../model/options.js'
import { MessangiBody, MessangiLegacyCallback } from './codec.js'
import { channelOf, toEvents } from './toEvents.js'

/**
 * The channels Messangi sends on.
 *
 * @category Options
 */
export type MessangiChannel = Extract<Channel, 'sms' | 'email' | 'push' | 'rcs' | 'whatsapp'>

const MESSANGI_CHANNELS = ['sms', 'email', 'push', 'rcs', 'whatsapp'] as const satisfies ReadonlyArray<MessangiChannel>

const isMessangiChannel = (value: unknown): value is MessangiChannel =>
  typeof value === 'string' && (MESSANGI_CHANNELS as ReadonlyArray<string>).includes(value)

/**
 * Options for Messangi bodies. `channel` is required: Messangi's status callback and send
 * API response do not say which channel the message is on (the endpoint you registered,
 * or the API you called, does), and the same code means different things per channel.
 *
 * @category Options
 */
export interface MessangiOptions extends CommonOptions {
  /**
   * The channel of the body. A legacy form callback names its own in `TYPE`, which wins;
   * use {@link normalizeLegacy} to normalize those without naming one.
   */
  readonly channel: MessangiChannel
}

/**
 * Options for legacy form callbacks, which name their channel in `TYPE`.
 *
 * @category Options
 */
export type MessangiLegacyOptions = CommonOptions

// Messangi's times carry Z or an offset; the zone option has nothing to read, so UTC stands in.
const NO_ZONE_NEEDED = 'UTC'

const CHANNEL_EXPECTED = `one of ${MESSANGI_CHANNELS.join(', ')} (Messangi status callbacks and send API responses do not name their channel)`

const normalizeAny = (body: unknown, options: Partial<MessangiOptions> | undefined, legacyOnly: boolean): E.Either<NormalizeError, AnyEvents> => {
  const settings = checkCommonOptions('messangi', body, options, NO_ZONE_NEEDED, ['channel'])
  if (E.isLeft(settings)) return settings
  const given: unknown = settings.right.options.channel
  if (given !== undefined && !isMessangiChannel(given)) return E.left(invalidOption('messangi', body, 'channel', CHANNEL_EXPECTED, given))
  const decoded = legacyOnly ? decodeBody(MessangiLegacyCallback, 'messangi', body) : decodeBody(MessangiBody, 'messangi', body)
  if (E.isLeft(decoded)) return decoded
  return fromDecoded('messangi', body, () => {
    const channel = channelOf(decoded.right, given)
    // Typed callers cannot get here without a channel; JavaScript callers and the CLI can.
    if (channel === undefined) return E.left(invalidOption('messangi', body, 'channel', CHANNEL_EXPECTED, channel))
    const { events, unknownStatuses } = toEvents(decoded.right, channel)
    return settleUnknownStatuses('messangi', body, settings.right.keepUnknown, events, unknownStatuses)
  })
}

/** For the root registry, whose callers may be untyped: a missing channel is an error there. */
export const normalizeUnchecked = (body: unknown, options: MessangiOptions | undefined): E.Either<NormalizeError, AnyEvents> =>
  normalizeAny(body, options, false)

/**
 * Decodes a Messangi body into its canonical event: the status callback (SMS MT or
 * WhatsApp), the send API's `{ meta, data }` response, or a legacy form callback. The
 * channel is required because the first two do not name it. Never throws, never mutates
 * the body.
 *
 * @example
 * ```ts
 * import { normalize } from 'deliverykit/messangi'
 * import { either as E } from 'fp-ts'
 *
 * const result = normalize(
 *   { id: 'wa-1', status: 'READ', to: '+5588999999999', date: '2024-01-01T12:00:00.000Z' },
 *   { channel: 'whatsapp' },
 * )
 * if (E.isRight(result)) result.right[0]?.status // 'read'
 * ```
 * @category Normalize
 */
export const normalize = <O extends MessangiOptions>(body: unknown, options: O): E.Either<NormalizeError, EventsFor<O>> =>
  // Safe: without unknownStatus 'keep', settleUnknownStatuses let no unknown event through.
  normalizeAny(body, options, false) as E.Either<NormalizeError, EventsFor<O>>

/**
 * Like {@link normalize}, for code that does not use fp-ts: `{ success: true, events }`
 * or `{ success: false, error }`.
 *
 * @category Normalize
 */
export const safeParse = <O extends MessangiOptions>(body: unknown, options: O): SafeParseResult<EventsFor<O>> =>
  toSafeParseResult(normalize(body, options))

/**
 * Like {@link normalize}, returning the events or throwing a `DeliveryKitError`.
 *
 * @category Normalize
 */
export const parse = <O extends MessangiOptions>(body: unknown, options: O): EventsFor<O> => eventsOrThrow(normalize(body, options))

/**
 * Decodes a legacy form callback (`FROM`, `TO`, `MESSAGE_BODY`, `TYPE`, `CLIENT_ID`,
 * `MESSANGI_ID`, `STATUS`; every value text, as from a parsed form) into its event. No
 * channel option: `TYPE` names it. Any other body is an `invalid_body` error.
 *
 * @example
 * ```ts
 * import { normalizeLegacy } from 'deliverykit/messangi'
 * import { URLSearchParams } from 'node:url'
 * const form = Object.fromEntries(new URLSearchParams(requestBody))
 * const result = normalizeLegacy(form)
 * ```
 * @category Normalize
 */
export const normalizeLegacy = <O extends MessangiLegacyOptions = DefaultOptions>(
  body: unknown,
  options?: O,
): E.Either<NormalizeError, EventsFor<O>> => normalizeAny(body, options, true) as E.Either<NormalizeError, EventsFor<O>>

/**
 * Like {@link normalizeLegacy}, returning `{ success: true, events }` or
 * `{ success: false, error }`.
 *
 * @category Normalize
 */
export const safeParseLegacy = <O extends MessangiLegacyOptions = DefaultOptions>(body: unknown, options?: O): SafeParseResult<EventsFor<O>> =>
  toSafeParseResult(normalizeLegacy(body, options))

/**
 * Like {@link normalizeLegacy}, returning the events or throwing a `DeliveryKitError`.
 *
 * @category Normalize
 */
export const parseLegacy = <O extends MessangiLegacyOptions = DefaultOptions>(body: unknown, options?: O): EventsFor<O> =>
  eventsOrThrow(normalizeLegacy(body, options))
