/**
 * Keyword opt-outs: an inbound message whose whole text is an opt-out keyword ("STOP")
 * is the person asking to receive nothing more. Used by vendors that forward a STOP as an
 * ordinary inbound message (Messangi) rather than as an opt-out callback of its own.
 */
import type { either } from 'fp-ts'
import * as E from '../util/either.js'

import type { OptionProblem } from './definition.js'

/**
 * The opt-out keywords deliverykit reads by default: the US carrier set, `STOP` first, that
 * platforms such as Braze process by default and that a third-party page on Messangi's
 * campaigns names; Messangi says its platform follows the MMA's US consumer best
 * practices, whose keyword is `STOP`. No Spanish or Portuguese word is in: no carrier or
 * Messangi source found names one, and words such as `CANCELAR` or `SAIR` are ordinary
 * replies in many flows. Add your own: `[...DEFAULT_OPT_OUT_KEYWORDS, 'BAJA']`.
 *
 * @category Inbound
 */
export const DEFAULT_OPT_OUT_KEYWORDS: ReadonlyArray<string> = /*#__PURE__*/ Object.freeze(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'])

/** Whitespace, punctuation and symbols (an emoji, a `!`) around the words: not part of a keyword. */
const AROUND = /^[\s\p{P}\p{S}]$/u
const MARKS = /\p{M}/gu
const SPACES = /\s+/gu

/**
 * The form texts are compared in: compatibility forms unfolded (full-width `ＳＴＯＰ` is
 * `STOP`), accents and other combining marks dropped (`CANCELACIÓN` is `CANCELACION`),
 * upper case, whitespace and punctuation and symbols before and after dropped, runs of
 * whitespace inside read as one space. Two texts with the same form are the same keyword.
 */
export const keywordForm = (text: string): string => trimAround(text.normalize('NFKD').replace(MARKS, '').toUpperCase()).replace(SPACES, ' ')

/**
 * `text` without the whitespace, punctuation and symbols at either end, one code point at
 * a time. Not `/[…]+$/`: a regular expression anchored at the end retries from every
 * position of a long run that does not reach it, which is quadratic in the run.
 */
const trimAround = (text: string): string => {
  let start = 0
  let end = text.length
  // Stryker disable next-line EqualityOperator: equivalent, at start === end the slice is empty and no empty text is AROUND
  while (start < end) {
    const size = codePointSize(text, start)
    if (!AROUND.test(text.slice(start, start + size))) break
    start += size
  }
  // Stryker disable next-line EqualityOperator: equivalent, at end === start the text left is empty, and so is text.slice(start, end) for any end below start
  while (end > start) {
    // A surrogate pair ends at `end` where one starts at `end - 2`. The loop above steps over
    // pairs whole, so no pair straddles `start`; before the text, codePointAt(-1) is undefined.
    const size = codePointSize(text, end - 2)
    if (!AROUND.test(text.slice(end - size, end))) break
    end -= size
  }
  return text.slice(start, end)
}

/** 2 where a surrogate pair starts at `at`, else 1. */
const codePointSize = (text: string, at: number): number => ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1)

/**
 * Whether an inbound message's text is an opt-out keyword: the whole message, not a
 * keyword among other words (`STOP` and ` stop! ` are, `stop sending me this` and
 * `don't stop` are not), compared ignoring case, accents, compatibility forms (full-width
 * letters), and whitespace, punctuation and symbols before and after. `keywords` defaults
 * to {@link DEFAULT_OPT_OUT_KEYWORDS}; a `text` that is not text, or `keywords` that are
 * not a list of keywords, answer `false`. Never throws. The rule Messangi's entries apply with their
 * `optOutKeywords` option; use it on other replies you decide on yourself.
 *
 * @example
 * ```ts
 * import { isOptOutKeyword } from 'deliverykit'
 * isOptOutKeyword(' Stop! ') // true
 * isOptOutKeyword('stop sending me this') // false: a keyword among other words
 * isOptOutKeyword('Baja', ['STOP', 'BAJA']) // true
 * ```
 * @category Inbound
 */
export const isOptOutKeyword = (text: string, keywords: ReadonlyArray<string> = DEFAULT_OPT_OUT_KEYWORDS): boolean => {
  // A JavaScript caller can pass anything: what is not text, or not a list of keywords, is no opt-out.
  if (typeof text !== 'string') return false
  const forms = readOptOutKeywords(keywords)
  return E.isRight(forms) && matchesKeyword(text, forms.right)
}

/** The keywords of an option, in the form texts are compared in: what the entries keep. */
export type KeywordForms = ReadonlySet<string>

/** Whether a text is one of the keywords, already in their compared form. */
// Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, an empty set has no form; the check spares normalizing every text when keyword opt-outs are off
export const matchesKeyword = (text: string, forms: KeywordForms): boolean => forms.size > 0 && forms.has(keywordForm(text))

/** The forms of {@link DEFAULT_OPT_OUT_KEYWORDS}, made once. */
export const DEFAULT_KEYWORD_FORMS: KeywordForms = /*#__PURE__*/ new Set(DEFAULT_OPT_OUT_KEYWORDS.map(keywordForm))

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

const KEYWORDS_EXPECTED = 'a list of opt-out keywords (text with a letter or digit, such as "STOP"), or [] to turn keyword opt-outs off'

/**
 * The caller's `optOutKeywords`, in their compared form: the default where it is not
 * given. The list is read once, each item once, inside a guard (a caller's Proxy may
 * throw); an item that is not text, or is only whitespace and punctuation, is refused
 * with its index.
 */
export const readOptOutKeywords = (given: unknown): either.Either<OptionProblem, KeywordForms> => {
  if (given === undefined || given === DEFAULT_OPT_OUT_KEYWORDS) return E.right(DEFAULT_KEYWORD_FORMS)
  try {
    if (!Array.isArray(given)) return E.left({ option: 'optOutKeywords', expected: KEYWORDS_EXPECTED, received: given })
    const list: ReadonlyArray<unknown> = given
    const length = list.length
    const forms = new Set<string>()
    for (let index = 0; index < length; index++) {
      const keyword = list[index]
      if (typeof keyword !== 'string' || !LETTER_OR_DIGIT.test(keywordForm(keyword))) return E.left({ option: 'optOutKeywords', index, expected: 'a keyword: text with a letter or digit, such as "STOP"', received: keyword })
      forms.add(keywordForm(keyword))
    }
    return E.right(forms)
  } catch {
    return E.left({ option: 'optOutKeywords', expected: KEYWORDS_EXPECTED, received: given })
  }
}
