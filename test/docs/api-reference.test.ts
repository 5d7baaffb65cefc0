/**
 * docs/api.md, the API reference that ships with the package, is the output of
 * scripts/apiReference.ts on src/ as it is: every entry point package.json exports, every
 * export of each, and the first sentence of its doc comment. `npm run docs:api` rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import * as root from 'deliverykit'
import * as handler from 'deliverykit/handler'
import * as postgres from 'deliverykit/postgres'

import { apiEntries, entrySpecifiers, renderApiReference, summaryOf } from '../../scripts/apiReference.js'

const update = process.env['UPDATE_DOCS'] === '1'
const page = new URL('../../docs/api.md', import.meta.url)
const entries = apiEntries()

describe('docs/api.md', () => {
  it('is the reference as src/ has it now (npm run docs:api rewrites it)', () => {
    const rendered = renderApiReference(entries)
    if (update) writeFileSync(page, rendered)
    expect(readFileSync(page, 'utf8')).toBe(rendered)
  })

  it("has a section for every code entry point of package.json's exports", () => {
    expect(entries.map((entry) => entry.specifier)).toEqual(entrySpecifiers())
    expect(entrySpecifiers()).toEqual(expect.arrayContaining(['deliverykit', 'deliverykit/octopush', 'deliverykit/handler']))
  })

  it('lists every value the entry points export at run time, and more (the types)', () => {
    const listed = (specifier: string): ReadonlyArray<string> => entries.find((entry) => entry.specifier === specifier)?.exports.map((item) => item.name) ?? []
    for (const [specifier, module] of [['deliverykit', root], ['deliverykit/handler', handler], ['deliverykit/postgres', postgres]] as const) {
      expect(listed(specifier)).toEqual(expect.arrayContaining(Object.keys(module)))
      expect(listed(specifier).length).toBeGreaterThan(Object.keys(module).length)
    }
  })

  it('gives every export a summary: a public export without a doc comment fails here', () => {
    const missing = entries.flatMap((entry) => entry.exports.filter((item) => item.summary === '').map((item) => `${entry.specifier}: ${item.name}`))
    expect(missing).toEqual([])
  })

  it('takes the first sentence, links as code, and escapes table pipes', () => {
    expect(summaryOf('Reads a body. Then more.\n\nA second paragraph.')).toBe('Reads a body.')
    expect(summaryOf('Keeps `a. b` whole, e.g. this. Not this.')).toBe('Keeps `a. b` whole, e.g. this.')
    expect(summaryOf('A {@link WebhookStore} or {@link X | the x}: `a | b`')).toBe('A `WebhookStore` or the x: `a \\| b`')
    expect(summaryOf('')).toBe('')
  })
})
