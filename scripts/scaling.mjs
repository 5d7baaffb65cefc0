// Shows that deliverykit's time is linear in the size of what arrives: each shape is
// timed at two sizes, ten times apart, and the time per unit is printed with the ratio
// of the two (about 1 when linear, about 10 when quadratic). Run with `npm run bench:limits`
// (it builds first). Timings, not assertions: test/limits.test.ts checks the answers.
import { normalize } from '../dist/index.js'

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
