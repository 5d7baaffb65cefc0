/**
 * End-to-end test of the playground (docs/playground) in headless Chromium: builds the
 * bundle from the built dist/index.js, serves the page from a loopback static server,
 * pastes bodies and reads the rendered table and error text; then loads the built library
 * into the same page and checks that bodies as bytes (an ArrayBuffer from
 * `Request.arrayBuffer()`, a DataView, a view at an offset) and a form with an empty list
 * give the events Node gives. Needs Debian's chromium at
 * /usr/bin/chromium (.ci/run installs it); without it the test is skipped locally and
 * fails under CI=true.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize as normalizePath, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

import { normalizeWebhook } from 'deliverykit'
import { build } from 'esbuild'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PLAYGROUND_DIR, buildPlayground } from '../../scripts/playground.mjs'
import { jsonToForm } from '../../src/cli/form.js'
import { asForm, payloadText } from '../webhookRoutes.js'

const CHROMIUM = '/usr/bin/chromium'
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const available = existsSync(CHROMIUM)
const onCi = process.env['CI'] === 'true'
const SCREENSHOT_DIR = new URL('../../.tmp/', import.meta.url)

if (!available) {
  if (onCi) {
    it('playground e2e: /usr/bin/chromium must exist under CI=true (.ci/run installs it)', () => {
      expect.fail(`${CHROMIUM} is missing: run apt-get update && apt-get install -y chromium`)
    })
  } else {
    it.skip(`playground e2e: skipped, ${CHROMIUM} is absent (apt-get install -y chromium to run it; under CI=true this fails)`, () => undefined)
  }
}

const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' }

/** Serves docs/playground read-only; nothing outside it. */
const serveStatic = (root: string): Server =>
  createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    const file = normalizePath(join(root, path === '/' ? 'index.html' : path))
    if (!file.startsWith(root + sep) || !existsSync(file)) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file))
  })

type Row = ReadonlyArray<string>

describe.runIf(available)('docs/playground in headless Chromium', () => {
  let server: Server
  let browser: Browser
  let page: Page
  const pageErrors: Array<string> = []

  beforeAll(async () => {
    await buildPlayground()
    server = serveStatic(PLAYGROUND_DIR)
    server.listen(0, '127.0.0.1')
    await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject))
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text())
    })
    // Everything the page needs comes from the loopback server: refuse anything else.
    await page.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort())
    await page.goto(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`)
    await page.waitForSelector('body[data-ready="true"]')
  }, 60_000)

  afterAll(async () => {
    await browser.close()
    await new Promise<void>((resolve) => server.close(() => { resolve() }))
  })

  const rows = async (): Promise<ReadonlyArray<Row>> =>
    Promise.all((await page.locator('#events tbody tr').all()).map((tr) => tr.locator('td').allTextContents()))

  /** Kind, recipient or sender, channel, vendor code, status or text, classification, failure: the columns checked here. */
  const shown = async (): Promise<ReadonlyArray<Row>> => (await rows()).map((row) => row.slice(0, 7))

  const choose = async (vendor: string, channel: string, body: string): Promise<void> => {
    await page.selectOption('#vendor', vendor)
    await page.selectOption('#channel', channel)
    await page.fill('#body', body)
  }

  it('opens on the first Octopush example, rendered by the library in the page', async () => {
    expect(await page.textContent('#summary')).toBe('1 event')
    expect(await rows()).toEqual([['delivery', '+33600112233', 'SMS', 'DELIVERED', 'delivered', 'final', '', '2025-01-22T11:46:06+01:00', 'Message successfully delivered']])
    expect(await page.isHidden('#error')).toBe(true)
  })

  it('shows an Octopush e-mail body as one row per delivery', async () => {
    await choose('octopush', '', payloadText('octopush/email.json'))
    expect(await page.textContent('#summary')).toBe('2 events')
    expect(await shown()).toEqual([
      ['delivery', 'first.recipient@example.com', 'e-mail', 'OPENED', 'read', 'final', ''],
      ['delivery', 'second.recipient@example.com', 'e-mail', 'SPAM_PRESUMPTION', 'unconfirmed', 'failure', 'spam, temporary'],
    ])
  })

  it('shows a STOP and a reply as events, not errors, JSON or form', async () => {
    await choose('octopush', '', payloadText('octopush/stop.json'))
    expect(await page.textContent('#summary')).toBe('1 event')
    expect(await rows()).toEqual([['opt-out', '+33600000000', 'SMS', '', 'stop', '', '', '2020-11-04T11:11:45+01:00', 'The person asked to receive nothing more: suppress them.']])
    expect(await page.isHidden('#error')).toBe(true)

    await choose('octopush', '', asForm(payloadText('octopush/inbound.json')))
    expect(await shown()).toEqual([['inbound', '+44600000000', 'SMS', '', 'some reply', '', '']])

    await page.selectOption('#vendor', 'messangi')
    // Messangi forwards a STOP as an inbound message; the default optOutKeywords make it an opt-out.
    await page.selectOption('#example', { label: 'inbound (MO) message: STOP' })
    expect((await shown()).map((row) => [row[0], row[2]])).toEqual([['opt-out', 'SMS']])
  })

  it('needs the Messangi channel, and reads a legacy form that names its own', async () => {
    await choose('messangi', 'whatsapp', payloadText('messangi/whatsapp/callback.json'))
    expect(await shown()).toEqual([['delivery', '+5588999999999', 'WhatsApp', 'READ', 'read', 'final', '']])
    // Messangi's time keeps its offset, to the millisecond.
    expect((await rows())[0]?.[7]).toBe('2024-03-10T15:04:05.123-03:00')

    await choose('messangi', '', asForm(payloadText('messangi/legacy-email.json')))
    expect(await shown()).toEqual([['delivery', 'someone@example.com', 'e-mail', 'BOUNCED', 'undeliverable', 'failure', 'unknown, temporary']])

    // A status callback without its channel: the error names the option.
    await choose('messangi', '', payloadText('messangi/whatsapp/callback.json'))
    expect(await page.textContent('#summary')).toBe('Rejected (invalid_options): 1 issue')
    expect(await page.textContent('#error')).toMatch(/^options\.channel: expected one of sms, email, push, rcs, whatsapp /)
  })

  it('picks a Masstack example from the menu', async () => {
    await page.selectOption('#vendor', 'masstack')
    await page.selectOption('#example', { label: 'envelope with a list' })
    expect(await page.textContent('#summary')).toBe('3 events')
    expect(await shown()).toEqual([
      ['delivery', '666123123', 'SMS', 'DELIVERED', 'delivered', 'final', ''],
      ['delivery', 'customer@example.com', 'e-mail', 'OPEN', 'read', 'final', ''],
      ['delivery', 'full.mailbox@example.com', 'e-mail', 'REJECTED', 'undeliverable', 'failure', 'mailbox, temporary'],
    ])
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: new URL('playground.png', SCREENSHOT_DIR).pathname, fullPage: true })
  })

  it('shows the error text for bad bodies and hides the table', async () => {
    await choose('octopush', '', '{"status": "DELIVERED", "number": 33600000000}')
    expect(await page.textContent('#summary')).toBe('Rejected (invalid_body): 2 issues')
    expect(await page.isHidden('#events')).toBe(true)
    expect((await page.textContent('#error'))?.split('\n')).toEqual([
      'message_id: missing; expected string',
      'number: expected string, received 33600000000',
    ])

    await page.fill('#body', 'not json')
    expect(await page.textContent('#error')).toMatch(/^\(root\): not valid JSON/)

    await choose('messangi', 'whatsapp', JSON.stringify({ id: 'wa-1', to: '+5588999999999', status: 'DELIVRD' }))
    expect(await page.textContent('#summary')).toBe('Rejected (unknown_status): 1 issue')
    expect(await page.textContent('#error')).toMatch(/^status: "DELIVRD" is not a Messangi WhatsApp status \(it is a status on SMS\); expected one of /)
    await page.screenshot({ path: new URL('playground-error.png', SCREENSHOT_DIR).pathname, fullPage: true })

    // Opting in keeps the code as an event of its own classification.
    await page.check('#keep-unknown')
    expect(await shown()).toEqual([['delivery', '+5588999999999', 'WhatsApp', 'DELIVRD', 'unknown', 'unknown', '']])
    await page.uncheck('#keep-unknown')
  })

  it('reads a body from Request.arrayBuffer(), a DataView, a view at an offset and a form with an empty list as Node does, and refuses a detached buffer', async () => {
    // The built library alone, as a page script: the playground's bundle does not expose it.
    const bundled = await build({ absWorkingDir: ROOT, entryPoints: ['dist/index.js'], bundle: true, format: 'iife', globalName: 'deliverykitUnderTest', platform: 'browser', target: ['es2022'], write: false, logLevel: 'warning' })
    await page.addScriptTag({ content: bundled.outputFiles[0]?.text ?? '' })
    const sms = payloadText('octopush/sms.json')
    const emailForm = jsonToForm(payloadText('octopush/email.json'))
    if ('error' in emailForm) throw new Error(emailForm.error)
    const inBrowser = await page.evaluate(async ({ sms, form }) => {
      interface Library { readonly normalizeWebhook: (vendor: string, body: unknown, options?: object) => unknown }
      const library = (globalThis as unknown as { readonly deliverykitUnderTest: Library }).deliverykitUnderTest
      const run = (body: unknown, options?: object): string => JSON.stringify(library.normalizeWebhook('octopush', body, options))
      const fromRequest = await new Request('http://127.0.0.1/', { method: 'POST', body: sms }).arrayBuffer()
      const bytes = new TextEncoder().encode(sms)
      const larger = new Uint8Array(bytes.byteLength + 10).fill(0x7b)
      larger.set(bytes, 5)
      const detached = await new Response(sms).arrayBuffer()
      structuredClone(detached, { transfer: [detached] })
      return {
        sms: [run(sms), run(fromRequest), run(bytes), run(new DataView(bytes.buffer)), run(new Uint8Array(larger.buffer, 5, bytes.byteLength)), run(new DataView(larger.buffer, 5, bytes.byteLength))],
        form: [run(form), run(await new Request('http://127.0.0.1/', { method: 'POST', body: form }).arrayBuffer())],
        tooLarge: run(fromRequest, { maxBodySize: bytes.byteLength - 1 }),
        detached: run(detached),
        sharedArrayBuffer: typeof SharedArrayBuffer,
      }
    }, { sms, form: emailForm.form })
    const node = (body: unknown, options?: object): string => JSON.stringify(normalizeWebhook('octopush', body, options as undefined))
    const smsEvents = node(sms)
    expect(inBrowser.sms).toEqual(inBrowser.sms.map(() => smsEvents))
    // The form's e-mail recipient with no history is an empty field: the events are the JSON body's, raw aside.
    expect(inBrowser.form).toEqual([node(emailForm.form), node(emailForm.form)])
    expect(JSON.parse(node(emailForm.form), (key, value: unknown) => (key === 'raw' ? undefined : value))).toEqual(JSON.parse(node(payloadText('octopush/email.json')), (key, value: unknown) => (key === 'raw' ? undefined : value)))
    expect(JSON.parse(inBrowser.tooLarge)).toMatchObject({ left: { kind: 'invalid_body', issues: [{ code: 'too_large', size: new TextEncoder().encode(sms).byteLength }] } })
    expect(JSON.parse(inBrowser.detached)).toMatchObject({ left: { kind: 'invalid_body', issues: [{ message: '(root): expected bytes, received a detached ArrayBuffer (its bytes were transferred)' }] } })
    // A page that is not cross-origin isolated has no SharedArrayBuffer: shared bytes are tested in Node only.
    expect(inBrowser.sharedArrayBuffer).toBe('undefined')
  })

  it('logged no error in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
