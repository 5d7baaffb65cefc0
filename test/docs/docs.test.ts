import { readFileSync, writeFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { VENDORS } from 'deliverykit'

import { LEGACY_BEGIN, LEGACY_END, TABLE_COLUMNS, WRITTEN_BY_DELIVERYKIT, legacyStatusTables, statusTables, withTable } from '../../scripts/statusTables.js'

const update = process.env['UPDATE_DOCS'] === '1'

describe('generated status tables', () => {
  for (const [page, table] of Object.entries(statusTables())) {
    it(`${page} shows the catalog as it is`, () => {
      const url = new URL(`../../${page}`, import.meta.url)
      const current = readFileSync(url, 'utf8')
      const expected = withTable(current, table)
      if (update && current !== expected) writeFileSync(url, expected)
      else expect(current, `${page} is out of date: run npm run docs:tables`).toBe(expected)
    })
  }

  for (const [page, table] of Object.entries(legacyStatusTables())) {
    it(`${page} shows the legacy catalogs as they are`, () => {
      const url = new URL(`../../${page}`, import.meta.url)
      const current = readFileSync(url, 'utf8')
      const expected = withTable(current, table, LEGACY_BEGIN, LEGACY_END)
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
    for (const [page, table] of [...Object.entries(statusTables()), ...Object.entries(legacyStatusTables())]) {
      const [header, , ...rows] = table.split('\n')
      expect(header, page).toBe(
        "| Vendor code | Channel | Vendor description | Source (codes not in the vendor's table) | Status | Classification | Permanence | Failure reason | Why (judgement calls say so) |",
      )
      expect(TABLE_COLUMNS).toHaveLength(9)
      for (const row of rows) {
        const cells = row.split(/(?<!\\)\|/).slice(1, -1).map((text) => text.trim())
        expect(cells, row).toHaveLength(9)
        // A failure has a permanence and a reason; other rows have neither; every row says why.
        expect(cells[6] === '' ? cells[5] !== 'failure' : cells[5] === 'failure', row).toBe(true)
        expect(['permanent', 'temporary', '']).toContain(cells[6])
        expect(cells[8], row).not.toBe('')
      }
    }
  })

  it('shows where a code outside the vendor\'s table comes from, and marks a description deliverykit wrote', () => {
    const rowOf = (page: string, code: string): ReadonlyArray<string> =>
      (statusTables()[page] ?? '').split('\n').find((row) => row.startsWith(`| \`${code}\` | SMS |`))?.split(/(?<!\\)\|/).slice(1, -1).map((text) => text.trim()) ?? []
    const accepted = rowOf('docs/vendors/messangi.md', 'ACCEPTED')
    expect(accepted[2]).toBe(`${WRITTEN_BY_DELIVERYKIT} The send API accepted the message request.`)
    expect(accepted[3]).toMatch(/^In no Messangi status page: the status of the send API response/)
    const exceeded = rowOf('docs/vendors/messangi.md', 'SEGMENTS_EXCEEDED')
    expect(exceeded[2]).toMatch(/^You see this status when the message exceeds/)
    expect(exceeded[3]).toContain('(https://docs.messangi.com/docs/sms-status)')
    // A code of the vendor's table has no source.
    expect(rowOf('docs/vendors/messangi.md', 'DELIVRD')[3]).toBe('')
    // The older octopush-dm.com API's codes: their source, and descriptions marked as deliverykit's.
    const octopushRow = (code: string): ReadonlyArray<string> =>
      (statusTables()['docs/vendors/octopush.md'] ?? '').split('\n').find((row) => row.startsWith(`| \`${code}\` | all |`))?.split(/(?<!\\)\|/).slice(1, -1).map((text) => text.trim()) ?? []
    for (const code of ['INVALID_DESTINATION_ADDRESS', 'OUT_OF_DATE']) {
      expect(octopushRow(code)[2]).toMatch(new RegExp(`^${WRITTEN_BY_DELIVERYKIT.replace(/[()*]/g, '\\$&')} `))
      expect(octopushRow(code)[3]).toContain('RaspbianFrance/raspisms, adapters/OctopushVirtualNumberAdapter.php')
    }
    expect(octopushRow('EXPIRED')[3]).toBe('')
  })

  it('shows the legacy catalogs, one row per (TYPE, code), with the same marks', () => {
    const rows = (legacyStatusTables()['docs/vendors/messangi.md'] ?? '').split('\n').slice(2)
    expect(rows).toHaveLength(33 + 14 + 2)
    expect(rows.find((row) => row.startsWith('| `UNDELIV` | SMS |'))).toContain(`| ${WRITTEN_BY_DELIVERYKIT} Description not obtained`)
    expect(rows.find((row) => row.startsWith('| `SENT` | push |'))).toContain('https://messangi.com/documentation/doku.php?id=restapi:message')
    expect(rows.find((row) => row.startsWith('| `DELIVERED_TO_DEVICE` | push |'))).toContain('| Delivered to Device | The PUSH table of the status appendix was not obtained')
    expect(rows.find((row) => row.startsWith('| `INVALID ROUTING` | SMS |'))).toContain('| Invalid or Incorrect routing. |')
  })
})

describe('the README sets a fresh machine up', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const ci = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8')

  it('with two commands: the demo on the shipped payloads, and the test suite CI runs', () => {
    const commands = readme.split('\n').filter((line) => line.startsWith('npm ci && ')).map((line) => line.replace(/\s+#.*$/, ''))
    expect(commands).toEqual(['npm ci && npm run demo', 'npm ci && npm test'])
    // CI installs exactly what the lockfile says, then runs the README's test command.
    const steps = ci.split('\n').map((line) => line.trim())
    expect(steps).toContain('npm ci --no-audit --no-fund')
    expect(steps).toContain('npm test')
  })
})
