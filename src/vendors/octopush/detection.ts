/**
 * How `detectVendor` tells an Octopush body: the marker fields its decoder decides by
 * (callback.ts's kind markers, codec.ts's sender paths), read as field names only.
 */
import { channelIn, has, type Body, type VendorDetection } from '../../kit/detection.js'
import type { Channel } from '../../model/channel.js'
import { isRecord } from '../../util/values.js'
import { OCTOPUSH_KIND_MARKERS } from './callback.js'
import { SENDER_NUMBER_PATHS } from './codec.js'

/**
 * Where an Octopush STOP or reply carries its sender: `number` at the root, or in a
 * `metadata` node (as a reply handler fixed after logging a production body reads it) or a
 * `meta_data` one; the list the decoder reads.
 */
const SENDER = SENDER_NUMBER_PATHS

/**
 * An Octopush body with none of the fields that tell its kinds apart: the decoder reads it
 * as a receipt when it has `status` or `channel`, else as a reply when it has `text`.
 */
const hasNoKindMarker = (b: Body): boolean => !OCTOPUSH_KIND_MARKERS.some((field) => has(b, field))
const isUndatedReply = (b: Body): boolean => hasNoKindMarker(b) && !has(b, 'status') && !has(b, 'channel')

const CHANNELS: Readonly<Record<string, Channel>> = { sms: 'sms', voice_sms: 'voice', rcs: 'rcs', whatsapp: 'whatsapp', facebook: 'facebook', instagram: 'instagram', email: 'email' }

/** A receipt's channel: its `channel`, or without one voice for a call's fields, else SMS (the 2020 format). */
const receiptChannel = (b: Body): Channel | undefined => {
  if (b['channel'] !== undefined) return channelIn(CHANNELS, b['channel'])
  const meta = b['meta_data']
  const voice = ['call_duration', 'charged_duration', 'pressed_keys_code'].some((field) => has(b, field) || (isRecord(meta) && has(meta, field)))
  return voice ? 'voice' : 'sms'
}

const sms = (): Channel => 'sms'

/** Octopush's rules, most specific first. */
export const OCTOPUSH_DETECTION: VendorDetection = {
  objects: [
    { kind: 'opt_out', shape: 'Octopush STOP callback', fields: ['stop_date', SENDER], channel: sms },
    { kind: 'inbound', shape: 'Octopush inbound SMS callback', fields: ['reception_date', SENDER, 'text'], channel: sms },
    { kind: 'inbound', shape: 'Octopush inbound SMS callback (older answer_date)', fields: ['answer_date', SENDER, 'text'], channel: sms },
    { kind: 'delivery', shape: 'Octopush e-mail delivery callback', fields: ['message_id', 'deliveries'], test: (b) => Array.isArray(b['deliveries']), channel: () => 'email' },
    { kind: 'delivery', shape: 'Octopush delivery callback', fields: ['message_id', 'number', 'status', 'delivery_date'], channel: receiptChannel },
    { kind: 'delivery', shape: 'Octopush delivery callback (DELIVERY_DATE in capitals)', fields: ['message_id', 'number', 'status', 'DELIVERY_DATE'], channel: receiptChannel },
    // Bodies without the fields Octopush documents on every callback, which its decoder reads as integrations in the wild expect.
    { kind: 'delivery', shape: 'Octopush delivery callback (no delivery_date)', fields: ['message_id', 'number', 'status'], test: hasNoKindMarker, channel: receiptChannel },
    { kind: 'inbound', shape: 'Octopush inbound SMS callback (no date)', fields: [SENDER, 'text'], test: isUndatedReply, channel: sms },
  ],
}
