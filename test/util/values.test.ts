// The closed-list and optional-text checks every layer shares (src/util/values.ts).
import { describe, expect, it } from 'vitest'

import { isOneOf, isOptionalText } from '../../src/util/values.js'

describe('isOneOf', () => {
  const LIST = ['sms', 'email'] as const

  it.each<readonly [unknown, boolean]>([
    ['sms', true],
    ['email', true],
    ['SMS', false],
    ['', false],
    [['sms'], false],
    [Object('sms'), false],
    [undefined, false],
    [null, false],
  ])('%s: %s', (value, expected) => {
    expect(isOneOf(LIST, value)).toBe(expected)
  })
})

describe('isOptionalText', () => {
  it.each<readonly [Readonly<Record<string, unknown>>, boolean]>([
    [{}, true],
    [{ text: undefined }, true],
    [{ text: '' }, true],
    [{ text: 'STOP' }, true],
    [{ text: null }, false],
    [{ text: 1 }, false],
    [{ text: ['STOP'] }, false],
    [{ other: 1 }, true],
  ])('%j: %s', (record, expected) => {
    expect(isOptionalText(record, 'text')).toBe(expected)
  })
})
