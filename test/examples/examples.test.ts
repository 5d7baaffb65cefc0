import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import { STATUSES, parse } from 'deliverykit'
import type { EventStore } from '../../examples/route.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createApp } from '../../examples/express-server.js'
import { describeEvent, statusLabel } from '../../examples/exhaustive-switch.js'
import { createWebhookFetch } from '../../examples/webhook-handler.js'
import { payload } from '../helpers.js'
import { CASES, bodyOf, closeServer, contentType, memoryStore, payloadFiles, summary } from '../webhookRoutes.js'

const SECRET = 'example-secret-0123456789'


it('the route table covers every payload in examples/payloads', () => {
  expect(CASES.map((c) => c.file)).toEqual(payloadFiles())
  expect(CASES.filter((c) => c.form).length).toBeGreaterThan(0)
})

describe('examples/express-server.ts over real HTTP', () => {
  const { store, saved, suppressed, received, quarantined } = memoryStore()
  let server: Server
  let base = ''

  beforeAll(async () => {
    server = createApp(store, [SECRET]).listen(0, '127.0.0.1')
    await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject))
    base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`
  })
  afterAll(() => closeServer(server))

  const post = (route: string, body: string, type: string | undefined, query = `token=${SECRET}`): Promise<Response> =>
    fetch(`${base}${route}?${query}`, { method: 'POST', body: new TextEncoder().encode(body), headers: type === undefined ? {} : { 'content-type': type } })

  for (const c of CASES) {
    it(`stores the events of ${c.file} (${c.form ? 'form' : 'JSON'} to ${c.route})`, async () => {
      const before = [saved.length, suppressed.length, received.length] as const
      const response = await post(c.route, bodyOf(c), contentType(c.form))
      expect(response.status).toBe(204)
      expect(await response.text()).toBe('')
      expect(saved.slice(before[0]).map(summary)).toEqual(c.events)
      expect(suppressed.slice(before[1])).toEqual(c.suppressed ?? [])
      expect(received.slice(before[2])).toEqual(c.received ?? [])
    })
  }

  it('has quarantined nothing for the documented payloads, and suppressed only the opt-outs', () => {
    // None of the example payloads is a permanent failure (see the catalogs): the
    // suppressions are the STOPs', Messangi's an inbound STOP that the default keywords read as one.
    expect(suppressed).toEqual(CASES.flatMap((c) => c.suppressed ?? []))
    expect(suppressed.length).toBeGreaterThan(0)
    expect(quarantined).toEqual([])
  })

  it('answers 202 for a bad body and for an unknown code, keeping both bodies as received', async () => {
    const before = saved.length
    const bad = '{"status":"DELIVERED"}'
    expect((await post('/webhooks/octopush', bad, 'application/json')).status).toBe(202)
    const unknown = JSON.stringify({ id: 'wa-9', to: '+5588999999999', status: 'DELIVRD' })
    expect((await post('/webhooks/messangi/whatsapp', unknown, 'application/json')).status).toBe(202)
    expect(saved.length).toBe(before)
    expect(quarantined.map(([body, why]) => [body, why.split('\n')[0]])).toEqual([
      [bad, 'message_id: missing; expected string'],
      [unknown, expect.stringMatching(/^status: "DELIVRD" is not a Messangi WhatsApp status \(it is a status on SMS\)/)],
    ])
  })

  it('reads a body whatever its Content-Type, or none: a STOP is suppressed', async () => {
    const before = suppressed.length
    const stop = (number: string): string => JSON.stringify({ number, text: 'STOP', stop_date: '2020-11-04 11:11:45' })
    for (const [i, type] of [undefined, 'text/plain', 'application/vnd.x+json', 'application/octet-stream'].entries()) {
      expect((await post('/webhooks/octopush', stop(`+3361000000${String(i)}`), type)).status).toBe(204)
    }
    expect(suppressed.slice(before)).toEqual([0, 1, 2, 3].map((i) => ['sms', `+3361000000${String(i)}`, 'opted_out']))
  })

  it('answers 404 without the secret, and stores nothing', async () => {
    const before = [saved.length, suppressed.length]
    const stop = JSON.stringify({ number: '+33619999999', text: 'STOP', stop_date: '2020-11-04 11:11:45' })
    const response = await post('/webhooks/octopush', stop, 'application/json', 'token=wrong-secret-0123456789')
    expect([response.status, await response.text()]).toEqual([404, ''])
    expect([saved.length, suppressed.length]).toEqual(before)
  })

  it('answers 404 with the known routes for an unknown vendor or channel', async () => {
    for (const route of ['/webhooks/twilio', '/webhooks/messangi', '/webhooks/messangi/fax', '/webhooks/masstack/sms']) {
      const response = await post(route, '{}', 'application/json')
      expect(response.status, route).toBe(404)
      expect(await response.text()).toContain('/webhooks/messangi/whatsapp')
    }
  })
})

describe('examples/webhook-handler.ts with Web Requests', () => {
  const request = (route: string, body: string, type = 'application/json'): Request =>
    new Request(`https://example.com${route}?token=${SECRET}`, { method: 'POST', body, headers: { 'content-type': type } })
  const handleWebhook = (incoming: Request, store: EventStore): Promise<Response> => createWebhookFetch(store, [SECRET])(incoming)

  for (const c of CASES) {
    it(`stores the events of ${c.file}`, async () => {
      const { store, saved, suppressed, received } = memoryStore()
      const response = await handleWebhook(request(c.route, bodyOf(c), contentType(c.form)), store)
      expect(response.status).toBe(204)
      expect(saved.map(summary)).toEqual(c.events)
      expect(suppressed).toEqual(c.suppressed ?? [])
      expect(received).toEqual(c.received ?? [])
    })
  }

  it('suppresses recipients of permanent failures', async () => {
    const { store, suppressed } = memoryStore()
    const body = { ...payload('octopush/sms.json'), status: 'BLACKLISTED_NUMBER' }
    expect((await handleWebhook(request('/webhooks/octopush', JSON.stringify(body)), store)).status).toBe(204)
    expect(suppressed).toEqual([['sms', '+33600112233', 'opted_out']])
  })

  it('quarantines bad bodies with the reason and answers 202, as for an unknown code', async () => {
    const { store, quarantined, saved } = memoryStore()
    expect((await handleWebhook(request('/webhooks/octopush', 'not json'), store)).status).toBe(202)
    const unknown = JSON.stringify({ ...payload('octopush/sms.json'), status: 'NEW_CODE' })
    expect((await handleWebhook(request('/webhooks/octopush', unknown), store)).status).toBe(202)
    expect(saved).toEqual([])
    expect(quarantined.map(([body, why]) => [body, why.split('\n')[0]])).toEqual([
      ['not json', expect.stringMatching(/^\(root\): not valid JSON/)],
      [unknown, expect.stringMatching(/^status: "NEW_CODE" is not an Octopush status/)],
    ])
  })

  it('answers 405 to other methods and 404 to other paths', async () => {
    const { store } = memoryStore()
    expect((await handleWebhook(new Request(`https://example.com/webhooks/octopush?token=${SECRET}`), store)).status).toBe(405)
    expect((await handleWebhook(new Request('https://example.com/webhooks/octopush'), store)).status).toBe(404)
    expect((await handleWebhook(request('/hooks/octopush', '{}'), store)).status).toBe(404)
    expect((await handleWebhook(request('/webhooks/octopush/sms/extra', '{}'), store)).status).toBe(404)
  })
})

describe('examples/exhaustive-switch.ts', () => {
  it('describes each classification', () => {
    const events = parse('octopush', payload('octopush/email.json'))
    expect(events.map(describeEvent)).toEqual([
      'first.recipient@example.com: reached (read)',
      'second.recipient@example.com: failed (unconfirmed, spam, may retry)',
    ])
  })

  it('labels every status, each differently', () => {
    const labels = STATUSES.map(statusLabel)
    expect(new Set(labels).size).toBe(12)
    expect(statusLabel('unconfirmed')).toBe('Outcome unknown')
  })
})
