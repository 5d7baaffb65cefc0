import { classify, eventFromStatus, formatError, normalize, normalizeInbound, VENDORS, type InvalidOptionIssue, type UnknownChannelIssue, type UnknownStatusIssue } from 'deliverykit'
import { normalizeLegacy } from 'deliverykit/messangi'
import { normalize as normalizeOctopush } from 'deliverykit/octopush'
import { describe, expect, it } from 'vitest'

import { didYouMean, editDistance } from '../../src/util/didYouMean.js'
import { leftOf, payload } from '../helpers.js'

const sms = { message_id: 'sms_1', number: '+33600000000', status: 'DELIVERED', delivery_date: '2025-01-22 11:46:06' }

describe('editDistance', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['octopus', 'octopush', 1],
    ['octopsuh', 'octopush', 1], // two neighbours swapped: one edit
    ['', 'abc', 3],
    ['same', 'same', 0],
    ['whatsap', 'whatsapp', 1],
    ['smss', 'sms', 1],
  ])('%j and %j are %i apart', (a, b, distance) => {
    expect(editDistance(a, b, 5)).toBe(distance)
  })

  it('stops at the limit: anything further is limit + 1', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3)
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3)
  })
})

describe('didYouMean', () => {
  it.each([
    ['octopus', VENDORS, 'octopush'],
    ['delivered', ['DELIVERED', 'READ'], 'DELIVERED'],
    ['Masstack', VENDORS, 'masstack'],
    ['whatsap', ['sms', 'rcs', 'whatsapp'], 'whatsapp'],
    ['smss', ['sms', 'rcs'], 'sms'],
    ['DELIVRED', ['DELIVERED', 'EXPIRED'], 'DELIVERED'],
  ])('%j → %j', (given, known, expected) => {
    expect(didYouMean(given, known)).toBe(expected)
  })

  it.each([
    ['twilio', VENDORS], // nothing near
    ['xyz', ['sms', 'rcs']], // three letters: one edit at most
    ['SENX', ['SENT', 'SEND']], // two equally near: no guess
    ['sms', ['sms', 'rcs']], // known already
    ['', ['sms']],
  ])('%j suggests nothing among %j', (given, known) => {
    expect(didYouMean(given, known)).toBeUndefined()
  })

  it('compares only short text: a megabyte value, or a value that is not text, suggests nothing', () => {
    expect(didYouMean(`DELIVERED${'D'.repeat(1_000_000)}`, ['DELIVERED'])).toBeUndefined()
    expect(didYouMean('x'.repeat(41), ['x'.repeat(40)])).toBeUndefined()
    expect(didYouMean('x'.repeat(40), ['x'.repeat(39)])).toBe('x'.repeat(39))
    expect(didYouMean(42, ['42'])).toBeUndefined()
    expect(didYouMean({ toString: () => 'sms' }, ['sms'])).toBeUndefined()
  })
})

describe("the library's messages suggest the known name a typo is near", () => {
  it('an unknown vendor: normalize, normalizeInbound and classify', () => {
    for (const error of [leftOf(normalize('octopus' as 'octopush', sms)), leftOf(normalizeInbound('octopus' as 'octopush', sms)), leftOf(classify('octopus' as 'octopush', 'sms', 'DELIVERED'))]) {
      expect(error.issues[0]).toMatchObject({ code: 'invalid_option', path: ['vendor'], didYouMean: 'octopush' })
      expect(formatError(error)).toBe(`options.vendor: expected one of ${VENDORS.join(', ')}, received "octopus"; did you mean "octopush"?`)
    }
    const far = leftOf(normalize('twilio' as 'octopush', sms)).issues[0] as InvalidOptionIssue
    expect([far.message, 'didYouMean' in far]).toEqual([`options.vendor: expected one of ${VENDORS.join(', ')}, received "twilio"`, false])
  })

  it('a channel option spelled as the vendor or a person writes it suggests the channel: voice_sms, E-mail, wa (issue 24)', () => {
    expect(leftOf(normalizeOctopush(sms, { channel: 'voice_sms' as 'voice' })).issues[0]).toMatchObject({ didYouMean: 'voice' })
    expect(leftOf(classify('octopush', 'E-mail' as 'email', 'DELIVERED')).issues[0]).toMatchObject({ didYouMean: 'email' })
    expect(leftOf(normalize('messangi', payload('messangi/whatsapp/callback.json'), { channel: 'wa' as 'whatsapp' })).issues[0]).toMatchObject({ didYouMean: 'whatsapp' })
    // Only a channel the vendor has: Messangi has no voice channel.
    expect(leftOf(normalize('messangi', payload('messangi/whatsapp/callback.json'), { channel: 'voice_sms' as 'sms' })).issues[0]).not.toHaveProperty('didYouMean')
  })

  it('a channel option: the vendors refuse it with a suggestion, and so do classify and eventFromStatus', () => {
    const messangi = leftOf(normalize('messangi', payload('messangi/whatsapp/callback.json'), { channel: 'whatsap' as 'whatsapp' }))
    expect(formatError(messangi)).toBe(
      'options.channel: expected one of sms, email, push, rcs, whatsapp (Messangi status callbacks and send API responses do not name their channel), received "whatsap"; did you mean "whatsapp"?',
    )
    expect(messangi.issues[0]).toMatchObject({ didYouMean: 'whatsapp' })
    const octopush = leftOf(normalizeOctopush(sms, { channel: 'Voice' as 'voice' }))
    expect(formatError(octopush)).toBe('options.channel: expected one of sms, voice, rcs, whatsapp, facebook, instagram, received "Voice"; did you mean "voice"?')
    expect(formatError(leftOf(classify('masstack', 'smss' as 'sms', 'DELIVERED')))).toBe('options.channel: expected one of sms, email, received "smss"; did you mean "sms"?')
    const report = { channel: 'emial' as 'email', code: 'DELIVERED', messageId: 'm', recipient: 'a@example.com' }
    expect(leftOf(eventFromStatus('octopush', report)).issues[0]).toMatchObject({ path: ['channel'], didYouMean: 'email' })
  })

  it('a channel the body names: Octopush channel and Messangi legacy TYPE', () => {
    const octopush = leftOf(normalize('octopush', { ...sms, channel: 'whatsap' })).issues[0] as UnknownChannelIssue
    expect(octopush).toMatchObject({ code: 'unknown_channel', channel: 'whatsap', didYouMean: 'whatsapp' })
    expect(octopush.message).toMatch(/^channel: "whatsap" is not an Octopush channel deliverykit knows yet; expected one of .*; did you mean "whatsapp"\?$/)
    const legacy = leftOf(normalizeLegacy({ ...payload('messangi/legacy-sms.json'), TYPE: 'EMAL' })).issues[0] as UnknownChannelIssue
    expect([legacy.didYouMean, legacy.message.endsWith('; did you mean "EMAIL"?')]).toEqual(['EMAIL', true])
    const far = leftOf(normalize('octopush', { ...sms, channel: 'pigeon' })).issues[0] as UnknownChannelIssue
    expect([far.message.includes('did you mean'), far.didYouMean]).toEqual([false, undefined])
  })

  it('a status code: in a body, in classify and in eventFromStatus, whatever its case', () => {
    const issue = leftOf(normalize('octopush', { ...sms, status: 'delivered' })).issues[0] as UnknownStatusIssue
    expect(issue).toMatchObject({ code: 'unknown_status', status: 'delivered', didYouMean: 'DELIVERED' })
    expect(issue.message).toMatch(/^status: "delivered" is not an Octopush status; expected one of DELIVERED, .*; did you mean "DELIVERED"\?$/)
    expect(leftOf(classify('octopush', 'sms', 'DELIVRED')).issues[0]).toMatchObject({ didYouMean: 'DELIVERED' })
    const report = { channel: 'email' as const, code: 'HARD_BOUNCED', messageId: 'm', recipient: 'a@example.com' }
    expect(leftOf(eventFromStatus('octopush', report)).issues[0]).toMatchObject({ didYouMean: 'HARD_BOUNCE' })
    const email = payload('octopush/email.json')
    const deliveries = email['deliveries'] as ReadonlyArray<Record<string, unknown>>
    const inBody = leftOf(normalize('octopush', { ...email, deliveries: [{ ...deliveries[1], status: 'SPAM_PRESUMTION' }] })).issues[0]
    expect(inBody).toMatchObject({ path: ['deliveries', 0, 'status'], didYouMean: 'SPAM_PRESUMPTION' })
  })

  it('suggests nothing for a code of another channel, a code far from all, or a huge code, and the message stays short', () => {
    const otherChannel = leftOf(classify('messangi', 'whatsapp', 'DELIVRD')).issues[0] as UnknownStatusIssue
    expect([otherChannel.knownOn, otherChannel.didYouMean, otherChannel.message.includes('did you mean')]).toEqual([['sms'], undefined, false])
    const huge = leftOf(normalize('octopush', { ...sms, status: `DELIVERED${'D'.repeat(1_000_000)}` })).issues[0] as UnknownStatusIssue
    expect(huge.didYouMean).toBeUndefined()
    expect(huge.message.length).toBeLessThan(1_000)
    expect((leftOf(normalize('octopush', { ...sms, status: 'BOUNCY' })).issues[0] as UnknownStatusIssue).didYouMean).toBeUndefined()
  })
})
