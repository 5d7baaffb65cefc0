/**
 * The channels a message can travel on, in deliverykit's own words. Each vendor's
 * channel names are mapped onto these (Octopush `voice_sms` is `voice`). `facebook`
 * (Messenger) and `instagram` are the channels Octopush lists in its receipts' channel
 * column.
 *
 * @example
 * ```ts
 * import { CHANNELS, type Channel } from 'deliverykit'
 * const phoneChannels: ReadonlyArray<Channel> = CHANNELS.filter((c) => c !== 'email')
 * ```
 * @category Model
 */
export const CHANNELS = ['sms', 'voice', 'email', 'push', 'rcs', 'whatsapp', 'facebook', 'instagram'] as const

/**
 * A canonical channel: `sms`, `voice` (voice SMS, text-to-speech calls), `email`, `push`,
 * `rcs`, `whatsapp`, `facebook` (Messenger) or `instagram`.
 *
 * @category Model
 */
export type Channel = (typeof CHANNELS)[number]
