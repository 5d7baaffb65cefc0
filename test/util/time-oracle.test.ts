/**
 * The hand-written date-time readers of src/util/time.ts against a second, plain
 * implementation (regular expressions and Date), on near-misses: valid texts with one
 * character changed, dropped or added. And the hand-written Central European rule against
 * Intl's time zone data. A fixed seed: the same inputs every run.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  instantOf,
  isLocalDateTime,
  isOffsetDateTime,
  localToOffsetDateTime,
  parseLocalDateTime,
  parseOffsetDateTime,
  parseZonelessDateTime,
  zoneFor,
  type Zone,
} from '../../src/util/time.js'

const RUNS = 3000
const SEED = 20261201

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/** Milliseconds since 1970 of a proleptic Gregorian UTC date-time, for any year 1-9999. */
const utcMs = (year: number, month: number, day: number, hour: number, minute: number, second: number): number => {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, second, 0)
  return date.getTime()
}

/** The wall time of `YYYY-MM-DD?HH:mm:ss` (any one character between), or undefined: no rollover. */
const oracleWall = (date: string, time: string): number | undefined => {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{2}):(\d{2}):(\d{2})$/.exec(time)
  if (d === null || t === null) return undefined
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])]
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3])]
  if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined
  const ms = utcMs(year, month, day, hour, minute, second)
  return new Date(ms).getUTCDate() === day ? ms : undefined
}

const formatOffset = (ms: number): string => {
  const minutes = Math.abs(ms) / 60_000
  return `${ms < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`
}

const OFFSET_TEXT = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/

/** parseOffsetDateTime, written with a regular expression. */
const oracleOffset = (text: string): { readonly instantMs: number; readonly offsetMs: number; readonly iso: string } | undefined => {
  const m = OFFSET_TEXT.exec(text)
  if (m === null) return undefined
  const [, date = '', time = '', fraction, zulu, sign, hours = '0', minutes = '0'] = m
  const wall = oracleWall(date, time)
  if (wall === undefined || Number(hours) > 23 || Number(minutes) > 59) return undefined
  const offsetMs = zulu === undefined ? (sign === '-' ? -1 : 1) * (Number(hours) * 3_600_000 + Number(minutes) * 60_000) : 0
  const millis = fraction === undefined ? '' : fraction.slice(0, 3).padEnd(3, '0')
  const offset = offsetMs === 0 ? '+00:00' : formatOffset(offsetMs)
  return { instantMs: wall + Number(millis === '' ? 0 : millis) - offsetMs, offsetMs: offsetMs === 0 ? 0 : offsetMs, iso: `${date}T${time}${millis === '' ? '' : `.${millis}`}${offset}` }
}

/** A near-valid date-time: each part drawn around its valid range, then maybe one character changed, dropped or added. */
const nearDateTime = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    separator: fc.constantFrom(' ', 'T', 't', 'x'),
    fraction: fc.option(fc.tuple(fc.constantFrom('.', ',', ';'), fc.stringMatching(/^\d{0,11}$/)), { nil: undefined }),
    offset: fc.constantFrom('', 'Z', 'z', '+01:00', '-05:30', '+0200', '-0000', '+24:00', '+01:60', '+1', '+01:0', '+010', 'x', '+01:00x', '+01-00'),
    edit: fc.option(fc.tuple(fc.nat(), fc.constantFrom('drop', 'add', 'set'), fc.constantFrom(...Array.from('0159-:T .,+Zzx/'))), { nil: undefined }),
  })
  .map(({ year, month, day, hour, minute, second, separator, fraction, offset, edit }) => {
    const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}${separator}${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${fraction === undefined ? '' : fraction.join('')}${offset}`
    if (edit === undefined) return text
    const [position, how, character] = edit
    const at = position % (text.length + 1)
    return `${text.slice(0, at)}${how === 'drop' ? '' : character}${text.slice(how === 'add' ? at : at + 1)}`
  })

describe('date-time readers against a plain implementation', () => {
  it('parseLocalDateTime and isLocalDateTime read exactly a real YYYY-MM-DD HH:mm:ss', () => {
    fc.assert(
      fc.property(nearDateTime, (text) => {
        const expected = text.length === 19 && text[10] === ' ' ? oracleWall(text.slice(0, 10), text.slice(11)) : undefined
        expect(parseLocalDateTime(text)?.wallMs).toBe(expected)
        expect(isLocalDateTime(text)).toBe(expected !== undefined)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  })

  it('parseOffsetDateTime and isOffsetDateTime read ISO-8601 with an offset, fractions kept to the millisecond', () => {
    fc.assert(
      fc.property(nearDateTime, (text) => {
        const expected = oracleOffset(text)
        const parsed = parseOffsetDateTime(text)
        expect(parsed === undefined ? undefined : { instantMs: parsed.instantMs, offsetMs: parsed.offsetMs === 0 ? 0 : parsed.offsetMs, iso: parsed.iso }).toEqual(expected)
        expect(isOffsetDateTime(text)).toBe(expected !== undefined)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  })

  it('parseZonelessDateTime reads a date-time without an offset and keeps its fraction as written', () => {
    fc.assert(
      fc.property(nearDateTime, (text) => {
        const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:[.,](\d{1,9}))?$/.exec(text)
        const wall = m === null ? undefined : oracleWall(m[1] ?? '', m[2] ?? '')
        const parsed = parseZonelessDateTime(text)
        expect(parsed === undefined ? undefined : [parsed.local.wallMs, parsed.fraction]).toEqual(wall === undefined ? undefined : [wall, m?.[3] ?? ''])
      }),
      { seed: SEED, numRuns: RUNS },
    )
  })

  it('years 1 to 9999 and their leap days, by arithmetic alone', () => {
    for (const year of [1, 4, 99, 100, 400, 1582, 1900, 2000, 2024, 2100, 9999]) {
      for (const [month, day] of [[1, 1], [2, 28], [2, 29], [3, 1], [12, 31]] as const) {
        const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)} 23:59:59`
        expect(parseLocalDateTime(text)?.wallMs, text).toBe(oracleWall(text.slice(0, 10), text.slice(11)))
      }
    }
  })
})

/** The offset Intl gives a zone at an instant, in ms, to the second. */
const exactOffset = (name: string, ms: number): number => {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short' }).formatToParts(new Date(ms))
  const field = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0)
  const bc = parts.find((part) => part.type === 'era')?.value.startsWith('B') === true
  const wall = utcMs(bc ? 1 - field('year') : field('year'), field('month'), field('day'), field('hour'), field('minute'), field('second'))
  return wall - Math.floor(ms / 1000) * 1000
}

/**
 * The offset deliverykit models: Intl's at the instant, rounded to the minute. Offsets of
 * local mean time had seconds (Paris's +00:09:21 until 1911, Monrovia's -00:44:30 until
 * 1972), which `±HH:MM` cannot show; their changes take effect at their exact second.
 */
const intlOffset = (name: string, ms: number): number => Math.round(exactOffset(name, ms) / 60_000) * 60_000

const zone = (name: string): Zone => zoneFor(name) ?? expect.fail(`zoneFor(${name})`)

/** Instants from `since` to 2100, and around each spring and autumn change of the years 1990-2040. */
const instantsSince = (since: number) => fc.oneof(
  fc.integer({ min: Date.UTC(since, 0, 1), max: Date.UTC(2100, 0, 1) }),
  fc.tuple(fc.integer({ min: 1990, max: 2040 }), fc.constantFrom(2, 9), fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 })).map(([year, month, delta]) => {
    // The last Sunday of March or October, 01:00 UTC.
    const last = new Date(Date.UTC(year, month + 1, 0, 1))
    return last.getTime() - last.getUTCDay() * 86_400_000 + delta
  }),
)

const instants = instantsSince(1850)

describe('time zones against Intl', () => {
  it.each(['Europe/Paris', 'Europe/Madrid', 'CET', 'America/New_York', 'Asia/Kolkata', 'UTC', 'Etc/GMT'])('%s: the offset at any instant is the one Intl gives', (name) => {
    const tz = zone(name)
    fc.assert(
      fc.property(instants, (ms) => {
        expect(tz.offsetAt(ms)).toBe(intlOffset(name, ms))
      }),
      { seed: SEED, numRuns: 1000 },
    )
  })

  it.each(['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe'])('%s: a wall time is read as the earlier instant that shows it, and a wall time in a gap lands after it', (name) => {
    const tz = zone(name)
    fc.assert(
      fc.property(instantsSince(1970), (ms) => {
        const wall = ms - (ms % 1000)
        const instant = instantOf(wall, tz)
        const shown = instant + intlOffset(name, instant)
        // Either the wall time exists and is shown at that instant, no earlier instant shows it…
        if (shown === wall) {
          for (const earlier of [instant - 3_600_000, instant - 1_800_000]) expect(earlier + intlOffset(name, earlier)).not.toBe(wall)
        } else {
          // …or it is in a gap: read with the offset before it, it lands after the gap.
          expect(shown).toBeGreaterThan(wall)
          expect(instant).toBe(wall - intlOffset(name, wall - 86_400_000))
        }
      }),
      { seed: SEED, numRuns: 1000 },
    )
  })

  it('a BC instant: Intl writes the era, and the year is counted astronomically', () => {
    const ms = utcMs(1, 1, 1, 0, 0, 0) - 400 * 86_400_000
    expect(exactOffset('America/New_York', ms)).toBe(-17_762_000)
    expect(zone('America/New_York').offsetAt(ms)).toBe(intlOffset('America/New_York', ms))
    expect(zone('Asia/Kolkata').offsetAt(ms)).toBe(intlOffset('Asia/Kolkata', ms))
  })

  it('an offset with seconds changes at its exact second, and is shown to the minute', () => {
    // Paris left its mean time (+00:09:21) at 00:00 local, 1911-03-10T23:50:39Z; Monrovia
    // left -00:44:30 at 1972-01-07T00:44:30Z, its clocks jumping from 00:00 to 00:44:30.
    expect(exactOffset('Europe/Paris', Date.UTC(1911, 2, 10, 23, 50, 38))).toBe(561_000)
    expect(exactOffset('Europe/Paris', Date.UTC(1911, 2, 10, 23, 50, 39))).toBe(0)
    expect([38, 39, 59].map((second) => zone('Europe/Paris').offsetAt(Date.UTC(1911, 2, 10, 23, 50, second)))).toEqual([540_000, 0, 0])
    expect(exactOffset('Africa/Monrovia', Date.UTC(1972, 0, 7, 0, 44, 29))).toBe(-2_670_000)
    expect([29, 30].map((second) => zone('Africa/Monrovia').offsetAt(Date.UTC(1972, 0, 7, 0, 44, second)))).toEqual([-2_640_000, 0])
    expect(localToOffsetDateTime('1972-01-07 00:44:50', zone('Africa/Monrovia'))).toBe('1972-01-07T00:44:50+00:00')
  })

  it('localToOffsetDateTime shows the offset in force, and the real wall time after a gap', () => {
    expect(localToOffsetDateTime('2025-03-30 02:30:00', zone('Europe/Paris'))).toBe('2025-03-30T03:30:00+02:00')
    expect(localToOffsetDateTime('2025-10-26 02:30:00', zone('Europe/Paris'))).toBe('2025-10-26T02:30:00+02:00')
    expect(localToOffsetDateTime('2025-03-09 02:30:00', zone('America/New_York'))).toBe('2025-03-09T03:30:00-04:00')
    expect(localToOffsetDateTime('2025-11-02 01:30:00', zone('America/New_York'))).toBe('2025-11-02T01:30:00-04:00')
    expect(localToOffsetDateTime('2025-01-22 11:46:06', zone('Asia/Kolkata'))).toBe('2025-01-22T11:46:06+05:30')
    expect(localToOffsetDateTime('1990-07-01 12:00:00', zone('Europe/Paris'))).toBe('1990-07-01T12:00:00+02:00')
    expect(localToOffsetDateTime('2025-02-30 11:46:06', zone('UTC'))).toBeUndefined()
  })
})
