import type { ChannelMismatchIssue, IssuePath } from '../../errors/issue.js'
import { channelMismatchIssue } from '../../errors/build.js'
import type { Channel } from '../../model/channel.js'
import { isOneOf } from '../../util/values.js'

/**
 * The channels Messangi sends on: the values of the `channel` option.
 *
 * @category Options
 */
export type MessangiChannel = Extract<Channel, 'sms' | 'email' | 'push' | 'rcs' | 'whatsapp'>

/**
 * The channels of the `channel` option, for routing a URL segment to it (narrow a value
 * with {@link isMessangiChannel}).
 *
 * @example
 * ```ts
 * import { MESSANGI_CHANNELS } from 'deliverykit/messangi'
 * MESSANGI_CHANNELS // ['sms', 'email', 'push', 'rcs', 'whatsapp']
 * ```
 * @category Options
 */
export const MESSANGI_CHANNELS: ReadonlyArray<MessangiChannel> = /*#__PURE__*/ Object.freeze(['sms', 'email', 'push', 'rcs', 'whatsapp'])

/**
 * Whether a value is a channel of the `channel` option: the guard for a route such as
 * `/messangi/:channel`.
 *
 * @example
 * ```ts
 * import { isMessangiChannel, safeParseWebhook } from 'deliverykit/messangi'
 *
 * const handle = (segment: string, body: string) =>
 *   isMessangiChannel(segment) ? safeParseWebhook(body, { channel: segment }) : undefined
 * ```
 * @category Options
 */
export const isMessangiChannel = (value: unknown): value is MessangiChannel => isOneOf(MESSANGI_CHANNELS, value)

/** What a recipient's address is, where its form alone says so for sure. */
type AddressForm = 'phone' | 'email'

/**
 * The form of the recipient on each channel: a phone number on SMS, WhatsApp and RCS, an
 * e-mail address on e-mail. Push's `to` is not documented (a device token, a user id, an
 * e-mail address or a phone number can all name a device's owner), so nothing is said of
 * it and no push body is refused.
 */
const RECIPIENT_FORM: Readonly<Record<MessangiChannel, AddressForm | undefined>> = {
  sms: 'phone',
  whatsapp: 'phone',
  rcs: 'phone',
  email: 'email',
  push: undefined,
}

const FORM_NAMES: Readonly<Record<AddressForm, string>> = { phone: 'a phone number', email: 'an e-mail address' }

/** Digits with at most a leading `+` and the separators people write between them: 7 to 15 digits (E.164's longest). */
const PHONE = /^\+?\d{7,15}$/u
const PHONE_SEPARATORS = /[\s().-]/gu
/**
 * `local@domain.tld` with a letter in the local part. A phone number written at a domain
 * (a WhatsApp JID `5511…@s.whatsapp.net`) or a URI (`sip:+1…@ims…`, `tel:`) is not taken
 * for an e-mail address: their local parts are digits, or carry a scheme's `:`.
 */
const EMAIL = /^(?<local>[^\s@:<>()[\],;"]+)@[^\s@]+\.[^\s@.]+$/u
const LETTER = /\p{L}/u

/** The form of an address, where it is one for sure; `undefined` for anything else (a token, a short code, a name). */
export const addressForm = (address: string): AddressForm | undefined => {
  if (PHONE.test(address.replace(PHONE_SEPARATORS, ''))) return 'phone'
  const local = EMAIL.exec(address)?.groups?.['local']
  return local !== undefined && LETTER.test(local) ? 'email' : undefined
}

/**
 * The issue of a recipient whose form contradicts the channel the caller named (an e-mail
 * address on SMS, a phone number on e-mail), or `undefined` where it does not, or where
 * nothing can tell (push; an address of neither form; SMS, WhatsApp and RCS from each other).
 */
export const recipientMismatch = (channel: MessangiChannel, to: string, path: IssuePath): ChannelMismatchIssue | undefined => {
  const wanted = RECIPIENT_FORM[channel]
  const found = addressForm(to)
  if (wanted === undefined || found === undefined || found === wanted) return undefined
  return channelMismatchIssue(path, channel, to, FORM_NAMES[wanted], FORM_NAMES[found])
}
