import { normalize } from 'deliverykit'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { instantOf, offsetOfGmtText, parseLocalDateTime, parseOffsetDateTime, toOffsetDateTime, zoneFor, type Zone } from '../../src/util/time.js'
import { leftOf, rightOf } from '../helpers.js'

const zone = (name: string): Zone => {
  const found = zoneFor(name)
  if (found === undefined) expect.fail(`unknown zone ${name}`)
  return found
}

const at = (text: string, zoneName: string): string => {
  const local = parseLocalDateTime(text)
  if (local === undefined) expect.fail(`not a local date-time: ${text}`)
  return toOffsetDateTime(local, zone(zoneName))
}

/** The offset Intl gives for an instant, in ms: the reference the fast rule must match. */
const parisFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
})
const intlParisOffset = (instant: number): number => {
  const parts = parisFormat.formatToParts(instant)
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value)
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - instant
}

describe('parseLocalDateTime', () => {
  it('reads a valid date-time as a wall-clock value', () => {
    expect(parseLocalDateTime('2025-01-22 11:46:06')).toEqual({ wallMs: Date.UTC(2025, 0, 22, 11, 46, 6), text: '2025-01-22 11:46:06' })
  })

  it('keeps years below 100 as themselves', () => {
    expect(new Date(parseLocalDateTime('0099-12-31 23:59:59')?.wallMs ?? 0).toISOString()).toBe('0099-12-31T23:59:59.000Z')
  })

  it('refuses days a month does not have, by leap-year rules', () => {
    expect(parseLocalDateTime('2100-02-29 00:00:00')).toBeUndefined()
    expect(parseLocalDateTime('2000-02-29 00:00:00')).toBeDefined()
    expect(parseLocalDateTime('2025-04-31 00:00:00')).toBeUndefined()
    expect(parseLocalDateTime('0000-01-01 00:00:00')).toBeUndefined()
  })
})

describe('Europe/Paris, the Octopush default', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(at('2025-01-22 11:46:06', 'Europe/Paris')).toBe('2025-01-22T11:46:06+01:00')
    expect(at('2025-07-14 09:05:00', 'Europe/Paris')).toBe('2025-07-14T09:05:00+02:00')
  })

  it('moves a wall time inside the spring-forward gap past the gap', () => {
    // 2025-03-30: clocks jump from 02:00 to 03:00; 02:30 does not exist.
    expect(at('2025-03-30 01:59:59', 'Europe/Paris')).toBe('2025-03-30T01:59:59+01:00')
    expect(at('2025-03-30 02:30:00', 'Europe/Paris')).toBe('2025-03-30T03:30:00+02:00')
    expect(at('2025-03-30 03:00:00', 'Europe/Paris')).toBe('2025-03-30T03:00:00+02:00')
  })

  it('reads an ambiguous wall time (clocks going back) as the earlier instant', () => {
    // 2025-10-26: clocks go back from 03:00 to 02:00; 02:30 happens twice.
    expect(at('2025-10-26 02:30:00', 'Europe/Paris')).toBe('2025-10-26T02:30:00+02:00')
    expect(at('2025-10-26 03:00:00', 'Europe/Paris')).toBe('2025-10-26T03:00:00+01:00')
  })

  it('agrees with Intl every 30 minutes around every change of 1996 to 2040, and before 1996', () => {
    const paris = zone('Europe/Paris')
    const disagreements: Array<string> = []
    for (let year = 1990; year <= 2040; year++) {
      for (const month of [2, 9]) {
        const start = Date.UTC(year, month, 24)
        for (let instant = start; instant < start + 9 * 86_400_000; instant += 1_800_000) {
          if (paris.offsetAt(instant) !== intlParisOffset(instant)) disagreements.push(new Date(instant).toISOString())
        }
      }
    }
    expect(disagreements).toEqual([])
  })
})

describe('other zones', () => {
  it.each([
    ['UTC', '2025-07-14 09:05:00', '2025-07-14T09:05:00+00:00'],
    ['America/New_York', '2025-07-14 09:05:00', '2025-07-14T09:05:00-04:00'],
    ['America/New_York', '2025-01-14 09:05:00', '2025-01-14T09:05:00-05:00'],
    ['Asia/Kolkata', '2025-01-14 09:05:00', '2025-01-14T09:05:00+05:30'],
    ['Asia/Kathmandu', '2025-01-14 09:05:00', '2025-01-14T09:05:00+05:45'],
    ['Australia/Lord_Howe', '2025-01-14 09:05:00', '2025-01-14T09:05:00+11:00'],
    ['Australia/Lord_Howe', '2025-07-14 09:05:00', '2025-07-14T09:05:00+10:30'],
    ['America/New_York', '2025-03-09 02:30:00', '2025-03-09T03:30:00-04:00'],
    ['America/New_York', '2025-11-02 01:30:00', '2025-11-02T01:30:00-04:00'],
    ['Pacific/Apia', '2011-12-30 12:00:00', '2011-12-31T12:00:00+14:00'],
    // Changes off the quarter hour: St John's at 00:01 local time (03:31 UTC) until 2011,
    // Antarctica/Casey from +08 to +11 at 00:01 (16:01 UTC) in 2020.
    ['America/St_Johns', '2006-04-02 00:05:00', '2006-04-02T01:05:00-02:30'],
    ['America/St_Johns', '2006-04-02 01:05:00', '2006-04-02T01:05:00-02:30'],
    ['America/St_Johns', '2006-10-28 23:30:00', '2006-10-28T23:30:00-02:30'],
    ['Antarctica/Casey', '2020-10-04 00:05:00', '2020-10-04T03:05:00+11:00'],
    ['Antarctica/Casey', '2020-10-04 03:05:00', '2020-10-04T03:05:00+11:00'],
  ])('%s: %s is %s', (name, local, expected) => {
    expect(at(local, name)).toBe(expected)
  })

  it('finds the instant whose wall time is the one given, wherever the wall time exists', () => {
    const newYork = zone('America/New_York')
    const wall = Date.UTC(2025, 6, 14, 9, 5)
    const instant = instantOf(wall, newYork)
    expect(instant + newYork.offsetAt(instant)).toBe(wall)
  })

  it('does not know made-up zones', () => {
    expect(zoneFor('Mars/Olympus_Mons')).toBeUndefined()
    expect(zoneFor('')).toBeUndefined()
  })
})

describe('offsetOfGmtText: the offset Intl writes', () => {
  it.each([
    ['1/22/2025, GMT', 0],
    ['1/22/2025, GMT+00:00', 0],
    ['1/22/2025, GMT+05:30', 330 * 60_000],
    ['1/22/2025, GMT-03:30', -210 * 60_000],
    ['1/22/2025, GMT\u221203:30', -210 * 60_000],
    ['1/1/1900, GMT+00:09:21', 9 * 60_000],
    ['1/1/1900, GMT+00:09:30', 10 * 60_000],
    ['1/1/1970, GMT-00:44:30', -44 * 60_000],
    ['1/1/1970, GMT-00:44:31', -45 * 60_000],
    ['GMT+14:00', 840 * 60_000],
  ])('%s is %d ms, to the minute', (text, expected) => {
    expect(offsetOfGmtText(text)).toBe(expected)
  })

  it('is 0, not -0, for an offset under half a minute west', () => {
    expect(Object.is(offsetOfGmtText('GMT-00:00:20'), 0)).toBe(true)
  })

  it.each(['1/22/2025', 'UTC+01:00', 'GMT*01:00', 'GMT+1', 'GMT+01', 'GMT+01:0', 'GMT+0100', 'GMT+01-00', 'GMT+01:00:', 'GMT+01:00:0', 'GMT+01:00-00', 'GMT+01:00:000', 'GMT+x1:00', 'GMT+01:x0', 'GMT+01:00:x0'])(
    '%s is not an offset',
    (text) => {
      expect(offsetOfGmtText(text)).toBeNaN()
    },
  )
})

describe('zones are kept by name', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  const body = { message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-07-14 09:05:00' }

  it('builds no Intl.DateTimeFormat once a zone was seen, for an IANA zone or a Paris date before 1996', () => {
    const cases = [
      [{ timeZone: 'America/Chicago' }, body.delivery_date, '2025-07-14T09:05:00-05:00'],
      [undefined, '1990-07-14 09:05:00', '1990-07-14T09:05:00+02:00'],
    ] as const
    for (const [options, date, expected] of cases) {
      expect(rightOf(normalize('octopush', { ...body, delivery_date: date }, options))[0]?.occurredAt).toBe(expected)
      const built = vi.spyOn(Intl, 'DateTimeFormat')
      expect(rightOf(normalize('octopush', { ...body, delivery_date: date }, options))[0]?.occurredAt).toBe(expected)
      expect(built).not.toHaveBeenCalled()
      vi.restoreAllMocks()
    }
  })

  it('keeps a bounded number of names, the oldest dropped first, with the same answers after', () => {
    const first = zone('America/Denver')
    expect(zone('America/Denver')).toBe(first)
    for (const name of Intl.supportedValuesOf('timeZone').slice(0, 40)) zone(name)
    const again = zone('America/Denver')
    expect(again).not.toBe(first)
    expect(at('2025-01-14 09:05:00', 'America/Denver')).toBe('2025-01-14T09:05:00-07:00')
  })

  it('refuses a zone whose offsets Intl does not write as GMT±HH:MM, rather than give offsets that are not numbers', () => {
    const Real = Intl.DateTimeFormat
    /** A formatter of an engine that writes `UTC+12:45` where Node writes `GMT+12:45`. */
    class WritesUtc {
      // Own properties, not methods: the spy constructs with its own prototype.
      readonly format: () => string
      readonly resolvedOptions: () => Intl.ResolvedDateTimeFormatOptions
      constructor(locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions) {
        const real = new Real(locales, options)
        this.format = () => '1/1/1970, UTC+12:45'
        this.resolvedOptions = () => real.resolvedOptions()
      }
    }
    vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(WritesUtc as unknown as typeof Intl.DateTimeFormat)
    expect(zoneFor('Pacific/Chatham')).toBeUndefined()
  })

  it('remembers a refused name as refused, and does not keep names longer than any zone name', () => {
    expect(zoneFor('Mars/Olympus_Mons')).toBeUndefined()
    expect(zoneFor('Mars/Olympus_Mons')).toBeUndefined()
    const long = `America/${'x'.repeat(100)}`
    expect(zoneFor(long)).toBeUndefined()
  })
})

describe('the timeZone option', () => {
  const body = { message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-07-14 09:05:00' }

  it('overrides the default zone and keeps the vendor text', () => {
    const [event] = rightOf(normalize('octopush', body, { timeZone: 'UTC' }))
    expect([event?.occurredAt, event?.vendorTime]).toEqual(['2025-07-14T09:05:00+00:00', '2025-07-14 09:05:00'])
  })

  it('is an error, not a throw, when Intl does not know the zone', () => {
    expect(leftOf(normalize('octopush', body, { timeZone: 'Europe/Atlantis' })).kind).toBe('invalid_options')
  })
})

describe('parseOffsetDateTime', () => {
  it.each([
    ['2025-01-22T11:46:06Z', '2025-01-22T11:46:06+00:00', Date.UTC(2025, 0, 22, 11, 46, 6)],
    ['2025-01-22T11:46:06.123456789+02:00', '2025-01-22T11:46:06.123+02:00', Date.UTC(2025, 0, 22, 9, 46, 6, 123)],
    ['2025-01-22T11:46:06.1-0330', '2025-01-22T11:46:06.100-03:30', Date.UTC(2025, 0, 22, 15, 16, 6, 100)],
    ['2025-01-22 11:46:06+00:00', '2025-01-22T11:46:06+00:00', Date.UTC(2025, 0, 22, 11, 46, 6)],
  ])('%s is %s', (text, iso, instant) => {
    expect(parseOffsetDateTime(text)).toMatchObject({ iso, instantMs: instant, text })
  })

  it.each(['2025-01-22T11:46:06', '2025-02-30T11:46:06Z', '2025-01-22T11:46:06.Z', '2025-01-22T11:46:06.1234567890Z', '2025-01-22T11:46:06+24:00', '2025-01-22T11:46:06+0100x', 'x'.repeat(40)])(
    'refuses %s',
    (text) => {
      expect(parseOffsetDateTime(text)).toBeUndefined()
    },
  )
})
