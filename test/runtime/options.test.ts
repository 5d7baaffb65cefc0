/**
 * src/runtime/options.ts: the caller's options, read once into a plain snapshot, then the
 * options every vendor shares checked before any body is read.
 */
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'

import { checkCommonOptions, invalidOption, readOptions } from '../../src/runtime/options.js'
import { DEFAULT_MAX_BODY_SIZE } from '../../src/types/options.js'

const issueOf = (result: E.Either<{ readonly issues: ReadonlyArray<{ readonly path: ReadonlyArray<string | number>; readonly message: string }> }, unknown>) => {
  if (E.isRight(result)) throw new Error('expected an error')
  return result.left.issues[0]
}

describe('readOptions', () => {
  it('reads each option deliverykit knows exactly once, and never one it does not', () => {
    const reads: Array<string> = []
    const options = new Proxy({ timeZone: 'UTC', channel: 'sms', colour: 'blue' }, { get: (target, key, receiver) => (reads.push(String(key)), Reflect.get(target, key, receiver) as unknown) })
    const read = readOptions('octopush', {}, options)
    expect(E.isRight(read) && read.right).toEqual({ timeZone: 'UTC', channel: 'sms' })
    expect(reads.filter((key) => key === 'timeZone')).toHaveLength(1)
    expect(reads).not.toContain('colour')
  })

  it('takes no options (undefined) as none, and refuses what is not an object, saying so', () => {
    expect(readOptions('octopush', {}, undefined)).toEqual(E.right({}))
    const refused = readOptions('octopush', {}, 'UTC')
    expect(E.isLeft(refused) && refused.left.kind).toBe('invalid_options')
  })

  it('an accessor that throws is an invalid_options error naming the option, not a throw', () => {
    const options = { get timeZone(): string { throw new Error('no zone today') } }
    const issue = issueOf(readOptions('octopush', {}, options))
    expect(issue?.path).toEqual(['timeZone'])
  })
})

describe('checkCommonOptions', () => {
  const check = (options: Readonly<Record<string, unknown>>) => checkCommonOptions('masstack', {}, options, 'Europe/Madrid')

  it('defaults: the vendor zone, unknown statuses refused, the default body limit', () => {
    const checked = check({})
    expect(E.isRight(checked) && { keep: checked.right.keepUnknown, max: checked.right.maxBodySize }).toEqual({ keep: false, max: DEFAULT_MAX_BODY_SIZE })
  })

  it.each([
    [{ unknownStatus: 'maybe' }, 'unknownStatus', '"error" or "keep"'],
    [{ maxBodySize: 0 }, 'maxBodySize', 'a positive whole number'],
    [{ maxBodySize: 1.5 }, 'maxBodySize', 'a positive whole number'],
    [{ maxBodySize: Number.NaN }, 'maxBodySize', 'a positive whole number'],
    [{ timeZone: 'Europe/Pariss' }, 'timeZone', 'an IANA time zone name'],
    [{ timeZone: 42 }, 'timeZone', 'an IANA time zone name'],
  ])('refuses %j at its option, saying what was expected', (options, option, expected) => {
    const issue = issueOf(check(options))
    expect(issue?.path).toEqual([option])
    expect(issue?.message).toContain(expected)
  })

  it('keeps unknown statuses when asked, and takes Infinity as no limit', () => {
    const checked = check({ unknownStatus: 'keep', maxBodySize: Infinity, timeZone: 'UTC' })
    expect(E.isRight(checked) && { keep: checked.right.keepUnknown, max: checked.right.maxBodySize }).toEqual({ keep: true, max: Infinity })
  })
})

describe('invalidOption', () => {
  const spaced = 'O-C-T-O-P-U-S-H'
  const vendors = ['octopush', 'messangi', 'masstack']

  it('suggests a name spelled another way only for a channel; other options get typo suggestions alone', () => {
    expect(issueOf(E.left(invalidOption('octopush', {}, 'vendor', 'a vendor', spaced, vendors)))?.message).toBe(`options.vendor: expected a vendor, received "${spaced}"`)
    expect(issueOf(E.left(invalidOption('octopush', {}, 'vendor', 'a vendor', 'octopsh', vendors)))?.message).toBe('options.vendor: expected a vendor, received "octopsh"; did you mean "octopush"?')
    expect(issueOf(E.left(invalidOption('octopush', {}, 'channel', 'a channel', 'Voice_SMS', ['sms', 'voice'])))?.message).toBe('options.channel: expected a channel, received "Voice_SMS"; did you mean "voice"?')
  })
})
