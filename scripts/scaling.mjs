// Shows that deliverykit's time is linear in the size of what arrives: each shape is
// timed at two sizes, ten times apart, and the time per unit is printed with the ratio
// of the two (about 1 when linear, about 10 when quadratic). Run with `npm run bench:limits`
// (it builds first). Timings, not assertions: test/runtime/limits.test.ts checks the answers.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { formatError, normalize } from '../dist/index.js'

// A body of 3 million empty e-mail entries (8.6 MiB, under the default maxBodySize): each
// entry lacks every field. Run in a child process whose heap is limited to 512 MB, so that
// an error that grows with the entries shows as a crash, not as a slow run.
if (process.argv[2] === '--hostile-entries') {
  const text = `{"channel":"email","message_id":"m","deliveries":[${'{},'.repeat(2_999_999)}{}]}`
  const start = process.hrtime.bigint()
  const result = normalize('octopush', text)
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  const lines = result._tag === 'Left' ? formatError(result.left).split('\n') : ['(accepted?)']
  console.log(JSON.stringify({ mib: text.length / 1024 / 1024, ms, kind: result._tag === 'Left' ? result.left.kind : 'events', issues: result._tag === 'Left' ? result.left.issues.length : 0, last: lines.at(-1), heapMiB: process.memoryUsage().heapUsed / 1024 / 1024 }))
  process.exit(0)
}

const phone = { channel: 'sms', message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }

const emailText = (recipients, status = 'DELIVERED') =>
  JSON.stringify({
    channel: 'email',
    message_id: 'email_1',
    deliveries: Array.from({ length: recipients }, (_, i) => ({ email: `user${i}@example.com`, status, delivery_date: '2025-01-22 11:46:06', status_history: [{ status: 'ISP_SEND', delivery_date: '2025-01-22 11:46:00' }] })),
  })

/** The best of a few runs, in ms (the first runs warm the JIT). */
const time = (run) => {
  let best = Infinity
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint()
    run()
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6)
  }
  return best
}

const MB = 1024 * 1024

const cases = [
  { name: 'e-mail callback, per recipient', unit: 'recipient', sizes: [10_000, 100_000], make: (n) => emailText(n), size: (n) => n },
  { name: 'e-mail callback, unknown code in each (error path)', unit: 'recipient', sizes: [10_000, 100_000], make: (n) => emailText(n, 'NEW_CODE'), size: (n) => n },
  { name: 'JSON body with one long string field, per MB', unit: 'MB', sizes: [1, 10], make: (mb) => JSON.stringify({ ...phone, list_name: 'x'.repeat(mb * MB) }), size: (mb) => mb },
  { name: 'long unknown status code, per MB', unit: 'MB', sizes: [1, 10], make: (mb) => ({ ...phone, status: 'X'.repeat(mb * MB) }), size: (mb) => mb },
  { name: 'form body with one long value, per MB', unit: 'MB', sizes: [1, 10], make: (mb) => `message_id=m&number=n&status=ACK&delivery_date=2025-01-22+11%3A46%3A06&list_name=${'x'.repeat(mb * MB)}`, size: (mb) => mb },
  { name: 'nested junk in JSON text, per 100k levels', unit: '100k levels', sizes: [4, 40], make: (k) => `{"junk":${'['.repeat(k * 100_000)}${']'.repeat(k * 100_000)},${JSON.stringify(phone).slice(1)}`, size: (k) => k },
  { name: 'bytes of a body, per MB', unit: 'MB', sizes: [1, 10], make: (mb) => new TextEncoder().encode(JSON.stringify({ ...phone, list_name: 'é'.repeat((mb * MB) / 2) })), size: (mb) => mb },
]

console.log('deliverykit scaling (best of 5 runs; a ratio near 1 means linear time)')
for (const { name, unit, sizes, make, size } of cases) {
  const [small, large] = sizes.map((n) => {
    const body = make(n)
    const ms = time(() => normalize('octopush', body))
    return { n, ms, per: ms / size(n) }
  })
  const ratio = large.per / small.per
  console.log(
    `${name.padEnd(52)} ${small.per.toFixed(3).padStart(9)} ms/${unit} at ${String(small.n).padStart(6)}  ${large.per.toFixed(3).padStart(9)} ms/${unit} at ${String(large.n).padStart(6)}  ratio ${ratio.toFixed(2)}`,
  )
}

const child = spawnSync(process.execPath, ['--max-old-space-size=512', fileURLToPath(import.meta.url), '--hostile-entries'], { encoding: 'utf8' })
if (child.status !== 0) {
  console.error(`3,000,000 empty e-mail entries under a 512 MB heap: the child process failed (exit ${String(child.status)})\n${child.stderr.slice(-2000)}`)
  process.exitCode = 1
} else {
  const run = JSON.parse(child.stdout)
  console.log(
    `3,000,000 empty e-mail entries (${run.mib.toFixed(1)} MiB) under a 512 MB heap: ${run.kind} with ${String(run.issues)} issues in ${run.ms.toFixed(0)} ms, heap ${run.heapMiB.toFixed(0)} MiB after; last line: ${run.last}`,
  )
}
