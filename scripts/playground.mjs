// Builds the playground (docs/playground): bundles docs/playground/playground.ts with the
// package's built browser entry (dist/index.js, not src/) and io-ts/fp-ts into one
// classic script, so docs/playground/index.html works from a static server or file://.
// Run `npm run build` first; `npm run playground` does both.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

import { build } from 'esbuild'

const root = resolve(import.meta.dirname, '..')
export const PLAYGROUND_DIR = resolve(root, 'docs/playground')
export const OUTFILE = resolve(PLAYGROUND_DIR, 'dist/playground.js')

export const buildPlayground = async () => {
  const library = resolve(root, 'dist/index.js')
  if (!existsSync(library)) throw new Error('dist/index.js is missing: run npm run build first')
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['docs/playground/playground.ts'],
    outfile: OUTFILE,
    tsconfig: 'docs/playground/tsconfig.json',
    bundle: true,
    format: 'iife',
    // No Node built-ins resolve on this platform: a library import of one fails the build.
    platform: 'browser',
    target: ['es2022'],
    alias: { deliverykit: './dist/index.js' },
    minify: true,
    sourcemap: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  })
  const inputs = Object.keys(result.metafile.inputs)
  if (!inputs.includes('dist/index.js') || inputs.some((input) => input.startsWith('src/'))) {
    throw new Error('the playground must bundle dist/index.js, not src/')
  }
  return { outfile: OUTFILE, bytes: result.metafile.outputs['docs/playground/dist/playground.js']?.bytes ?? 0 }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { bytes } = await buildPlayground()
  console.log(`docs/playground/dist/playground.js: ${String(Math.round(bytes / 1024))} KiB; open docs/playground/index.html`)
}
