// What each piece of size machinery saves, for `npm run size -- --why`. A piece exists only
// to make bundles smaller; issue 22 keeps it only where it saves at least 0.5 KB gzipped in
// some entry. To measure one, the library is built twice with tsup, from tsup.config.ts
// itself (ESM, no declarations, into .tmp/size-why/): once as it is, once with the piece
// taken out by an esbuild plugin that rewrites the source as it is loaded (nothing on disk
// changes). size.mjs then bundles each entry's consumer against both builds; the gzip
// difference is what the piece saves there.
//
// Each piece's rewrite names the files it expects to change and fails when it changes
// none, so that a moved or renamed file says which rule to update instead of measuring
// nothing.
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

import { build as esbuild } from 'esbuild'
import { build as tsup } from 'tsup'

/**
 * A rewrite of the sources: files whose path matches `file` have every match of `find`
 * replaced by `replace` (a string, as in String.prototype.replace).
 */
const rule = (file, find, replace) => ({ file, find, replace })

/** The vendor modules that read rows (not the rows or catalog modules themselves). */
const READS_ROWS = /\/src\/vendors\/(?!.*\/(?:rows|catalog)(?:\/[^/]+)?\.ts$).*\.ts$/

/**
 * The pieces, each with what the library looks like without it. `rules` rewrite sources;
 * `plugins` changes the esbuild plugins of a tsup build.
 */
export const PIECES = [
  {
    name: 'either',
    title: '(a) hand-written Either (src/util/either.ts)',
    without: "left, right, isLeft, isRight taken from fp-ts's root (`import { either } from 'fp-ts'`)",
    rules: [
      rule(/\/src\/[^.]*\/either\.ts$/, /^[\s\S]*$/, "import { either } from 'fp-ts'\nexport const left = either.left\nexport const right = either.right\nexport const isLeft = either.isLeft\nexport const isRight = either.isRight\n"),
    ],
  },
  {
    name: 'rows/notes',
    title: '(b) rows apart from their notes (vendors/*/rows vs catalog)',
    // An upper bound, by the bytes of withNotes and of the notes' keys: rows and notes
    // written as one literal would not carry them.
    without: 'normalize reads the public catalogs (rows joined to their rationales and sources by withNotes)',
    rules: [
      rule(READS_ROWS, /\b([A-Z][A-Z_]*)_ROW_CATALOGS\b/g, '$1_CATALOGS'),
      rule(READS_ROWS, /(['"])((?:\.\.?\/)+)rows(\/index)?\.js\1/g, '$1$2catalog$3.js$1'),
    ],
  },
  {
    name: 'delivery vendors',
    title: "(c) Messangi's delivery-only registration (vendors/messangi/definition.ts, MESSANGI_DELIVERY_VENDOR)",
    without: "the delivery entries use the vendor's full registration",
    rules: [
      rule(/\/src\/vendors\/[^/]+\/definition\.ts$/, /export const ([A-Z]+)_DELIVERY_VENDOR(: \w+)? = \/\*#__PURE__\*\/ register\(\w+, \{[^}]*\}\)/g, 'export const $1_DELIVERY_VENDOR$2 = $1_VENDOR'),
    ],
  },
  {
    name: 'tsup plugin',
    title: '(d) tsup plugin vendor-entries-external',
    without: 'the root bundles the vendor modules itself (tsup.config.ts without the plugin)',
    dropPlugin: 'vendor-entries-external',
  },
  {
    name: 'PURE',
    title: '(e) /*#__PURE__*/ annotations in src/ (all of them)',
    without: 'every /*#__PURE__*/ comment removed from src/',
    rules: [rule(/\/src\/.*\.ts$/, /\/\*#__PURE__\*\/ ?/g, '')],
  },
]

const PURE = '/*#__PURE__*/'

/**
 * With `--pure`: the annotations file by file, each file's taken out alone, to find those
 * that save nothing for the measured consumers.
 */
export const purePieces = (root) =>
  readdirSync(`${root}src`, { recursive: true })
    .filter((file) => file.endsWith('.ts') && readFileSync(`${root}src/${file}`, 'utf8').includes(PURE))
    .sort()
    .map((file) => ({
      name: `PURE ${file}`,
      title: `(e) /*#__PURE__*/ annotations in src/${file}`,
      without: `the file's ${readFileSync(`${root}src/${file}`, 'utf8').split(PURE).length - 1} annotations removed`,
      rules: [rule(new RegExp(`/src/${file.replace(/[.]/g, '\\.')}$`), /\/\*#__PURE__\*\/ ?/g, '')],
    }))

/** An esbuild plugin that applies `rules` to the sources it loads, counting the changes. */
const rewrite = (rules, counts) => ({
  name: 'size-why-rewrite',
  setup(build) {
    build.onLoad({ filter: /\/src\/.*\.ts$/ }, ({ path }) => {
      const matching = rules.filter((one) => one.file.test(path))
      if (matching.length === 0) return undefined
      let contents = readFileSync(path, 'utf8')
      for (const one of matching) {
        const next = contents.replace(one.find, one.replace)
        if (next !== contents) counts.set(one, (counts.get(one) ?? 0) + 1)
        contents = next
      }
      return { contents, loader: 'ts' }
    })
  },
})

/** tsup.config.ts's builds, compiled to plain JavaScript and imported. */
const loadTsupConfigs = async (root) => {
  const outfile = `${root}.tmp/size-why/tsup.config.mjs`
  await esbuild({ entryPoints: [`${root}tsup.config.ts`], bundle: true, packages: 'external', format: 'esm', platform: 'node', outfile, logLevel: 'silent' })
  return (await import(`${pathToFileURL(outfile).href}?${Date.now()}`)).default
}

/**
 * Builds the library's ESM entries into `.tmp/size-why/<dir>/` with `piece` taken out
 * (`piece` undefined: as it is). The `deliverykit` command is not built: no consumer
 * bundles it.
 */
const buildVariant = async (root, configs, dir, piece) => {
  const outDir = `${root}.tmp/size-why/${dir}`
  rmSync(outDir, { recursive: true, force: true })
  const counts = new Map()
  let dropped = 0
  const builds = configs.map((config) => {
    let plugins = config.esbuildPlugins ?? []
    if (piece?.dropPlugin !== undefined) {
      const kept = plugins.filter((plugin) => plugin.name !== piece.dropPlugin)
      dropped += plugins.length - kept.length
      plugins = kept
    }
    if (piece?.rules !== undefined) plugins = [...plugins, rewrite(piece.rules, counts)]
    return tsup({ ...config, config: false, format: ['esm'], dts: false, sourcemap: false, outDir, onSuccess: undefined, silent: true, esbuildPlugins: plugins })
  })
  await Promise.all(builds)
  if (piece?.dropPlugin !== undefined && dropped === 0) throw new Error(`size --why: no tsup build has the plugin ${piece.dropPlugin}; update ${piece.name} in scripts/sizePieces.mjs`)
  for (const one of piece?.rules ?? []) {
    if ((counts.get(one) ?? 0) === 0) throw new Error(`size --why: piece ${piece.name}: the rule ${one.find} changed no file matching ${one.file}; update it in scripts/sizePieces.mjs`)
  }
  return outDir
}

/**
 * For each piece, the gzip bytes it saves in each entry: `measure(dir)` gives the gzip
 * bytes of every entry's consumer bundled against the build in `dir`.
 */
export const measurePieces = async (root, measure, pieces = PIECES) => {
  const configs = (await loadTsupConfigs(root)).filter((config) => !Object.keys(config.entry).includes('cli'))
  const base = await measure(await buildVariant(root, configs, 'base'))
  const results = []
  for (const piece of pieces) {
    const without = await measure(await buildVariant(root, configs, piece.name.replace(/\W+/g, '-'), piece))
    const saved = Object.fromEntries(Object.keys(base).map((entry) => [entry, without[entry] - base[entry]]))
    results.push({ name: piece.name, title: piece.title, without: piece.without, saved })
  }
  return { base, results }
}

/** Issue 22's rule: a piece stays where it saves at least 0.5 KB gzipped in some entry. */
export const PAYS_AT = 512

/** Prints the piece × entry table of gzip bytes saved, with each piece's verdict. */
export const printPieces = ({ base, results }) => {
  const entries = Object.keys(base)
  const short = (entry) => entry.replace(/^deliverykit\/?/, '').replace(/ \(.*\)$/, '') || 'root'
  const cell = (bytes) => `${bytes >= 0 ? '+' : ''}${bytes} (${(bytes / 1024).toFixed(2)})`
  console.log(`\nWhat each piece saves: gzip bytes (KB) a consumer of each entry gains when the piece is taken out; it pays at ${PAYS_AT} bytes in some entry`)
  const width = Math.max(16, ...results.map(({ name }) => name.length + 2))
  console.log(`${'piece'.padEnd(width)}${entries.map((entry) => short(entry).padStart(17)).join('')}  verdict`)
  console.log(`${'(gzip as built)'.padEnd(width)}${entries.map((entry) => String(base[entry]).padStart(17)).join('')}`)
  for (const { name, saved } of results) {
    const best = Math.max(...Object.values(saved))
    console.log(`${name.padEnd(width)}${entries.map((entry) => cell(saved[entry]).padStart(17)).join('')}  ${best >= PAYS_AT ? 'pays' : 'does not pay'}`)
  }
  for (const { name, title, without } of results) console.log(`  ${name}: ${title}; taken out: ${without}`)
}
