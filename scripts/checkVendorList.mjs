// npm run check:vendors: what cannot be derived from the vendor list at build time, checked
// against it. The list is VENDOR_NAMES (src/model/vendor.ts) with its manifests
// (src/vendors/index.ts, which tsc checks against it); this names every file that lacks a
// line for a vendor, and the line to add. Part of `npm test`.
import { existsSync, readdirSync, readFileSync } from 'node:fs'

import { VENDORS } from './vendorNames.mjs'

const root = new URL('..', import.meta.url)
const read = (path) => readFileSync(new URL(path, root), 'utf8')
const json = (path) => JSON.parse(read(path))

const vendors = VENDORS

const problems = []
const lacks = (file, vendor, what) => problems.push(`${file}: nothing for ${vendor}; add ${what}`)

const pkg = json('package.json')
// Patterns that cover every vendor folder, so they need no line per vendor.
const typedoc = json('typedoc.json')
const tsconfig = json('tsconfig.json')
if (!typedoc.entryPoints.includes('src/vendors/*/index.ts')) problems.push('typedoc.json: "entryPoints" lacks "src/vendors/*/index.ts"')
if (pkg.exports['./json-schema/*.json'] !== './dist/json-schema/*.json') problems.push('package.json: "exports" lacks "./json-schema/*.json": "./dist/json-schema/*.json"')
if (JSON.stringify(tsconfig.compilerOptions.paths['deliverykit/*']) !== JSON.stringify(['./src/vendors/*/index.ts', './src/*/index.ts'])) problems.push('tsconfig.json: "paths" lacks "deliverykit/*": ["./src/vendors/*/index.ts", "./src/*/index.ts"]')
const list = read('src/vendors/index.ts')
const rootEntry = read('src/index.ts')
for (const vendor of vendors) {
  const entry = `src/vendors/${vendor}/index.ts`
  if (!existsSync(new URL(entry, root))) lacks(`src/vendors/${vendor}/`, vendor, `its entry, ${entry}`)
  if (!list.includes(`export { manifest as ${vendor} } from './${vendor}/manifest.js'`)) lacks('src/vendors/index.ts', vendor, `export { manifest as ${vendor} } from './${vendor}/manifest.js'`)
  if (!rootEntry.includes(`export * as ${vendor} from './vendors/${vendor}/index.js'`)) lacks('src/index.ts', vendor, `export * as ${vendor} from './vendors/${vendor}/index.js' (the root's namespace of the entry, which the command's catalogs read)`)
  const exported = pkg.exports[`./${vendor}`]
  const expected = { import: { types: `./dist/${vendor}.d.ts`, default: `./dist/${vendor}.js` }, require: { types: `./dist/${vendor}.d.cts`, default: `./dist/${vendor}.cjs` } }
  if (JSON.stringify(exported) !== JSON.stringify(expected)) lacks('package.json', vendor, `"exports"["./${vendor}"] = ${JSON.stringify(expected)}`)
  if (!pkg.keywords.includes(vendor)) lacks('package.json', vendor, `"${vendor}" to "keywords"`)
  if (!existsSync(new URL(`docs/vendors/${vendor}.md`, root))) lacks('docs/vendors/', vendor, `${vendor}.md (with the status-table:begin and :end markers, then npm run docs:tables)`)
  const payloads = new URL(`examples/payloads/${vendor}/`, root)
  if (!existsSync(payloads) || readdirSync(payloads).length === 0) lacks('examples/payloads/', vendor, `${vendor}/ with the vendor's documented bodies`)
}
const folders = readdirSync(new URL('src/vendors/', root), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
for (const folder of folders) if (!vendors.includes(folder)) problems.push(`src/vendors/${folder}/: not in VENDOR_NAMES (src/model/vendor.ts); add ${folder}: '<its name as the vendor writes it>'`)

if (problems.length > 0) {
  console.error(`check:vendors: ${problems.length} line${problems.length === 1 ? '' : 's'} missing\n${problems.map((p) => `  ${p}`).join('\n')}`)
  process.exit(1)
}
console.log(`check:vendors: ${vendors.join(', ')}: every vendor is in the package's exports, typedoc, tsconfig, the root entry, the docs and the examples`)
