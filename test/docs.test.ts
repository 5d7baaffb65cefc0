import { readFileSync, writeFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { VENDORS } from 'deliverykit'

import { TABLE_COLUMNS, statusTables, withTable } from '../scripts/statusTables.js'

const update = process.env['UPDATE_DOCS'] === '1'

describe('generated status tables', () => {
  for (const [page, table] of Object.entries(statusTables())) {
    it(`${page} shows the catalog as it is`, () => {
      const url = new URL(`../${page}`, import.meta.url)
      const current = readFileSync(url, 'utf8')
      const expected = withTable(current, table)
      if (update && current !== expected) writeFileSync(url, expected)
      else expect(current, `${page} is out of date: run npm run docs:tables`).toBe(expected)
    })
  }
})

describe('status table coverage', () => {
  it('has a page for every vendor', () => {
    expect(Object.keys(statusTables()).sort()).toEqual(VENDORS.map((vendor) => `docs/vendors/${vendor}.md`).sort())
  })

  it('gives every table the same columns, and one row per (channel, code) with a reason', () => {
    for (const [page, table] of Object.entries(statusTables())) {
      const [header, , ...rows] = table.split('\n')
      expect(header, page).toBe('| Vendor code | Channel | Vendor description | Status | Classification | Permanence | Failure reason | Why (judgement calls say so) |')
      expect(TABLE_COLUMNS).toHaveLength(8)
      for (const row of rows) {
        const cells = row.split(/(?<!\\)\|/).slice(1, -1).map((text) => text.trim())
        expect(cells, row).toHaveLength(8)
        // A failure has a permanence and a reason; other rows have neither; every row says why.
        expect(cells[5] === '' ? cells[4] !== 'failure' : cells[4] === 'failure', row).toBe(true)
        expect(['permanent', 'temporary', '']).toContain(cells[5])
        expect(cells[7], row).not.toBe('')
      }
    }
  })
})
