import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vitest/config'

import { VENDORS } from './src/model/vendor.js'

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url))

export default defineConfig({
  resolve: {
    // Tests and examples import the package by name, as users do; this points the name at src/.
    alias: [
      { find: /^deliverykit$/, replacement: src('index.ts') },
      ...VENDORS.map((vendor) => ({ find: `deliverykit/${vendor}`, replacement: src(`vendors/${vendor}/index.ts`) })),
      { find: /^deliverykit\/postgres$/, replacement: src('postgres/index.ts') },
      { find: /^deliverykit\/handler$/, replacement: src('handler/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    setupFiles: ['test/setup/failOnConsole.ts'],
    // The JSON report lets .ci/run print one "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/vitest-report.json' },
  },
})
