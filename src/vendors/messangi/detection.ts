/**
 * How `detectVendor` tells a Messangi body: the marker fields its decoder decides by
 * (callback.ts), read as field names only.
 */
import { channelIn, has, type Body, type VendorDetection } from '../../kit/detection.js'
import type { Channel } from '../../model/channel.js'
import { isRecord } from '../../util/values.js'
import { MESSANGI_SEND_RESPONSE_MARKERS } from './callback.js'

/**
 * A Messangi send API response: its marker (`data`, as the decoder decides; `meta` is
 * optional), holding the fields the decoder requires of it (`id`, `status`, `to`), which
 * also tell it from a Masstack envelope's `data` (a record without `to`).
 */
const isSendResponse = (b: Body): boolean => isRecord(b['data']) && has(b['data'], 'id') && has(b['data'], 'status') && has(b['data'], 'to')

const LEGACY_TYPES: Readonly<Record<string, Channel>> = { SMS: 'sms', PUSH: 'push', EMAIL: 'email' }

const sms = (): Channel => 'sms'

/** Messangi's rules, most specific first. */
export const MESSANGI_DETECTION: VendorDetection = {
  objects: [
    { kind: 'inbound', shape: 'Messangi legacy inbound (MO) callback', fields: ['TYPE', 'FROM', 'TEXT'], test: (b) => b['TYPE'] === 'MO_MESSAGE', channel: sms },
    { kind: 'inbound', shape: 'Messangi legacy Facebook message callback', fields: ['TYPE', 'FROM', 'MESSAGE_BODY'], test: (b) => b['TYPE'] === 'FACEBOOK', channel: () => 'facebook' },
    { kind: 'delivery', shape: 'Messangi legacy status callback', fields: ['TYPE', 'MESSANGI_ID', 'STATUS'], channel: (b) => channelIn(LEGACY_TYPES, b['TYPE']) },
    { kind: 'inbound', shape: 'Messangi legacy inbound form (mo, mobile)', fields: ['mo', 'mobile'], channel: sms },
    { kind: 'inbound', shape: 'Messangi inbound (MO) callback', fields: ['user', 'text'], test: (b) => has(b, 'processId') || has(b, 'origin') || has(b, 'connection') },
    { kind: 'delivery', shape: 'Messangi send API response', fields: MESSANGI_SEND_RESPONSE_MARKERS, test: isSendResponse },
    { kind: 'delivery', shape: 'Messangi status callback (the channel must be named)', fields: ['id', 'status', 'to'] },
  ],
}
