// Statement building alone, no database: recordEvents for one e-mail body of 200 events
// and for one SMS body, in two builds in the same process (dist/ and the folder given as
// the first argument, e.g. .tmp/dist-before/), alternated, best of 5 rounds. Not part of
// `npm run bench`: for comparing a change to the statement's encoders. Run:
// npm run build && node bench/recordEventsBuild.mjs .tmp/dist-before/
import { campaignRawBodies } from './campaignBodies.mjs'

const other = process.argv[2]
const builds = [['dist/', new URL('../dist/', import.meta.url)], ...(other === undefined ? [] : [[other, new URL(other, new URL('../', import.meta.url))]])]
const loaded = await Promise.all(builds.map(async ([label, dir]) => ({ label, index: await import(new URL('index.js', dir).href), postgres: await import(new URL('postgres.js', dir).href) })))
const raw = campaignRawBodies()
const bodies = { 'e-mail body, 200 events': raw.find((body) => body.deliveries !== undefined), 'SMS body, 1 event': raw.find((body) => body.deliveries === undefined) }
for (const [name, body] of Object.entries(bodies)) {
  const best = new Map()
  for (let round = 0; round < 5; round++) {
    for (const { label, index, postgres } of loaded) {
      const events = index.parseWebhook('octopush', body)
      const runs = Math.ceil(20_000 / events.length)
      const start = performance.now()
      for (let i = 0; i < runs; i++) postgres.recordEvents(events)
      const us = ((performance.now() - start) * 1000) / runs
      best.set(label, Math.min(best.get(label) ?? Infinity, us))
    }
  }
  console.log(`recordEvents, ${name}: ${[...best].map(([label, us]) => `${label} ${us.toFixed(1)} µs`).join(', ')}`)
}
