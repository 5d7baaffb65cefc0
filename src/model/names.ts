import type { Channel } from './channel.js'
import type { Vendor } from './vendor.js'

/**
 * How each vendor writes its own name, for messages and docs.
 *
 * @category Model
 */
export const VENDOR_NAMES: Readonly<Record<Vendor, string>> = {
  octopush: 'Octopush',
  messangi: 'Messangi',
  masstack: 'Masstack',
}

/**
 * How each channel is written in messages and docs.
 *
 * @category Model
 */
export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = {
  sms: 'SMS',
  voice: 'voice',
  email: 'e-mail',
  push: 'push',
  rcs: 'RCS',
  whatsapp: 'WhatsApp',
  facebook: 'Facebook',
  instagram: 'Instagram',
}
