import { describe, expect, it } from 'vitest'

import { markerConflict, markedKind, SEVERAL_KINDS, type Markers } from '../../src/kit/markers.js'

const markers: Markers<'stop' | 'receipt'> = {
  fields: { stop: ['stop_date', 'stop_reason'], receipt: ['delivery_date'] },
  kinds: ['stop', 'receipt'],
  names: { stop: 'a STOP', receipt: 'a delivery receipt' },
}

describe('markerConflict', () => {
  it('lists the fields found of each kind, separated by commas, each kind named', () => {
    const body = { stop_date: 'x', stop_reason: 'y', delivery_date: 'z' }
    expect(markedKind(body, markers)).toBe(SEVERAL_KINDS)
    expect(markerConflict(body, markers)).toBe('stop_date, stop_reason (a STOP) and delivery_date (a delivery receipt)')
  })
})
