import { formatError, isInboundVendor, normalizeInbound, VENDORS } from 'deliverykit'
import * as messangi from 'deliverykit/messangi'
import { describe, expect, it } from 'vitest'

import { deepFreeze, leftOf, rightOf } from '../../helpers.js'

// Fields from Messangi's "Callback URL (MO)" page; `connection`, `user`, `text`, `id` and
// `extraInfo` are known only from a third-party integration's test fixture (the research
// note quotes it), so this body is that fixture's shape, not a vendor example.
const mo = {
  owner: 'empresa',
  date: '2025-05-23T14:30:00Z',
  processId: 123,
  origin: '12345',
  externalId: 'campanha_001',
  callback: 'https://example.com/messangi/mo',
  connection: 'SMS',
  id: 'usuario_456',
  text: 'Olá, quero participar',
  user: '+5588999999999',
  extraInfo: null,
}

describe('Messangi inbound (MO) callbacks', () => {
  it('an MO callback is an inbound event from user to origin', () => {
    const [event] = rightOf(normalizeInbound('messangi', deepFreeze({ ...mo })))
    const { eventId, ...rest } = event ?? { eventId: '' }
    expect(rest).toEqual({
      kind: 'inbound',
      vendor: 'messangi',
      channel: 'sms',
      from: '+5588999999999',
      to: '12345',
      text: 'Olá, quero participar',
      occurredAt: '2025-05-23T14:30:00+00:00',
      vendorTime: '2025-05-23T14:30:00Z',
      raw: { ...mo, processId: '123' },
    })
    expect(eventId).toMatch(/^[0-9a-f]{32}$/)
  })

  it('a WhatsApp connection is the whatsapp channel; only user and text are required', () => {
    const [event] = rightOf(messangi.normalizeInbound({ user: '5511', text: 'hi', connection: 'whatsapp' }))
    expect([event?.channel, event?.from, event?.text, event && 'occurredAt' in event]).toEqual(['whatsapp', '5511', 'hi', false])
  })

  it('the legacy form MO (TYPE=MO_MESSAGE) is an inbound event, and a STOP an opt-out by the default keywords', () => {
    const [event] = rightOf(normalizeInbound('messangi', 'TYPE=MO_MESSAGE&FROM=5551234&TO=12345&TEXT=Hola&ENCODING=UTF-8'))
    expect([event?.kind, event?.from, event?.to, event?.text]).toEqual(['inbound', '5551234', '12345', 'Hola'])
    const [stop] = rightOf(normalizeInbound('messangi', 'TYPE=MO_MESSAGE&FROM=5551234&TO=12345&TEXT=STOP&ENCODING=UTF-8'))
    expect([stop?.kind, stop?.from, stop?.to, stop?.text]).toEqual(['opt_out', '5551234', '12345', 'STOP'])
  })

  it('says what is missing', () => {
    expect(formatError(leftOf(normalizeInbound('messangi', { text: 'hi' })))).toBe('user: missing; expected string')
    expect(formatError(leftOf(normalizeInbound('messangi', { ...mo, date: 'yesterday' })))).toMatch(/^date: "yesterday" is not/)
  })

  it('Masstack sends no inbound callbacks: a compile error, and from JavaScript an invalid_options error naming the vendors that do', () => {
    // @ts-expect-error: Masstack is no InboundVendor
    expect(formatError(leftOf(normalizeInbound('masstack', mo)))).toBe(
      `options.vendor: expected a vendor that sends opt-out or inbound callbacks (${VENDORS.filter(isInboundVendor).join(', ')}), received "masstack"`,
    )
  })
})
