/**
 * Local date-times without a zone (Octopush's `YYYY-MM-DD HH:mm:ss`) and their conversion
 * to instants with an explicit offset, daylight saving included.
 *
 * Why not `Intl` for everything: one `Intl` conversion costs several times a whole
 * `normalize` call, and building an `Intl.DateTimeFormat` a hundred times that. The
 * default zone (Europe/Paris) follows the EU rule, computed here with arithmetic; other
 * zones ask one `Intl.DateTimeFormat` per zone name, kept in a bounded cache with the
 * offsets it gave, memoized per UTC day with the exact second of any change that day.
 */

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A wall-clock time, as written, validated to be a real calendar date-time. */
export interface LocalDateTime {
  /** Milliseconds since 1970-01-01T00:00:00 as if the wall time were UTC. */
  readonly wallMs: number
  /** The original text. */
  readonly text: string
}

const digit = (text: string, index: number): number => {
  const code = text.charCodeAt(index) - 48
  return code >= 0 && code <= 9 ? code : Number.NaN
}

/** The two-digit number at `index`, or -1 if either character is not a digit. */
const number2 = (text: string, index: number): number => {
  const tens = text.charCodeAt(index) - 48
  const units = text.charCodeAt(index + 1) - 48
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0)

/**
 * Parses exactly `YYYY-MM-DD HH:mm:ss`; an impossible date (`2025-02-30`, `25:61:00`) is
 * `undefined`, never rolled over into the next month or day.
 */
export const parseLocalDateTime = (text: string): LocalDateTime | undefined => {
  const wallMs = localWallMs(text)
  return Number.isNaN(wallMs) ? undefined : { wallMs, text }
}

/** Whether a text is exactly a real `YYYY-MM-DD HH:mm:ss`, without allocating. */
export const isLocalDateTime = (text: string): boolean => !Number.isNaN(localWallMs(text))

/** The last text `localWallMs` read, and its value: a codec checks a date, the event builder reads it next. */
let lastLocalText = ''
let lastLocalWall = Number.NaN

/**
 * The wall-clock value of `YYYY-MM-DD HH:mm:ss` as if it were UTC, or `NaN` if it is not
 * one. Arithmetic only: no Date, so years 0-99 stay themselves. The last answer is kept:
 * the date a codec validated is not parsed again when its event is built.
 */
const localWallMs = (text: string): number => {
  if (text === lastLocalText) return lastLocalWall
  if (text.length !== 19 || text[10] !== ' ') return Number.NaN
  lastLocalWall = wallMsAt(text)
  lastLocalText = text
  return lastLocalWall
}

/**
 * The wall-clock value of the `YYYY-MM-DD?HH:mm:ss` the text starts with (the separator
 * at index 10 is the caller's business), or `NaN`.
 */
const wallMsAt = (text: string): number => {
  // Character codes, not one-character strings: 45 is '-', 58 is ':'.
  if (text.length < 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return Number.NaN
  const century = number2(text, 0)
  const yearOf = number2(text, 2)
  const year = century * 100 + yearOf
  const month = number2(text, 5)
  const day = number2(text, 8)
  const hour = number2(text, 11)
  const minute = number2(text, 14)
  const second = number2(text, 17)
  // -1 (not digits) fails every lower bound below.
  const valid =
    century >= 0 && yearOf >= 0 && year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) &&
    hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59
  return valid ? daysFromCivil(year, month, day) * DAY + hour * HOUR + minute * MINUTE + second * 1000 : Number.NaN
}

/** A time zone: the offset from UTC, in milliseconds, in force at an instant. */
export interface Zone {
  readonly name: string
  readonly offsetAt: (instantMs: number) => number
  /**
   * A shortcut for zones with a rule: the offset of a wall time that exists exactly once,
   * or `undefined` to take the general path (gaps, overlaps, years outside the rule).
   */
  readonly offsetForWall?: (wallMs: number) => number | undefined
}

const UTC_NAMES: ReadonlySet<string> = /*#__PURE__*/ new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu'])

/** 1970-01-01 was a Thursday; 0 = Sunday. */
const weekday = (dayNumber: number): number => (((dayNumber + 4) % 7) + 7) % 7

/** Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm): arithmetic only, no Date. */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** The civil year of a day number (the inverse of `daysFromCivil`, year only). */
const yearFromDays = (days: number): number => {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  return yoe + era * 400 + (mp >= 10 ? 1 : 0)
}

/** The instant (ms) of 01:00 UTC on the last Sunday of a month (1-12), when EU clocks change. */
const lastSundayAt0100Utc = (year: number, month: number): number => {
  const lastDay = daysFromCivil(year, month + 1, 1) - 1
  return (lastDay - weekday(lastDay)) * DAY + HOUR
}

/** The first year France followed today's EU rule (summer time ends in October). */
const EU_RULE_SINCE = 1996

/** Summer time of a year under the EU rule, as instants, and the year it is of (as ms: [from, to)). */
interface Summer {
  readonly from: number
  readonly to: number
  readonly start: number
  readonly end: number
}

/** The last year `euSummer` worked out: the dates of a body are nearly always in one year. */
let lastSummer: Summer = { from: 0, to: 0, start: 0, end: 0 }

/** Summer time of a year under the EU rule, as instants. The year is the one of `ms` read as UTC. */
const euSummer = (ms: number): Summer | undefined => {
  if (ms >= lastSummer.from && ms < lastSummer.to) return lastSummer
  const year = yearFromDays(Math.floor(ms / DAY))
  if (year < EU_RULE_SINCE) return undefined
  lastSummer = { from: daysFromCivil(year, 1, 1) * DAY, to: daysFromCivil(year + 1, 1, 1) * DAY, start: lastSundayAt0100Utc(year, 3), end: lastSundayAt0100Utc(year, 10) }
  return lastSummer
}

/**
 * Central European Time as the EU has set it since 1996: UTC+1, and UTC+2 from the last
 * Sunday of March to the last Sunday of October, changing at 01:00 UTC. Pure arithmetic,
 * no Date and no Intl: this is the default zone's hot path. Earlier years ask `Intl`,
 * whose history of those years is richer than a rule.
 */
const centralEuropeanZone = (name: string): Zone => {
  let history: Zone | undefined
  return {
    name,
    offsetAt: (instantMs) => {
      const summer = euSummer(instantMs)
      if (summer === undefined) {
        history ??= intlZone(name)
        return history.offsetAt(instantMs)
      }
      return instantMs >= summer.start && instantMs < summer.end ? 2 * HOUR : HOUR
    },
    offsetForWall: (wallMs) => {
      const summer = euSummer(wallMs)
      if (summer === undefined) return undefined
      // Summer wall times run from 03:00 on the March Sunday (01:00 UTC + 2 h) to 02:00 on
      // the October Sunday (01:00 UTC + 1 h); 02:00-03:00 on those days are the gap and
      // the overlap, left to the general path.
      if (wallMs >= summer.start + 2 * HOUR && wallMs < summer.end + HOUR) return 2 * HOUR
      if (wallMs < summer.start + HOUR || wallMs >= summer.end + 2 * HOUR) return HOUR
      return undefined
    },
  }
}

/** The most UTC days a zone remembers the offsets of; past it, it forgets them all. */
const MAX_MEMO = 1024

/**
 * The formatter an `intlZone` reads offsets with: `1/22/2025, GMT-05:00`, its offset in
 * `Intl`'s own words (a quarter of the cost of reading the wall time with `formatToParts`
 * and subtracting). Throws a RangeError for a zone `Intl` does not know.
 */
const intlFormat = (name: string): Intl.DateTimeFormat => new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' })

/**
 * The offset at the end of an `Intl` `longOffset` text (`GMT`, `GMT+05:30`, `GMT-00:44:30`),
 * rounded to the minute: offsets with seconds (local mean time, before about 1911) are
 * shown as `±HH:MM`. `NaN` if the text does not end so.
 */
export const offsetOfGmtText = (text: string): number => {
  const at = text.lastIndexOf('GMT') + 3
  if (at === 2) return Number.NaN
  if (at === text.length) return 0
  // 43 is '+', 45 '-' and 0x2212 the minus sign some locales write; 58 is ':'.
  const signCode = text.charCodeAt(at)
  const sign = signCode === 43 ? 1 : signCode === 45 || signCode === 0x2212 ? -1 : 0
  const rest = text.length - at
  const hours = number2(text, at + 1)
  const minutes = number2(text, at + 4)
  const seconds = rest === 9 && text.charCodeAt(at + 6) === 58 ? number2(text, at + 7) : rest === 6 ? 0 : -1
  if (sign === 0 || text.charCodeAt(at + 3) !== 58 || hours < 0 || minutes < 0 || seconds < 0) return Number.NaN
  const offset = Math.round((sign * (hours * HOUR + minutes * MINUTE + seconds * 1000)) / MINUTE) * MINUTE
  // `GMT-00:00:30` rounds to -0, which is 0.
  return offset === 0 ? 0 : offset
}

/** The offset `Intl` gives at an instant, to the minute. */
const intlOffsetAt = (format: Intl.DateTimeFormat, at: number): number => offsetOfGmtText(format.format(at))

/** A UTC day in which a zone's offset changed: the offset before, the first second of the new one, the offset after. */
interface ChangingDay {
  readonly before: number
  readonly changeAt: number
  readonly after: number
}

/**
 * A UTC day of a zone, asked of `Intl`: its offset, or the exact second it changed at.
 * The offsets at the day's first and last second are compared; if they differ, the
 * change is found by bisection to the second (zones change on whole seconds), some 17
 * `Intl` calls once per such day. This relies on no zone changing its offset twice in
 * one day: the closest two changes in the tz database are four days apart (Africa/Freetown,
 * 1939), and a change and its reversal within a day would be invisible at both ends.
 */
const zoneDay = (format: Intl.DateTimeFormat, day: number): number | ChangingDay => {
  let lo = day * DAY
  let hi = lo + DAY - 1000
  const before = intlOffsetAt(format, lo)
  const after = intlOffsetAt(format, hi)
  if (before === after) return before
  // Invariant: the offset at `lo` is `before`, the one at `hi` is not.
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000
    if (intlOffsetAt(format, mid) === before) lo = mid
    else hi = mid
  }
  return { before, changeAt: hi, after }
}

/**
 * Any IANA zone through one `Intl.DateTimeFormat`, memoized per UTC day: each day keeps
 * its offset, or the exact second its offset changed at and the offsets either side, so
 * an answer is exact at every instant, whenever the change falls (St John's changed at
 * 00:01 local time until 2011, Antarctica/Casey at 00:01 in 2020).
 */
const intlZone = (name: string, format: Intl.DateTimeFormat = intlFormat(name)): Zone => {
  const memo = new Map<number, number | ChangingDay>()
  return {
    name,
    offsetAt: (instantMs) => {
      const day = Math.floor(instantMs / DAY)
      let known = memo.get(day)
      if (known === undefined) {
        known = zoneDay(format, day)
        if (memo.size >= MAX_MEMO) memo.clear()
        memo.set(day, known)
      }
      if (typeof known === 'number') return known
      return instantMs < known.changeAt ? known.before : known.after
    },
  }
}

const EUROPE_CENTRAL: ReadonlySet<string> = /*#__PURE__*/ new Set(['Europe/Paris', 'CET', 'Europe/Berlin', 'Europe/Madrid', 'Europe/Rome', 'Europe/Brussels', 'Europe/Amsterdam'])

/** The zone of a name, or `undefined` when `Intl` does not know it: what `zoneFor` caches. */
const makeZone = (name: string): Zone | undefined => {
  if (UTC_NAMES.has(name)) return { name, offsetAt: () => 0, offsetForWall: () => 0 }
  // The default zone is the hot path: no Intl at all.
  if (EUROPE_CENTRAL.has(name)) return centralEuropeanZone(name)
  let format: Intl.DateTimeFormat
  try {
    format = intlFormat(name)
  } catch {
    return undefined
  }
  // An engine that does not write offsets as `GMT±HH:MM` could not serve the zone.
  if (Number.isNaN(intlOffsetAt(format, 0))) return undefined
  // A name Intl resolves to a central European zone (another spelling, a link) takes the arithmetic path too.
  return EUROPE_CENTRAL.has(format.resolvedOptions().timeZone) ? centralEuropeanZone(name) : intlZone(name, format)
}

/** The most zone names `zoneFor` keeps; past it, the oldest is dropped. */
const MAX_ZONES = 32
/** Longer names are not kept (no IANA name is near it): a caller's megabyte of text stays theirs. */
const MAX_NAME = 64
/** Zones by name, `null` for a name `Intl` refused: one `Intl.DateTimeFormat` per zone name, not per call. */
const ZONES = /*#__PURE__*/ new Map<string, Zone | null>()

/**
 * The zone of an IANA name, or `undefined` when `Intl` does not know it. Zones are kept
 * by name (at most {@link MAX_ZONES}), with the offsets they found: a zone's answers
 * depend on its name alone, so any call may share them.
 */
export const zoneFor = (name: string): Zone | undefined => {
  const known = ZONES.get(name)
  if (known !== undefined) return known ?? undefined
  const zone = makeZone(name)
  if (name.length <= MAX_NAME) {
    if (ZONES.size >= MAX_ZONES) {
      const oldest = ZONES.keys().next()
      if (oldest.done !== true) ZONES.delete(oldest.value)
    }
    ZONES.set(name, zone ?? null)
  }
  return zone
}

/**
 * The instant a wall time denotes in a zone. Where the wall time is ambiguous (clocks
 * going back) the earlier instant is chosen; where it does not exist (clocks going
 * forward) it is read with the offset in force before the change, so it lands after the
 * gap. This is what `Temporal` calls the "compatible" disambiguation.
 */
export const instantOf = (wallMs: number, zone: Zone): number => {
  const before = zone.offsetAt(wallMs - DAY)
  const after = zone.offsetAt(wallMs + DAY)
  if (before === after) return wallMs - before
  const earlier = wallMs - Math.max(before, after)
  const later = wallMs - Math.min(before, after)
  const earlierValid = zone.offsetAt(earlier) === wallMs - earlier
  const laterValid = zone.offsetAt(later) === wallMs - later
  if (earlierValid) return earlier
  if (laterValid) return later
  return wallMs - before
}

const pad2 = (n: number): string => (n < 10 ? `0${String(n)}` : String(n))

const formatOffset = (offsetMs: number): string => {
  if (offsetMs === HOUR) return '+01:00'
  if (offsetMs === 2 * HOUR) return '+02:00'
  if (offsetMs === 0) return '+00:00'
  const sign = offsetMs < 0 ? '-' : '+'
  const minutes = Math.abs(offsetMs) / MINUTE
  return `${sign}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`
}

/**
 * ISO-8601 with an explicit offset for a local date-time read in a zone:
 * `2025-01-22 11:46:06` in Europe/Paris is `2025-01-22T11:46:06+01:00`.
 */
export const toOffsetDateTime = (local: LocalDateTime, zone: Zone): string => zonedIso(local.text, local.wallMs, zone)

/**
 * {@link toOffsetDateTime} of an Octopush `YYYY-MM-DD HH:mm:ss`, or `undefined` if the
 * text is not one: what the event builders call on a date their codec has just checked
 * (so it is not parsed again).
 */
export const localToOffsetDateTime = (text: string, zone: Zone): string | undefined => {
  const wallMs = localWallMs(text)
  return Number.isNaN(wallMs) ? undefined : zonedIso(text, wallMs, zone)
}

const zonedIso = (text: string, wallMs: number, zone: Zone): string => {
  const known = zone.offsetForWall?.(wallMs)
  if (known !== undefined) return `${text.slice(0, 10)}T${text.slice(11)}${formatOffset(known)}`
  const instant = instantOf(wallMs, zone)
  const offset = zone.offsetAt(instant)
  if (instant + offset === wallMs) {
    return `${text.slice(0, 10)}T${text.slice(11)}${formatOffset(offset)}`
  }
  // A wall time inside a spring-forward gap: show the real wall time after the gap.
  const shown = new Date(instant + offset).toISOString().slice(0, 19)
  return `${shown}${formatOffset(offset)}`
}

/** A date-time that carries its own offset (`Z` or `±HH:MM`), validated. */
export interface OffsetDateTime {
  /** The instant, in ms since the epoch (fractions beyond the millisecond are dropped). */
  readonly instantMs: number
  /** The offset the text was written in, in ms. */
  readonly offsetMs: number
  /**
   * The same instant and offset in deliverykit's form: `YYYY-MM-DDTHH:mm:ss[.SSS]±HH:MM`
   * (`Z` becomes `+00:00`; a fraction is kept to the millisecond).
   */
  readonly iso: string
  /** The original text. */
  readonly text: string
}

/**
 * Parses ISO-8601 with an offset: `2025-01-22T11:46:06Z`, `…06.123456789+02:00`, `…06-0300`.
 * Up to nine fractional digits. A date-time without an offset, or an impossible one, is
 * `undefined`. Linear in the text, no regular expression.
 */
export const parseOffsetDateTime = (text: string): OffsetDateTime | undefined => {
  const scanned = scanOffsetDateTime(text)
  if (scanned === undefined) return undefined
  const shownFraction = scanned.fraction === '' ? '' : `.${scanned.fraction}`
  return {
    instantMs: scanned.wallMs - scanned.offsetMs,
    offsetMs: scanned.offsetMs,
    iso: `${text.slice(0, 10)}T${text.slice(11, 19)}${shownFraction}${formatOffset(scanned.offsetMs)}`,
    text,
  }
}

/** Whether a text is ISO-8601 with an offset, as `parseOffsetDateTime` reads it. */
export const isOffsetDateTime = (text: string): boolean => scanOffsetDateTime(text) !== undefined

/** The parts of an ISO-8601 date-time with an offset: the wall time (to the ms), its fraction as shown, the offset. */
interface ScannedDateTime {
  readonly wallMs: number
  readonly fraction: string
  readonly offsetMs: number
}

/** The last text `scanOffsetDateTime` read, and its parts: a codec checks a date, the event builder reads it next. */
let lastScannedText = ''
let lastScanned: ScannedDateTime | undefined

/** {@link scanText}, the last answer kept (for texts of a date-time's length only). */
const scanOffsetDateTime = (text: string): ScannedDateTime | undefined => {
  if (text === lastScannedText) return lastScanned
  const scanned = scanText(text)
  if (text.length <= 35) {
    lastScannedText = text
    lastScanned = scanned
  }
  return scanned
}

const scanText = (text: string): ScannedDateTime | undefined => {
  if (text.length < 20 || text.length > 35 || (text[10] !== 'T' && text[10] !== 't' && text[10] !== ' ')) return undefined
  const wall = wallMsAt(text)
  if (Number.isNaN(wall)) return undefined
  let at = 19
  let fraction = ''
  if (text[at] === '.' || text[at] === ',') {
    at++
    const start = at
    while (at < text.length && digit(text, at) >= 0) at++
    if (at === start || at - start > 9) return undefined
    // Kept to the millisecond: three digits, padded.
    fraction = text.slice(start, Math.min(at, start + 3)).padEnd(3, '0')
  }
  let offsetMs: number
  const rest = text.length - at
  if (rest === 1 && (text[at] === 'Z' || text[at] === 'z')) offsetMs = 0
  else {
    const sign = text[at] === '+' ? 1 : text[at] === '-' ? -1 : 0
    const compact = rest === 5
    if (sign === 0 || (rest !== 6 && !compact) || (!compact && text[at + 3] !== ':')) return undefined
    const hours = number2(text, at + 1)
    const minutes = number2(text, at + (compact ? 3 : 4))
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined
    offsetMs = sign * (hours * HOUR + minutes * MINUTE)
  }
  return { wallMs: wall + (fraction === '' ? 0 : Number(fraction)), fraction, offsetMs }
}

/** A zone-less `YYYY-MM-DD[T ]HH:mm:ss[.fraction]`, with its fraction text (without the dot). */
export interface ZonelessDateTime {
  readonly local: LocalDateTime
  readonly fraction: string
}

const isDigits = (text: string): boolean => /^\d{1,9}$/.test(text)

/** Parses a zone-less ISO date-time (`T`, `t` or a space between date and time, up to nine fractional digits). */
export const parseZonelessDateTime = (text: string): ZonelessDateTime | undefined => {
  if (text.length < 19 || (text[10] !== 'T' && text[10] !== 't' && text[10] !== ' ')) return undefined
  const local = parseLocalDateTime(`${text.slice(0, 10)} ${text.slice(11, 19)}`)
  if (local === undefined) return undefined
  const rest = text.slice(19)
  if (rest === '') return { local, fraction: '' }
  return (rest.startsWith('.') || rest.startsWith(',')) && isDigits(rest.slice(1)) ? { local, fraction: rest.slice(1) } : undefined
}
