// npm run check:layers: every import in src/ goes down the layers (CONTRIBUTING.md, "Layers"),
// no vendor folder imports another, and no module imports itself back through others (a
// cycle), type-only imports included. Prints each broken rule with the file and the import,
// and exits 1; part of `npm test`.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const src = join(root, 'src')

/** Each layer and the layers below it that it may import (its own modules too). */
const BELOW = {
  util: [],
  model: ['util'],
  errors: ['model', 'util'],
  types: ['errors', 'model', 'util'],
  kit: ['types', 'errors', 'model', 'util'],
  runtime: ['kit', 'types', 'errors', 'model', 'util'],
  vendor: ['runtime', 'kit', 'types', 'errors', 'model', 'util'],
  'vendor list': ['vendor'],
  root: ['vendor list', 'vendor', 'runtime', 'kit', 'types', 'errors', 'model', 'util'],
  postgres: ['runtime', 'kit', 'types', 'errors', 'model', 'util'],
  handler: ['root', 'runtime', 'kit', 'types', 'errors', 'model', 'util'],
  cli: ['handler', 'postgres', 'root', 'vendor list', 'vendor', 'runtime', 'kit', 'types', 'errors', 'model', 'util'],
}

/** The layer of a file of src/, and for a vendor's file the vendor. */
const layerOf = (file) => {
  const parts = relative(src, file).split('/')
  if (parts.length === 1) return { layer: 'root' }
  if (parts[0] === 'vendors') return parts.length === 2 ? { layer: 'vendor list' } : { layer: 'vendor', vendor: parts[1] }
  return { layer: parts[0] }
}

const filesOf = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesOf(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []))

// Import and re-export statements (`import … from`, `export … from`, `import type`), and bare `import '…'`.
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm

const files = filesOf(src)
const imports = new Map(
  files.map((file) => {
    const text = readFileSync(file, 'utf8')
    const targets = [...text.matchAll(IMPORT)].map((match) => resolve(dirname(file), (match[1] ?? match[2]).replace(/\.js$/, '.ts')))
    return [file, targets]
  }),
)

const problems = []
const name = (file) => relative(root, file)
for (const [file, targets] of imports) {
  const from = layerOf(file)
  if (BELOW[from.layer] === undefined) problems.push(`${name(file)}: in no layer; add its folder to BELOW in scripts/checkLayers.mjs and to CONTRIBUTING.md`)
  for (const target of targets) {
    const to = layerOf(target)
    if (from.layer === 'vendor' && to.layer === 'vendor') {
      if (from.vendor !== to.vendor) problems.push(`${name(file)} imports ${name(target)}: a vendor folder never imports another vendor's`)
      continue
    }
    if (to.layer === from.layer) continue
    if (from.layer === 'vendor list' && to.layer === 'vendor' && !target.endsWith('/manifest.ts')) problems.push(`${name(file)} imports ${name(target)}: the vendor list names each vendor's manifest.ts only`)
    if (!(BELOW[from.layer] ?? []).includes(to.layer)) problems.push(`${name(file)} imports ${name(target)}: ${from.layer} may import ${(BELOW[from.layer] ?? []).join(', ') || 'nothing else in src/'}, not ${to.layer}`)
  }
}

// Cycles: a depth-first walk; each back edge closes a cycle, printed from the module it returns to.
const state = new Map()
const stack = []
const visit = (file) => {
  state.set(file, 'open')
  stack.push(file)
  for (const target of imports.get(file) ?? []) {
    if (!imports.has(target)) continue
    if (state.get(target) === 'open') problems.push(`import cycle: ${[...stack.slice(stack.indexOf(target)), target].map(name).join(' → ')}`)
    else if (!state.has(target)) visit(target)
  }
  stack.pop()
  state.set(file, 'done')
}
for (const file of files) if (!state.has(file)) visit(file)

for (const target of [...imports.values()].flat()) if (!imports.has(target)) problems.push(`an import of ${name(target)}, which is not a file of src/`)

if (problems.length > 0) {
  console.error(`check:layers: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.map((p) => `  ${p}`).join('\n')}`)
  process.exit(1)
}
console.log(`check:layers: ${files.length} modules of src/, ${[...imports.values()].flat().length} imports, every one down the layers, no cycle`)
