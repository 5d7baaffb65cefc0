// The library's digest and eventId input are internal (not exported by dist/): bench
// scripts bundle them from src/ as they ship and import them from memory.
import { build } from 'esbuild'

const bundled = await build({
  entryPoints: [new URL('../src/util/digest.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
})

/** `digest` from src/util/digest.ts. */
export const { digest } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].contents).toString('base64')}`)

const bundledEventId = await build({
  entryPoints: [new URL('../src/kit/eventId.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
})

/** `eventIdOf` and `deliveryIdFields` from src/kit/eventId.ts: what an event's id is made of since issue 21. */
export const { eventIdOf, deliveryIdFields } = await import(`data:text/javascript;base64,${Buffer.from(bundledEventId.outputFiles[0].contents).toString('base64')}`)
