/**
 * Renders docs/api.md, the API reference that ships with the package: for every entry point
 * `package.json` exports, each export's name, kind, category and the first sentence of its
 * doc comment, read with the TypeScript compiler from src/ (the entries through
 * tsconfig.json's `paths`, so an entry without a path is an error that names it).
 * test/docs/api-reference.test.ts fails when the committed page differs from this output, or
 * when an export has no doc comment; `npm run docs:api` rewrites the page.
 *
 * The whole doc comments, with their examples, ship in dist/*.d.ts, where editors show them;
 * the typedoc site (`npm run docs`) is built from the same comments in the repository.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import ts from 'typescript'

const ROOT = fileURLToPath(new URL('../', import.meta.url))

/** One exported name of an entry point. */
export interface ApiExport {
  readonly name: string
  /** `function`, `constant`, `type`, `interface`, `namespace` (an `export * as`), … */
  readonly kind: string
  /** The `@category` tag, `''` without one. */
  readonly category: string
  /** The first sentence of the doc comment, on one line; `''` without a comment. */
  readonly summary: string
}

/** An entry point: its import specifier and its exports, by name. */
export interface ApiEntry {
  readonly specifier: string
  readonly exports: ReadonlyArray<ApiExport>
}

interface PackageJson {
  readonly name: string
  readonly exports: Readonly<Record<string, unknown>>
}

/** The code entry points of package.json's `exports` (JSON files and package.json itself aside), as import specifiers. */
export const entrySpecifiers = (): ReadonlyArray<string> => {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as PackageJson
  return Object.keys(pkg.exports)
    .filter((key) => !key.endsWith('.json'))
    .map((key) => (key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`))
}

const KINDS: ReadonlyArray<readonly [(node: ts.Node) => boolean, string]> = [
  [ts.isFunctionDeclaration, 'function'],
  [(node) => ts.isVariableDeclaration(node) && ts.isVariableStatement(node.parent.parent) && (node.parent.flags & ts.NodeFlags.Const) !== 0, 'constant'],
  [ts.isVariableDeclaration, 'variable'],
  [ts.isTypeAliasDeclaration, 'type'],
  [ts.isInterfaceDeclaration, 'interface'],
  [ts.isClassDeclaration, 'class'],
  [ts.isEnumDeclaration, 'enum'],
  [(node) => ts.isSourceFile(node) || ts.isModuleDeclaration(node) || ts.isNamespaceExport(node), 'namespace'],
]

const kindOf = (declaration: ts.Declaration | undefined): string => (declaration === undefined ? 'unknown' : (KINDS.find(([test]) => test(declaration))?.[1] ?? ts.SyntaxKind[declaration.kind]))

/** `{@link X}` and `{@link X | text}` as code, whitespace collapsed, the first sentence only, table pipes escaped. */
export const summaryOf = (comment: string): string => {
  const paragraph = (comment.split(/\n\s*\n/)[0] ?? '')
    .replace(/\{@link(?:code|plain)?\s+([^}|\s]+)\s*(?:\|\s*([^}]*))?\}/g, (_, target: string, text: string | undefined) => (text === undefined || text.trim() === '' ? `\`${target}\`` : text.trim()))
    .replace(/\s+/g, ' ')
    .trim()
  // A sentence ends at a full stop followed by a space outside backticks.
  let inCode = false
  for (let i = 0; i < paragraph.length; i += 1) {
    const char = paragraph[i]
    if (char === '`') inCode = !inCode
    if (!inCode && char === '.' && paragraph[i + 1] === ' ' && !/(?:e\.g|i\.e|etc|vs)$/.test(paragraph.slice(Math.max(0, i - 4), i))) return paragraph.slice(0, i + 1).replaceAll('|', '\\|')
  }
  return paragraph.replaceAll('|', '\\|')
}

/** Every entry point's exports, read from src/ with the compiler. */
export const apiEntries = (): ReadonlyArray<ApiEntry> => {
  const config = ts.getParsedCommandLineOfConfigFile(`${ROOT}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => { throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')) } })
  if (config === undefined) throw new Error('tsconfig.json could not be read')
  const files = entrySpecifiers().map((specifier) => {
    // Through tsconfig.json's `paths` ("deliverykit/*" covers every vendor folder), as tsc resolves it.
    const file = ts.resolveModuleName(specifier, `${ROOT}src/index.ts`, config.options, ts.sys).resolvedModule?.resolvedFileName
    if (file === undefined) throw new Error(`tsconfig.json's "paths" do not lead ${specifier}, which package.json exports, to a file of src/`)
    return { specifier, file }
  })
  const program = ts.createProgram(files.map((entry) => entry.file), config.options)
  const checker = program.getTypeChecker()
  return files.map(({ specifier, file }) => {
    const source = program.getSourceFile(file)
    const module = source === undefined ? undefined : checker.getSymbolAtLocation(source)
    if (module === undefined) throw new Error(`${file}: not a module`)
    const exports = checker.getExportsOfModule(module).map((symbol): ApiExport => {
      const target = (symbol.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(symbol) : symbol
      // A name exported both as a type and as a value (a type and its codec) reads as the value.
      const declarations = target.declarations ?? []
      const declaration = declarations.find((node) => ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node) || ts.isClassDeclaration(node)) ?? declarations[0]
      // A constant that can be called (\`normalize\`, built by a factory) is a function to its caller.
      const callable = declaration !== undefined && ts.isVariableDeclaration(declaration) && checker.getTypeOfSymbolAtLocation(target, declaration).getCallSignatures().length > 0
      const namespaceExport = symbol.declarations?.find(ts.isNamespaceExport)
      // `export * as name` keeps its comment on the export declaration, not on a symbol.
      const comment =
        namespaceExport === undefined
          ? ts.displayPartsToString(target.getDocumentationComment(checker))
          : ts.getJSDocCommentsAndTags(namespaceExport.parent).map((doc) => (ts.isJSDoc(doc) ? (ts.getTextOfJSDocComment(doc.comment) ?? '') : '')).join('\n\n')
      const category = target.getJsDocTags(checker).find((tag) => tag.name === 'category')
      return {
        name: symbol.name,
        kind: namespaceExport !== undefined ? 'namespace' : callable ? 'function' : kindOf(declaration),
        category: category === undefined ? '' : ts.displayPartsToString(category.text).trim(),
        summary: summaryOf(comment),
      }
    })
    return { specifier, exports: exports.sort((a, b) => a.name.localeCompare(b.name, 'en')) }
  })
}

/** The page: one section per entry point, one row per export. */
export const renderApiReference = (entries: ReadonlyArray<ApiEntry> = apiEntries()): string =>
  [
    '---',
    'title: API reference',
    '---',
    '',
    '# API reference',
    '',
    '<!-- generated by npm run docs:api from the doc comments of src/; do not edit -->',
    '',
    "Every export of each entry point, with the first sentence of its doc comment. The whole",
    'comments, with their examples, ship in the type declarations (`dist/*.d.ts`), which an',
    'editor shows on hover and go-to-definition. The guides explain how the pieces fit:',
    'start with [Getting started](getting-started.md).',
    '',
    ...entries.flatMap((entry) => [
      `## \`${entry.specifier}\``,
      '',
      `${String(entry.exports.length)} exports.`,
      '',
      '| export | kind | category | summary |',
      '|---|---|---|---|',
      ...entry.exports.map((item) => `| \`${item.name}\` | ${item.kind} | ${item.category} | ${item.summary} |`),
      '',
    ]),
  ].join('\n')
