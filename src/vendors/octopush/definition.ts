import * as E from '../../util/either.js'
import { isOneOf } from '../../util/values.js'

import { callbackShape, type VendorRules } from '../../kit/definition.js'
import { register, type RegisteredVendor } from '../../runtime/run.js'
import type { CommonOptions } from '../../types/options.js'
import { OCTOPUSH_SHAPE_NAMES, pickOctopush, type OctopushShape } from './callback.js'
import { OctopushEmailCallback, OctopushInboundCallback, OctopushPhoneCallback, OctopushStopCallback } from './codec.js'
import { OCTOPUSH_ROW_CATALOGS } from './rows.js'
import { emailEvents, inboundEvents, phoneEvents, stopEvents, type OctopushPhoneChannelOption, type OctopushSettings } from './toEvents.js'

/**
 * The zone Octopush's zone-less times are read in unless you say otherwise. Octopush
 * does not document one; it is a French company and its legacy API stated times "in
 * GMT+1", so Paris time (with daylight saving) is the reading its documents imply.
 *
 * @category Options
 */
export const OCTOPUSH_DEFAULT_TIME_ZONE = 'Europe/Paris'

/**
 * Options for Octopush bodies.
 *
 * @category Options
 */
export interface OctopushOptions extends CommonOptions {
  /**
   * The channel of a phone receipt that cannot tell: one without a `channel` field (the
   * 2020 format) and without a voice call's fields. Default `'sms'`. A body that names its
   * channel keeps it, and one with `call_duration`, `charged_duration` or
   * `pressed_keys_code` is a voice call's.
   */
  readonly channel?: OctopushPhoneChannelOption | undefined
  /** IANA zone Octopush's times are read in. Default {@link OCTOPUSH_DEFAULT_TIME_ZONE}. */
  readonly timeZone?: string | undefined
}

/**
 * Options for Octopush STOP and inbound callbacks.
 *
 * @category Options
 */
export type OctopushInboundOptions = Pick<CommonOptions, 'timeZone' | 'maxBodySize'>

export const PHONE_CHANNELS: ReadonlyArray<OctopushPhoneChannelOption> = ['sms', 'voice', 'rcs', 'whatsapp', 'facebook', 'instagram']

const isPhoneChannelOption = (value: unknown): value is OctopushPhoneChannelOption => isOneOf(PHONE_CHANNELS, value)

/** Octopush, as data: every entry point is built from this and the shapes below. */
const OCTOPUSH: VendorRules<'octopush', OctopushShape, OctopushSettings> = {
  vendor: 'octopush',
  catalogs: OCTOPUSH_ROW_CATALOGS,
  defaultTimeZone: OCTOPUSH_DEFAULT_TIME_ZONE,
  settings: (options, common) => {
    const channel = options['channel']
    if (channel !== undefined && !isPhoneChannelOption(channel)) return E.left({ option: 'channel', expected: `one of ${PHONE_CHANNELS.join(', ')}`, received: channel, known: PHONE_CHANNELS })
    return E.right({ zone: common.zone, keepUnknown: common.keepUnknown, channel })
  },
  pick: pickOctopush,
}

/**
 * Octopush, ready to run: every callback, for every entry (a delivery entry refuses a STOP
 * or a reply by its kind before any decoder runs). One registration: a delivery-only one
 * saved 0.2 KB gzip at most, since `pick` names the STOP and inbound codecs anyway
 * (`npm run size -- --why`).
 */
export const OCTOPUSH_VENDOR: RegisteredVendor = /*#__PURE__*/ register(OCTOPUSH, {
  phone: /*#__PURE__*/ callbackShape({ kind: 'delivery', name: OCTOPUSH_SHAPE_NAMES.phone }, OctopushPhoneCallback, (body, settings: OctopushSettings) => E.right(phoneEvents(body, settings))),
  email: /*#__PURE__*/ callbackShape({ kind: 'delivery', name: OCTOPUSH_SHAPE_NAMES.email }, OctopushEmailCallback, (body, settings: OctopushSettings) => E.right(emailEvents(body, settings))),
  stop: /*#__PURE__*/ callbackShape({ kind: 'opt_out', name: OCTOPUSH_SHAPE_NAMES.stop }, OctopushStopCallback, (body, settings: OctopushSettings) => E.right(stopEvents(body, settings))),
  inbound: /*#__PURE__*/ callbackShape({ kind: 'inbound', name: OCTOPUSH_SHAPE_NAMES.inbound }, OctopushInboundCallback, (body, settings: OctopushSettings) => E.right(inboundEvents(body, settings))),
})
