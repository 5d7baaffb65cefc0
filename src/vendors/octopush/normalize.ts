import { either as E } from 'fp-ts'

import { eventsOrThrow, toSafeParseResult, type SafeParseResult } from '../../api.js'
import type { NormalizeError } from '../../errors/error.js'
import { checkCommonOptions, decodeBody, fromDecoded, invalidOption, settleUnknownStatuses, type AnyEvents, type CommonOptions } from '../../internal/pipeline.js'
import type { Channel } from '../../model/channel.js'
import type { DefaultOptions, EventsFor } from '../../model/options.js'
import { OctopushDeliveryCallback } from './codec.js'
import { toEvents } from './toEvents.js'

/**
 * The zone Octopush's zone-less times are read in unless you say otherwise. Octopush
 * does not document one; it is a French company and its legacy API stated times "in
 * GMT+1", so Paris time (with daylight saving) is the reading its documents imply.
 *
 * @category Options
 */
export const OCTOPUSH_DEFAULT_TIME_ZONE = 'Europe/Paris'

/**
 * The channels a phone callback can be on: what `channel` may say for a body that does not
 * name its channel.
 *
 * @category Options
 */
export type OctopushPhoneChannelOption = Extract<Channel, 'sms' | 'voice' | 'rcs' | 'whatsapp'>

const PHONE_CHANNELS = ['sms', 'voice', 'rcs', 'whatsapp'] as const satisfies ReadonlyArray<OctopushPhoneChannelOption>

const isPhoneChannelOption = (value: unknown): value is OctopushPhoneChannelOption =>
  typeof value === 'string' && (PHONE_CHANNELS as ReadonlyArray<string>).includes(value)

/**
 * Options for Octopush bodies.
 *
 * @category Options
 */
export interface OctopushOptions extends CommonOptions {
  /**
   * The channel of a body without a `channel` field (the 2020 SMS format). Default
   * `'sms'`. A body that names its channel keeps it.
   */
  readonly channel?: OctopushPhoneChannelOption
  /** IANA zone Octopush's times are read in. Default {@link OCTOPUSH_DEFAULT_TIME_ZONE}. */
  readonly timeZone?: string
}

const normalizeAny = (body: unknown, options: OctopushOptions | undefined): E.Either<NormalizeError, AnyEvents> => {
  const settings = checkCommonOptions('octopush', body, options, OCTOPUSH_DEFAULT_TIME_ZONE, ['channel'])
  if (E.isLeft(settings)) return settings
  const defaultChannel: unknown = settings.right.options.channel ?? 'sms'
  if (!isPhoneChannelOption(defaultChannel)) {
    return E.left(invalidOption('octopush', body, 'channel', `one of ${PHONE_CHANNELS.join(', ')}`, defaultChannel))
  }
  const callback = decodeBody(OctopushDeliveryCallback, 'octopush', body)
  if (E.isLeft(callback)) return callback
  return fromDecoded('octopush', body, () => {
    const { events, unknownStatuses } = toEvents(callback.right, { defaultChannel, zone: settings.right.zone })
    return settleUnknownStatuses('octopush', body, settings.right.keepUnknown, events, unknownStatuses)
  })
}

/**
 * Decodes an Octopush delivery callback body (SMS, voice SMS, RCS, WhatsApp or e-mail)
 * into canonical events: one per phone callback, one per recipient of an e-mail callback.
 * Never throws, never mutates the body.
 *
 * @example
 * ```ts
 * import { normalize } from 'deliverykit/octopush'
 * import { either as E } from 'fp-ts'
 *
 * const result = normalize({
 *   channel: 'sms', message_id: 'sms_0000000000000000000000', number: '+33600112233',
 *   status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06',
 * })
 * if (E.isRight(result)) result.right[0]?.occurredAt // '2025-01-22T11:46:06+01:00'
 * ```
 * @category Normalize
 */
export const normalize = <O extends OctopushOptions = DefaultOptions>(
  body: unknown,
  options?: O,
): E.Either<NormalizeError, EventsFor<O>> =>
  // Safe: without unknownStatus 'keep', settleUnknownStatuses let no unknown event through.
  normalizeAny(body, options) as E.Either<NormalizeError, EventsFor<O>>

/**
 * Like {@link normalize}, for code that does not use fp-ts: `{ success: true, events }`
 * or `{ success: false, error }`.
 *
 * @category Normalize
 */
export const safeParse = <O extends OctopushOptions = DefaultOptions>(body: unknown, options?: O): SafeParseResult<EventsFor<O>> =>
  toSafeParseResult(normalize(body, options))

/**
 * Like {@link normalize}, returning the events or throwing a `DeliveryKitError`.
 *
 * @category Normalize
 */
export const parse = <O extends OctopushOptions = DefaultOptions>(body: unknown, options?: O): EventsFor<O> =>
  eventsOrThrow(normalize(body, options))
