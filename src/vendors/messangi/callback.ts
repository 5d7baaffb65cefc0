import * as t from 'io-ts'

import { describeValue } from '../../errors/format.js'
import { dispatch, fromPick, type Shape } from '../../kit/codecs.js'
import type { PickFailure } from '../../kit/definition.js'
import { markedKind, markerConflict, SEVERAL_KINDS, type Markers } from '../../kit/markers.js'
import { hasField, isRecord } from '../../util/values.js'
import {
  MessangiLegacyCallback,
  MessangiLegacyFacebookCallback,
  MessangiLegacyInboundForm,
  MessangiLegacyMoCallback,
  MessangiMoCallback,
  MessangiSendResponse,
  MessangiStatusCallback,
} from './codec.js'

/** The shapes of Messangi bodies. */
export type MessangiShape = 'status' | 'sendResponse' | 'legacyStatus' | 'legacyMo' | 'legacyFacebook' | 'legacyInbound' | 'mo'

/** The fields that give each family of bodies away; Messangi sends no type tag. */
export const MARKERS = {
  sendResponse: ['data'],
  legacy: ['TYPE', 'MESSANGI_ID', 'STATUS'],
  legacyInbound: ['mo', 'mobile'],
  mo: ['user'],
  status: ['status'],
} as const

type Family = keyof typeof MARKERS

/**
 * The field that makes a body the send API's response (`{ meta, data }`, `meta`
 * optional): what `detectVendor` looks for, from the same table the codecs decide by.
 */
export const MESSANGI_SEND_RESPONSE_MARKERS: ReadonlyArray<string> = MARKERS.sendResponse

const FAMILIES: ReadonlyArray<Family> = ['sendResponse', 'legacy', 'legacyInbound', 'mo', 'status']

const FAMILY_NAMES: Readonly<Record<Family, string>> = {
  sendResponse: 'a send API response',
  legacy: 'a legacy form callback',
  legacyInbound: 'a legacy inbound form',
  mo: 'an inbound (MO) message',
  status: 'a status callback',
}

const MESSANGI_MARKERS: Markers<Family> = { fields: MARKERS, kinds: FAMILIES, names: FAMILY_NAMES }

/** The legacy `TYPE` values, as Messangi writes them, and the shape each is. */
export const LEGACY_TYPES: Readonly<Record<string, MessangiShape>> = {
  SMS: 'legacyStatus',
  PUSH: 'legacyStatus',
  EMAIL: 'legacyStatus',
  MO_MESSAGE: 'legacyMo',
  FACEBOOK: 'legacyFacebook',
}

/**
 * Which Messangi body a value is, by the fields that give each away: `data` the send API's
 * response, upper-case `TYPE`/`MESSANGI_ID`/`STATUS` a legacy form callback (its `TYPE`
 * says which), `mo`/`mobile` the legacy inbound form, `user` an inbound message, `status`
 * a status callback. A body with the fields of two of them is refused rather than
 * guessed; a body with none is read as a status callback (or, with `text`, an inbound
 * message), so that errors speak of the fields it lacks. The one rule, used by the codecs
 * and by the event builders alike.
 */
export const pickMessangi = (u: unknown, c: t.Context): MessangiShape | PickFailure => {
  if (!isRecord(u)) {
    return { failure: [{ value: u, context: c, message: `expected a Messangi callback (a JSON object or form), received ${describeValue(u)}` }] }
  }
  const family = markedKind(u, MESSANGI_MARKERS)
  if (family === SEVERAL_KINDS) {
    return { failure: [{ value: u, context: c, message: `the body has ${markerConflict(u, MESSANGI_MARKERS)}; a Messangi body is one of them, so this body is refused rather than guessed` }] }
  }
  if (family === undefined) return hasField(u, 'text') ? 'mo' : 'status'
  switch (family) {
    case 'sendResponse':
      return 'sendResponse'
    case 'legacyInbound':
      return 'legacyInbound'
    case 'mo':
      return 'mo'
    case 'status':
      return 'status'
    case 'legacy':
      return legacyShape(u)
  }
}

const legacyShape = (u: Readonly<Record<string, unknown>>): MessangiShape | PickFailure => {
  const type = u['TYPE']
  if (typeof type !== 'string') return 'legacyStatus' // missing or not text: the legacy status codec reports it
  const shape = Object.prototype.hasOwnProperty.call(LEGACY_TYPES, type) ? LEGACY_TYPES[type] : undefined
  if (shape !== undefined) return shape
  return { unknownChannel: { channel: type, expected: Object.keys(LEGACY_TYPES), path: ['TYPE'] } }
}

/** @category Codecs */
export type MessangiBody = MessangiStatusCallback | MessangiLegacyCallback | MessangiSendResponse

/** @category Codecs */
export type MessangiInboundCallback = MessangiMoCallback | MessangiLegacyMoCallback | MessangiLegacyFacebookCallback | MessangiLegacyInboundForm

/** @category Codecs */
export type MessangiCallback = MessangiBody | MessangiInboundCallback

type DeliveryShape = 'status' | 'sendResponse' | 'legacyStatus'
type InboundShape = Exclude<MessangiShape, DeliveryShape>

const DELIVERY_CODECS: Readonly<Record<DeliveryShape, Shape<MessangiBody>>> = {
  status: MessangiStatusCallback,
  sendResponse: MessangiSendResponse,
  legacyStatus: MessangiLegacyCallback,
}

const INBOUND_CODECS: Readonly<Record<InboundShape, Shape<MessangiInboundCallback>>> = {
  legacyMo: MessangiLegacyMoCallback,
  legacyFacebook: MessangiLegacyFacebookCallback,
  legacyInbound: MessangiLegacyInboundForm,
  mo: MessangiMoCallback,
}

const isDeliveryShape = (shape: MessangiShape): shape is DeliveryShape => Object.prototype.hasOwnProperty.call(DELIVERY_CODECS, shape)

/** The name of each shape, for messages. */
export const MESSANGI_SHAPE_NAMES: Readonly<Record<MessangiShape, string>> = {
  status: 'Messangi status callback',
  sendResponse: 'Messangi send API response',
  legacyStatus: 'Messangi legacy status callback',
  legacyMo: 'Messangi legacy inbound (MO) callback',
  legacyFacebook: 'Messangi legacy Facebook message callback',
  legacyInbound: 'Messangi legacy inbound form (mo, mobile)',
  mo: 'Messangi inbound (MO) callback',
}

/**
 * Any Messangi body with a delivery status: the status callback, the send API's
 * `{ meta, data }` response, or the legacy form callback, told apart by their fields. An
 * inbound body is refused with a message that says so.
 *
 * @category Codecs
 */
export const MessangiBody = /*#__PURE__*/ dispatch<MessangiBody>('MessangiBody', (u, c) => {
  const picked = pickMessangi(u, c)
  if (typeof picked === 'string' && !isDeliveryShape(picked)) return t.failure(u, c, `this is a ${MESSANGI_SHAPE_NAMES[picked]}, not a delivery status`)
  return fromPick(picked, DELIVERY_CODECS, c)
})

/**
 * Any Messangi inbound body: the MO callback (JSON), the legacy MO and Facebook form
 * callbacks, or the legacy inbound form (`mo`, `mobile`).
 *
 * @category Codecs
 */
export const MessangiInboundCallback = /*#__PURE__*/ dispatch<MessangiInboundCallback>('MessangiInboundCallback', (u, c) => {
  const picked = pickMessangi(u, c)
  if (typeof picked === 'string' && isDeliveryShape(picked)) return t.failure(u, c, `this is a ${MESSANGI_SHAPE_NAMES[picked]}, not an inbound message`)
  return fromPick(picked, INBOUND_CODECS, c)
})

/**
 * Any Messangi callback, delivery status or inbound message.
 *
 * @category Codecs
 */
export const MessangiCallback = /*#__PURE__*/ dispatch<MessangiCallback>('MessangiCallback', (u, c) => {
  const picked = pickMessangi(u, c)
  if (typeof picked !== 'string') return fromPick(picked, DELIVERY_CODECS, c)
  return isDeliveryShape(picked) ? DELIVERY_CODECS[picked] : INBOUND_CODECS[picked]
})
