import { either as E } from 'fp-ts'
import * as t from 'io-ts'

import type { NormalizeError } from '../../errors/error.js'
import { describeValue } from '../../errors/format.js'
import { dispatch, oneOf, struct } from '../../internal/codecs.js'
import { digest } from '../../internal/digest.js'
import { decodeBody } from '../../internal/pipeline.js'
import { parseOffsetDateTime } from '../../internal/time.js'
import type { Channel } from '../../model/channel.js'
import type { InboundEvent } from '../../model/inbound.js'
import { DateTimeText, MessangiId } from './codec.js'
import { isRecord } from '../../internal/records.js'

/**
 * An inbound message ("Callback URL (MO)"): JSON with the sender in `user`, the text in
 * `text`, your short code or number in `origin` and the channel in `connection`
 * (`"SMS"`; WhatsApp forwards are inferred from third-party code, not documented). Only
 * `user` and `text` are required; every field Messangi's page leaves uncertain is
 * optional, and extra fields are kept in `raw`.
 *
 * @category Codecs
 */
export const MessangiMoCallback = struct(
  'MessangiMoCallback',
  { user: t.string, text: t.string },
  {
    date: DateTimeText,
    origin: t.string,
    connection: t.string,
    id: MessangiId,
    externalId: t.string,
    processId: MessangiId,
    owner: t.string,
    callback: t.string,
  },
)

/** @category Codecs */
export type MessangiMoCallback = t.TypeOf<typeof MessangiMoCallback>

/**
 * The older XML API's inbound notification: form parameters `TYPE=MO_MESSAGE`, `FROM`,
 * `TO`, `TEXT`, `ENCODING`.
 *
 * @category Codecs
 */
export const MessangiLegacyMoCallback = struct(
  'MessangiLegacyMoCallback',
  { TYPE: oneOf('MessangiLegacyMoType', 'a legacy Messangi inbound type', { MO_MESSAGE: null }), FROM: t.string, TEXT: t.string },
  { TO: t.string, ENCODING: t.string },
)

/** @category Codecs */
export type MessangiLegacyMoCallback = t.TypeOf<typeof MessangiLegacyMoCallback>


/**
 * Either inbound shape: upper-case `TYPE` is the legacy one.
 *
 * @category Codecs
 */
export const MessangiInboundCallback = dispatch<MessangiMoCallback | MessangiLegacyMoCallback>(
  'MessangiInboundCallback',
  (u, c) => {
    if (!isRecord(u)) return t.failure(u, c, `expected a Messangi inbound (MO) callback (a JSON object), received ${describeValue(u)}`)
    return 'TYPE' in u ? MessangiLegacyMoCallback : MessangiMoCallback
  },
)

/** `connection` as Messangi writes it, to a channel; anything else stays SMS, the documented one. */
const channelOf = (connection: string | undefined): Channel => (connection?.toUpperCase() === 'WHATSAPP' ? 'whatsapp' : 'sms')

const toInbound = (body: MessangiMoCallback | MessangiLegacyMoCallback): InboundEvent => {
  if ('TYPE' in body) {
    return {
      kind: 'inbound',
      vendor: 'messangi',
      channel: 'sms',
      from: body.FROM,
      ...(body.TO !== undefined && { to: body.TO }),
      text: body.TEXT,
      raw: body,
      eventId: digest(['messangi', 'inbound', body.FROM, body.TO ?? '', body.TEXT]),
    }
  }
  const occurredAt = body.date === undefined ? undefined : parseOffsetDateTime(body.date)?.iso
  return {
    kind: 'inbound',
    vendor: 'messangi',
    channel: channelOf(body.connection),
    from: body.user,
    ...(body.origin !== undefined && { to: body.origin }),
    text: body.text,
    ...(occurredAt !== undefined && { occurredAt }),
    ...(body.date !== undefined && { vendorTime: body.date }),
    raw: body,
    eventId: digest(['messangi', 'inbound', body.id ?? '', body.user, body.text, body.date ?? '']),
  }
}

/**
 * Decodes a Messangi inbound (MO) callback, JSON or legacy form, into an `inbound` event.
 * Messangi documents no opt-out callback: a `STOP` arrives as an inbound message, which
 * your handler decides on. Never throws.
 *
 * @example
 * ```ts
 * import { normalizeInbound } from 'deliverykit/messangi'
 * const result = normalizeInbound({ user: '+5588999999999', text: 'STOP', origin: '12345', date: '2025-05-23T14:30:00Z' })
 * ```
 * @category Inbound
 */
export const normalizeInbound = (body: unknown): E.Either<NormalizeError, ReadonlyArray<InboundEvent>> => {
  const decoded = decodeBody(MessangiInboundCallback, 'messangi', body)
  return E.isLeft(decoded) ? decoded : E.right([toInbound(decoded.right)])
}
