import { describe, expect, it } from 'vitest'

import { channelIn, has } from '../../src/kit/detection.js'

describe('has', () => {
  it('reads a path starting with a dot as a field named "" holding the rest, not as one field named with the dot', () => {
    expect(has({ '': { number: 1 } }, '.number')).toBe(true)
    expect(has({ '.number': 1 }, '.number')).toBe(false)
  })
})

describe('channelIn', () => {
  it('answers no channel for a value that is not text, even where its text would be a word of the table', () => {
    expect(channelIn({ '1': 'sms', true: 'email' }, '1')).toBe('sms')
    expect(channelIn({ '1': 'sms', true: 'email' }, 1)).toBeUndefined()
    expect(channelIn({ '1': 'sms', true: 'email' }, true)).toBeUndefined()
  })
})
