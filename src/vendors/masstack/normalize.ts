import { either as E } from 'fp-ts'

import { eventsOrThrow, toSafeParseResult, type SafeParseResult } from '../../api.js'
import type { NormalizeError } from '../../errors/error.js'
import { checkCommonOptions, decodeBody, fromDecoded, settleUnknownStatuses, type AnyEvents, type CommonOptions } from '../../internal/pipeline.js'
import type { DefaultOptions, EventsFor } from '../../model/options.js'
import { MasstackBody } from './codec.js'
import { toEvents } from './toEvents.js'

/**
 * The zone a zone-less Masstack time is read in unless you say otherwise. Every time
 * Masstack documents carries `Z` or an offset, which is kept; this only applies if your
 * records carry times without one. Masstack (MasOrange) is Spanish and its own examples
 * use Spanish local time (`+01:00`), hence Madrid.
 *
 * @category Options
 */
export const MASSTACK_DEFAULT_TIME_ZONE = 'Europe/Madrid'

/**
 * Options for Masstack bodies.
 *
 * @category Options
 */
export interface MasstackOptions extends CommonOptions {
  /**
   * IANA zone that zone-less times are read in. Default {@link MASSTACK_DEFAULT_TIME_ZONE}.
   * Times with `Z` or an offset keep theirs.
   */
  readonly timeZone?: string
}

const normalizeAny = (body: unknown, options: MasstackOptions | undefined): E.Either<NormalizeError, AnyEvents> => {
  const settings = checkCommonOptions('masstack', body, options, MASSTACK_DEFAULT_TIME_ZONE)
  if (E.isLeft(settings)) return settings
  const decoded = decodeBody(MasstackBody, 'masstack', body)
  if (E.isLeft(decoded)) return decoded
  return fromDecoded('masstack', body, () => {
    const { events, unknownStatuses } = toEvents(decoded.right, { zone: settings.right.zone })
    return settleUnknownStatuses('masstack', body, settings.right.keepUnknown, events, unknownStatuses)
  })
}

/**
 * Decodes Masstack communication status data into canonical events, one per record: a
 * single record, a list of them, or the Communications API's `{ commit, id, data }`
 * envelope around either. Masstack documents no callback, so this is for what you poll
 * (`GET /v2/orgs/{org}/communications`); the record's field names are inferred (see the
 * Masstack guide). Never throws, never mutates the body.
 *
 * Phone numbers beyond 2^53 must arrive as text: `JSON.parse` loses their digits, and
 * such a number is refused with an error that says so.
 *
 * @example
 * ```ts
 * import { normalize } from 'deliverykit/masstack'
 * import { either as E } from 'fp-ts'
 *
 * const result = normalize({
 *   commit: 'v2.10.1', id: '57cff118-984f-473c-a6ad-5ba51baed0dd',
 *   data: [{ id: 'c-1', externalId: 'sale-12512321', channel: 'sms', status: 'DELIVERED',
 *            terminatingNumber: '666123123', updatedTime: '2024-08-01T10:38:45.698148Z' }],
 * })
 * if (E.isRight(result)) result.right[0]?.occurredAt // '2024-08-01T10:38:45.698+00:00'
 * ```
 * @category Normalize
 */
export const normalize = <O extends MasstackOptions = DefaultOptions>(
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
export const safeParse = <O extends MasstackOptions = DefaultOptions>(body: unknown, options?: O): SafeParseResult<EventsFor<O>> =>
  toSafeParseResult(normalize(body, options))

/**
 * Like {@link normalize}, returning the events or throwing a `DeliveryKitError`.
 *
 * @category Normalize
 */
export const parse = <O extends MasstackOptions = DefaultOptions>(body: unknown, options?: O): EventsFor<O> =>
  eventsOrThrow(normalize(body, options))
