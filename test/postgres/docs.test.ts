/**
 * The Postgres guide says what the code does: the schema and the statement shown are the
 * ones the functions give. Its ```ts blocks, the README's and the @example blocks of
 * src/postgres are type-checked against the built package by test/docs/doc-blocks.test.ts.
 */
import { readFileSync } from 'node:fs'

import { eventFromStatus } from 'deliverykit'
import { POSTGRES_SCHEMA, recordEvent, recordEvents } from 'deliverykit/postgres'
import { describe, expect, it } from 'vitest'

const guide = readFileSync(new URL('../../docs/postgres.md', import.meta.url), 'utf8')

/** The fenced blocks of a language in Markdown. */
const fenced = (markdown: string, language: string): ReadonlyArray<string> =>
  [...markdown.matchAll(new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm'))].map((match) => match[1] ?? '')

describe('docs/postgres.md', () => {
  const sql = fenced(guide, 'sql')

  it('shows POSTGRES_SCHEMA as it is', () => {
    expect(sql).toContain(POSTGRES_SCHEMA)
  })

  it('shows the statement recordEvent gives', () => {
    const event = eventFromStatus('octopush', { channel: 'sms', code: 'DELIVERED', messageId: 'm', recipient: 'r' })
    if (event._tag === 'Left') throw new Error('no event')
    expect(sql).toContain(`${recordEvent(event.right).text}\n`)
  })

  it('shows the statement recordEvents gives, the same for every batch', () => {
    expect(sql).toContain(`${recordEvents([]).text}\n`)
  })
})
