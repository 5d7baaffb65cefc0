import type { VendorManifest } from '../../runtime/manifest.js'
import type * as Entry from './index.js'
import { OCTOPUSH_DEFAULT_TIME_ZONE, OCTOPUSH_VENDOR, PHONE_CHANNELS, type OctopushInboundOptions, type OctopushOptions } from './definition.js'
import { OCTOPUSH_DETECTION } from './detection.js'

/** Octopush, for the vendor list. */
export const manifest: VendorManifest<'octopush', OctopushOptions, OctopushInboundOptions> = {
  vendor: 'octopush',
  registration: OCTOPUSH_VENDOR,
  catalogExports: { current: 'OCTOPUSH_CATALOGS' satisfies keyof typeof Entry },
  channelOption: { values: PHONE_CHANNELS },
  zoneLessTimes: OCTOPUSH_DEFAULT_TIME_ZONE,
  detection: OCTOPUSH_DETECTION,
}
