/**
 * Every time zone `Intl` knows, around every change of its offset, against `Intl` itself:
 * the offset at the seconds and minutes either side of the change, and the instant a
 * wall time written near it denotes (the earlier of two in an overlap, the offset before
 * the change in a gap: docs/time-zones.md). The changes are found by scanning `Intl`,
 * independently of src/util/time.ts, and read from its `longOffset` text rather than
 * from the wall-time difference the library computes.
 *
 * `npm test` sweeps every zone over the years in {@link YEARS}; `ZONE_SWEEP=full` sweeps
 * 1990-2037 (about 6 seconds on an idle 2-core machine, against 3 for the default years).
 */
import { describe, expect, it } from 'vitest'

import { localToOffsetDateTime, zoneFor, type Zone } from '../../src/util/time.js'

const SECOND = 1000
const MINUTE = 60 * SECOND
const DAY = 24 * 60 * MINUTE

/**
 * The years swept. By default, years that hold changes off the quarter hour (St John's,
 * Moncton and Goose Bay at 00:01 local time until 2006-2011, Gaza and Hebron at 00:01 or
 * at midnight of odd days, Antarctica/Casey's +08/+11 changes of 2009-2012 and 2020) and
 * a spread of ordinary ones: 1990, the 2007 change of the US rule, today.
 */
const YEARS: ReadonlyArray<readonly [number, number]> =
  process.env['ZONE_SWEEP'] === 'full'
    ? [[1990, 2037]]
    : [
        [1990, 1990],
        [1996, 1996],
        [2005, 2011],
        [2020, 2020],
        [2025, 2025],
      ]

/**
 * The step the scan probes `Intl` at. Two changes closer than this would hide from it; the
 * closest in 1990-2037 are a week apart (Brazil's north-east, October 2000).
 */
const STEP = 3 * DAY

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** `Intl`'s own offset text (`GMT`, `GMT+05:30`, `GMT-00:44:30`) read as milliseconds. */
const offsetOfText = (text: string): number => {
  const m = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text)
  if (m === null) throw new Error(`unexpected offset text ${text}`)
  const [, sign, hours = '0', minutes = '0', seconds = '0'] = m
  return (sign === '-' ? -1 : 1) * (Number(hours) * 3_600_000 + Number(minutes) * MINUTE + Number(seconds) * SECOND)
}

/** The offset `Intl` gives a zone at an instant, to the minute, as deliverykit shows offsets. */
const oracle = (name: string): ((ms: number) => number) => {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' })
  return (ms) => {
    // `1/22/2025, GMT+01:00`: format, not formatToParts, is four times as fast.
    const text = format.format(ms)
    return Math.round(offsetOfText(text.slice(text.lastIndexOf(' ') + 1)) / MINUTE) * MINUTE
  }
}

/** A change of offset: the first second of the new offset, and the offsets either side. */
interface Change {
  readonly at: number
  readonly before: number
  readonly after: number
}

/** The changes of offset between two instants, each to the second: a scan every {@link STEP}, then bisection. */
const changesOf = (offsetAt: (ms: number) => number, from: number, to: number): Array<Change> => {
  const changes: Array<Change> = []
  let previous = offsetAt(from)
  for (let probe = from + STEP; probe - STEP < to; probe += STEP) {
    const offset = offsetAt(probe)
    if (offset === previous) continue
    let lo = probe - STEP
    let hi = probe
    while (hi - lo > SECOND) {
      const mid = lo + Math.floor((hi - lo) / 2 / SECOND) * SECOND
      if (offsetAt(mid) === previous) lo = mid
      else hi = mid
    }
    changes.push({ at: hi, before: previous, after: offsetAt(hi) })
    previous = offset
  }
  return changes
}

/** `YYYY-MM-DD HH:mm:ss` of a wall time (ms as if UTC). */
const wallText = (wall: number): string => new Date(wall).toISOString().slice(0, 19).replace('T', ' ')

const offsetText = (offset: number): string => {
  const minutes = Math.abs(offset) / MINUTE
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/**
 * What a wall time near a change denotes, from `Intl` alone: of the two instants it may
 * be, the earlier one whose offset shows it; if neither does (a gap), the one read with
 * the offset before the change. Written as deliverykit writes `occurredAt`.
 */
const expectedIso = (wall: number, change: Change, offsetAt: (ms: number) => number): string => {
  const candidates = [wall - change.before, wall - change.after].filter((instant) => instant + offsetAt(instant) === wall).sort((x, y) => x - y)
  const instant = candidates[0] ?? wall - change.before
  const offset = offsetAt(instant)
  return `${new Date(instant + offset).toISOString().slice(0, 19)}${offsetText(offset)}`
}

/** Instants around a change: just before, at, and a minute and up to a quarter hour after. */
const instantsAround = (at: number): Array<number> => [at - MINUTE, at - SECOND, at, at + SECOND, at + MINUTE, at + 14 * MINUTE, at + 15 * MINUTE]

/** Wall times around a change: those just before and after the clock reading at the change, on either side of it, and between. */
const wallsAround = (change: Change): Array<number> => {
  const [low, high] = [change.at + Math.min(change.before, change.after), change.at + Math.max(change.before, change.after)]
  return [low - MINUTE, low - SECOND, low, low + MINUTE, Math.floor((low + high) / 2 / MINUTE) * MINUTE, high - MINUTE, high - SECOND, high, high + MINUTE, high + 14 * MINUTE]
}

interface Sweep {
  readonly changes: number
  readonly offQuarterHour: ReadonlySet<string>
  readonly wrong: ReadonlyArray<string>
}

/** Every zone's changes in {@link YEARS}, each checked; what was wrong, as lines. */
const sweep = (): Sweep => {
  let changes = 0
  const offQuarterHour = new Set<string>()
  const wrong: Array<string> = []
  for (const name of Intl.supportedValuesOf('timeZone')) {
    const zone: Zone = zoneFor(name) ?? expect.fail(`zoneFor(${name})`)
    const offsetAt = oracle(name)
    for (const [first, last] of YEARS) {
      for (const change of changesOf(offsetAt, Date.UTC(first, 0, 1), Date.UTC(last + 1, 0, 1))) {
        changes++
        if (change.at % (15 * MINUTE) !== 0) offQuarterHour.add(name)
        for (const instant of instantsAround(change.at)) {
          const [got, expected] = [zone.offsetAt(instant), offsetAt(instant)]
          if (got !== expected) wrong.push(`${name} offset at ${new Date(instant).toISOString()}: ${offsetText(got)}, Intl ${offsetText(expected)}`)
        }
        for (const wall of wallsAround(change)) {
          const [got, expected] = [localToOffsetDateTime(wallText(wall), zone), expectedIso(wall, change, offsetAt)]
          if (got !== expected) wrong.push(`${name} ${wallText(wall)}: ${String(got)}, Intl ${expected}`)
        }
      }
    }
  }
  return { changes, offQuarterHour, wrong }
}

describe('every time zone around every change of its offset', () => {
  it(`agrees with Intl in ${YEARS.map(([first, last]) => (first === last ? String(first) : `${String(first)}-${String(last)}`)).join(', ')}`, () => {
    const { changes, offQuarterHour, wrong } = sweep()
    // The sweep itself: it found changes, among them those off the quarter hour it is for.
    expect(changes).toBeGreaterThan(1000)
    for (const name of ['America/St_Johns', 'America/Moncton', 'America/Goose_Bay', 'Asia/Gaza', 'Asia/Hebron', 'Antarctica/Casey']) expect(offQuarterHour).toContain(name)
    const wrongOffsets = wrong.filter((line) => line.includes(' offset at ')).length
    expect({ wrongOffsets, wrongWallTimes: wrong.length - wrongOffsets, first: wrong.slice(0, 20) }).toEqual({ wrongOffsets: 0, wrongWallTimes: 0, first: [] })
  }, 60_000)
})
