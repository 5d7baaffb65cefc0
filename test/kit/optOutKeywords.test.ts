import { describe, expect, it } from 'vitest'

import { DEFAULT_KEYWORD_FORMS, DEFAULT_OPT_OUT_KEYWORDS, isOptOutKeyword, keywordForm, matchesKeyword, readOptOutKeywords } from '../../src/kit/optOutKeywords.js'
import * as E from '../../src/util/either.js'

// U+1F400 RAT and U+1F3FF (skin tone 6) are symbols whose low surrogates are the first
// (DC00) and the last (DFFF) of the range: the trimming reads them as one code point.
const RAT = '\u{1F400}'
const TONE = '\u{1F3FF}'

describe('keywordForm', () => {
  it('drops astral symbols at either end, whatever their low surrogate', () => {
    expect(RAT.charCodeAt(1)).toBe(0xdc00)
    expect(TONE.charCodeAt(1)).toBe(0xdfff)
    expect(keywordForm(`STOP${RAT}`)).toBe('STOP')
    expect(keywordForm(`STOP${TONE}`)).toBe('STOP')
    expect(keywordForm(`${RAT}${TONE} stop ${TONE}${RAT}!`)).toBe('STOP')
  })

  it('keeps a lone surrogate at either end, and what is inside it', () => {
    expect(keywordForm('STOP!\udc00')).toBe('STOP!\udc00')
    expect(keywordForm('\ud83d!STOP')).toBe('\ud83d!STOP')
    expect(keywordForm('\udc00')).toBe('\udc00')
    expect(keywordForm(`!${RAT.charAt(1)}`)).toBe(RAT.charAt(1))
  })

  it('reads U+FFFF as one code unit: the punctuation after it is dropped, it is kept', () => {
    expect(keywordForm('STOP\uffff!')).toBe('STOP\uffff')
    expect(keywordForm('!\uffffSTOP')).toBe('\uffffSTOP')
  })

  it('is empty for a text of symbols and punctuation only', () => {
    expect(keywordForm(` ${RAT}!${TONE} `)).toBe('')
    expect(keywordForm('')).toBe('')
  })
})

describe('isOptOutKeyword', () => {
  it('answers false for a text that is not text, rather than reading it', () => {
    for (const text of [42, null, undefined, { toString: () => 'STOP' }, ['STOP']]) expect(isOptOutKeyword(text as never)).toBe(false)
  })

  it('matches a keyword behind astral symbols', () => {
    expect(isOptOutKeyword(`${RAT} Stop ${TONE}`)).toBe(true)
  })
})

describe('matchesKeyword', () => {
  it('matches nothing with no keywords, not even an empty text', () => {
    expect(matchesKeyword('', new Set())).toBe(false)
    expect(matchesKeyword('STOP', new Set())).toBe(false)
  })
})

describe('readOptOutKeywords', () => {
  it('answers the forms made once for the default list itself, and equal new forms for a copy of it', () => {
    const given = readOptOutKeywords(DEFAULT_OPT_OUT_KEYWORDS)
    const copy = readOptOutKeywords([...DEFAULT_OPT_OUT_KEYWORDS])
    expect(E.isRight(given) && given.right).toBe(DEFAULT_KEYWORD_FORMS)
    expect(E.isRight(copy) && copy.right).not.toBe(DEFAULT_KEYWORD_FORMS)
    expect(E.isRight(copy) && copy.right).toStrictEqual(DEFAULT_KEYWORD_FORMS)
  })
})
