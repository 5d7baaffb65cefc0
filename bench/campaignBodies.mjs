// The bodies of the campaign of issue 23, as Octopush posts them: for bench/postgres.mjs,
// bench/http.mjs and the tests. No import of the build, so a test can use it without one.

/** mulberry32: seeded, so every run builds the same campaign in the same order. */
const seeded = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/**
 * The bodies, shuffled: 1,500 SMS in two steps (ACK, then DELIVERED or NOT_DELIVERED) are
 * 3,000 receipts of one event each; 30 e-mails to 200 recipients in two steps (DELIVERED,
 * then OPENED, CLICKED or HARD_BOUNCE) are 60 bodies of 200 events; a tenth of the bodies
 * arrive twice. Each entry is a body as an object, for JSON.stringify.
 */
export const campaignRawBodies = ({ sms = 1500, emails = 30, recipients = 200 } = {}) => {
  const random = seeded(20261207)
  const bodies = []
  for (let m = 0; m < sms; m++) {
    const base = { channel: 'sms', message_id: `sms_${String(m)}`, number: `+336${String(m).padStart(8, '0')}`, unit_price: 0.05 }
    bodies.push({ ...base, status: 'ACK', delivery_date: '2025-01-22 10:00:00' })
    bodies.push({ ...base, status: random() < 0.9 ? 'DELIVERED' : 'NOT_DELIVERED', delivery_date: '2025-01-22 10:00:30' })
  }
  for (let m = 0; m < emails; m++) {
    const to = Array.from({ length: recipients }, (_, r) => `r${String(r)}.c${String(m)}@example.com`)
    const base = { channel: 'email', message_id: `email_${String(m)}`, list_name: 'Campaign', meta_data: { template_name: 'Newsletter' } }
    bodies.push({ ...base, deliveries: to.map((email) => ({ email, status: 'DELIVERED', unit_price: 0.01, delivery_date: '2025-01-22 12:00:00', status_history: [] })) })
    bodies.push({
      ...base,
      deliveries: to.map((email) => {
        const roll = random()
        const status = roll < 0.5 ? 'OPENED' : roll < 0.8 ? 'CLICKED' : 'HARD_BOUNCE'
        return { email, status, unit_price: 0.01, delivery_date: '2025-01-22 12:30:00', status_history: [{ status: 'DELIVERED', delivery_date: '2025-01-22 12:00:00' }] }
      }),
    })
  }
  const all = [...bodies, ...bodies.filter(() => random() < 0.1).map((body) => structuredClone(body))]
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[all[i], all[j]] = [all[j], all[i]]
  }
  return all
}

