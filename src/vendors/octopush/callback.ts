import * as t from 'io-ts'

import { describeValue } from '../../errors/format.js'
import { dispatch, fromPick, type Shape } from '../../kit/codecs.js'
import type { PickFailure } from '../../kit/definition.js'
import { markedKind, markerConflict, SEVERAL_KINDS, type Markers } from '../../kit/markers.js'
import { hasField, isRecord } from '../../util/values.js'
import {
  OCTOPUSH_CHANNEL_NAMES,
  OctopushEmailCallback,
  OctopushInboundCallback,
  OctopushChannel,
  OctopushPhoneCallback,
  OctopushStopCallback,
} from './codec.js'

/** The shapes of Octopush callbacks. */
export type OctopushShape = 'phone' | 'email' | 'stop' | 'inbound'

/**
 * The fields that tell Octopush's callbacks apart, as its callbacks page says ("according
 * to whether you receive answer_date, DELIVERY_DATE or stop_date"; the current pages say
 * reception_date), and `deliveries` for the e-mail receipt.
 */
export const MARKERS = {
  delivery: ['delivery_date', 'DELIVERY_DATE', 'deliveries'],
  opt_out: ['stop_date'],
  inbound: ['reception_date', 'answer_date'],
} as const

type Kind = keyof typeof MARKERS

/** Every field that tells one kind of Octopush callback from another: what `detectVendor` reads, from the same table the codecs decide by. */
export const OCTOPUSH_KIND_MARKERS: ReadonlyArray<string> = [...MARKERS.delivery, ...MARKERS.opt_out, ...MARKERS.inbound]

const KINDS: ReadonlyArray<Kind> = ['delivery', 'opt_out', 'inbound']

const KIND_NAMES: Readonly<Record<Kind, string>> = { delivery: 'a delivery receipt', opt_out: 'a STOP (opt-out)', inbound: 'an inbound message' }

const OCTOPUSH_MARKERS: Markers<Kind> = { fields: MARKERS, kinds: KINDS, names: KIND_NAMES }

/**
 * Which Octopush callback a body is: the one rule, used by the codecs and by the event
 * builders alike. A body carrying the fields of two kinds (`stop_date` and
 * `delivery_date`, say) is refused rather than guessed. A delivery receipt's shape is
 * its `channel`'s (`email`, or a phone channel); without `channel`, `deliveries` makes it
 * an e-mail receipt and `delivery_date` a phone one. A body with none of these fields is a
 * receipt if it has `status` or `channel`, and an inbound message if it has `text`.
 *
 * `channel` is read here once for every kind: a name deliverykit does not know is
 * reported as such (for the caller to keep) on a STOP or a reply as on a receipt, so no
 * builder ever files a callback under a channel other than the one it names.
 */
export const pickOctopush = (u: unknown, c: t.Context): OctopushShape | PickFailure => {
  if (!isRecord(u)) {
    return { failure: [{ value: u, context: c, message: `expected an Octopush callback (a JSON object), received ${describeValue(u)}` }] }
  }
  const kind = markedKind(u, OCTOPUSH_MARKERS)
  if (kind === SEVERAL_KINDS) {
    return { failure: [{ value: u, context: c, message: `the body has ${markerConflict(u, OCTOPUSH_MARKERS)}; an Octopush callback is one of them, so this body is refused rather than guessed` }] }
  }
  const channel = u['channel']
  // A channel of the wrong type is left to the shape's codec, which reports it at its path.
  if (typeof channel === 'string' && !OctopushChannel.is(channel)) return { unknownChannel: { channel, expected: OCTOPUSH_CHANNEL_NAMES, path: ['channel'] } }
  if (kind === 'opt_out') return 'stop'
  if (kind === 'inbound') return 'inbound'
  if (kind === undefined && !hasField(u, 'status') && !hasField(u, 'channel')) {
    // A message with no date at all: an integration in the wild expects such inbound bodies.
    if (hasField(u, 'text')) return 'inbound'
    return {
      failure: [
        { value: u, context: c, message: 'expected an Octopush delivery receipt (with delivery_date or deliveries), STOP (with stop_date) or inbound message (with reception_date)' },
      ],
    }
  }
  return deliveryShape(u, channel, c)
}

/** The shape of a delivery receipt, from its `channel` (already checked to be a known name when it is text). */
const deliveryShape = (u: Readonly<Record<string, unknown>>, channel: unknown, c: t.Context): OctopushShape | PickFailure => {
  if (channel === 'email') return 'email'
  if (typeof channel === 'string') return 'phone'
  // No channel (the 2020 format), or one of the wrong type, which the phone codec reports.
  if (channel === undefined && hasField(u, 'deliveries')) {
    if (!hasField(u, 'delivery_date') && !hasField(u, 'DELIVERY_DATE')) return 'email'
    return { failure: [{ value: u, context: c, message: 'the body has deliveries (an e-mail receipt) and delivery_date (a phone receipt), and no channel to say which it is' }] }
  }
  return 'phone'
}

/** The codec of each shape. */
const CODECS: Readonly<Record<OctopushShape, Shape<OctopushCallback>>> = {
  phone: OctopushPhoneCallback,
  email: OctopushEmailCallback,
  stop: OctopushStopCallback,
  inbound: OctopushInboundCallback,
}

const SHAPE_NAMES: Readonly<Record<OctopushShape, string>> = {
  phone: 'Octopush delivery receipt',
  email: 'Octopush e-mail delivery receipt',
  stop: 'Octopush STOP (opt-out) callback',
  inbound: 'Octopush inbound SMS callback',
}

/** The name of each shape, for messages. */
export const OCTOPUSH_SHAPE_NAMES = SHAPE_NAMES

/** @category Codecs */
export type OctopushDeliveryCallback = OctopushPhoneCallback | OctopushEmailCallback

/** @category Codecs */
export type OctopushInteractionCallback = OctopushStopCallback | OctopushInboundCallback

/** @category Codecs */
export type OctopushCallback = OctopushDeliveryCallback | OctopushInteractionCallback

/**
 * Any Octopush callback: a delivery receipt (phone or e-mail), a STOP or an inbound
 * message, told apart by its fields as Octopush's callbacks page says.
 *
 * @example
 * ```ts
 * import { OctopushCallback } from 'deliverykit/octopush'
 * OctopushCallback.is({ number: '+33600000000', text: 'STOP', stop_date: '2020-11-04 11:11:45' }) // true
 * ```
 * @category Codecs
 */
export const OctopushCallback = /*#__PURE__*/ dispatch<OctopushCallback>('OctopushCallback', (u, c) => fromPick(pickOctopush(u, c), CODECS, c))

/**
 * Any Octopush delivery receipt: phone (`channel` one of its phone channels, or absent) or
 * e-mail (`channel: "email"`, or `deliveries` without `channel`). A STOP or inbound body is
 * refused with a message that says so.
 *
 * @example
 * ```ts
 * import { OctopushDeliveryCallback } from 'deliverykit/octopush'
 * import { either as E } from 'fp-ts'
 * E.isRight(OctopushDeliveryCallback.decode(JSON.parse(requestBody)))
 * ```
 * @category Codecs
 */
export const OctopushDeliveryCallback = /*#__PURE__*/ dispatch<OctopushDeliveryCallback>('OctopushDeliveryCallback', (u, c) => {
  const picked = pickOctopush(u, c)
  if (picked === 'stop' || picked === 'inbound') return t.failure(u, c, `this is an ${SHAPE_NAMES[picked]}, not a delivery receipt`)
  return fromPick<'phone' | 'email', OctopushDeliveryCallback>(picked, { phone: OctopushPhoneCallback, email: OctopushEmailCallback }, c)
})

/**
 * A STOP or inbound callback. Octopush tells them apart by field: `stop_date` is a STOP,
 * `reception_date` (or `answer_date`) an inbound message.
 *
 * @category Codecs
 */
export const OctopushInteractionCallback = /*#__PURE__*/ dispatch<OctopushInteractionCallback>('OctopushInteractionCallback', (u, c) => {
  const picked = pickOctopush(u, c)
  if (picked === 'phone' || picked === 'email') return t.failure(u, c, `this is an ${SHAPE_NAMES[picked]}, not a STOP or inbound callback`)
  return fromPick<'stop' | 'inbound', OctopushInteractionCallback>(picked, { stop: OctopushStopCallback, inbound: OctopushInboundCallback }, c)
})
