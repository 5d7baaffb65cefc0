/**
 * The ```ts blocks of README.md and the guides, and a type-check of TypeScript files as a
 * user of the built package writes them: `import … from 'deliverykit'` resolves through
 * package.json's `exports` to dist/ (the package's own name, from a folder inside it), never
 * to src/. Shared by doc-blocks.test.ts, compile-errors.test.ts and readme-handler.test.ts.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import ts from 'typescript'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** The marker that says a block is deliberately partial, on the line before its fence: `<!-- partial: why -->`. */
const PARTIAL = /^<!-- partial(?::\s*(.*?))?\s*-->$/

/** One ```ts block of a Markdown file. */
export interface DocBlock {
  /** The Markdown file, relative to the repository root. */
  readonly file: string
  /** The line of the opening fence, from 1. */
  readonly line: number
  readonly code: string
  /** Why the block is partial, when it is marked so (`''` when the marker gives no reason). */
  readonly partial: string | undefined
}

/** README.md and every guide: docs/**\/*.md, except the generated API site and the playground build. */
export const documentedFiles = (): ReadonlyArray<string> => {
  const guides = (dir: string): ReadonlyArray<string> =>
    readdirSync(`${ROOT}${dir}`, { withFileTypes: true }).flatMap((entry) => {
      const path = `${dir}/${entry.name}`
      if (entry.isDirectory()) return path === 'docs/api' || path === 'docs/playground' ? [] : guides(path)
      return entry.name.endsWith('.md') ? [path] : []
    })
  return ['README.md', ...guides('docs')].sort()
}

/** The ```ts blocks of a Markdown file. */
export const blocksOf = (file: string): ReadonlyArray<DocBlock> => {
  const lines = readFileSync(`${ROOT}${file}`, 'utf8').split('\n')
  const blocks: Array<DocBlock> = []
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i] !== '```ts') continue
    const end = lines.indexOf('```', i + 1)
    if (end === -1) throw new Error(`${file}:${String(i + 1)}: a \`\`\`ts block is not closed`)
    const marker = PARTIAL.exec(lines[i - 1] ?? '')
    blocks.push({ file, line: i + 1, code: `${lines.slice(i + 1, end).join('\n')}\n`, partial: marker === null ? undefined : (marker[1] ?? '') })
    i = end
  }
  return blocks
}

/** Every ```ts block of README.md and the guides. */
export const allDocBlocks = (): ReadonlyArray<DocBlock> => documentedFiles().flatMap(blocksOf)

/** The ```ts blocks of the @example tags in a source file's doc comments (` * ` stripped). */
export const exampleBlocksOf = (file: string): ReadonlyArray<DocBlock> =>
  [...readFileSync(`${ROOT}${file}`, 'utf8').matchAll(/^ \* ```ts\n([\s\S]*?)^ \* ```$/gm)].map((match) => ({
    file,
    line: readFileSync(`${ROOT}${file}`, 'utf8').slice(0, match.index).split('\n').length,
    code: (match[1] ?? '').replace(/^ \*( |$)/gm, ''),
    partial: undefined,
  }))

/** The compiler options of a user's strict project with a bundler: the project's own strictness, without its paths to src/. */
const CONSUMER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  verbatimModuleSyntax: true,
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
}

/** A diagnostic of a checked file, as one line: `name:line: message`. */
export interface Reported {
  readonly name: string
  readonly line: number
  readonly code: number
  readonly message: string
}

/**
 * Type-checks files as modules of a user's project against the built package. `files`
 * maps a name (a file name without folders, ending in .ts) to its text. Fails when dist/
 * has not been built.
 */
export const typecheckAgainstDist = (folder: string, files: Readonly<Record<string, string>>): ReadonlyArray<Reported> => {
  if (!existsSync(`${ROOT}dist/index.d.ts`)) throw new Error('dist/ is not built: run npm run build (npm test builds before the unit tests)')
  const dir = `${ROOT}.tmp/${folder}/`
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const paths = Object.entries(files).map(([name, code]) => {
    writeFileSync(`${dir}${name}`, code)
    return `${dir}${name}`
  })
  const program = ts.createProgram(paths, CONSUMER_OPTIONS)
  const checked = paths.flatMap((path) => {
    const source = program.getSourceFile(path)
    return source === undefined ? [] : [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
  })
  return [...program.getOptionsDiagnostics(), ...checked].map((d) => ({
    name: d.file?.fileName.slice(dir.length) ?? '',
    line: d.file === undefined || d.start === undefined ? 0 : d.file.getLineAndCharacterOfPosition(d.start).line + 1,
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }))
}

/** Where a module resolves from a checked file: proof that the check reads dist/, not src/. */
export const resolvedFromConsumer = (folder: string, specifier: string): string | undefined =>
  ts.resolveModuleName(specifier, `${ROOT}.tmp/${folder}/probe.ts`, CONSUMER_OPTIONS, ts.sys).resolvedModule?.resolvedFileName
