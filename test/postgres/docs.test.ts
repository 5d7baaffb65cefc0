/**
 * The Postgres guide and the entry's doc comments say what the code does: the schema and
 * the statement shown are the ones the functions give, and every TypeScript block (the
 * guide's ```ts blocks and the @example blocks of src/postgres) type-checks as a module of
 * its own against the package, with the project's compiler options.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { eventFromStatus } from 'deliverykit'
import { POSTGRES_SCHEMA, recordEvent } from 'deliverykit/postgres'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const guide = readFileSync(new URL('../../docs/postgres.md', import.meta.url), 'utf8')
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

/** The fenced blocks of a language in Markdown. */
const fenced = (markdown: string, language: string): ReadonlyArray<string> =>
  [...markdown.matchAll(new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm'))].map((match) => match[1] ?? '')

/** The ```ts blocks of the @example tags in a source file's doc comments. */
const examples = (source: string): ReadonlyArray<string> =>
  [...source.matchAll(/^ \* ```ts\n([\s\S]*?)^ \* ```$/gm)].map((match) => (match[1] ?? '').replace(/^ \*( |$)/gm, ''))

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
})

describe('TypeScript blocks of the Postgres guide and doc comments', () => {
  const sources = readdirSync(new URL('../../src/postgres/', import.meta.url)).filter((file) => file.endsWith('.ts'))
  const blocks = [
    ...fenced(guide, 'ts').map((code, i) => [`guide-${String(i + 1)}`, code] as const),
    // The README's block about this entry (its other blocks are not modules of their own).
    ...fenced(readme, 'ts').filter((code) => code.includes("from 'deliverykit/postgres'")).map((code, i) => [`readme-${String(i + 1)}`, code] as const),
    ...sources.flatMap((file) => examples(readFileSync(new URL(`../../src/postgres/${file}`, import.meta.url), 'utf8')).map((code, i) => [`${file.replace('.ts', '')}-example-${String(i + 1)}`, code] as const)),
  ]

  it('has blocks to check', () => {
    expect(fenced(guide, 'ts').length).toBeGreaterThanOrEqual(2)
    expect(blocks.filter(([name]) => name.startsWith('readme-'))).toHaveLength(1)
    expect(blocks.length).toBeGreaterThanOrEqual(7)
  })

  it('type-checks every block as a module against the package', () => {
    const dir = `${root}.tmp/doc-blocks/postgres/`
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const files = blocks.map(([name, code]) => {
      const file = `${dir}${name}.ts`
      writeFileSync(file, code)
      return file
    })
    const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })
    if (config === undefined) throw new Error('tsconfig.json unreadable')
    const program = ts.createProgram(files, config.options)
    // Only the blocks' own diagnostics: the rest of the project is type-checked by npm run typecheck.
    const checked = files.flatMap((file) => {
      const source = program.getSourceFile(file)
      return source === undefined ? [] : [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
    })
    const diagnostics = [...program.getOptionsDiagnostics(), ...checked].map((d) => `${d.file?.fileName.slice(dir.length) ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)
    expect(diagnostics).toEqual([])
  }, 120_000)
})
