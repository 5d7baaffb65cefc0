/**
 * How `detectVendor` tells a Masstack body: a record's `status` with its recipient field,
 * a list of such records, or the Communications API envelope around them; field names only.
 */
import { has, type Body, type VendorDetection } from '../../kit/detection.js'
import { isRecord } from '../../util/values.js'

const isRecordOfStatus = (u: unknown): boolean => isRecord(u) && has(u, 'status') && (has(u, 'terminatingNumber') || has(u, 'destinationEmail'))
const isListOfRecords = (items: ReadonlyArray<unknown>): boolean => items.length > 0 && items.every(isRecordOfStatus)
const holdsRecords = (u: unknown): boolean => isRecordOfStatus(u) || (Array.isArray(u) && isListOfRecords(u))

/** Masstack's rules, most specific first. */
export const MASSTACK_DETECTION: VendorDetection = {
  objects: [
    { kind: 'delivery', shape: 'Masstack Communications API envelope', fields: ['commit', 'data'] },
    // `commit` is optional in the envelope the decoder reads: `data` holding records says it.
    { kind: 'delivery', shape: 'Masstack Communications API envelope', fields: ['data'], test: (b: Body) => !has(b, 'commit') && holdsRecords(b['data']) },
    { kind: 'delivery', shape: 'Masstack communication record', fields: ['status'], test: isRecordOfStatus, channel: (b) => (has(b, 'terminatingNumber') ? 'sms' : 'email') },
  ],
  lists: [{ kind: 'delivery', shape: 'Masstack list of communication records', test: isListOfRecords, evidence: ['status', 'terminatingNumber or destinationEmail'] }],
}
