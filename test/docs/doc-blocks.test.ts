/**
 * Every ```ts block of README.md and docs/**\/*.md compiles as a module of a user's strict
 * project against the built package (dist/, through package.json's exports), so a block
 * copied into an app compiles there too. A block marked `<!-- partial: why -->` on the line
 * before its fence is checked the same way except for names it leaves undeclared
 * ("Cannot find name"): it must still be valid TypeScript that uses the API correctly.
 *
 * The same program (one, to keep the test quick) checks the @example blocks of
 * deliverykit/postgres's and deliverykit/handler's doc comments, and the words of the compile errors a user meets,
 * from small files written here.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'

import { ROOT, allDocBlocks, blocksOf, documentedFiles, exampleBlocksOf, resolvedFromConsumer, typecheckAgainstDist, type DocBlock, type Reported } from './docBlocks.js'

/** "Cannot find name 'x'" and "Cannot find name 'x'. Did you mean 'y'?": what a partial block may leave. */
const UNDECLARED = new Set([2304, 2552])

const blocks = allDocBlocks()
const examplesOf = (folder: string): ReadonlyArray<DocBlock> =>
  readdirSync(`${ROOT}${folder}`)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => exampleBlocksOf(`${folder}${file}`))
const postgresExamples = examplesOf('src/postgres/')
const handlerExamples = examplesOf('src/handler/')
const nameOf = (block: DocBlock): string => `${block.file.replaceAll('/', '__').replace(/\.(md|ts)$/, '')}-L${String(block.line)}.ts`

/** Calls whose compile error is checked word for word, each in a file of its own. */
const PROBES: Readonly<Record<string, string>> = {
  'probe-safeParse.ts': "import { safeParse } from 'deliverykit'\nsafeParse('messangi', '{}')\n",
  'probe-normalizeWebhook.ts': "import { normalizeWebhook } from 'deliverykit'\nnormalizeWebhook('messangi', '{}')\n",
  'probe-parse-undefined.ts': "import { parse } from 'deliverykit'\nparse('messangi', '{}', undefined)\n",
  'probe-run-time-vendor.ts': [
    "import { isVendor, normalize, parse, parseWebhook, safeParse, safeParseWebhook } from 'deliverykit'",
    'declare const segment: string',
    'if (isVendor(segment)) {',
    "  safeParse(segment, '{}')",
    "  safeParseWebhook(segment, '{}', { timeZone: 'UTC', unknownStatus: 'keep', maxBodySize: 1024 })",
    "  normalize(segment, '{}', undefined)",
    "  parse(segment, '{}', {})",
    "  parseWebhook(segment, '{}')",
    '}',
    '',
  ].join('\n'),
  'probe-run-time-vendor-channel.ts': "import type { Vendor } from 'deliverykit'\nimport { safeParse } from 'deliverykit'\ndeclare const vendor: Vendor\nsafeParse(vendor, '{}', { channel: 'sms' })\n",
}

let reported: ReadonlyArray<Reported> = []
beforeAll(() => {
  reported = typecheckAgainstDist('doc-blocks', { ...Object.fromEntries([...blocks, ...postgresExamples, ...handlerExamples].map((block) => [nameOf(block), block.code])), ...PROBES })
}, 60_000)

describe('the ```ts blocks of README.md and the guides', () => {
  it('are found in README.md and the guides, and few are partial, each saying why', () => {
    expect(documentedFiles()).toContain('README.md')
    expect(documentedFiles()).toContain('docs/vendors/messangi.md')
    expect(documentedFiles().some((file) => file.startsWith('docs/api/'))).toBe(false)
    expect(blocks.length).toBeGreaterThanOrEqual(20)
    const partial = blocks.filter((block) => block.partial !== undefined)
    expect(partial.filter((block) => block.partial === '').map((block) => `${block.file}:${String(block.line)}`)).toEqual([])
    expect(partial.length).toBeLessThanOrEqual(blocks.length / 4)
  })

  it('import deliverykit from dist/, as an installed package resolves it', () => {
    expect(resolvedFromConsumer('doc-blocks', 'deliverykit')).toBe(`${ROOT}dist/index.d.ts`)
    expect(resolvedFromConsumer('doc-blocks', 'deliverykit/postgres')).toBe(`${ROOT}dist/postgres.d.ts`)
    expect(resolvedFromConsumer('doc-blocks', 'deliverykit/handler')).toBe(`${ROOT}dist/handler.d.ts`)
  })

  it('type-check against the built package, with the @example blocks of deliverykit/postgres and deliverykit/handler', () => {
    expect(postgresExamples.length).toBeGreaterThanOrEqual(5)
    expect(handlerExamples.length).toBeGreaterThanOrEqual(4)
    const byName = new Map([...blocks, ...postgresExamples, ...handlerExamples].map((block) => [nameOf(block), block]))
    const errors = reported.flatMap((d) => {
      if (d.name in PROBES) return []
      const block = byName.get(d.name)
      if (block?.partial !== undefined && UNDECLARED.has(d.code)) return []
      // The Markdown line: the block's code starts on the line after its fence.
      return [block === undefined ? `${d.name}: ${d.message}` : `${block.file}:${String(block.line + d.line)}: ${d.message}`]
    })
    expect(errors).toEqual([])
  })
})

describe('the partial marker', () => {
  it('is read from the line before the fence, with its reason', () => {
    const file = '.tmp/doc-blocks-marker.md'
    mkdirSync(`${ROOT}.tmp`, { recursive: true })
    writeFileSync(`${ROOT}${file}`, ['# t', '', '<!-- partial: shows one call -->', '```ts', 'run(body)', '```', '', '```ts', 'export {}', '```', ''].join('\n'))
    expect(blocksOf(file)).toEqual([
      { file, line: 4, code: 'run(body)\n', partial: 'shows one call' },
      { file, line: 8, code: 'export {}\n', partial: undefined },
    ])
  })
})

describe('the compile errors a user reads', () => {
  const messagesOf = (name: string): ReadonlyArray<string> => reported.filter((d) => d.name === name).map((d) => d.message)
  const MISSING = 'Argument of type \'"messangi"\' is not assignable to parameter of type \'"messangi needs the options argument: pass { channel } after the body"\'.'

  it('name the channel Messangi needs, when its options are left out', () => {
    expect(messagesOf('probe-safeParse.ts')).toEqual([MISSING])
    expect(messagesOf('probe-normalizeWebhook.ts')).toEqual([MISSING])
  })

  it('name it too when the options are an explicit undefined, beside the options overload', () => {
    const [message] = messagesOf('probe-parse-undefined.ts')
    expect(message).toMatch(/^No overload matches this call\./)
    expect(message).toContain(MISSING)
    expect(message).toContain("Argument of type 'undefined' is not assignable to parameter of type 'MessangiOptions'.")
  })

  it('are none for a vendor known only at run time, with the options every vendor accepts', () => {
    expect(messagesOf('probe-run-time-vendor.ts')).toEqual([])
  })

  it('say which option a vendor known only at run time does not take', () => {
    expect(messagesOf('probe-run-time-vendor-channel.ts').join('\n')).toContain("Object literal may only specify known properties, and 'channel' does not exist in type 'CommonOptions'.")
  })
})
