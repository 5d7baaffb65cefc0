import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createHonoApp } from '../../examples/hono-server.js'
import { payload } from '../helpers.js'
import { CASES, bodyOf, closeServer, contentType, memoryStore, summary } from '../webhookRoutes.js'

// examples/hono-server.ts validates with webhookSchema through @hono/standard-validator,
// served by @hono/node-server on loopback and called with real HTTP requests.


describe('examples/hono-server.ts over real HTTP', () => {
  const { store, saved, suppressed, received, quarantined } = memoryStore()
  let server: Server
  let base = ''

  beforeAll(async () => {
    // overrideGlobalObjects: false leaves Node's own Request and Response in place.
    server = serve({ fetch: createHonoApp(store).fetch, port: 0, hostname: '127.0.0.1', overrideGlobalObjects: false }) as Server
    await new Promise<void>((resolve, reject) => {
      if (server.listening) resolve()
      else server.once('listening', resolve).once('error', reject)
    })
    base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`
  })
  afterAll(() => closeServer(server))

  const post = (route: string, body: string, type: string): Promise<Response> => fetch(`${base}${route}`, { method: 'POST', body, headers: { 'content-type': type } })

  /** The events, suppressions and inbound messages one request added. */
  const added = async (request: () => Promise<Response>) => {
    const before = [saved.length, suppressed.length, received.length, quarantined.length] as const
    const response = await request()
    return {
      status: response.status,
      text: await response.text(),
      events: saved.slice(before[0]).map(summary),
      suppressed: suppressed.slice(before[1]),
      received: received.slice(before[2]),
      quarantined: quarantined.slice(before[3]),
    }
  }

  for (const c of CASES) {
    // Hono reads a body by the validator's target: a form gets the route with the form target.
    const route = c.form && c.route === '/webhooks/octopush' ? '/webhooks/octopush/form' : c.route
    it(`stores the events of ${c.file} (${c.form ? 'form' : 'JSON'} to ${route})`, async () => {
      const result = await added(() => post(route, bodyOf(c), contentType(c.form)))
      expect(result.status).toBe(204)
      expect(result.text).toBe('')
      expect(result.events).toEqual(c.events)
      expect(result.suppressed).toEqual(c.suppressed ?? [])
      expect(result.received).toEqual(c.received ?? [])
      expect(result.quarantined).toEqual([])
    })
  }

  it('accepts a STOP posted as a form, and suppresses its number', async () => {
    // test/fixtures/wild/octopush/implied-form-opt-out.json
    const form = 'message_id=sms_5fa275dbf21dc&number=%2B33600000000&text=stop&stop_date=2020-11-04+11%3A11%3A45'
    const result = await added(() => post('/webhooks/octopush/form', form, 'application/x-www-form-urlencoded'))
    expect(result).toEqual({ status: 204, text: '', events: [], suppressed: [['sms', '+33600000000', 'opted_out']], received: [], quarantined: [] })
  })

  it('reads back the + a form lost to a space, as deliverykit does', async () => {
    // test/fixtures/wild/octopush/implied-form-plus-not-encoded.json
    const form = 'message_id=sms_5fa275dbf21dc&number=+33600000000&status=DELIVERED&delivery_date=2020-11-04+11%3A11%3A45'
    const result = await added(() => post('/webhooks/octopush/form', form, 'application/x-www-form-urlencoded'))
    expect(result.status).toBe(204)
    expect(result.events).toEqual([['sms', 'sms_5fa275dbf21dc', '+33600000000', 'DELIVERED', 'delivered', 'final']])
  })

  it('answers a refused body with Hono\'s 400, listing deliverykit\'s messages and paths, and keeps the body', async () => {
    const body = { message_id: 'sms_1', number: '+33600112233', status: 'DELIVERED', delivery_date: '2025-02-30 25:61:00', unit_price: 'free' }
    const result = await added(() => post('/webhooks/octopush', JSON.stringify(body), 'application/json'))
    expect(result.status).toBe(400)
    expect(JSON.parse(result.text)).toEqual({
      success: false,
      data: body,
      error: [
        { message: 'delivery_date: "2025-02-30 25:61:00" is not a valid date-time; expected "YYYY-MM-DD HH:mm:ss" (Octopush local time) or an ISO-8601 instant with Z or an offset', path: ['delivery_date'] },
        { message: 'unit_price: expected number or numeric text, received "free"', path: ['unit_price'] },
      ],
    })
    expect(result.events).toEqual([])
    expect(result.quarantined).toEqual([
      [
        body,
        'delivery_date: "2025-02-30 25:61:00" is not a valid date-time; expected "YYYY-MM-DD HH:mm:ss" (Octopush local time) or an ISO-8601 instant with Z or an offset\nunit_price: expected number or numeric text, received "free"',
      ],
    ])
  })

  it('keeps a status code deliverykit does not know as an event, and answers 204', async () => {
    const body = { ...payload('octopush/sms.json'), status: 'NEW_CODE' }
    const result = await added(() => post('/webhooks/octopush', JSON.stringify(body), 'application/json'))
    expect(result.status).toBe(204)
    expect(result.events).toEqual([])
    expect(result.quarantined).toEqual([[body, "octopush status NEW_CODE is not in deliverykit's catalog yet"]])
  })

  it('sees an empty object when the content type does not match the target, and says what a callback needs', async () => {
    // Hono's json target reads only application/json: a form sent there reaches the schema as {}.
    const result = await added(() => post('/webhooks/octopush', 'number=%2B33600000000&text=stop&stop_date=2020-11-04+11%3A11%3A45', 'application/x-www-form-urlencoded'))
    expect(result.status).toBe(400)
    expect((JSON.parse(result.text) as { readonly error: unknown }).error).toEqual([
      { message: '(root): expected an Octopush delivery receipt (with delivery_date or deliveries), STOP (with stop_date) or inbound message (with reception_date)', path: [] },
    ])
  })

  it('leaves JSON that does not parse to Hono, which answers 400 before the schema runs', async () => {
    const result = await added(() => post('/webhooks/octopush', '{"status":', 'application/json'))
    expect(result.status).toBe(400)
    expect(result.text).toBe('Malformed JSON in request body')
    expect(result.quarantined).toEqual([])
  })
})
