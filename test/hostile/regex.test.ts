/**
 * Regular expressions on attacker-controlled text (docs/security.md, "Regular
 * expressions"): every one in src/ is listed here with the review of its worst case, and
 * each is run on long adversarial strings, asserting the answer (not the time: a
 * catastrophic pattern would not answer within the test's timeout).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

import { formatPath, normalize, normalizeInbound } from 'deliverykit'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

import { leftOf, rightOf } from '../helpers.js'

const SRC = new URL('../../src/', import.meta.url).pathname

const files = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : name.endsWith('.ts') ? [join(dir, name)] : []))

/** Every regular expression literal and `RegExp(…)` call in src/, as `file: text`. */
const regexesInSrc = (): ReadonlyArray<string> => {
  const found: Array<string> = []
  for (const file of files(SRC)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push(`${file.slice(SRC.length)}: ${node.getText(source)}`)
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(source) === 'RegExp') found.push(`${file.slice(SRC.length)}: ${node.getText(source)}`)
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return found.sort()
}

/**
 * The review: each pattern is anchored, and no quantified part can match the same text
 * in two ways (no nested or adjacent overlapping quantifiers), so matching is linear.
 */
const REVIEWED: Readonly<Record<string, string>> = {
  'cli/io.ts: /\\n/g': 'one character, replaced everywhere: linear (the JSON text of an event)',
  'cli/replay.ts: /^\\d+$/': 'one starred class: linear (a command-line argument)',
  'cli/send.ts: /\\s+/g': 'one starred class, replaced everywhere: linear, since a run ends where the class does (a reply text cut to 300 characters)',
  'cli/table.ts: /[\\ud800-\\udbff]/': 'one character class, tested on one character',
  'cli/terminal.ts: /[\\p{Cc}\\p{Bidi_Control}\\p{Zl}\\p{Zp}\\p{Cs}]/gu':
    'one character class, replaced everywhere: linear (body text cut to 500 characters first, or the JSON text of an event)',
  'cli/terminal.ts: /[\\ud800-\\udbff]/': 'one character class, tested on one character',
  'detect.ts: /^[\\x20-\\x7e]{1,40}$/': 'bounded count: at most 41 steps (body keys)',
  'detect.ts: /^\\(root\\): /': 'eight fixed characters at the start: at most 8 steps (a refusal message)',
  'util/didYouMean.ts: /[-_ .]/g': 'one character class, replaced everywhere: linear (an option value)',
  'errors/format.ts: /^[A-Za-z_$][\\w$]*$/': 'one class then one starred class: linear (formatPath on JSON keys)',
  'errors/validation.ts: /^\\d+$/': 'one starred class: linear (io-ts context keys)',
  'util/bytes.ts: /^[AEIO]/': 'one character (the name of a byte view\'s class, for a message)',
  'kit/codecs.ts: /^-?\\d{1,15}(\\.\\d{1,15})?$/': 'bounded counts, the dot separates the two groups: at most 31 steps (numeric text)',
  'kit/optOutKeywords.ts: /[\\p{L}\\p{N}]/u': 'one character class, tested once (a keyword the caller gives)',
  'kit/optOutKeywords.ts: /\\p{M}/gu': 'one character class, replaced everywhere: linear (an inbound text)',
  'kit/optOutKeywords.ts: /\\s+/gu': 'one starred class, replaced everywhere: linear, since a run ends where the class does (an inbound text)',
  'kit/optOutKeywords.ts: /^[\\s\\p{P}\\p{S}]$/u': 'one character class on one code point (the ends of an inbound text are trimmed by a loop, not by an end-anchored run)',
  'runtime/snapshot.ts: /^(0|[1-9][0-9]*)$/': 'one character, or one then a starred class: linear (a key of an array, when a refusal builds its path)',
  'util/time.ts: /^\\d{1,9}$/': 'bounded count: at most 9 steps (fraction of a second)',
  'errors/format.ts: /^[aeiou]/i': 'one character (vendor, channel and shape names, not body text)',
  'postgres/store.ts: /^08[0-9A-Z]{3}$/': 'fixed characters then a count of three: at most 5 steps (a SQLSTATE)',
  'postgres/store.ts: /^\\\\x(?:[0-9a-fA-F]{2})*$/': 'fixed characters, then pairs of one class, each pair taken whole: linear (bytea text from the driver)',
  'vendors/masstack/codec.ts: /^\\+?\\d{1,20}$/': 'bounded count: at most 21 steps (phone digits)',
  'vendors/messangi/channel.ts: /[\\s().-]/gu': 'one character class, replaced everywhere: linear (a `to` field)',
  'vendors/messangi/channel.ts: /\\p{L}/u': 'one character class: linear (a `to` field)',
  'vendors/messangi/channel.ts: /^(?<local>[^\\s@:<>()[\\],;"]+)@[^\\s@]+\\.[^\\s@.]+$/u':
    'anchored at the start; the local part cannot hold `@`, and the domain backs off at most to each dot, where the last run, which holds no dot, runs to the next one: linear (a `to` field)',
  'vendors/messangi/channel.ts: /^\\+?\\d{7,15}$/u': 'bounded count: at most 16 steps (a `to` field)',
  'vendors/octopush/toEvents.ts: /^00[1-9][0-9]{6,14}$/': 'three fixed characters then a bounded count: at most 18 steps (a number in 00 notation)',
}

describe('regular expressions', () => {
  it('every regular expression in src/ has been reviewed (add new ones to REVIEWED with their worst case)', () => {
    expect(regexesInSrc()).toEqual(Object.keys(REVIEWED).sort())
  })

  it('each answers correctly on megabyte-long adversarial text', () => {
    const long = 1_000_000
    const cases: ReadonlyArray<readonly [RegExp, string, boolean]> = [
      [/^[A-Za-z_$][\w$]*$/, `${'a'.repeat(long)}-`, false],
      [/^[A-Za-z_$][\w$]*$/, 'a'.repeat(long), true],
      [/^\d+$/, `${'1'.repeat(long)}x`, false],
      [/^-?\d{1,15}(\.\d{1,15})?$/, `${'1'.repeat(long)}.`, false],
      [/^-?\d{1,15}(\.\d{1,15})?$/, `-${'1'.repeat(15)}.${'1'.repeat(15)}`, true],
      [/^-?\d{1,15}(\.\d{1,15})?$/, `1.${'1'.repeat(long)}`, false],
      [/^\+?\d{1,20}$/, `+${'1'.repeat(long)}`, false],
      [/^00[1-9][0-9]{6,14}$/, `003${'1'.repeat(long)}`, false],
      [/^00[1-9][0-9]{6,14}$/, `003${'1'.repeat(14)}`, true],
      [/^\d{1,9}$/, '1'.repeat(long), false],
      [/^[aeiou]/i, 'a'.repeat(long), true],
      [/^[\x20-\x7e]{1,40}$/, 'k'.repeat(long), false],
      [/^[\x20-\x7e]{1,40}$/, 'k'.repeat(40), true],
      [/^(?<local>[^\s@:<>()[\],;"]+)@[^\s@]+\.[^\s@.]+$/u, `a@${'b.'.repeat(long / 2)}`, false],
      [/^(?<local>[^\s@:<>()[\],;"]+)@[^\s@]+\.[^\s@.]+$/u, `${'a'.repeat(long)}@`, false],
      [/^\+?\d{7,15}$/u, `+${'1'.repeat(long)}`, false],
      // eslint-disable-next-line no-control-regex -- the characters are the point
      [/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, `${'a'.repeat(long)}\u001b`, true],
    ]
    for (const [pattern, text, expected] of cases) expect(pattern.test(text)).toBe(expected)
  })

  it('through the public API, adversarial text in each field a pattern reads gives the right answer', () => {
    const long = '1'.repeat(1_000_000)
    const phone = { message_id: 'm', number: 'n', status: 'ACK', delivery_date: '2025-01-22 11:46:06' }
    // Numeric text: a million digits and a trailing dot is not a price.
    expect(leftOf(normalize('octopush', { ...phone, unit_price: `${long}.` })).issues[0].path).toEqual(['unit_price'])
    // Masstack phone digits and time fraction.
    expect(leftOf(normalize('masstack', { id: 'c', status: 'DELIVERED', terminatingNumber: `+${long}` })).issues[0].path).toEqual(['terminatingNumber'])
    expect(leftOf(normalize('masstack', { id: 'c', status: 'DELIVERED', terminatingNumber: '6', updatedTime: `2024-08-01T10:38:45.${long}` })).issues[0].path).toEqual(['updatedTime'])
    // A Messangi MO whose text is a megabyte of punctuation around a word that is no keyword,
    // and one around STOP: the ends are trimmed in one pass.
    const mo = { user: '+5588999999999', origin: '12345', date: '2025-05-23T14:30:00Z' }
    expect(rightOf(normalizeInbound('messangi', { ...mo, text: `${'!'.repeat(1_000_000)}x ` }))[0]?.kind).toBe('inbound')
    expect(rightOf(normalizeInbound('messangi', { ...mo, text: `${' !'.repeat(500_000)}stop${'! '.repeat(500_000)}` }))[0]?.kind).toBe('opt_out')
    // formatPath on a megabyte-long key that is not an identifier.
    expect(formatPath(['meta', `${'a'.repeat(1_000_000)}-`]).endsWith('-"]')).toBe(true)
  })
})
