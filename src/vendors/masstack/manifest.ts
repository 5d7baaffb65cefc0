import type { VendorManifest } from '../../runtime/manifest.js'
import type * as Entry from './index.js'
import { MASSTACK_DEFAULT_TIME_ZONE, MASSTACK_VENDOR, type MasstackOptions } from './definition.js'
import { MASSTACK_DETECTION } from './detection.js'

/**
 * Masstack, for the vendor list. Every body is a delivery status (its statuses are polled):
 * one registration serves every entry, and it has no opt-out or inbound options.
 */
export const manifest: VendorManifest<'masstack', MasstackOptions, never> = {
  vendor: 'masstack',
  registration: MASSTACK_VENDOR,
  catalogExports: { current: 'MASSTACK_CATALOGS' satisfies keyof typeof Entry },
  zoneLessTimes: MASSTACK_DEFAULT_TIME_ZONE,
  detection: MASSTACK_DETECTION,
}
