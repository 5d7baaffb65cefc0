import { parse, type DeliveryEvent } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { describeEvent } from '../examples/exhaustive-switch.js'
import { handleOctopushCallback, type EventStore } from '../examples/webhook-handler.js'
import { payload } from './helpers.js'

const memoryStore = () => {
  const saved: Array<DeliveryEvent> = []
  const suppressed: Array<readonly [string, string]> = []
  const quarantined: Array<readonly [unknown, string]> = []
  const store: EventStore = {
    save: (events) => {
      saved.push(...events)
      return Promise.resolve()
    },
    suppress: (recipient, reason) => {
      suppressed.push([recipient, reason])
      return Promise.resolve()
    },
    quarantine: (body, why) => {
      quarantined.push([body, why])
      return Promise.resolve()
    },
  }
  return { store, saved, suppressed, quarantined }
}

const post = (body: string): Request => new Request('http://localhost/octopush', { method: 'POST', body, headers: { 'content-type': 'application/json' } })

describe('examples/webhook-handler.ts', () => {
  it('stores the events of a valid body and answers 204', async () => {
    const { store, saved, suppressed } = memoryStore()
    const response = await handleOctopushCallback(post(JSON.stringify(payload('octopush/email.json'))), store)
    expect(response.status).toBe(204)
    expect(saved.map((event) => event.recipient)).toEqual(['first.recipient@example.com', 'second.recipient@example.com'])
    expect(suppressed).toEqual([])
  })

  it('suppresses recipients of permanent failures', async () => {
    const { store, suppressed } = memoryStore()
    const body = { ...payload('octopush/sms.json'), status: 'BLACKLISTED_NUMBER' }
    expect((await handleOctopushCallback(post(JSON.stringify(body)), store)).status).toBe(204)
    expect(suppressed).toEqual([['+33600112233', 'opted_out']])
  })

  it('quarantines bad bodies with the reason and answers 400 (202 for an unknown code)', async () => {
    const { store, quarantined, saved } = memoryStore()
    expect((await handleOctopushCallback(post('{"status":"DELIVERED"}'), store)).status).toBe(400)
    expect((await handleOctopushCallback(post('not json'), store)).status).toBe(400)
    const unknown = { ...payload('octopush/sms.json'), status: 'NEW_CODE' }
    expect((await handleOctopushCallback(post(JSON.stringify(unknown)), store)).status).toBe(202)
    expect(saved).toEqual([])
    expect(quarantined.map(([body, why]) => [body, why.split('\n')[0]])).toEqual([
      [{ status: 'DELIVERED' }, 'message_id: missing; expected string'],
      [undefined, '(root): expected an Octopush delivery callback (a JSON object), received nothing'],
      [unknown, expect.stringMatching(/^status: "NEW_CODE" is not an Octopush status/)],
    ])
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
})
