import { describe, expect, it } from 'vitest'

import { unknownStatusIssue } from '../../src/errors/build.js'
import { collector, makeHistoryEntry } from '../../src/kit/events.js'
import { rowOf } from '../../src/kit/rows.js'
import { OCTOPUSH_ROW_CATALOGS } from '../../src/vendors/octopush/rows.js'

describe('makeHistoryEntry', () => {
  it('makes an unknown code an unknown entry with no description, and no time fields it was not given', () => {
    const entry = makeHistoryEntry(undefined, 'NOT_A_CODE', undefined, undefined)
    expect(entry).toStrictEqual({ classification: 'unknown', status: 'unknown', vendorStatus: 'NOT_A_CODE', description: '' })
    expect('occurredAt' in entry).toBe(false)
    expect('vendorTime' in entry).toBe(false)
  })

  it('keeps the times it is given, for an unknown code as for a known one', () => {
    const occurredAt = '2025-01-22T10:46:06.000Z'
    const vendorTime = '2025-01-22 11:46:06'
    expect(makeHistoryEntry(undefined, 'NOT_A_CODE', occurredAt, vendorTime)).toStrictEqual({
      classification: 'unknown',
      status: 'unknown',
      vendorStatus: 'NOT_A_CODE',
      description: '',
      occurredAt,
      vendorTime,
    })
    const code = Object.keys(OCTOPUSH_ROW_CATALOGS.sms ?? {})[0] ?? ''
    const row = rowOf(OCTOPUSH_ROW_CATALOGS, 'sms', code)
    const known = makeHistoryEntry(row, code, occurredAt, undefined)
    expect(known).toMatchObject({ classification: row?.classification, status: row?.status, vendorStatus: code, description: row?.description, occurredAt })
    expect('vendorTime' in known).toBe(false)
  })
})

describe('collector', () => {
  const issue = () => unknownStatusIssue('octopush', 'sms', 'NOT_A_CODE', ['status'], [], [], undefined, 'Octopush', false)

  it('wants every event while no unknown code was met', () => {
    expect(collector(false).wanted()).toBe(true)
    expect(collector(true).wanted()).toBe(true)
  })

  it('wants no more events after an unknown code the caller refuses, and more where it keeps them', () => {
    const refusing = collector(false)
    refusing.unknown(issue)
    expect(refusing.wanted()).toBe(false)
    const keeping = collector(true)
    keeping.unknown(issue)
    expect(keeping.wanted()).toBe(true)
    expect(keeping.built().unknownStatusCount).toBe(1)
  })
})
