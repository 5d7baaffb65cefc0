/**
 * The one place that builds deliverykit's errors and issues, and writes their messages:
 * one constructor per error kind and per issue code. Every other module calls these, so a
 * message is worded once and an error's fields are always in the same order
 * (test/errors/build.test.ts fails on an error or issue written anywhere else).
 * What to say is decided by the caller (the codes a catalog knows, the suggestion); how it
 * is said is decided here.
 */
import type { Channel } from '../model/channel.js'
import { CHANNEL_NAMES, VENDOR_NAMES } from '../model/names.js'
import type { Vendor } from '../model/vendor.js'
import type { CallbackKind } from '../model/webhook.js'
import { didYouMeanText } from '../util/didYouMean.js'
import type { InvalidBodyError, InvalidOptionsError, UnexpectedCallbackError, UnknownChannelError, UnknownStatusError } from './error.js'
import { article, describeValue, formatPath } from './format.js'
import type { BodyIssue, ChannelMismatchIssue, InvalidOptionIssue, InvalidSyntaxIssue, InvalidTypeIssue, InvalidValueIssue, IssuePath, MissingFieldIssue, NonEmptyReadonlyArray, TooLargeIssue, UnexpectedCallbackIssue, UnknownChannelIssue, UnknownStatusIssue, UnreadableIssue } from './issue.js'

// Errors.

/** `omittedIssues`, where a list of issues was cut and the rest counted: an error without any has no such field. */
const counted = (omitted: number): { readonly omittedIssues?: number } => (omitted > 0 ? { omittedIssues: omitted } : {})

/** The body is not a callback of the vendor's; `omitted` counts the issues beyond those listed. */
export const invalidBodyError = (vendor: Vendor, input: unknown, issues: NonEmptyReadonlyArray<BodyIssue>, omitted = 0): InvalidBodyError => ({ kind: 'invalid_body', vendor, issues, ...counted(omitted), input })

/** Status codes the catalog does not know; `omitted` counts the codes beyond those listed. */
export const unknownStatusError = (vendor: Vendor, input: unknown, issues: NonEmptyReadonlyArray<UnknownStatusIssue>, omitted = 0): UnknownStatusError => ({ kind: 'unknown_status', vendor, issues, ...counted(omitted), input })

export const unknownChannelError = (vendor: Vendor, input: unknown, issue: UnknownChannelIssue): UnknownChannelError => ({ kind: 'unknown_channel', vendor, issues: [issue], input })

export const unexpectedCallbackError = (vendor: Vendor, input: unknown, issue: UnexpectedCallbackIssue): UnexpectedCallbackError => ({
  kind: 'unexpected_callback',
  vendor,
  callback: issue.callback,
  issues: [issue],
  input,
})

/** `vendor` is as the caller gave it: text is kept, anything else described (`String()` throws on some values). */
export const invalidOptionsError = (vendor: unknown, input: unknown, issue: InvalidOptionIssue): InvalidOptionsError => ({
  kind: 'invalid_options',
  vendor: typeof vendor === 'string' ? vendor : describeValue(vendor),
  issues: [issue],
  input,
})

// Issues about the body, read or decoded.

/** The body could not be read at all: `why` says what threw. */
export const unreadableIssue = (why: string): UnreadableIssue => ({ code: 'unreadable', path: [], message: `(root): the body could not be read: ${why}` })

/** The body's text or bytes are not JSON, a form or UTF-8: `what` says what is wrong ("the body is empty"). */
export const invalidSyntaxIssue = (expected: string, what: string): InvalidSyntaxIssue => ({ code: 'invalid_syntax', path: [], expected, message: `(root): ${what}` })

/** The body's text (`characters`) or bytes are more than `options.maxBodySize`. */
export const tooLargeIssue = (size: number, unit: 'characters' | 'bytes', limit: number): TooLargeIssue => ({
  code: 'too_large',
  path: [],
  size,
  limit,
  message: `(root): the body is ${String(size)} ${unit}, over the limit of ${String(limit)} (options.maxBodySize)`,
})

export const missingFieldIssue = (path: IssuePath, expected: string): MissingFieldIssue => ({ code: 'missing_field', path, expected, message: `${formatPath(path)}: missing; expected ${expected}` })

/**
 * A value of the wrong JSON type. `where` is the path as the message quotes it (cut, where
 * a body's long keys would make a long message).
 */
export const invalidTypeIssue = (path: IssuePath, expected: string, received: string, where: string = formatPath(path)): InvalidTypeIssue => ({
  code: 'invalid_type',
  path,
  expected,
  received,
  message: `${where}: expected ${expected}, received ${received}`,
})

/** A value of the right type but not an accepted one, in the words of `reason` (a decoder's message), by default what was expected and received. */
export const invalidValueIssue = (
  path: IssuePath,
  expected: string,
  received: string,
  reason = `expected ${expected}, received ${received}`,
  where: string = formatPath(path),
): InvalidValueIssue => ({ code: 'invalid_value', path, expected, received, message: `${where}: ${reason}` })

/** Bytes whose buffer was transferred (detached): `received` describes them. */
export const transferredBytesIssue = (received: string): InvalidValueIssue => invalidValueIssue([], 'bytes', received, `expected bytes, received ${received} (its bytes were transferred)`)

/**
 * A recipient whose form (`found`, "an e-mail address") is not the form the messages of
 * the caller's `channel` go to (`expected`, "a phone number").
 */
export const channelMismatchIssue = (path: IssuePath, channel: Channel, recipient: string, expected: string, found: string): ChannelMismatchIssue => ({
  code: 'channel_mismatch',
  path,
  channel,
  expected,
  received: `${describeValue(recipient)}, ${found}`,
  message: `${formatPath(path)}: ${describeValue(recipient)} is ${found}, but options.channel is "${channel}", whose messages go to ${expected}; the body was most likely posted to another channel's URL, and is refused rather than read as ${channel}`,
})

// Issues about what the vendor said that deliverykit does not know.

/** `a`, `a and b`, `a, b and c`. */
const listed = (names: ReadonlyArray<string>): string => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.slice(-1).join('')}`)

/**
 * A status code the catalog of its channel does not know: `expected` are the codes it
 * knows, `knownOn` the other channels whose catalog has the code (empty for none), `owner`
 * whose catalog it is ("Octopush", "Messangi legacy"), named with the channel where
 * `namesChannel` (not where every channel shares one catalog).
 */
export const unknownStatusIssue = (
  vendor: Vendor,
  channel: Channel,
  status: string,
  path: IssuePath,
  expected: ReadonlyArray<string>,
  knownOn: ReadonlyArray<Channel>,
  didYouMean: string | undefined,
  owner: string,
  namesChannel: boolean,
): UnknownStatusIssue => {
  const what = namesChannel ? `${owner} ${CHANNEL_NAMES[channel]} status` : `${owner} status`
  const elsewhere = knownOn.length > 0 ? ` (it is a status on ${listed(knownOn.map((c) => CHANNEL_NAMES[c]))})` : ''
  return {
    code: 'unknown_status',
    vendor,
    channel,
    status,
    path,
    expected,
    ...(knownOn.length > 0 && { knownOn }),
    ...(didYouMean !== undefined && { didYouMean }),
    message: `${formatPath(path)}: ${describeValue(status)} is not ${article(what)} ${what}${elsewhere}; expected one of ${expected.join(', ')}${didYouMeanText(didYouMean)}`,
  }
}

/** A channel name the vendor's body gives that is not among `expected`, the names deliverykit knows. */
export const unknownChannelIssue = (vendor: Vendor, channel: string, expected: ReadonlyArray<string>, path: IssuePath, didYouMean: string | undefined): UnknownChannelIssue => ({
  code: 'unknown_channel',
  vendor,
  channel,
  expected,
  ...(didYouMean !== undefined && { didYouMean }),
  path,
  message: `${formatPath(path)}: ${describeValue(channel)} is not ${article(VENDOR_NAMES[vendor])} ${VENDOR_NAMES[vendor]} channel deliverykit knows yet; expected one of ${expected.join(', ')}${didYouMeanText(didYouMean)}`,
})

/**
 * A body of another kind than the entry decodes: it is `shape` (a shape's name), the entry
 * decodes `decodes` ("a delivery receipt"), and `decodeWith` are the functions that do.
 */
export const unexpectedCallbackIssue = (callback: CallbackKind, shape: string, decodes: string, decodeWith: ReadonlyArray<string>): UnexpectedCallbackIssue => ({
  code: 'unexpected_callback',
  path: [],
  callback,
  shape,
  decodeWith,
  message: `(root): this is ${article(shape)} ${shape}, not ${decodes}; decode it with ${decodeWith.join(' or ')}`,
})

// Issues about the call.

/**
 * An option, or a field of one (a path), that is not what it should be: `received`
 * describes the value; `didYouMean` is the known value it is most likely a typo of;
 * `index` the item of a list option that is wrong (`options.optOutKeywords[2]`).
 */
export const invalidOptionIssue = (name: string | IssuePath, expected: string, received: string, didYouMean?: string, index?: number): InvalidOptionIssue => {
  // A name is one step (`recipient`); a path goes into a field (`cost.amount`).
  const named: IssuePath = typeof name === 'string' ? [name] : name
  const path = index === undefined ? named : [...named, index]
  return {
    code: 'invalid_option',
    path,
    expected,
    received,
    ...(didYouMean !== undefined && { didYouMean }),
    message: `${optionPath(typeof name === 'string' && index === undefined ? name : path)}: expected ${expected}, received ${received}${didYouMeanText(didYouMean)}`,
  }
}

/** An option's path as messages write it: `options.channel`, `options.cost.amount`, `options["0"]`. */
const optionPath = (name: string | IssuePath): string => {
  const path = typeof name === 'string' ? name : formatPath(name)
  return path.startsWith('[') ? `options${path}` : `options.${path}`
}

/** What a list of issues that was cut says of the rest (a Standard Schema's last issue). */
export const unlistedIssuesMessage = (omitted: number): string => `(root): ${String(omitted)} more issue${omitted === 1 ? ' was' : 's were'} found and not listed`
