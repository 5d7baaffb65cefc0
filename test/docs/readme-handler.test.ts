/**
 * The README's webhook handler runs as shown: its block, taken from README.md as it is, is
 * written to a module and imported, then given real Octopush bodies through Web Requests
 * with the secret in the URL. The answers and what its in-memory store kept are checked
 * (the block's type-check is doc-blocks.test.ts's), and its status table is the handler's.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'

import type { DeliveryEvent } from 'deliverykit'
import { WEBHOOK_STATUS, type KeptBody } from 'deliverykit/handler'
import { beforeAll, describe, expect, it } from 'vitest'

import { ROOT, blocksOf } from './docBlocks.js'

interface HandlerModule {
  readonly POST: (request: Request) => Promise<Response>
  readonly db: {
    readonly statuses: Array<DeliveryEvent>
    readonly suppressed: Map<string, string>
    readonly replies: Array<string>
    readonly kept: Array<KeptBody>
  }
}

const SECRET = 'readme-secret-0123456789'
const payload = (name: string): string => readFileSync(`${ROOT}examples/payloads/octopush/${name}`, 'utf8')
/** A POST with the body's bytes; `type` null sends no Content-Type. */
const post = (body: string, type: string | null = 'application/json', token = SECRET): Request =>
  new Request(`https://example.com/webhooks/octopush?token=${token}`, { method: 'POST', headers: type === null ? {} : { 'content-type': type }, body: new TextEncoder().encode(body) })

let handler: HandlerModule

beforeAll(async () => {
  const blocks = blocksOf('README.md').filter((block) => block.code.includes('export const POST'))
  expect(blocks).toHaveLength(1)
  const dir = `${ROOT}.tmp/readme-handler/`
  mkdirSync(dir, { recursive: true })
  writeFileSync(`${dir}handler.ts`, blocks[0]?.code ?? '')
  process.env['WEBHOOK_SECRET'] = SECRET
  handler = (await import(`${dir}handler.ts`)) as HandlerModule
})

describe("the README's webhook handler", () => {
  it('stores a delivery receipt and answers 204, with no Content-Type too', async () => {
    const response = await handler.POST(post(payload('sms.json'), null))
    expect(response.status).toBe(204)
    expect(handler.db.statuses.map((event) => [event.messageId, event.recipient, event.status])).toEqual([['sms_0000000000000000000000', '+33600112233', 'delivered']])
  })

  it('answers 404 and stores nothing without the right secret', async () => {
    const before = handler.db.statuses.length
    expect((await handler.POST(post(payload('sms.json'), 'application/json', 'wrong-secret-0123456789'))).status).toBe(404)
    expect(handler.db.statuses).toHaveLength(before)
  })

  it('suppresses the sender of a STOP and answers 204, JSON or form', async () => {
    expect((await handler.POST(post(payload('stop.json')))).status).toBe(204)
    const form = 'number=%2B33611111111&text=STOP&stop_date=2020-11-04+11%3A11%3A45'
    expect((await handler.POST(post(form, 'application/x-www-form-urlencoded'))).status).toBe(204)
    expect([...handler.db.suppressed]).toEqual([
      ['sms +33600000000', 'opted_out'],
      ['sms +33611111111', 'opted_out'],
    ])
  })

  it('keeps a reply and answers 204', async () => {
    expect((await handler.POST(post(payload('inbound.json'), 'text/plain'))).status).toBe(204)
    expect(handler.db.replies).toEqual(['+44600000000: some reply'])
  })

  it('suppresses the recipient of a permanent failure', async () => {
    const bad = { ...(JSON.parse(payload('sms.json')) as object), number: '+33622222222', status: 'BAD_DESTINATION' }
    expect((await handler.POST(post(JSON.stringify(bad)))).status).toBe(204)
    expect(handler.db.suppressed.get('sms +33622222222')).toBe('invalid_recipient')
    expect(handler.db.statuses.at(-1)?.status).toBe('undeliverable')
  })

  it('keeps a bad body with the reason and answers 202', async () => {
    const before = handler.db.statuses.length
    const body = '{"message_id": "sms_1", "number": 33600000000, "status": "DELIVERED"}'
    expect((await handler.POST(post(body))).status).toBe(202)
    const kept = handler.db.kept.at(-1)
    expect(kept?.reason).toBe('number: expected string, received 33600000000')
    // What replay needs: the vendor, the route's options and the bytes as they came.
    expect([kept?.vendor, kept?.options, kept?.errorKind, new TextDecoder().decode(kept?.body)]).toEqual(['octopush', {}, 'invalid_body', body])
    expect(handler.db.statuses).toHaveLength(before)
  })

  it('answers 202 to a status code or channel deliverykit does not know yet, and keeps the body', async () => {
    const before = handler.db.statuses.length
    const unknownCode = { ...(JSON.parse(payload('sms.json')) as object), status: 'BOUNCY' }
    expect((await handler.POST(post(JSON.stringify(unknownCode)))).status).toBe(202)
    expect(handler.db.kept.at(-1)?.reason).toMatch(/^status: "BOUNCY" is not an Octopush status; expected one of DELIVERED, /)
    const unknownChannel = { ...(JSON.parse(payload('sms.json')) as object), channel: 'telegram' }
    expect((await handler.POST(post(JSON.stringify(unknownChannel)))).status).toBe(202)
    expect(handler.db.kept.at(-1)?.reason).toMatch(/^channel: "telegram" is not an Octopush channel deliverykit knows yet/)
    expect(handler.db.statuses).toHaveLength(before)
    expect(handler.db.kept).toHaveLength(3)
  })
})

describe("the README's status table", () => {
  it('is WEBHOOK_STATUS, row for row', () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8')
    const rows = [...readme.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map((match) => [match[1], Number(match[2])])
    expect(Object.fromEntries(rows)).toEqual(WEBHOOK_STATUS)
    expect(rows).toHaveLength(Object.keys(WEBHOOK_STATUS).length)
  })
})
