// Where the HTTP path's time goes (issue 23, item 4): not part of `npm run bench`. In one
// run, against the PostgreSQL server at DATABASE_URL: the plain batched INSERT of
// bench/http.mjs (the baseline), then the campaign over HTTP
//   - with every server stage timed (BENCH_PROFILE in httpServer.mjs), and each process's CPU;
//   - with each knob changed alone: 1, 2 or 3 server processes, a pool of 4, 8 or 16 per
//     process, the load generator's client (fetch, node:http with and without keep-alive);
//   - against the same handler with no database (`nodb`), and a bare node:http server that
//     reads the body and answers 204 (`noop`): the ceilings of this machine.
// With BENCH_CPU_PROF=1 it also writes a --cpu-prof of one server process and sums it.
// Run: npm run build && DATABASE_URL=… node bench/httpProfile.mjs. Writes bench/results/http-profile.json.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import pg from 'pg'

import { parseWebhook } from '../dist/index.js'
import { POSTGRES_SCHEMA } from '../dist/postgres.js'
import { checkHttpStored, runHttpLoad } from './httpRun.mjs'
import { BATCH_SCHEMA, WAYS, campaignRawBodies, storeAll } from './postgresCampaign.mjs'

const url = process.env['DATABASE_URL']
if (url === undefined || url === '') throw new Error('httpProfile.mjs: set DATABASE_URL')

const SECRET = 'bench-secret-0123456789abcdef'
const CONNECTIONS = 16
const TABLES = 'deliverykit_events, deliverykit_status, deliverykit_inbound, deliverykit_kept_bodies'

const raw = campaignRawBodies()
const texts = raw.map((body) => JSON.stringify(body))
const decoded = raw.map((body) => parseWebhook('octopush', body))
const events = decoded.reduce((n, list) => n + list.length, 0)

/**
 * CPU ticks (1/100 s) of the whole machine, and of each of PostgreSQL's processes (the
 * postmaster and its children) by pid: a run's PostgreSQL CPU is the growth of the
 * processes alive at its end (one that ended during the run is not counted).
 */
const ticks = (postmaster) => {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n')
  const fields = cpu.trim().split(/\s+/).slice(1).map(Number)
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields
  const postgres = new Map()
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // after[1] is the parent's pid, after[11] and after[12] utime and stime.
      if (pid === postmaster || after[1] === postmaster) postgres.set(pid, Number(after[11]) + Number(after[12]))
    } catch {
      // a process that ended meanwhile
    }
  }
  return { busy: user + system + irq + softirq + steal, nice, idle: idle + iowait, postgres }
}
const grown = (before, after) => [...after].reduce((sum, [pid, used]) => sum + used - (before.get(pid) ?? 0), 0)

const schema = `deliverykit_http_profile_${String(process.pid)}`
const admin = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` })
await admin.connect()
// The postmaster: BENCH_POSTMASTER_PID, else the one postgres process whose parent is init (none found: not counted).
const postmaster =
  process.env['BENCH_POSTMASTER_PID'] ??
  (readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .find((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
        return stat.includes('(postgres)') && stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] === '1'
      } catch {
        return false
      }
    }) ??
    '')
await admin.query(`CREATE SCHEMA ${schema}`)
const report = { node: process.version, date: new Date().toISOString(), bodies: texts.length, events, runs: [] }
try {
  await admin.query(POSTGRES_SCHEMA)
  await admin.query(BATCH_SCHEMA)
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: CONNECTIONS })
  const run = async (query) => (await pool.query(query)).rows
  // The baseline, measured again right before and after every HTTP run (the machine is
  // shared, and its load changes within minutes): each ratio is to the mean of the two.
  const plainOnce = async () => {
    await pool.query('TRUNCATE bench_batch')
    return storeAll(run, decoded, WAYS['plain batched INSERT'], CONNECTIONS)
  }
  await plainOnce() // warm-up
  report.plainBatchedInsertPerSecond = []

  const measure = async (label, { servers = 2, pool: size = 8, client = 'fetch', mode = 'postgres', profile = false, execArgv = [], check = false, dist }) => {
    const plainBefore = await plainOnce()
    await admin.query(`TRUNCATE ${TABLES}`)
    const before = ticks(postmaster)
    let after
    const env = { BENCH_MODE: mode, ...(profile && { BENCH_PROFILE: '1' }), ...(dist !== undefined && { BENCH_DIST: dist }) }
    const load = await runHttpLoad({ url, schema, secret: SECRET, admin, bodies: texts, servers, concurrency: CONNECTIONS, client, server: { pool: size, env, execArgv }, collectStats: true, beforeStop: async () => (after = ticks(postmaster)) })
    const plain = (plainBefore + (await plainOnce())) / 2
    report.plainBatchedInsertPerSecond.push(plain)
    const notOk = load.results.filter((result) => result.status < 200 || result.status >= 300).length
    const wrong = check ? await checkHttpStored(admin, decoded, []) : []
    const used = { busy: after.busy - before.busy, nice: after.nice - before.nice, idle: after.idle - before.idle, postgres: grown(before.postgres, after.postgres) }
    const wall = used.busy + used.nice + used.idle
    const serverCpuMs = load.stats.reduce((sum, stats) => sum + (stats.cpu.user + stats.cpu.system) / 1000, 0)
    const entry = {
      label,
      servers,
      pool: size,
      client,
      mode,
      seconds: load.seconds,
      eventsPerSecond: events / load.seconds,
      bodiesPerSecond: texts.length / load.seconds,
      plainBatchedInsertPerSecond: plain,
      ratioToPlainBatchedInsert: events / load.seconds / plain,
      notOk,
      wrong,
      // Shares of the machine's two cores over the run: each process group, the nice-15 rest (the mutation run), idle.
      cpu: {
        servers: serverCpuMs / 10 / wall,
        loadGenerator: load.cpuMs / 10 / wall,
        postgres: postmaster === '' ? undefined : used.postgres / wall,
        // Everything not niced: these processes and the CI run or other helpers' work.
        allNotNiced: used.busy / wall,
        niced: used.nice / wall,
        idle: used.idle / wall,
      },
      ...(profile && { stages: mergeStages(load.stats.map((stats) => stats.stages)) }),
    }
    report.runs.push(entry)
    console.log(`${label.padEnd(44)} ${Math.round(entry.eventsPerSecond).toString().padStart(6)} events/s  ${Math.round(entry.bodiesPerSecond).toString().padStart(5)} bodies/s  ÷ plain (${Math.round(plain)}/s) ${entry.ratioToPlainBatchedInsert.toFixed(3)}  cpu: servers ${pc(entry.cpu.servers)} load ${pc(entry.cpu.loadGenerator)} postgres ${entry.cpu.postgres === undefined ? '?' : pc(entry.cpu.postgres)} all not niced ${pc(entry.cpu.allNotNiced)} nice ${pc(entry.cpu.niced)} idle ${pc(entry.cpu.idle)}${notOk > 0 ? `  ${String(notOk)} NOT 2xx` : ''}${wrong.length > 0 ? `  WRONG ${wrong.join('; ')}` : ''}`)
    return entry
  }
  const pc = (share) => `${(share * 100).toFixed(0)}%`
  const mergeStages = (list) => {
    const merged = {}
    for (const stages of list) {
      for (const [kind, sums] of Object.entries(stages)) {
        merged[kind] ??= { requests: 0, ms: {} }
        merged[kind].requests += sums.requests
        for (const [stage, ms] of Object.entries(sums.ms)) merged[kind].ms[stage] = (merged[kind].ms[stage] ?? 0) + ms
      }
    }
    return merged
  }

  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 1)
  // BENCH_BEFORE: a folder holding another build (relative to bench/, e.g. ../.tmp/dist-before/): served in a run of its own, before and after the build in dist/.
  const before = process.env['BENCH_BEFORE']
  for (let round = 0; round < rounds && before !== undefined; round++) {
    await measure(`build in ${before}`, { dist: before })
    await measure('build in dist/', {})
    await measure(`build in ${before}, nodb`, { dist: before, mode: 'nodb' })
    await measure('build in dist/, nodb', { mode: 'nodb' })
  }
  for (let round = 0; round < rounds && process.env['BENCH_ONLY_BEFORE'] !== '1'; round++) {
    await measure('as bench/http.mjs: 2 servers, pool 8, fetch', { check: true })
    await measure('stages timed (BENCH_PROFILE)', { profile: true })
    await measure('1 server', { servers: 1 })
    await measure('3 servers', { servers: 3 })
    await measure('pool 4 per server', { pool: 4 })
    await measure('pool 16 per server', { pool: 16 })
    await measure('node:http, keep-alive', { client: 'http keep-alive' })
    await measure('node:http, no keep-alive', { client: 'http no keep-alive' })
    await measure('1 server, node:http keep-alive', { servers: 1, client: 'http keep-alive' })
    await measure('ceiling: handler, no database (nodb)', { mode: 'nodb' })
    await measure('ceiling: bare node:http, 204 (noop)', { mode: 'noop' })
  }
  for (const [kind, sums] of Object.entries(mergeStages(report.runs.filter((entry) => entry.stages !== undefined).map((entry) => entry.stages)))) {
    const total = Object.values(sums.ms).reduce((a, b) => a + b, 0)
    console.log(`stages, bodies of ${kind === 'one' ? 'one event' : 'many events'} (${String(sums.requests)}), mean ${(total / sums.requests).toFixed(2)} ms in the server: ${Object.entries(sums.ms).map(([stage, ms]) => `${stage} ${(ms / sums.requests).toFixed(2)} ms (${pc(ms / total)})`).join(', ')}`)
  }

  if (process.env['BENCH_CPU_PROF'] === '1') {
    const dir = mkdtempSync(join(tmpdir(), 'deliverykit-cpuprof-'))
    await measure('--cpu-prof on both servers', { execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`] })
    report.cpuProfile = summarizeProfiles(dir)
    console.log(`--cpu-prof of the servers (${dir}): ${Object.entries(report.cpuProfile.byPart).map(([part, share]) => `${part} ${pc(share)}`).join(', ')}`)
    console.log(`  top functions by self time: ${report.cpuProfile.top.map(([name, share]) => `${name} ${pc(share)}`).join(', ')}`)
  }
  await pool.end()
} finally {
  await admin.query(`DROP SCHEMA ${schema} CASCADE`)
  await admin.end()
}

/** Self time of every profile in `dir`, by part of the program and by function. */
function summarizeProfiles(dir) {
  const byPart = {}
  const byFunction = {}
  let total = 0
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'))
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
    profile.samples.forEach((id, i) => {
      const { functionName, url: source, lineNumber } = nodes.get(id).callFrame
      const ms = (profile.timeDeltas[i] ?? 0) / 1000
      const part =
        functionName === '(idle)' ? 'idle'
        : functionName === '(garbage collector)' ? 'garbage collector'
        : functionName === '(program)' ? 'program (native, unattributed)'
        : source.includes('/node_modules/pg') ? 'pg driver'
        : source.includes('/dist/') ? 'deliverykit'
        : /node:(internal\/)?(_?http|net|stream|internal\/streams)/.test(source) || source.includes('http') ? 'node http and streams'
        : source.startsWith('node:') ? 'other node internals'
        : source === '' ? 'native'
        : 'bench server'
      byPart[part] = (byPart[part] ?? 0) + ms
      const name = `${functionName || '(anonymous)'} ${source.split('/').pop()}:${String(lineNumber + 1)}`
      byFunction[name] = (byFunction[name] ?? 0) + ms
      total += ms
    })
  }
  const busy = total - (byPart['idle'] ?? 0)
  return {
    busyMs: busy,
    byPart: Object.fromEntries(Object.entries(byPart).filter(([part]) => part !== 'idle').sort((a, b) => b[1] - a[1]).map(([part, ms]) => [part, ms / busy])),
    top: Object.entries(byFunction).filter(([name]) => !name.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 15).map(([name, ms]) => [name, ms / busy]),
  }
}

mkdirSync(new URL('results/', import.meta.url), { recursive: true })
writeFileSync(new URL('results/http-profile.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`)
console.log('written to bench/results/http-profile.json')
