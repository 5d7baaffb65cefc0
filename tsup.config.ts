import { defineConfig } from 'tsup'

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
