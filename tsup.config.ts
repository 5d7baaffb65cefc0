import { copyFileSync, mkdirSync } from 'node:fs'

import { defineConfig, type Options } from 'tsup'
import type { Plugin } from 'esbuild'

import { VENDORS } from './src/model/vendor.js'

/** A vendor's entry file, `deliverykit/<vendor>`. */
const vendorEntry = (vendor: string): string => `src/vendors/${vendor}/index.ts`

/** The root's re-export of a vendor's entry file (`export * as acme from './vendors/acme/index.js'`), told by its path. */
const isVendorEntryPath = (path: string): boolean => VENDORS.some((vendor) => path === `./vendors/${vendor}/index.js`)

/**
 * The root entry re-exports each vendor's entry file (`export * as octopush from
 * './octopush.js'`) instead of bundling the vendor's modules again. Bundled, the
 * `octopush` namespace object would be built in the chunk the root shares with
 * `deliverykit/octopush`, where its getters keep every export of the vendor (codecs,
 * catalogs with their rationales) alive in a bundle that imports `normalize` alone.
 */
const vendorEntriesExternal: Plugin = {
  name: 'vendor-entries-external',
  setup(build) {
    const extension = build.initialOptions.format === 'cjs' ? 'cjs' : 'js'
    build.onResolve({ filter: /^\.\/vendors\// }, ({ path, importer }) =>
      importer.endsWith('/src/index.ts') && isVendorEntryPath(path) ? { path: `./${path.split('/')[2] ?? ''}.${extension}`, external: true } : undefined,
    )
  },
}

/**
 * The JSON Schemas of the vendors' bodies, kept next to their codecs, shipped as
 * `deliverykit/json-schema/<vendor>.json`.
 */
const copyJsonSchemas = (): Promise<void> => {
  mkdirSync('dist/json-schema', { recursive: true })
  for (const vendor of VENDORS) copyFileSync(`src/vendors/${vendor}/callbacks.schema.json`, `dist/json-schema/${vendor}.json`)
  return Promise.resolve()
}

/** What every library build shares: dual ESM + CJS, with declarations for both. */
const DUAL = {
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { types: [] } },
  sourcemap: true,
  clean: false,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
} satisfies Options

/** Library entries: one per public module, dual ESM + CJS with declarations for both. */
const library = defineConfig({
  entry: {
    index: 'src/index.ts',
    ...Object.fromEntries(VENDORS.map((vendor) => [vendor, vendorEntry(vendor)])),
    postgres: 'src/postgres/index.ts',
  },
  ...DUAL,
  onSuccess: copyJsonSchemas,
  esbuildPlugins: [vendorEntriesExternal],
})

/**
 * `deliverykit/handler`, built on its own: in the library's build its declarations would
 * share chunks with the root's, and rollup-plugin-dts then writes the vendor namespaces'
 * option types (`octopush.OctopushOptions`, …) as values (`declare const … typeof`), which
 * a consumer's tsc refuses (TS2693; `npm run check:smoke` type-checks them). Alone, it
 * carries its own copy of the decoders and of their types: plain data and structural
 * types, the same to the compiler and at run time as the root's.
 */
const handler = defineConfig({
  entry: { handler: 'src/handler/index.ts' },
  ...DUAL,
})

/** The `deliverykit` command: ESM only, never imported by library code. */
const cli = defineConfig({
  entry: { cli: 'src/cli/main.ts' },
  format: ['esm'],
  dts: false,
  sourcemap: true,
  clean: false,
  target: 'es2022',
  platform: 'node',
  tsconfig: 'tsconfig.build.json',
  // pg is a devDependency, not a dependency: `replay` loads the user's own, or says to install it.
  external: ['pg'],
  banner: { js: '#!/usr/bin/env node' },
})

export default [library, handler, cli]
