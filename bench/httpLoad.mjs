// The load generator of bench/http.mjs: posts bodies to the webhook servers as a vendor
// does, retrying every answer that is not 2xx (and every request that got no answer) on
// the next server, with a bounded number of attempts and a bounded total time. Run in a
// process of its own with child_process.fork, advanced serialization (the parent sends { bodies, urls, … } and
// later { urls } when a server restarted; it answers { done }), or called in process.

import { Agent, request } from 'node:http'

/** Pauses `ms` milliseconds. */
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * One POST with node:http through `agent`: the status, once the answer is read to its end.
 */
const postWith = (agent) => (target, body, timeoutMs) =>
  new Promise((resolve, reject) => {
    const sent = request(target, { method: 'POST', agent, timeout: timeoutMs, headers: { 'content-length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength) } }, (response) => {
      response.resume()
      response.once('end', () => resolve(response.statusCode ?? 0))
      response.once('error', reject)
    })
    sent.once('error', reject)
    sent.once('timeout', () => sent.destroy(new Error('timeout')))
    sent.end(body)
  })

/** The ways to post: fetch (undici, keep-alive by default), or node:http with or without keep-alive. */
const CLIENTS = {
  fetch: () => async (target, body, timeoutMs) => {
    const response = await fetch(target, { method: 'POST', body, signal: AbortSignal.timeout(timeoutMs) })
    await response.arrayBuffer()
    return response.status
  },
  'http keep-alive': () => postWith(new Agent({ keepAlive: true, maxSockets: 64 })),
  'http no keep-alive': () => postWith(new Agent({ keepAlive: false })),
}

/**
 * Posts every body through `concurrency` senders, each taking the next body in turn.
 * `targets()` gives the servers' base URLs now (a restarted server has a new port).
 * Returns, per body, its last status, how many attempts it took and the milliseconds of
 * its last attempt (the one answered 2xx), and the time the whole load took.
 */
export const sendAll = async ({ bodies, targets, secret, concurrency = 16, maxAttempts = 20, deadlineMs = 120_000, timeoutMs = 30_000, client = 'fetch' }) => {
  const post = CLIENTS[client]()
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const results = new Array(bodies.length)
  let next = 0
  let turn = 0
  const sendOne = async (index) => {
    const body = bodies[index]
    let attempts = 0
    let status = 0
    let ms = 0
    while (attempts < maxAttempts && performance.now() - started < deadlineMs) {
      attempts += 1
      const urls = targets()
      const base = urls[turn++ % urls.length]
      const start = performance.now()
      try {
        status = await post(`${base}/webhooks/octopush?token=${secret}`, body, timeoutMs)
      } catch {
        status = 0 // no answer: a server that went away, a connection reset
      }
      ms = performance.now() - start
      if (status >= 200 && status < 300) break
      await pause(Math.min(10 * attempts, 200))
    }
    results[index] = { status, attempts, ms }
  }
  const sender = async () => {
    while (next < bodies.length) await sendOne(next++)
  }
  await Promise.all(Array.from({ length: concurrency }, sender))
  // The generator's own CPU (user + system, ms): it shares the machine's cores with the servers.
  const cpu = process.cpuUsage(cpuBefore)
  return { results, seconds: (performance.now() - started) / 1000, cpuMs: (cpu.user + cpu.system) / 1000 }
}

// As a child process: one load per process.
if (process.send !== undefined && process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  let urls = []
  process.on('message', (message) => {
    if (message.urls !== undefined) urls = message.urls
    if (message.bodies !== undefined) {
      void sendAll({ ...message, targets: () => urls }).then((done) => {
        process.send({ done })
        process.disconnect()
      })
    }
  })
}
