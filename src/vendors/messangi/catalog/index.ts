import type { ChannelCatalogs } from '../../../model/catalog.js'
import { MESSANGI_EMAIL_CATALOG } from './email.js'
import { MESSANGI_PUSH_CATALOG } from './push.js'
import { MESSANGI_RCS_CATALOG } from './rcs.js'
import { MESSANGI_SMS_CATALOG } from './sms.js'
import { MESSANGI_WHATSAPP_CATALOG } from './whatsapp.js'

export * from './email.js'
export * from './legacy.js'
export * from './push.js'
export * from './rcs.js'
export * from './sms.js'
export * from './whatsapp.js'

/**
 * Messangi's catalogs by channel. Codes are looked up by (channel, code): `SENT` (and
 * `INCOMPLETE`, which maps as each channel's `SENT`), `EXHAUSTED`, `BLACKLISTED`,
 * `DEQUEUED` and `NOT_SENT` mean different things per channel, and SMS says `DELIVRD`
 * where RCS and WhatsApp say `DELIVERED`.
 *
 * @example
 * ```ts
 * import { lookupStatus } from 'deliverykit'
 * import { MESSANGI_CATALOGS } from 'deliverykit/messangi'
 * lookupStatus(MESSANGI_CATALOGS, 'push', 'SENT')?.status // 'delivered'
 * lookupStatus(MESSANGI_CATALOGS, 'sms', 'SENT')?.status // 'sent'
 * ```
 * @category Catalog
 */
export const MESSANGI_CATALOGS: ChannelCatalogs = {
  sms: MESSANGI_SMS_CATALOG,
  email: MESSANGI_EMAIL_CATALOG,
  push: MESSANGI_PUSH_CATALOG,
  rcs: MESSANGI_RCS_CATALOG,
  whatsapp: MESSANGI_WHATSAPP_CATALOG,
}
