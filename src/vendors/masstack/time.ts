import { isOffsetDateTime, parseOffsetDateTime, parseZonelessDateTime, toOffsetDateTime, type Zone } from '../../util/time.js'

// Every Masstack time the research found carries `Z` or an offset, sometimes with
// microseconds (`2024-08-01T10:38:45.698148Z`, `2020-01-01T14:00:00+01:00`). The
// Communications API's response fields are not documented, so a zone-less ISO time
// (`2024-08-01T10:38:45`) is accepted too and read in a zone the caller can choose.

/** Whether a text is a date-time deliverykit can read as a Masstack time. */
export const isMasstackTime = (text: string): boolean => isOffsetDateTime(text) || parseZonelessDateTime(text) !== undefined

/**
 * ISO-8601 with an explicit offset for a Masstack time: its own offset when it has one
 * (`Z` becomes `+00:00`), otherwise the wall time read in `zone`. Fractions are kept to
 * the millisecond, as `parseOffsetDateTime` keeps them.
 */
export const masstackOccurredAt = (text: string, zone: Zone): string | undefined => {
  const withOffset = parseOffsetDateTime(text)
  if (withOffset !== undefined) return withOffset.iso
  const zoneless = parseZonelessDateTime(text)
  if (zoneless === undefined) return undefined
  const iso = toOffsetDateTime(zoneless.local, zone)
  const fraction = zoneless.fraction === '' ? '' : `.${zoneless.fraction.slice(0, 3).padEnd(3, '0')}`
  return `${iso.slice(0, 19)}${fraction}${iso.slice(19)}`
}
