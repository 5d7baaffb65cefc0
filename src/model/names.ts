import type { Channel } from './channel.js'

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

export { VENDOR_NAMES } from './vendor.js'
