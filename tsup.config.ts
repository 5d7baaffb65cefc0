import { copyFileSync, mkdirSync } from 'node:fs'

import { defineConfig } from 'tsup'

/**
 * The JSON Schemas of the vendors' bodies, kept next to their codecs, shipped as
 * `deliverykit/json-schema/<vendor>.json`.
 */
const copyJsonSchemas = (): Promise<void> => {
  mkdirSync('dist/json-schema', { recursive: true })
  for (const vendor of ['octopush', 'messangi', 'masstack']) copyFileSync(`src/vendors/${vendor}/callbacks.schema.json`, `dist/json-schema/${vendor}.json`)
  return Promise.resolve()
}

/** Library entries: one per public module, dual ESM + CJS with declarations for both. */
const library = defineConfig({
  entry: {
    index: 'src/index.ts',
    octopush: 'src/vendors/octopush/index.ts',
    messangi: 'src/vendors/messangi/index.ts',
    masstack: 'src/vendors/masstack/index.ts',
    postgres: 'src/postgres/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { types: [] } },
  sourcemap: true,
  clean: false,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
  onSuccess: copyJsonSchemas,
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
  banner: { js: '#!/usr/bin/env node' },
})

export default [library, cli]
