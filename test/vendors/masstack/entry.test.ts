import { masstack, normalize, parse, safeParse } from 'deliverykit'
import * as masstackEntry from 'deliverykit/masstack'
import { describe, expect, it } from 'vitest'

import { payload } from '../../helpers.js'

describe('the Masstack entry point', () => {
  it('normalizes, safe-parses and parses like the root with vendor "masstack"', () => {
    const body = payload('masstack/envelope-list.json')
    expect(masstackEntry.normalize(body)).toEqual(normalize('masstack', body))
    expect(masstackEntry.safeParse(body)).toEqual(safeParse('masstack', body))
    expect(masstackEntry.parse(body, { timeZone: 'UTC' })).toEqual(parse('masstack', body, { timeZone: 'UTC' }))
  })

  it('is also reachable from the root as the masstack namespace', () => {
    expect(masstack.MASSTACK_CATALOGS).toBe(masstackEntry.MASSTACK_CATALOGS)
    expect(masstack.MASSTACK_DEFAULT_TIME_ZONE).toBe('Europe/Madrid')
  })

  it('its codecs decode the shapes normalize reads', () => {
    const body = payload('masstack/envelope-list.json')
    expect(masstackEntry.MasstackBody.decode(body)._tag).toBe('Right')
    expect(masstackEntry.MasstackEnvelope.is(body)).toBe(true)
    expect(masstackEntry.MasstackCommunication.is({ externalId: 'x', status: 'OPEN', destinationEmail: 'a@example.com' })).toBe(true)
    expect(masstackEntry.MasstackCommunication.is({ status: 'OPEN', destinationEmail: 'a@example.com' })).toBe(false)
    expect(masstackEntry.MasstackPhoneDigits.decode(666123123)).toEqual({ _tag: 'Right', right: '666123123' })
  })
})
