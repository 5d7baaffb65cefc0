import { matchClassification, matchStatus, parse } from 'deliverykit'
import { describe, expect, it } from 'vitest'

import { payload } from '../helpers.js'

describe('matchClassification and matchStatus', () => {
  const events = parse('octopush', payload('octopush/email.json'))

  it('calls the handler of the event classification with the narrowed event', () => {
    const advice = matchClassification({
      transient: () => 'wait',
      final: (event) => `reached ${event.recipient}`,
      failure: (event) => `${event.failure.reason}/${event.failure.permanent ? 'stop' : 'retry'}`,
    })
    expect(events.map(advice)).toEqual(['reached first.recipient@example.com', 'spam/retry'])
  })

  it('calls the handler of the event status', () => {
    const label = matchStatus({
      accepted: () => 'queued', sent: () => 'sent', deferred: () => 'retrying',
      delivered: () => 'delivered', read: (event) => `read at ${event.occurredAt ?? '?'}`, clicked: () => 'clicked',
      rejected: () => 'rejected', undeliverable: () => 'undeliverable', expired: () => 'expired',
      complained: () => 'spam report', unsubscribed: () => 'unsubscribed', unconfirmed: (event) => `unconfirmed (${event.vendorStatus})`,
    })
    expect(events.map(label)).toEqual(['read at 2025-01-22T12:24:30+01:00', 'unconfirmed (SPAM_PRESUMPTION)'])
  })

  it('handles unknown events when typed for them', () => {
    const kept = parse('octopush', { message_id: 'm', number: 'n', status: 'NEW', delivery_date: '2025-01-22 11:46:06' }, { unknownStatus: 'keep' })
    const kind = matchClassification({ transient: () => 't', final: () => 'f', failure: () => 'x', unknown: (event) => `unknown ${event.vendorStatus}` })
    expect(kept.map(kind)).toEqual(['unknown NEW'])
  })

  it('takes the event first, as a new user first writes it, with the same answers', () => {
    const handlers = { transient: () => 'wait', final: () => 'reached', failure: () => 'failed' }
    expect(events.map((event) => matchClassification(event, handlers))).toEqual(events.map(matchClassification(handlers)))
    expect(events.map((event) => matchClassification(event, handlers))).toEqual(['reached', 'failed'])
    const byStatus = {
      accepted: () => 'a', sent: () => 's', deferred: () => 'd', delivered: () => 'dl', read: () => 'r', clicked: () => 'c',
      rejected: () => 'rj', undeliverable: () => 'u', expired: () => 'e', complained: () => 'cp', unsubscribed: () => 'us', unconfirmed: () => 'uc',
    }
    expect(events.map((event) => matchStatus(event, byStatus))).toEqual(['r', 'uc'])
  })
})
