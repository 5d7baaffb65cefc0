/**
 * recordEvents, optedOut and replies against PGlite, and the migration over 0.1.0's
 * tables. The property: random campaigns (delivery events of every vendor, STOPs and
 * replies, redelivered within and across bodies), their bodies run in any order one after
 * the other or all at once; every eventId is stored once, what stands is the fold of
 * advance, and each body's row says what changed. One PGlite instance per database needed.
 */
import { readFileSync } from 'node:fs'

import { PGlite } from '@electric-sql/pglite'
import { isDeliveryKitError, parse, parseWebhook, type AnyWebhookEvent } from 'deliverykit'
import {
  POSTGRES_SCHEMA,
  currentStatus,
  optedOut,
  recordEvent,
  recordEvents,
  recordedEvents,
  replies,
  type CurrentStatusRow,
  type OptedOutRow,
  type PostgresQuery,
  type RecordEventsRow,
  type ReplyRow,
} from 'deliverykit/postgres'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAX_DEPTH } from '../../src/runtime/snapshot.js'

import { campaign, expectCampaignStored, expectedSequential, recordBatch } from './campaign.js'
import { SEED } from './events.js'
import type { Database } from './stored.js'

const TRUNCATE_ALL = 'TRUNCATE deliverykit_events, deliverykit_status, deliverykit_inbound'

const databaseOf = (pglite: PGlite): Database => ({
  query: async <Row>(query: PostgresQuery | string) =>
    typeof query === 'string' ? (await pglite.query<Row>(query)).rows : (await pglite.query<Row>(query.text, query.values)).rows,
})

let pglite: PGlite
let db: Database

beforeAll(async () => {
  pglite = await PGlite.create()
  await pglite.exec(POSTGRES_SCHEMA)
  db = databaseOf(pglite)
}, 120_000)

afterAll(async () => {
  await pglite.close()
})

/** What a builder throws, as `[kind, message]` when it is deliverykit's error. */
const thrown = (build: () => unknown): unknown => {
  try {
    build()
    return 'returned'
  } catch (error) {
    return isDeliveryKitError(error) ? [error.error.kind, error.message] : error
  }
}

const sms = (status: string, date: string, number = '+33600112233'): AnyWebhookEvent =>
  parseWebhook('octopush', { message_id: 'sms_1', number, status, delivery_date: date })[0] ?? expect.fail('no event')
const stop = (number: string, date = '2025-01-22 11:50:00'): AnyWebhookEvent =>
  parseWebhook('octopush', { message_id: 'sms_1', number, text: 'STOP', stop_date: date })[0] ?? expect.fail('no event')
const reply = (number: string, text: string, date: string): AnyWebhookEvent =>
  parseWebhook('octopush', { message_id: 'sms_1', number, text, reception_date: date })[0] ?? expect.fail('no event')

describe('recordEvents on PGlite', () => {
  it('stores each eventId once and the fold of advance, body after body in any order; each row says what the body changed (property)', async () => {
    await fc.assert(
      fc.asyncProperty(campaign(12, 6), async (run) => {
        await db.query(TRUNCATE_ALL)
        const results = []
        for (const batch of run.batches) results.push(await recordBatch(db, batch))
        expect(results).toEqual(expectedSequential(run.batches))
        await expectCampaignStored(db, run, results)
      }),
      { seed: SEED, numRuns: 150 },
    )
  }, 180_000)

  it('stores the same when every body is sent at once, as concurrent requests are (property)', async () => {
    await fc.assert(
      fc.asyncProperty(campaign(12, 6), async (run) => {
        await db.query(TRUNCATE_ALL)
        await expectCampaignStored(db, run, await Promise.all(run.batches.map((batch) => recordBatch(db, batch))))
      }),
      { seed: SEED + 1, numRuns: 100 },
    )
  }, 180_000)

  it('composes with recordEvent: a body recorded event by event, then as one batch, changes nothing the second time', async () => {
    await db.query(TRUNCATE_ALL)
    const body = [sms('ACK', '2025-01-22 11:45:00'), sms('DELIVERED', '2025-01-22 11:46:00'), sms('ACK', '2025-01-22 11:45:00', '+33600000001')]
    for (const event of body) if (event.kind === 'delivery') await db.query(recordEvent(event))
    expect(recordedEvents(body, await db.query<RecordEventsRow>(recordEvents(body)))).toEqual({ recorded: [], standing: [] })
    const late = sms('TRANSMITTED', '2025-01-22 11:47:00')
    const result = recordedEvents([late, stop('+33600112233')], await db.query<RecordEventsRow>(recordEvents([late, stop('+33600112233')])))
    expect(result.recorded.map((event) => event.kind)).toEqual(['delivery', 'opt_out'])
    expect(result.standing).toEqual([])
    const [row] = await db.query<CurrentStatusRow>(currentStatus('octopush', 'sms_1', '+33600112233'))
    expect(row?.event.vendorStatus).toBe('DELIVERED')
  })

  it('records an empty body as nothing', async () => {
    expect(await db.query<RecordEventsRow>(recordEvents([]))).toEqual([{ recorded: [], standing: [] }])
  })
})

describe('recordEvents, the statement', () => {
  it('has one text whatever the batch, and one array per column, each eventId once', () => {
    const one = recordEvents([sms('DELIVERED', '2025-01-22 11:46:00')])
    const ack = sms('ACK', '2025-01-22 11:45:00')
    const three = recordEvents([stop('+33600112233'), ack, reply('+33600112233', 'Hello', '2025-01-22 11:48:00'), structuredClone(ack), stop('+33600112233')])
    expect(three.text).toBe(one.text)
    expect(one.values).toHaveLength(22)
    expect(three.values.map((column) => (Array.isArray(column) ? column.length : 'not an array'))).toEqual([...Array<number>(12).fill(1), ...Array<number>(10).fill(2)])
    expect(three.values[0]).toEqual([ack.eventId])
  })

  it('keeps the first of two events given the same eventId, whatever their kinds', () => {
    const first = stop('+33600112233')
    const values = recordEvents([first, { ...sms('ACK', '2025-01-22 11:45:00'), eventId: first.eventId }]).values
    expect([values[0], values[12]]).toEqual([[], [first.eventId]])
  })

  it('passes a delivery event as recordEvent does, value for value', () => {
    const event = sms('DELIVERED', '2025-01-22 11:46:00')
    if (event.kind !== 'delivery') throw new Error('not a delivery')
    const columns = recordEvents([event]).values.slice(0, 12)
    expect(columns).toEqual(recordEvent(event).values.map((value) => [value]))
  })

  it('passes an opt-out’s text columns escaped, absent fields as NULL, and an unreadable time as -Infinity', () => {
    const event = { ...stop('+33600112233'), from: 'a\u0000b', messageId: undefined, occurredAt: 'not a time' }
    const { messageId: _messageId, ...withoutMessageId } = event
    const values = recordEvents([withoutMessageId as AnyWebhookEvent]).values.slice(12)
    expect(values.slice(1, 9)).toEqual([['opt_out'], ['octopush'], ['sms'], ['a\uFFFD0b'], [null], [null], ['STOP'], [Number.NEGATIVE_INFINITY]])
  })

  it.each([
    ['not an array', 'sms_1', /^options\.events: expected an array of events, received /],
    ['null in the array', [null], /^options\.events\[0\]: expected an event a webhook entry made, received null$/],
    ['a delivery event without a recipient', [{ kind: 'delivery', vendor: 'octopush' }], /^options\.events\[0\]: expected an event a webhook entry made, received an object$/],
    ['an opt-out of an unknown channel', [{ kind: 'opt_out', vendor: 'octopush', channel: 'fax', from: '+33600112233', eventId: 'x' }], /^options\.events\[0\]: /],
    ['a reply without its text', [{ kind: 'inbound', vendor: 'octopush', channel: 'sms', from: '+33600112233', eventId: 'x' }], /^options\.events\[0\]: /],
    ['a kind nobody makes', [{ kind: 'receipt', vendor: 'octopush', channel: 'sms', from: '+33600112233', eventId: 'x', text: 'Hello' }], /^options\.events\[0\]: /],
    ['an opt-out whose time is not text', [{ ...stop('+33600112233'), occurredAt: 1737543000000 }], /^options\.events\[0\]: /],
    // JSON would store it as `[]`, its fields lost.
    ['an array carrying an opt-out’s fields', [Object.assign([], stop('+33600112233'))], /^options\.events\[0\]: expected an event a webhook entry made, received an array of 0 items$/],
  ])('refuses %s, naming the element', (_name, events, message) => {
    expect(thrown(() => recordEvents(events as never))).toEqual(['invalid_options', expect.stringMatching(message)])
  })

  it('passes an opt-out without text or time: NULL text, and -Infinity, the instant advance gives no time', () => {
    const optOut = stop('+33600112233')
    if (optOut.kind !== 'opt_out') throw new Error('not an opt-out')
    const { text: _text, occurredAt: _occurredAt, ...bare } = optOut
    const values = recordEvents([bare]).values.slice(12)
    expect([values[0], values[7], values[8]]).toEqual([[bare.eventId], [null], [Number.NEGATIVE_INFINITY]])
  })

  it('passes an opt-out’s time as the instant recordEvent passes for a delivery event of the same time', () => {
    const delivered = sms('DELIVERED', '2025-01-22 11:50:00')
    const optOut = stop('+33600112233', '2025-01-22 11:50:00')
    if (delivered.kind !== 'delivery') throw new Error('not a delivery')
    expect(optOut.occurredAt).toBe(delivered.occurredAt)
    const instant = recordEvent(delivered).values[7]
    expect(Number.isFinite(instant)).toBe(true)
    expect(recordEvents([optOut]).values[20]).toEqual([instant])
  })

  it('reads an opt-out once: the row holds what its getter answered the check', () => {
    let reads = 0
    const event = {
      ...stop('+33600112233'),
      get from(): unknown {
        reads++
        return reads === 1 ? '+33600000001' : 33600000002
      },
    }
    expect(recordEvents([event as AnyWebhookEvent]).values[16]).toEqual(['+33600000001'])
    expect(reads).toBe(1)
  })

  it('takes an opt-out whose raw body nests as deep as a body may, and no deeper', () => {
    const nested = (levels: number): unknown => {
      let value: unknown = {}
      for (let level = 1; level < levels; level++) value = { inner: value }
      return value
    }
    const deepest = { ...stop('+33600112233'), raw: nested(MAX_DEPTH) } as AnyWebhookEvent
    expect(recordEvents([deepest]).values[12]).toEqual([deepest.eventId])
    const deeper = { ...stop('+33600112233'), raw: nested(MAX_DEPTH + 1) } as AnyWebhookEvent
    expect(thrown(() => recordEvents([deeper]))).toEqual(['invalid_options', expect.stringMatching(/^options\.events\[0\]: /)])
  })

  it('names the element that is wrong, after good ones', () => {
    expect(thrown(() => recordEvents([stop('+33600112233'), { kind: 'opt_out' } as never]))).toEqual(['invalid_options', expect.stringMatching(/^options\.events\[1\]: /)])
  })
})

describe('recordedEvents', () => {
  const delivered = sms('DELIVERED', '2025-01-22 11:46:00')
  const events = [stop('+33600112233'), delivered, structuredClone(delivered)]
  const [optOut] = events
  const ids = (event: AnyWebhookEvent | undefined): string => event?.eventId ?? expect.fail('no event')

  it('reads eventIds as stored into the events, in the order given, the first copy of each', () => {
    expect(recordedEvents(events, [{ recorded: [ids(delivered), ids(optOut)], standing: [ids(delivered)] }])).toEqual({ recorded: [optOut, delivered], standing: [delivered] })
    expect(recordedEvents(events, [{ recorded: [], standing: [] }])).toEqual({ recorded: [], standing: [] })
    const again = structuredClone(delivered)
    const first = recordedEvents([delivered, again], [{ recorded: [ids(delivered)], standing: [ids(delivered)] }])
    expect(first.recorded[0]).toBe(delivered)
    expect(first.standing[0]).toBe(delivered)
    const odd = { ...delivered, eventId: 'a\u0000b' }
    expect(recordedEvents([odd], [{ recorded: ['a\uFFFD0b'], standing: ['a\uFFFD0b'] }]).standing[0]).toBe(odd)
  })

  it.each([
    ['no row', []],
    ['two rows', [{ recorded: [], standing: [] }, { recorded: [], standing: [] }]],
    ['an eventId of no event given', [{ recorded: ['0123'], standing: [] }]],
    ['a standing event that was not new', [{ recorded: [], standing: [ids(delivered)] }]],
    ['an opt-out said to stand', [{ recorded: [ids(optOut)], standing: [ids(optOut)] }]],
    ['numbers', [{ recorded: [1], standing: [] }]],
    ['no arrays', [{ recorded: 1, standing: null }]],
    ['a standing eventId of no event given', [{ recorded: [], standing: ['0123'] }]],
    ['no standing', [{ recorded: [] }]],
    ['null for recorded', [{ recorded: null, standing: [] }]],
    ['an array-like that is not an array', [{ recorded: Object.create(Array.prototype) as unknown, standing: [] }]],
    ['a function for the row', [Object.assign(() => undefined, { recorded: [], standing: [] })]],
    ['an array for the row', [Object.assign([], { recorded: [], standing: [] })]],
    ['rows that are not an array', { length: 1, 0: { recorded: [], standing: [] } }],
  ])('refuses %s', (_name, rows) => {
    expect(thrown(() => recordedEvents(events, rows as never))).toEqual([
      'invalid_options',
      expect.stringMatching(/^options\.rows: expected the one row recordEvents returned for these events, received /),
    ])
  })

  it('refuses events that are not an array', () => {
    expect(thrown(() => recordedEvents(new Set(events) as never, [{ recorded: [], standing: [] }]))).toEqual(['invalid_options', expect.stringMatching(/^options\.rows: /)])
  })
})

describe('optedOut and replies', () => {
  beforeAll(async () => {
    await db.query(TRUNCATE_ALL)
    const messangiStop = { ...stop('+33600000009'), vendor: 'messangi', channel: 'whatsapp' } as AnyWebhookEvent
    const body = [stop('+33600112233'), reply('+33600112233', 'Hello', '2025-01-22 11:48:00'), reply('+33600112233', 'first', '2025-01-22 11:47:00'), messangiStop, sms('BAD_DESTINATION', '2025-01-22 11:46:00', '+33600000001')]
    await db.query(recordEvents(body))
  })

  const ask = async (address: string, scope?: Parameters<typeof optedOut>[1]): Promise<boolean | undefined> =>
    (await db.query<OptedOutRow>(optedOut(address, scope)))[0]?.optedOut

  it('answers per vendor and per channel, and anywhere by default', async () => {
    expect(await ask('+33600112233')).toBe(true)
    expect(await ask('+33600112233', { vendor: 'octopush', channel: 'sms' })).toBe(true)
    expect(await ask('+33600112233', { vendor: 'messangi' })).toBe(false)
    expect(await ask('+33600112233', { channel: 'whatsapp' })).toBe(false)
    expect(await ask('+33600000009', { vendor: 'messangi', channel: 'whatsapp' })).toBe(true)
    expect(await ask('+33600000009', { vendor: 'octopush' })).toBe(false)
  })

  it('does not take a reply or a permanent failure for an opt-out', async () => {
    await db.query(recordEvents([reply('+33600000002', 'STOP?', '2025-01-22 11:48:00')]))
    expect(await ask('+33600000002')).toBe(false)
    expect(await ask('+33600000001')).toBe(false) // BAD_DESTINATION: a permanent failure, no opt-out
  })

  it('reads an address’s replies back, oldest first, without its opt-outs', async () => {
    const rows = await db.query<ReplyRow>(replies('octopush', '+33600112233'))
    expect(rows.map((row) => row.event.text)).toEqual(['first', 'Hello'])
    expect(await db.query<ReplyRow>(replies('messangi', '+33600112233'))).toEqual([])
  })

  it('looks up an address as stored, escaped', () => {
    expect(optedOut('a\u0000b').values).toEqual(['a\uFFFD0b', null, null])
    expect(replies('octopush', 'a\u0000b').values).toEqual(['a\uFFFD0b', 'octopush'])
  })

  it.each([
    ['optedOut with a number', () => optedOut(33600112233 as never), /^options\.address and scope: expected an address and \{ vendor\?, channel\? \}, received an array of 2 items$/],
    ['optedOut with an unknown vendor', () => optedOut('+33600112233', { vendor: 'twilio' as never }), /^options\.address and scope: /],
    ['optedOut with an unknown channel', () => optedOut('+33600112233', { channel: 'fax' as never }), /^options\.address and scope: /],
    ['optedOut with a scope that is not an object', () => optedOut('+33600112233', 'octopush' as never), /^options\.address and scope: /],
    ['replies with an unknown vendor', () => replies('twilio' as never, '+33600112233'), /^options\.vendor and from: expected a vendor and a text, received an array of 2 items$/],
  ])('%s is refused', (_name, build, message) => {
    expect(thrown(build)).toEqual(['invalid_options', expect.stringMatching(message)])
  })
})

describe('POSTGRES_SCHEMA over the 0.1.0 tables', () => {
  it('adds what is new, keeps every row, and runs again without effect', async () => {
    const old = await PGlite.create()
    try {
      const oldDb = databaseOf(old)
      await old.exec(readFileSync(new URL('fixtures/schema-0.1.0.sql', import.meta.url), 'utf8'))
      const events = [
        ...parse('octopush', { message_id: 'sms_1', number: '+33600112233', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }),
        ...parse('octopush', { message_id: 'sms_1', number: '+33600112233', status: 'ACK', delivery_date: '2025-01-22 11:45:06' }),
      ]
      for (const event of events) await oldDb.query(recordEvent(event))
      const snapshot = 'SELECT row_to_json(e)::text AS row FROM deliverykit_events e UNION ALL SELECT row_to_json(s)::text FROM deliverykit_status s ORDER BY 1'
      const before = await oldDb.query<{ readonly row: string }>(snapshot)
      expect(before).toHaveLength(3)

      await old.exec(POSTGRES_SCHEMA)
      await old.exec(POSTGRES_SCHEMA)
      expect(await oldDb.query(snapshot)).toEqual(before)
      const relations = await oldDb.query<{ readonly table_name: string; readonly table_type: string }>(
        "SELECT table_name, table_type FROM information_schema.tables WHERE table_name LIKE 'deliverykit_%' ORDER BY 1",
      )
      expect(relations.map((row) => `${row.table_name} ${row.table_type}`)).toEqual([
        'deliverykit_events BASE TABLE',
        'deliverykit_inbound BASE TABLE',
        'deliverykit_kept_bodies BASE TABLE',
        'deliverykit_log VIEW',
        'deliverykit_opt_outs VIEW',
        'deliverykit_status BASE TABLE',
      ])

      // The migrated database records a body, and its log holds the 0.1.0 rows with the new ones.
      const body = [stop('+33600112233'), sms('DELIVERED', '2025-01-22 11:46:06')]
      expect(recordedEvents(body, await oldDb.query<RecordEventsRow>(recordEvents(body))).recorded).toEqual([body[0]])
      const log = await oldDb.query<{ readonly kind: string; readonly n: number }>('SELECT kind, count(*)::int AS n FROM deliverykit_log GROUP BY kind ORDER BY kind')
      expect(log).toEqual([{ kind: 'delivery', n: 2 }, { kind: 'opt_out', n: 1 }])
      expect((await oldDb.query<OptedOutRow>(optedOut('+33600112233')))[0]?.optedOut).toBe(true)
    } finally {
      await old.close()
    }
  }, 120_000)

  it('starts with the 0.1.0 schema, as released', () => {
    const released = readFileSync(new URL('fixtures/schema-0.1.0.sql', import.meta.url), 'utf8').replace(/^--.*\n/gm, '')
    expect(POSTGRES_SCHEMA.startsWith(released)).toBe(true)
  })
})
