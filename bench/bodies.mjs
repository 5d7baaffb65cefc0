// Representative bodies for the benchmark, one per vendor callback kind. Octopush bodies
// are the documented examples; e-mail bodies repeat the documented recipient entry.
import { readFileSync } from 'node:fs'

const read = (path) => JSON.parse(readFileSync(new URL(`../examples/payloads/${path}`, import.meta.url), 'utf8'))

const emailWith = (count) => {
  const template = read('octopush/email.json')
  const [opened, spam] = template.deliveries
  return {
    ...template,
    // A copy per recipient, as JSON.parse gives: deliverykit refuses an object body whose
    // entries share an array (status_history), which no JSON text can make.
    deliveries: Array.from({ length: count }, (_, i) => ({ ...structuredClone(i % 2 === 0 ? opened : spam), email: `recipient${String(i)}@example.com` })),
  }
}

/**
 * name → { vendor, body, options?, recipients, entry? }. `entry: 'webhook'` times
 * `normalizeWebhook` (the default is `normalize`); `sameAs` names the body this one is
 * compared with in the same round (the zone row against the default zone).
 */
export const BODIES = {
  'octopush sms': { vendor: 'octopush', body: read('octopush/sms.json'), recipients: 1 },
  'octopush sms, New York': { vendor: 'octopush', body: read('octopush/sms.json'), options: { timeZone: 'America/New_York' }, recipients: 1, sameAs: 'octopush sms' },
  'octopush voice': { vendor: 'octopush', body: read('octopush/voice-sms.json'), recipients: 1 },
  'octopush rcs': { vendor: 'octopush', body: read('octopush/rcs.json'), recipients: 1 },
  'octopush email x1': { vendor: 'octopush', body: emailWith(1), recipients: 1 },
  'octopush email x100': { vendor: 'octopush', body: emailWith(100), recipients: 100 },
  'octopush email x10000': { vendor: 'octopush', body: emailWith(10_000), recipients: 10_000 },
  'octopush stop (webhook)': { vendor: 'octopush', entry: 'webhook', body: read('octopush/stop.json'), recipients: 1 },
  'messangi sms': { vendor: 'messangi', body: read('messangi/sms/mt-callback.json'), options: { channel: 'sms' }, recipients: 1 },
  'messangi whatsapp': { vendor: 'messangi', body: read('messangi/whatsapp/callback.json'), options: { channel: 'whatsapp' }, recipients: 1 },
  'masstack record': { vendor: 'masstack', body: read('masstack/record.json'), recipients: 1 },
}
