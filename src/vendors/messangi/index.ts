/**
 * Messangi (SMS, e-mail, push, RCS, WhatsApp): codecs of its status callback, its send
 * API response and its legacy form callback, its per-channel status catalogs, and a
 * `normalize` for its bodies alone. Import this entry point instead of the root to keep
 * other vendors out of your bundle.
 *
 * @example
 * ```ts
 * import { parse } from 'deliverykit/messangi'
 * // The endpoint you registered for WhatsApp status callbacks:
 * for (const event of parse(request.body, { channel: 'whatsapp' })) console.log(event.recipient, event.status)
 * ```
 * @module messangi
 */
export * from './catalog/index.js'
export {
  MessangiBody,
  MessangiDateTime,
  type MessangiDateTimeBrand,
  MessangiId,
  MessangiLegacyCallback,
  MessangiLegacyType,
  MessangiSendResponse,
  MessangiStatusCallback,
} from './codec.js'
export { MessangiInboundCallback, MessangiLegacyMoCallback, MessangiMoCallback, normalizeInbound } from './inbound.js'
export {
  normalize,
  normalizeLegacy,
  parse,
  parseLegacy,
  safeParse,
  safeParseLegacy,
  type MessangiChannel,
  type MessangiLegacyOptions,
  type MessangiOptions,
} from './normalize.js'
