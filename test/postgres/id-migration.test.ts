/**
 * The recipe of the ordering guide ("Ids stored by an earlier build"), run as written on
 * PGlite: after ids changed format, an event stored under its old id and again under its
 * new one is kept once, the copy recorded first, and nothing else is deleted.
 */
import { readFileSync } from 'node:fs'

import { normalize, type AnyEvent } from 'deliverykit'
import { recordEvent } from 'deliverykit/postgres'
import { describe, expect, it } from 'vitest'

import { rightOf } from '../helpers.js'
import { usePglite } from './withPglite.js'

const guide = readFileSync(new URL('../../docs/ordering.md', import.meta.url), 'utf8')
const section = guide.slice(guide.indexOf('### Ids stored by an earlier build'))
const recipe = /```sql\n([\s\S]*?)```/.exec(section)?.[1]

const pglite = usePglite()


const record = async (event: AnyEvent): Promise<void> => {
  const query = recordEvent(event)
  await pglite().query(query.text, query.values)
}

const receipt = (fields: Readonly<Record<string, unknown>>): AnyEvent =>
  rightOf(normalize('octopush', { message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06', ...fields }))[0] ?? expect.fail('no event')

describe('the migration recipe for ids of an earlier format', () => {
  it('keeps one copy of an event stored under two ids, the first recorded, and every other event', async () => {
    if (recipe === undefined) return expect.fail('the guide has no sql block in its migration section')
    const delivered = receipt({})
    // The same event as an earlier build stored it: another id (16 hex digits, as before issue 12), recorded first.
    await record({ ...delivered, eventId: 'ffffffffffffffff' })
    // A few milliseconds apart, so recorded_at, not the ids, says which came first.
    await new Promise((resolve) => setTimeout(resolve, 5))
    await record(delivered)
    // Other events of the message: another status, another time, another recipient.
    const others = [receipt({ status: 'ACK' }), receipt({ delivery_date: '2025-01-22 11:46:07' }), receipt({ number: '+33600000001' })]
    for (const event of others) await record(event)
    expect((await pglite().query('SELECT event_id FROM deliverykit_events')).rows).toHaveLength(5)
    await pglite().exec(recipe)
    const rows = await pglite().query<{ readonly event_id: string }>('SELECT event_id FROM deliverykit_events ORDER BY event_id')
    expect(rows.rows.map((row) => row.event_id)).toEqual(['ffffffffffffffff', ...others.map((event) => event.eventId)].sort())
  })
})
