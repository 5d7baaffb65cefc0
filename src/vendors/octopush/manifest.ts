import type { VendorManifest } from '../../runtime/manifest.js'
import type * as Entry from './index.js'
import { OCTOPUSH_VENDOR, type OctopushInboundOptions, type OctopushOptions } from './definition.js'
import { OCTOPUSH_DETECTION } from './detection.js'

/** Octopush, for the vendor list. */
export const manifest: VendorManifest<'octopush', OctopushOptions, OctopushInboundOptions> = {
  vendor: 'octopush',
  registration: OCTOPUSH_VENDOR,
  catalogExports: { current: 'OCTOPUSH_CATALOGS' satisfies keyof typeof Entry },
  detection: OCTOPUSH_DETECTION,
}
