import type { VendorManifest } from '../../runtime/manifest.js'
import type * as Entry from './index.js'
import { MESSANGI_VENDOR, type MessangiInboundOptions, type MessangiOptions } from './definition.js'
import { MESSANGI_CHANNELS } from './channel.js'
import { MESSANGI_DETECTION } from './detection.js'

/** Messangi, for the vendor list. */
export const manifest: VendorManifest<'messangi', MessangiOptions, MessangiInboundOptions> = {
  vendor: 'messangi',
  registration: MESSANGI_VENDOR,
  catalogExports: { current: 'MESSANGI_CATALOGS' satisfies keyof typeof Entry, legacy: 'MESSANGI_LEGACY_CATALOGS' satisfies keyof typeof Entry },
  channelOption: { values: MESSANGI_CHANNELS, required: 'required but for legacy callbacks' },
  detection: MESSANGI_DETECTION,
}
