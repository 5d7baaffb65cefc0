/**
 * src/errors/build.ts is the one place that builds errors and issues and words their
 * messages (#22 item 5). The rule: no module of src/ outside src/errors/ writes an object
 * literal with an error's `kind` or an issue's `code`; each calls a builder. Then the
 * builders whose message is assembled from parts, by value.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

import type { Channel, Issue, NormalizeError, UnknownStatusIssue } from 'deliverykit'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

import {
  channelMismatchIssue,
  invalidBodyError,
  invalidOptionIssue,
  invalidOptionsError,
  invalidTypeIssue,
  invalidValueIssue,
  missingFieldIssue,
  tooLargeIssue,
  transferredBytesIssue,
  unexpectedCallbackError,
  unexpectedCallbackIssue,
  unknownChannelIssue,
  unknownStatusError,
  unknownStatusIssue,
  unlistedIssuesMessage,
  unreadableIssue,
} from '../../src/errors/build.js'

const SRC = new URL('../../src/', import.meta.url).pathname
const ERRORS = join(SRC, 'errors/')
const BUILD = join(ERRORS, 'build.ts')

// Records, so that tsc fails here when a kind or a code is added and not listed.
const ERROR_KINDS: Readonly<Record<NormalizeError['kind'], true>> = { invalid_body: true, invalid_options: true, unknown_status: true, unknown_channel: true, unexpected_callback: true }
const ISSUE_CODES: Readonly<Record<Issue['code'], true>> = {
  invalid_syntax: true,
  missing_field: true,
  invalid_type: true,
  invalid_value: true,
  unreadable: true,
  too_large: true,
  channel_mismatch: true,
  unknown_status: true,
  unknown_channel: true,
  unexpected_callback: true,
  invalid_option: true,
}

const files = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : name.endsWith('.ts') ? [join(dir, name)] : []))

/** An expression without what does not change its value: `'x' as const`, `('x')`, `'x' satisfies Kind`. */
const unwrapped = (node: ts.Expression): ts.Expression =>
  ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node) || ts.isTypeAssertionExpression(node) ? unwrapped(node.expression) : node

/**
 * The object literals of a file that build an error or an issue: a property `kind` whose
 * value is an error's kind, or `code` whose value is an issue's code, written as text
 * (types are not object literals, so `readonly kind: 'invalid_body'` is not one).
 * Each as `file:line kind: 'invalid_body'`.
 */
const literalsIn = (file: string): ReadonlyArray<string> => {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const found: Array<string> = []
  const visit = (node: ts.Node): void => {
    const property = ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent) ? node : undefined
    const initializer = property === undefined ? undefined : unwrapped(property.initializer)
    if (property !== undefined && initializer !== undefined && ts.isStringLiteralLike(initializer) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
      const key = property.name.text
      const value = initializer.text
      if ((key === 'kind' && Object.hasOwn(ERROR_KINDS, value)) || (key === 'code' && Object.hasOwn(ISSUE_CODES, value))) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
        found.push(`src/${file.slice(SRC.length)}:${String(line)} ${key}: '${value}'`)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

describe('one place builds errors and issues', () => {
  it('no module of src/ outside src/errors/ writes an error or an issue: each calls src/errors/build.ts', () => {
    const outside = files(SRC)
      .filter((file) => !file.startsWith(ERRORS))
      .flatMap(literalsIn)
    expect(outside, 'build these with the constructors of src/errors/build.ts').toEqual([])
  })

  it('src/errors/build.ts builds every kind of error and every code of issue (the check above sees each)', () => {
    const built = new Set(literalsIn(BUILD).map((found) => found.replace(/^\S+ /, '')))
    const expected = [...Object.keys(ERROR_KINDS).map((kind) => `kind: '${kind}'`), ...Object.keys(ISSUE_CODES).map((code) => `code: '${code}'`)]
    expect(expected.filter((literal) => !built.has(literal))).toEqual([])
  })
})

describe('errors', () => {
  it('lists omitted issues only where some were counted', () => {
    const issue = unreadableIssue('it threw')
    expect(invalidBodyError('octopush', 'body', [issue])).toStrictEqual({ kind: 'invalid_body', vendor: 'octopush', issues: [issue], input: 'body' })
    expect(invalidBodyError('octopush', 'body', [issue], 3)).toStrictEqual({ kind: 'invalid_body', vendor: 'octopush', issues: [issue], omittedIssues: 3, input: 'body' })
    const status = unknownStatusIssue('masstack', 'sms', 'X', [], ['A'], [], undefined, 'Masstack', false)
    expect('omittedIssues' in unknownStatusError('masstack', {}, [status])).toBe(false)
    expect(unknownStatusError('masstack', {}, [status], 1).omittedIssues).toBe(1)
  })

  it('keeps a vendor given as text, and describes any other', () => {
    const issue = invalidOptionIssue('vendor', 'one of octopush', '42')
    expect(invalidOptionsError('octopus', undefined, issue).vendor).toBe('octopus')
    expect(invalidOptionsError(42, undefined, issue).vendor).toBe('42')
    expect(invalidOptionsError(Symbol('v'), undefined, issue).vendor).toBe('a symbol')
  })

  it('an unexpected callback error says what the body is, as its issue does', () => {
    const issue = unexpectedCallbackIssue('opt_out', 'Octopush STOP callback', 'a delivery receipt', ['normalizeWebhook', 'normalizeInbound'])
    expect(unexpectedCallbackError('octopush', {}, issue)).toStrictEqual({ kind: 'unexpected_callback', vendor: 'octopush', callback: 'opt_out', issues: [issue], input: {} })
  })
})

interface StatusParts {
  readonly status: string
  readonly knownOn: ReadonlyArray<Channel>
  readonly didYouMean: string | undefined
  readonly owner: string
  readonly namesChannel: boolean
}

describe('messages assembled from parts', () => {
  const status: StatusParts = { status: 'BOUNCY', knownOn: [], didYouMean: undefined, owner: 'Messangi', namesChannel: true }
  /** The issue of a Messangi SMS code at `status`, the catalog knowing SENT and DELIVERED. */
  const statusIssue = (parts: StatusParts): UnknownStatusIssue =>
    unknownStatusIssue('messangi', 'sms', parts.status, ['status'], ['SENT', 'DELIVERED'], parts.knownOn, parts.didYouMean, parts.owner, parts.namesChannel)

  it('an unknown status names the catalog, with its channel where channels have their own', () => {
    expect(statusIssue(status).message).toBe('status: "BOUNCY" is not a Messangi SMS status; expected one of SENT, DELIVERED')
    expect(statusIssue({ ...status, owner: 'Octopush', namesChannel: false }).message).toBe('status: "BOUNCY" is not an Octopush status; expected one of SENT, DELIVERED')
  })

  it('an unknown status lists the channels that know the code, and has no knownOn where none does', () => {
    expect(statusIssue({ ...status, knownOn: ['email'] }).message).toBe('status: "BOUNCY" is not a Messangi SMS status (it is a status on e-mail); expected one of SENT, DELIVERED')
    expect(statusIssue({ ...status, knownOn: ['email', 'push'] }).message).toContain('(it is a status on e-mail and push)')
    const three = statusIssue({ ...status, knownOn: ['email', 'push', 'whatsapp'] })
    expect(three.message).toContain('(it is a status on e-mail, push and WhatsApp)')
    expect(three.knownOn).toEqual(['email', 'push', 'whatsapp'])
    expect('knownOn' in statusIssue(status)).toBe(false)
  })

  it('an unknown status ends with the code it is most likely a typo of', () => {
    const issue = statusIssue({ ...status, status: 'delivered', didYouMean: 'DELIVERED' })
    expect(issue.message).toBe('status: "delivered" is not a Messangi SMS status; expected one of SENT, DELIVERED; did you mean "DELIVERED"?')
    expect(issue.didYouMean).toBe('DELIVERED')
    expect('didYouMean' in statusIssue(status)).toBe(false)
  })

  it('an unknown channel names the vendor, the names known, and a likely typo', () => {
    const issue = unknownChannelIssue('octopush', 'sns', ['sms', 'email'], ['type'], 'sms')
    expect(issue.message).toBe('type: "sns" is not an Octopush channel deliverykit knows yet; expected one of sms, email; did you mean "sms"?')
    expect(unknownChannelIssue('masstack', 'fax', ['sms'], [], undefined).message).toBe('(root): "fax" is not a Masstack channel deliverykit knows yet; expected one of sms')
  })

  it('an unexpected callback names what it is, what the entry decodes, and the functions that decode it', () => {
    expect(unexpectedCallbackIssue('opt_out', 'Octopush STOP callback', 'a delivery receipt', ['normalizeWebhook', 'normalizeInbound']).message).toBe(
      '(root): this is an Octopush STOP callback, not a delivery receipt; decode it with normalizeWebhook or normalizeInbound',
    )
    expect(unexpectedCallbackIssue('delivery', 'Masstack communication record', 'an opt-out or inbound message', ['normalizeWebhook', 'normalize']).message).toBe(
      '(root): this is a Masstack communication record, not an opt-out or inbound message; decode it with normalizeWebhook or normalize',
    )
  })

  it('an invalid option is written as options.<name>, options.<path>, or options[<key>], with the item of a list', () => {
    expect(invalidOptionIssue('timeZone', 'an IANA time zone name', '"Mars/Base"')).toStrictEqual({
      code: 'invalid_option',
      path: ['timeZone'],
      expected: 'an IANA time zone name',
      received: '"Mars/Base"',
      message: 'options.timeZone: expected an IANA time zone name, received "Mars/Base"',
    })
    expect(invalidOptionIssue(['cost', 'amount'], 'a finite number', '"x"').message).toBe('options.cost.amount: expected a finite number, received "x"')
    expect(invalidOptionIssue(['0'], 'text', '1').message).toBe('options["0"]: expected text, received 1')
    const item = invalidOptionIssue('optOutKeywords', 'text', '42', undefined, 2)
    expect(item.path).toEqual(['optOutKeywords', 2])
    expect(item.message).toBe('options.optOutKeywords[2]: expected text, received 42')
    const typo = invalidOptionIssue('vendor', 'one of octopush, messangi', '"octopus"', 'octopush')
    expect(typo.message).toBe('options.vendor: expected one of octopush, messangi, received "octopus"; did you mean "octopush"?')
    expect(typo.didYouMean).toBe('octopush')
  })

  it('a value not as expected quotes its path, or the path as given', () => {
    expect(invalidTypeIssue(['deliveries', 1, 'status'], 'string', '42').message).toBe('deliveries[1].status: expected string, received 42')
    expect(invalidTypeIssue(['a', 'b'], 'string', '42', 'a…').message).toBe('a…: expected string, received 42')
    expect(invalidValueIssue(['a', 'b'], 'JSON data', 'a Date', undefined, 'a.b…')).toStrictEqual({ code: 'invalid_value', path: ['a', 'b'], expected: 'JSON data', received: 'a Date', message: 'a.b…: expected JSON data, received a Date' })
    expect(invalidValueIssue(['at'], 'a date', '"x"', 'not a date').message).toBe('at: not a date')
    expect(transferredBytesIssue('a detached ArrayBuffer').message).toBe('(root): expected bytes, received a detached ArrayBuffer (its bytes were transferred)')
    expect(missingFieldIssue(['message_id'], 'string').message).toBe('message_id: missing; expected string')
  })

  it('a body over the limit says its size in its unit', () => {
    expect(tooLargeIssue(12, 'bytes', 10)).toStrictEqual({ code: 'too_large', path: [], size: 12, limit: 10, message: '(root): the body is 12 bytes, over the limit of 10 (options.maxBodySize)' })
    expect(tooLargeIssue(1, 'characters', 0).message).toBe('(root): the body is 1 characters, over the limit of 0 (options.maxBodySize)')
  })

  it('a channel mismatch says what the recipient is and where the channel sends', () => {
    const issue = channelMismatchIssue(['to'], 'sms', 'a@b.co', 'a phone number', 'an e-mail address')
    expect(issue.received).toBe('"a@b.co", an e-mail address')
    expect(issue.message).toBe(
      'to: "a@b.co" is an e-mail address, but options.channel is "sms", whose messages go to a phone number; the body was most likely posted to another channel\'s URL, and is refused rather than read as sms',
    )
  })

  it('the issues a list leaves out are counted, in the singular or the plural', () => {
    expect(unlistedIssuesMessage(1)).toBe('(root): 1 more issue was found and not listed')
    expect(unlistedIssuesMessage(7)).toBe('(root): 7 more issues were found and not listed')
  })
})
