import type { ChannelRows } from '../../../kit/rows.js'
import { MESSANGI_EMAIL_ROWS } from './email.js'
import { MESSANGI_PUSH_ROWS } from './push.js'
import { MESSANGI_RCS_ROWS } from './rcs.js'
import { MESSANGI_SMS_ROWS } from './sms.js'
import { MESSANGI_WHATSAPP_ROWS } from './whatsapp.js'

export { MESSANGI_LEGACY_ROW_CATALOGS } from './legacy.js'

/** The rows of `MESSANGI_CATALOGS`, by channel: what `normalize` reads. */
export const MESSANGI_ROW_CATALOGS: ChannelRows = {
  sms: MESSANGI_SMS_ROWS,
  email: MESSANGI_EMAIL_ROWS,
  push: MESSANGI_PUSH_ROWS,
  rcs: MESSANGI_RCS_ROWS,
  whatsapp: MESSANGI_WHATSAPP_ROWS,
}
