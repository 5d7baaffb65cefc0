// The library's digest is internal (not exported by dist/): bench scripts bundle it from
// src/ as it ships and import it from memory.
import { build } from 'esbuild'

const bundled = await build({
  entryPoints: [new URL('../src/internal/digest.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
})

/** `digest` from src/internal/digest.ts. */
export const { digest } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].contents).toString('base64')}`)
