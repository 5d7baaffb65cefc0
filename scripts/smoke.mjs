// Smoke test of the packed tarball, as a user installs it: `npm pack`, install it with
// io-ts and fp-ts into a clean consumer, then import every entry point from Node ESM,
// require it from CommonJS, type-check both under NodeNext with skipLibCheck off, and run
// the bin. It catches what tsc, publint and attw do not: a deep fp-ts/io-ts import that
// crashes under Node ESM, a file missing from the package, a broken bin.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, posix, resolve } from 'node:path'

import { rmSync } from 'node:fs'

import { VENDORS } from './vendorNames.mjs'

const root = resolve(import.meta.dirname, '..')
const work = join(root, '.tmp', 'smoke')
const consumer = join(work, 'consumer')
rmSync(work, { recursive: true, force: true })
mkdirSync(consumer, { recursive: true })

const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

const packed = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', work], root))
const tarball = join(work, packed[0].filename)
const shipped = packed[0].files.map((file) => file.path).sort()
console.log(`packed ${packed[0].filename}: ${String(shipped.length)} files`)
const ENTRIES = ['index', ...VENDORS, 'postgres', 'handler']
const DIST = ENTRIES.flatMap((entry) => ['js', 'cjs', 'd.ts', 'd.cts'].map((extension) => `dist/${entry}.${extension}`))
for (const required of [...DIST, 'dist/cli.js', ...VENDORS.map((vendor) => `dist/json-schema/${vendor}.json`), 'LICENSE', 'README.md', 'CHANGELOG.md']) {
  if (!shipped.includes(required)) throw new Error(`the package lacks ${required}`)
}
// The guides, the API reference and the examples the README links ship; the sources,
// tests, scripts, the contributor guide, the generated API site and the playground build do not.
for (const required of ['docs/getting-started.md', 'docs/api.md', 'docs/vendors/octopush.md', 'examples/route.ts', 'examples/payloads/octopush/sms.json']) {
  if (!shipped.includes(required)) throw new Error(`the package lacks ${required}`)
}
const strays = shipped.filter((file) => /^(src|test|scripts|bench|docs\/api|docs\/playground)\//.test(file) || file === 'examples/tsconfig.json' || file === 'CONTRIBUTING.md')
if (strays.length > 0) throw new Error(`the package ships files users do not need: ${strays.join(', ')}`)

// Every relative link of the shipped Markdown (the README, the guides) resolves inside the
// tarball: to a shipped file, or to a folder holding some. Links in code are not links.
const isShipped = (path) => shipped.includes(path) || shipped.some((file) => file.startsWith(`${path.replace(/\/$/, '')}/`))
const broken = shipped
  .filter((file) => file.endsWith('.md'))
  .flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8').replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '')
    const targets = [...text.matchAll(/\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g), ...text.matchAll(/^\[[^\]]+\]:\s+<?(\S+?)>?$/gm)].map((match) => match[1])
    return targets
      .filter((target) => !/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(target))
      .map((target) => ({ file, target, path: posix.normalize(posix.join(posix.dirname(file), decodeURI(target.replace(/[?#].*$/, '')))) }))
      .filter(({ path }) => path.startsWith('..') || !isShipped(path))
  })
if (broken.length > 0) throw new Error(`links that do not resolve inside the package:\n${broken.map(({ file, target }) => `  ${file}: ${target}`).join('\n')}`)
const linked = shipped.filter((file) => file.endsWith('.md')).length
console.log(`links ok: every relative link of the ${String(linked)} shipped Markdown files resolves inside the package`)

const devVersion = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version
writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, `io-ts@${devVersion('io-ts')}`, `fp-ts@${devVersion('fp-ts')}`], consumer)

const body = readFileSync(join(root, 'examples/payloads/octopush/sms.json'), 'utf8')
writeFileSync(join(consumer, 'body.json'), body)
// The JSON Schemas as kept next to the codecs, for the consumer to compare the shipped ones with.
writeFileSync(join(consumer, 'schemas.json'), JSON.stringify(Object.fromEntries(VENDORS.map((vendor) => [vendor, JSON.parse(readFileSync(join(root, `src/vendors/${vendor}/callbacks.schema.json`), 'utf8'))]))))
writeFileSync(join(consumer, 'messangi.json'), readFileSync(join(root, 'examples/payloads/messangi/whatsapp/callback.json'), 'utf8'))

writeFileSync(
  join(consumer, 'esm.mjs'),
  `import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { normalize, safeParse, formatError, webhookSchema, octopush as fromRoot, messangi as messangiFromRoot } from 'deliverykit'
import * as octopush from 'deliverykit/octopush'
import * as messangi from 'deliverykit/messangi'
import * as masstack from 'deliverykit/masstack'
import * as postgres from 'deliverykit/postgres'
import { createMemoryStore, createWebhookHandler, WEBHOOK_STATUS } from 'deliverykit/handler'
import octopushSchema from 'deliverykit/json-schema/octopush.json' with { type: 'json' }
import messangiSchema from 'deliverykit/json-schema/messangi.json' with { type: 'json' }
import masstackSchema from 'deliverykit/json-schema/masstack.json' with { type: 'json' }
const body = JSON.parse(readFileSync('body.json', 'utf8'))
const result = normalize('octopush', body)
assert.equal(result._tag, 'Right')
assert.equal(result.right[0].occurredAt, '2025-01-22T11:46:06+01:00')
assert.deepEqual(octopush.normalize(body), result)
assert.equal(fromRoot.OCTOPUSH_CATALOG.HARD_BOUNCE.status, 'undeliverable')
const polled = { commit: 'v2.10.1', data: [{ id: 'c-1', status: 'DELIVERED', terminatingNumber: '666123123' }] }
assert.deepEqual(masstack.normalize(polled), normalize('masstack', polled))
assert.equal(normalize('masstack', polled).right[0].recipient, '666123123')
const bad = safeParse('octopush', { ...body, status: 'BOUNCY' })
assert.match(formatError(bad.error), /^status: "BOUNCY" is not an Octopush status/)
const wa = JSON.parse(readFileSync('messangi.json', 'utf8'))
assert.equal(normalize('messangi', wa, { channel: 'whatsapp' }).right[0].status, 'read')
assert.deepEqual(messangi.normalize(wa, { channel: 'whatsapp' }), normalize('messangi', wa, { channel: 'whatsapp' }))
assert.deepEqual(messangiFromRoot.MESSANGI_CATALOGS, messangi.MESSANGI_CATALOGS)
assert.equal(messangi.MESSANGI_SMS_CATALOG.DELIVRD.status, 'delivered')
// deliverykit/postgres needs no driver: the consumer has none installed.
const recorded = postgres.recordEvent(result.right[0])
assert.match(recorded.text, /INSERT INTO deliverykit_status/)
assert.equal(recorded.values[0], result.right[0].eventId)
assert.equal(JSON.parse(recorded.values[11]).eventId, result.right[0].eventId)
assert.match(postgres.POSTGRES_SCHEMA, /CREATE TABLE IF NOT EXISTS deliverykit_events/)
assert.deepEqual(postgres.currentStatus('octopush', 'm\\u0000', 'r').values, ['octopush', 'm\\uFFFD0', 'r'])
// The JSON Schemas, exactly as kept next to the codecs.
const kept = JSON.parse(readFileSync('schemas.json', 'utf8'))
assert.deepEqual([octopushSchema, messangiSchema, masstackSchema], [kept.octopush, kept.messangi, kept.masstack])
// The Standard Schema, as a framework calls it.
const stop = webhookSchema('octopush')['~standard'].validate({ number: '+33600000000', text: 'STOP', stop_date: '2020-11-04 11:11:45' })
assert.equal(stop.value[0].kind, 'opt_out')
// The webhook handler: one body, with no Content-Type, through a Web Request; and the secret checked.
const store = createMemoryStore()
const webhook = createWebhookHandler({ vendor: 'octopush', store, secrets: ['smoke-test-secret-0123'] })
const url = 'https://example.com/webhooks/octopush?token=smoke-test-secret-0123'
const answer = await webhook.fetch(new Request(url, { method: 'POST', body: new TextEncoder().encode(readFileSync('body.json', 'utf8')) }))
assert.equal(answer.status, WEBHOOK_STATUS.stored)
assert.deepEqual(store.events(), result.right)
assert.equal((await webhook.fetch(new Request(url.replace('0123', '0124'), { method: 'POST', body: '{}' }))).status, 404)
console.log('ESM ok')
`,
)
writeFileSync(
  join(consumer, 'cjs.cjs'),
  `const assert = require('node:assert/strict')
const { normalize, parse, isDeliveryKitError } = require('deliverykit')
const octopush = require('deliverykit/octopush')
const messangi = require('deliverykit/messangi')
const masstack = require('deliverykit/masstack')
const postgres = require('deliverykit/postgres')
const handler = require('deliverykit/handler')
const body = require('./body.json')
assert.equal(masstack.MASSTACK_SMS_CATALOG.FAILED.status, 'unconfirmed')
assert.equal(masstack.parse({ id: 'c-1', status: 'OPEN', destinationEmail: 'a@example.com' })[0].status, 'read')
assert.equal(normalize('octopush', body).right[0].status, 'delivered')
assert.deepEqual(octopush.parse(body), parse('octopush', body))
assert.throws(() => parse('octopush', {}), (error) => isDeliveryKitError(error) && error.error.kind === 'invalid_body')
// parse from one entry point, recognised by the other: no instanceof across CJS copies.
assert.throws(() => octopush.parse({}), (error) => isDeliveryKitError(error))
assert.deepEqual(messangi.parse(require('./messangi.json'), { channel: 'whatsapp' }), parse('messangi', require('./messangi.json'), { channel: 'whatsapp' }))
assert.throws(() => messangi.parseLegacy({}), (error) => isDeliveryKitError(error))
assert.equal(postgres.recordEvent(parse('octopush', body)[0]).values[5], 'delivered')
assert.equal(postgres.postgresText('a\\u0000'), 'a\\uFFFD0')
for (const [vendor, schema] of Object.entries(require('./schemas.json'))) assert.deepEqual(require('deliverykit/json-schema/' + vendor + '.json'), schema)
assert.deepEqual(messangi.webhookSchema({ channel: 'sms' })['~standard'].validate({ user: '+5588999999999', text: 'STOP' }).value[0].text, 'STOP')
// The webhook handler through its Node adapter, with a request and a response as Node gives them.
const store = handler.createMemoryStore()
const webhook = handler.createWebhookHandler({ vendor: 'octopush', store, secrets: ['smoke-test-secret-0123'] })
const bytes = require('node:fs').readFileSync('body.json')
const response = { statusCode: 0, headers: {}, setHeader(name, value) { this.headers[name] = value }, end() { this.ended = true } }
const request = { method: 'POST', url: '/webhooks/octopush?token=smoke-test-secret-0123', headers: { 'content-type': 'text/plain' }, async *[Symbol.asyncIterator]() { yield bytes } }
webhook.node(request, response).then(() => {
  assert.equal(response.statusCode, 204)
  assert.equal(response.ended, true)
  assert.deepEqual(store.events(), normalize('octopush', body).right)
  console.log('CJS ok')
})
`,
)
// Every vendor of the list: its entry in both module systems, the root's namespace of it, and its JSON Schema.
writeFileSync(
  join(consumer, 'each.mjs'),
  `import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import * as root from 'deliverykit'
const require = createRequire(import.meta.url)
for (const vendor of ${JSON.stringify(VENDORS)}) {
  const entry = await import('deliverykit/' + vendor)
  assert.equal(typeof entry.normalize, 'function', vendor)
  assert.equal(root[vendor].normalize, entry.normalize, vendor)
  assert.equal(typeof require('deliverykit/' + vendor).normalize, 'function', vendor)
  assert.equal(require('deliverykit/json-schema/' + vendor + '.json').$schema, 'https://json-schema.org/draft/2020-12/schema', vendor)
}
assert.deepEqual([...root.VENDORS], ${JSON.stringify(VENDORS)})
console.log('every vendor ok: ' + root.VENDORS.join(', '))
`,
)
console.log(run(process.execPath, ['each.mjs'], consumer).trim())
console.log(run(process.execPath, ['esm.mjs'], consumer).trim())
console.log(run(process.execPath, ['cjs.cjs'], consumer).trim())

// Types, as a NodeNext user sees them, in both module systems, with library checks on.
writeFileSync(
  join(consumer, 'types.mts'),
  `import { normalize, type DeliveryEvent } from 'deliverykit'
import { OCTOPUSH_CATALOG, type OctopushOptions } from 'deliverykit/octopush'
import { MASSTACK_EMAIL_CATALOG, type MasstackOptions } from 'deliverykit/masstack'
export const masstackOptions: MasstackOptions = { timeZone: 'Europe/Madrid' }
export const rejected: string = MASSTACK_EMAIL_CATALOG.REJECTED.status
const options: OctopushOptions = { timeZone: 'UTC' }
export const events: ReadonlyArray<DeliveryEvent> | undefined = (() => { const r = normalize('octopush', {}, { timeZone: options.timeZone ?? 'UTC' }); return r._tag === 'Right' ? r.right : undefined })()
export const status: string = OCTOPUSH_CATALOG.ACK.status
import { MESSANGI_RCS_CATALOG, type MessangiOptions } from 'deliverykit/messangi'
const messangiOptions: MessangiOptions = { channel: 'rcs' }
export const rcs = normalize('messangi', {}, messangiOptions)
export const fallback: string = MESSANGI_RCS_CATALOG.FALLBACK.status
import { currentStatus, type CurrentStatusRow, type PostgresQuery } from 'deliverykit/postgres'
export const query: PostgresQuery = currentStatus('octopush', 'm', 'r')
export const row = (r: CurrentStatusRow): string => r.event.status
import { webhookSchema, type StandardSchemaV1, type WebhookEvent } from 'deliverykit'
export const schema: StandardSchemaV1<unknown, ReadonlyArray<WebhookEvent>> = webhookSchema('octopush')
import octopushJsonSchema from 'deliverykit/json-schema/octopush.json' with { type: 'json' }
export const schemaId: string = octopushJsonSchema.$id
import { createMemoryStore, createWebhookHandler, type WebhookHandler } from 'deliverykit/handler'
export const webhook: WebhookHandler = createWebhookHandler({ vendor: 'messangi', options: { channel: 'sms' }, store: createMemoryStore(), secrets: ['smoke-test-secret-0123'] })
`,
)
writeFileSync(
  join(consumer, 'types.cts'),
  `import { parse, type FailureEvent } from 'deliverykit'
import octopush = require('deliverykit/octopush')
import masstack = require('deliverykit/masstack')
export const masstackZone: string = masstack.MASSTACK_DEFAULT_TIME_ZONE
export const failures: ReadonlyArray<FailureEvent> = parse('octopush', {}).filter((e): e is FailureEvent => e.classification === 'failure')
export const zone: string = octopush.OCTOPUSH_DEFAULT_TIME_ZONE
import messangi = require('deliverykit/messangi')
export const legacy: ReadonlyArray<FailureEvent> = messangi.parseLegacy({}).filter((e): e is FailureEvent => e.classification === 'failure')
import postgres = require('deliverykit/postgres')
export const recorded: postgres.PostgresQuery = postgres.recordEvent(failures[0]!)
import handler = require('deliverykit/handler')
export const status: number = handler.WEBHOOK_STATUS.kept_refused
`,
)
writeFileSync(
  join(consumer, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, skipLibCheck: false, noEmit: true, resolveJsonModule: true, types: [] },
    files: ['types.mts', 'types.cts'],
  }),
)
run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], consumer)
console.log('types ok (NodeNext, ESM and CJS, skipLibCheck off)')

const version = run(join(consumer, 'node_modules/.bin/deliverykit'), ['--version'], consumer).trim()
if (version !== JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) throw new Error(`bin printed ${version}`)
const events = JSON.parse(run(join(consumer, 'node_modules/.bin/deliverykit'), ['normalize', '--vendor', 'octopush', 'body.json'], consumer))
if (events[0]?.status !== 'delivered') throw new Error('bin did not normalize body.json')
const waEvents = JSON.parse(run(join(consumer, 'node_modules/.bin/deliverykit'), ['normalize', '--vendor', 'messangi', '--channel', 'whatsapp', 'messangi.json'], consumer))
if (waEvents[0]?.status !== 'read') throw new Error('bin did not normalize messangi.json')
console.log('bin ok')

// `deliverykit send` posts the example bodies the package ships to a local endpoint, which
// this script starts on loopback, on a port the system picks, and closes after.
{
  const { createServer } = await import('node:http')
  const { execFile } = await import('node:child_process')
  const received = []
  const server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8').on('data', (text) => (body += text))
    request.on('end', () => {
      received.push({ type: request.headers['content-type'], body })
      response.writeHead(200).end('ok')
    })
  })
  await new Promise((done) => server.listen(0, '127.0.0.1', done))
  const url = `http://127.0.0.1:${String(server.address().port)}/webhooks/octopush`
  const send = (args) =>
    new Promise((done, fail) => {
      execFile(join(consumer, 'node_modules/.bin/deliverykit'), ['send', '--vendor', 'octopush', '--url', url, '--timeout', '5', ...args], { cwd: consumer, encoding: 'utf8', timeout: 60_000 }, (error, stdout) => (error ? fail(error) : done(stdout)))
    })
  try {
    const lines = (await send([])).trim().split('\n')
    const examples = join(consumer, 'node_modules/deliverykit/examples/payloads/octopush')
    const shippedBodies = shipped.filter((path) => /^examples\/payloads\/octopush\/[^/]+\.json$/.test(path))
    if (lines.length !== shippedBodies.length || !lines.every((line) => line.endsWith(' (json): 200 OK'))) throw new Error(`send printed:\n${lines.join('\n')}`)
    const expected = shippedBodies.map((path) => readFileSync(join(consumer, 'node_modules/deliverykit', path), 'utf8'))
    if (JSON.stringify(received.map((request) => request.body)) !== JSON.stringify(expected)) throw new Error(`the endpoint did not receive the bodies of ${examples}`)
    await send(['--form', 'body.json'])
    const form = received.at(-1)
    if (form?.type !== 'application/x-www-form-urlencoded' || new URLSearchParams(form.body).get('status') !== 'DELIVERED') throw new Error(`send --form posted ${JSON.stringify(form)}`)
  } finally {
    server.closeAllConnections()
    await new Promise((done) => server.close(done))
  }
  console.log(`send ok (${String(received.length)} bodies posted to a local endpoint)`)
}

// Every example of --help runs as shown in the consumer, with the bodies the package ships.
if (process.platform !== 'win32') {
  const bin = join(consumer, 'node_modules/.bin')
  const help = run(join(bin, 'deliverykit'), ['--help'], consumer)
  const examples = help.slice(help.indexOf('\nExamples')).split('\n').slice(2).map((line) => line.trim()).filter((line) => line !== '')
  if (examples.length < 6) throw new Error(`--help lists ${String(examples.length)} examples`)
  for (const example of examples) {
    const output = execFileSync('sh', ['-c', example], { cwd: consumer, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` } })
    if (output.length === 0) throw new Error(`the --help example printed nothing: ${example}`)
  }
  console.log(`--help examples ok (${String(examples.length)})`)
}
rmSync(work, { recursive: true, force: true })
