import * as E from '../../util/either.js'

import { callbackShape, type ShapeName, type VendorRules } from '../../kit/definition.js'
import { register, type EntrySpec, type RegisteredVendor } from '../../runtime/run.js'
import type { CommonOptions } from '../../types/options.js'
import { MESSANGI_SHAPE_NAMES, pickMessangi, type MessangiShape } from './callback.js'
import { MESSANGI_ROW_CATALOGS } from './rows/index.js'
import {
  MessangiLegacyCallback,
  MessangiLegacyFacebookCallback,
  MessangiLegacyInboundForm,
  MessangiLegacyMoCallback,
  MessangiMoCallback,
  MessangiSendResponse,
  MessangiStatusCallback,
} from './codec.js'
import { MESSANGI_CHANNELS, isMessangiChannel, type MessangiChannel } from './channel.js'
import { readOptOutKeywords } from '../../kit/optOutKeywords.js'
import {
  callbackEvents,
  legacyEvents,
  legacyFacebookEvents,
  legacyInboundEvents,
  legacyMoEvents,
  moEvents,
  sendResponseEvents,
  type MessangiSettings,
} from './toEvents.js'

/**
 * Options for Messangi bodies. `channel` is required: Messangi's status callback and send
 * API response do not say which channel the message is on (the endpoint you registered,
 * or the API you called, does), and the same code means different things per channel.
 *
 * @category Options
 */
export interface MessangiOptions extends CommonOptions, MessangiOptOutOptions {
  /**
   * The channel of the body: route each channel's callbacks to a URL of their own and pass
   * its channel ({@link isMessangiChannel} narrows a URL segment). A status callback or
   * send API response whose `to` contradicts it (an e-mail address with `'sms'`, a phone
   * number with `'email'`) is an `invalid_body` error with a `channel_mismatch` issue. A
   * legacy form callback names its own channel in `TYPE`, which it keeps (the legacy API
   * posts every notification to one URL); an inbound message names its own in
   * `connection`. `normalizeLegacy` decodes legacy callbacks without naming one.
   */
  readonly channel: MessangiChannel
}

/**
 * The option of the entries that decode Messangi inbound messages.
 *
 * @category Options
 */
export interface MessangiOptOutOptions {
  /**
   * The texts that make an inbound message an opt-out: Messangi sends no opt-out callback
   * and forwards a `STOP` as an ordinary inbound (MO) message. A message whose whole text
   * is one of them, ignoring case, accents, and whitespace and punctuation around it (see
   * `isOptOutKeyword`), is an `opt_out` event instead of an `inbound` one, with the same
   * fields and its text. Default {@link DEFAULT_OPT_OUT_KEYWORDS} (`STOP`, `STOPALL`,
   * `UNSUBSCRIBE`, `CANCEL`, `END`, `QUIT`); `[]` turns it off. The delivery entries
   * refuse inbound messages, so it changes nothing there.
   */
  readonly optOutKeywords?: ReadonlyArray<string> | undefined
}

/**
 * Options for legacy form callbacks, which name their channel in `TYPE`.
 *
 * @category Options
 */
export type MessangiLegacyOptions = CommonOptions

/**
 * Options for Messangi inbound (MO) callbacks.
 *
 * @category Options
 */
export type MessangiInboundOptions = Pick<CommonOptions, 'maxBodySize'> & MessangiOptOutOptions

/** Messangi, as data: every entry point is built from this and the shapes below. */
const MESSANGI: VendorRules<'messangi', MessangiShape, MessangiSettings> = {
  vendor: 'messangi',
  catalogs: MESSANGI_ROW_CATALOGS,
  // Messangi's times carry Z or an offset, and a zone-less one is not guessed: no zone is read.
  defaultTimeZone: 'UTC',
  settings: (options, common) => {
    const channel = options['channel']
    if (channel !== undefined && !isMessangiChannel(channel)) {
      return E.left({ option: 'channel', expected: `one of ${MESSANGI_CHANNELS.join(', ')} (Messangi status callbacks and send API responses do not name their channel)`, received: channel, known: MESSANGI_CHANNELS })
    }
    const optOutKeywords = readOptOutKeywords(options['optOutKeywords'])
    if (E.isLeft(optOutKeywords)) return optOutKeywords
    return E.right({ zone: common.zone, keepUnknown: common.keepUnknown, channel, optOutKeywords: optOutKeywords.right })
  },
  pick: pickMessangi,
}

const named = (kind: ShapeName['kind'], shape: MessangiShape): ShapeName => ({ kind, name: MESSANGI_SHAPE_NAMES[shape] })
const MO = /*#__PURE__*/ named('inbound', 'mo')
const LEGACY_MO = /*#__PURE__*/ named('inbound', 'legacyMo')
const LEGACY_FACEBOOK = /*#__PURE__*/ named('inbound', 'legacyFacebook')
const LEGACY_INBOUND = /*#__PURE__*/ named('inbound', 'legacyInbound')
const STATUS = /*#__PURE__*/ callbackShape(named('delivery', 'status'), MessangiStatusCallback, callbackEvents)
const SEND_RESPONSE = /*#__PURE__*/ callbackShape(named('delivery', 'sendResponse'), MessangiSendResponse, sendResponseEvents)
const LEGACY_STATUS = /*#__PURE__*/ callbackShape(named('delivery', 'legacyStatus'), MessangiLegacyCallback, (body) => E.right(legacyEvents(body)))

/** Messangi, ready to run: every callback (the webhook and inbound entries). */
export const MESSANGI_VENDOR: RegisteredVendor = /*#__PURE__*/ register(MESSANGI, {
  status: STATUS,
  sendResponse: SEND_RESPONSE,
  legacyStatus: LEGACY_STATUS,
  mo: /*#__PURE__*/ callbackShape(MO, MessangiMoCallback, (body, settings: MessangiSettings) => E.right(moEvents(body, settings))),
  legacyMo: /*#__PURE__*/ callbackShape(LEGACY_MO, MessangiLegacyMoCallback, (body, settings: MessangiSettings) => E.right(legacyMoEvents(body, settings))),
  legacyFacebook: /*#__PURE__*/ callbackShape(LEGACY_FACEBOOK, MessangiLegacyFacebookCallback, (body, settings: MessangiSettings) => E.right(legacyFacebookEvents(body, settings))),
  legacyInbound: /*#__PURE__*/ callbackShape(LEGACY_INBOUND, MessangiLegacyInboundForm, (body, settings: MessangiSettings) => E.right(legacyInboundEvents(body, settings))),
})

/** Messangi for the delivery entries: inbound bodies are known by name only, and refused. */
export const MESSANGI_DELIVERY_VENDOR: RegisteredVendor = /*#__PURE__*/ register(MESSANGI, {
  status: STATUS,
  sendResponse: SEND_RESPONSE,
  legacyStatus: LEGACY_STATUS,
  mo: MO,
  legacyMo: LEGACY_MO,
  legacyFacebook: LEGACY_FACEBOOK,
  legacyInbound: LEGACY_INBOUND,
})

/** The legacy entry: the legacy form callback alone, which names its channel in `TYPE`. */
export const LEGACY_ENTRY: EntrySpec = { accepts: ['delivery'], shapes: ['legacyStatus'], decodes: 'a legacy form callback' }
