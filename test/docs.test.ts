import { readFileSync, writeFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { statusTables, withTable } from '../scripts/statusTables.js'

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
