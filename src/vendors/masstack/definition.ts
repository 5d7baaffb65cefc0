import * as E from '../../util/either.js'

import { callbackShape, type CommonSettings, type VendorRules } from '../../kit/definition.js'
import { register, type RegisteredVendor } from '../../runtime/run.js'
import type { CommonOptions } from '../../types/options.js'
import { MASSTACK_ROW_CATALOGS } from './rows.js'
import { MASSTACK_CHANNEL_CODECS, pickMasstack, type MasstackShape } from './codec.js'
import { located, recordEvents } from './toEvents.js'

/**
 * The zone a zone-less Masstack time is read in unless you say otherwise. Every time
 * Masstack documents carries `Z` or an offset, which is kept; this only applies if your
 * records carry times without one. Masstack (MasOrange) is Spanish and its own examples
 * use Spanish local time (`+01:00`), hence Madrid.
 *
 * @category Options
 */
export const MASSTACK_DEFAULT_TIME_ZONE = 'Europe/Madrid'

/**
 * Options for Masstack bodies.
 *
 * @category Options
 */
export interface MasstackOptions extends CommonOptions {
  /**
   * IANA zone that zone-less times are read in. Default {@link MASSTACK_DEFAULT_TIME_ZONE}.
   * Times with `Z` or an offset keep theirs.
   */
  readonly timeZone?: string | undefined
}

/** Masstack, as data: every entry point is built from this. Its statuses are polled: every body is a delivery status. */
const MASSTACK: VendorRules<'masstack', MasstackShape, CommonSettings> = {
  vendor: 'masstack',
  catalogs: MASSTACK_ROW_CATALOGS,
  defaultTimeZone: MASSTACK_DEFAULT_TIME_ZONE,
  settings: (_options, common) => E.right(common),
  pick: pickMasstack,
}

/** Masstack, ready to run (every body is a delivery status: one registration serves every entry). */
export const MASSTACK_VENDOR: RegisteredVendor = /*#__PURE__*/ register(MASSTACK, {
  record: /*#__PURE__*/ callbackShape({ kind: 'delivery', name: 'Masstack communication record' }, MASSTACK_CHANNEL_CODECS.record, (body, settings: CommonSettings) => E.right(recordEvents(located.record(body), settings))),
  list: /*#__PURE__*/ callbackShape({ kind: 'delivery', name: 'Masstack list of communication records' }, MASSTACK_CHANNEL_CODECS.list, (body, settings: CommonSettings) => E.right(recordEvents(located.list(body), settings))),
  envelope: /*#__PURE__*/ callbackShape({ kind: 'delivery', name: 'Masstack Communications API envelope' }, MASSTACK_CHANNEL_CODECS.envelope, (body, settings: CommonSettings) => E.right(recordEvents(located.envelope(body), settings))),
})
