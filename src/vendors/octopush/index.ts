/**
 * Octopush (SMS, voice SMS, RCS, WhatsApp, e-mail): codecs of its delivery callbacks, its
 * status catalog, and a `normalize` for its bodies alone. Import this entry point instead
 * of the root to keep other vendors out of your bundle.
 *
 * @example
 * ```ts
 * import { parse } from 'deliverykit/octopush'
 * for (const event of parse(request.body)) console.log(event.recipient, event.status)
 * ```
 * @module octopush
 */
export {
  OCTOPUSH_CATALOG,
  OCTOPUSH_CATALOGS,
  OCTOPUSH_STATUS_CODES,
  OctopushStatus,
  isOctopushStatusCode,
  type OctopushStatusCode,
} from './catalog.js'
export {
  OctopushDateTime,
  type OctopushDateTimeBrand,
  OctopushDeliveryCallback,
  OctopushEmailCallback,
  OctopushEmailDelivery,
  OctopushPhoneCallback,
  OctopushPhoneChannel,
  OctopushStatusHistoryItem,
} from './codec.js'
export {
  OctopushInboundCallback,
  OctopushInteractionCallback,
  OctopushStopCallback,
  normalizeInbound,
  type OctopushInboundOptions,
} from './inbound.js'
export {
  OCTOPUSH_DEFAULT_TIME_ZONE,
  normalize,
  parse,
  safeParse,
  type OctopushOptions,
  type OctopushPhoneChannelOption,
} from './normalize.js'
