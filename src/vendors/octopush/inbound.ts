import { either as E } from 'fp-ts'
import * as t from 'io-ts'

import type { NormalizeError } from '../../errors/error.js'
import { describeValue } from '../../errors/format.js'
import { dispatch, struct } from '../../internal/codecs.js'
import { digest } from '../../internal/digest.js'
import { checkCommonOptions, decodeBody, fromDecoded, type CommonOptions } from '../../internal/pipeline.js'
import { parseLocalDateTime, toOffsetDateTime, type Zone } from '../../internal/time.js'
import type { InboundEvent } from '../../model/inbound.js'
import { DateTimeText } from './codec.js'
import { OCTOPUSH_DEFAULT_TIME_ZONE } from './normalize.js'
import { isRecord } from '../../internal/records.js'

/**
 * A STOP (opt-out) callback, sent to `callback_url_for_blacklisted_numbers` "as we receive
 * unsubscribe requests from your recipients".
 *
 * @category Codecs
 */
export const OctopushStopCallback = struct(
  'OctopushStopCallback',
  { number: t.string, text: t.string, stop_date: DateTimeText },
  { message_id: t.string },
)

/** @category Codecs */
export type OctopushStopCallback = t.TypeOf<typeof OctopushStopCallback>

/**
 * An inbound SMS (a reply, or a message to one of your virtual numbers). The current page
 * names the date `reception_date`; older pages and the legacy API say `answer_date`: both
 * are accepted. `message_id` is there only "if it's found".
 *
 * @category Codecs
 */
export const OctopushInboundCallback = struct(
  'OctopushInboundCallback',
  { number: t.string, text: t.string },
  { reception_date: DateTimeText, answer_date: DateTimeText, message_id: t.string, sim_card_number: t.string },
)

/** @category Codecs */
export type OctopushInboundCallback = t.TypeOf<typeof OctopushInboundCallback>


/**
 * A STOP or inbound callback. Octopush tells them apart by field: `stop_date` is a STOP,
 * `reception_date` (or `answer_date`) an inbound message.
 *
 * @category Codecs
 */
export const OctopushInteractionCallback = dispatch<OctopushStopCallback | OctopushInboundCallback>(
  'OctopushInteractionCallback',
  (u, c) => {
    if (!isRecord(u)) return t.failure(u, c, `expected an Octopush STOP or inbound callback (a JSON object), received ${describeValue(u)}`)
    if (u['stop_date'] !== undefined) return OctopushStopCallback
    if (u['reception_date'] !== undefined || u['answer_date'] !== undefined) return OctopushInboundCallback
    const hint = u['delivery_date'] !== undefined || u['deliveries'] !== undefined ? ' (this looks like a delivery callback: use normalize)' : ''
    return t.failure(u, c, `expected an Octopush STOP callback (with stop_date) or inbound callback (with reception_date)${hint}`)
  },
)

const timeOf = (text: string | undefined, zone: Zone): string | undefined => {
  const local = text === undefined ? undefined : parseLocalDateTime(text)
  return local === undefined ? undefined : toOffsetDateTime(local, zone)
}

const toInbound = (body: OctopushStopCallback | OctopushInboundCallback, zone: Zone): InboundEvent => {
  const isStop = 'stop_date' in body
  const vendorTime = isStop ? body.stop_date : (body.reception_date ?? body.answer_date)
  const occurredAt = timeOf(vendorTime, zone)
  const to = isStop ? undefined : body.sim_card_number
  return {
    kind: isStop ? 'opt_out' : 'inbound',
    vendor: 'octopush',
    channel: 'sms',
    from: body.number,
    ...(to !== undefined && { to }),
    text: body.text,
    ...(body.message_id !== undefined && { messageId: body.message_id }),
    ...(occurredAt !== undefined && { occurredAt }),
    ...(vendorTime !== undefined && { vendorTime }),
    raw: body,
    eventId: digest(['octopush', isStop ? 'opt_out' : 'inbound', body.number, body.text, vendorTime ?? '']),
  }
}

/**
 * Options for Octopush STOP and inbound callbacks.
 *
 * @category Options
 */
export type OctopushInboundOptions = Pick<CommonOptions, 'timeZone' | 'maxBodySize'>

/**
 * Decodes an Octopush STOP (opt-out) or inbound SMS callback into an `opt_out` or
 * `inbound` event. Never throws.
 *
 * @example
 * ```ts
 * import { normalizeInbound } from 'deliverykit/octopush'
 * const result = normalizeInbound({ message_id: 'sms_5fa275dbf21dc', number: '+33600000000', text: 'stop', stop_date: '2020-11-04 11:11:45' })
 * // Right([{ kind: 'opt_out', from: '+33600000000', … }])
 * ```
 * @category Inbound
 */
export const normalizeInbound = (body: unknown, options?: OctopushInboundOptions): E.Either<NormalizeError, ReadonlyArray<InboundEvent>> => {
  const settings = checkCommonOptions('octopush', body, options, OCTOPUSH_DEFAULT_TIME_ZONE)
  if (E.isLeft(settings)) return settings
  const decoded = decodeBody(OctopushInteractionCallback, 'octopush', body)
  if (E.isLeft(decoded)) return decoded
  return fromDecoded('octopush', body, () => E.right([toInbound(decoded.right, settings.right.zone)]))
}
