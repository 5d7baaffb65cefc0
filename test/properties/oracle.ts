/**
 * What every answer of deliverykit must be, whatever the input: a well-formed error that
 * keeps the input, or well-formed events that agree with the catalogs and are plain data.
 */
import {
  CHANNELS,
  CLASSIFICATION_OF_STATUS,
  formatError,
  formatPath,
  isDeliveryKitError,
  lookupStatus,
  VENDORS,
  type AnyEvent,
  type NormalizeError,
  type Vendor,
} from 'deliverykit'
import { either as E } from 'fp-ts'
import { deepEqual, deepStrictEqual } from 'node:assert/strict'

import { CATALOGS, catalogsOf } from './arbitraries.js'

const KINDS: ReadonlyArray<string> = ['invalid_body', 'unknown_status', 'unknown_channel', 'unexpected_callback', 'invalid_options']
const BODY_CODES: ReadonlyArray<string> = ['invalid_syntax', 'missing_field', 'invalid_type', 'invalid_value', 'unreadable', 'too_large', 'channel_mismatch']

/** An error message must stay readable and loggable, whatever was sent: no line echoes a megabyte. */
export const MAX_MESSAGE = 2_000

/** A `Left` is a well-formed error: a known kind, issues naming their path, and the input itself. */
export const checkError = (error: NormalizeError, input: unknown): void => {
  ok(KINDS.includes(error.kind), `unknown kind ${error.kind}`)
  ok(Object.is(error.input, input), 'the error keeps the input itself')
  ok(error.issues.length > 0, 'an error has issues')
  for (const issue of error.issues) {
    ok(typeof issue.message === 'string' && issue.message.length > 0, 'an issue has a message')
    ok(issue.message.length < MAX_MESSAGE, `an issue message of ${String(issue.message.length)} characters: ${issue.message.slice(0, 200)}…`)
    if (error.kind === 'invalid_options') {
      ok(issue.code === 'invalid_option', `invalid_options with issue ${issue.code}`)
      // The option, then the end of its name or a step into it (`options.cost.amount`, `options["0"]`).
      const option = formatPath(issue.path)
      // An option by name (`options.channel`, `options.(options)`), or a path into one.
      const named = issue.path.length === 1 && issue.message.startsWith(`options.${String(issue.path[0])}: `)
      ok(named || issue.message.startsWith(`options${option.startsWith('[') ? '' : '.'}${option}: `), `message names the option: ${issue.message}`)
    } else {
      // A path longer than a message quotes (a body nested 100 levels deep with long keys) is cut after 1,000 characters.
      const path = formatPath(issue.path)
      const named = path.length > 1000 ? `${path.slice(0, 1000)}…: ` : `${path}: `
      ok(issue.message.startsWith(named), `message names its path ${path.slice(0, 200)}: ${issue.message.slice(0, 200)}`)
    }
    if (error.kind === 'invalid_body') ok(BODY_CODES.includes(issue.code), `invalid_body with issue ${issue.code}`)
    if (error.kind === 'unknown_channel' || error.kind === 'unexpected_callback') ok(issue.code === error.kind, `${error.kind} with issue ${issue.code}`)
    if (issue.code === 'unknown_status') {
      ok(error.kind === 'unknown_status', 'unknown_status issues only in unknown_status errors')
      // A legacy Messangi callback's STATUS is read in the legacy catalogs.
      const catalogs = issue.path[0] === 'STATUS' ? catalogsOf('messangi', { TYPE: '', MESSANGI_ID: '' }) : CATALOGS[issue.vendor]
      ok(lookupStatus(catalogs, issue.channel, issue.status) === undefined, `${issue.status} is known`)
      deepStrictEqual(issue.expected, Object.keys(catalogs[issue.channel] ?? {}))
    }
  }
  const text = formatError(error)
  ok(text.startsWith(error.issues[0].message), 'formatError starts with the first issue')
}

/** Objects of an event are plain: the usual prototype, own data properties, no symbols, no functions. */
export const checkPlainData = (value: unknown, where = 'event'): void => {
  if (value === null || typeof value !== 'object') {
    ok(typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)), `${where} is ${typeof value} ${String(value)}`)
    return
  }
  const proto: unknown = Object.getPrototypeOf(value)
  ok(proto === Object.prototype || proto === Array.prototype, `${where} has a plain prototype`)
  ok(Object.getOwnPropertySymbols(value).length === 0, `${where} has no symbol keys`)
  for (const name of Object.getOwnPropertyNames(value)) {
    if (Array.isArray(value) && name === 'length') continue
    const descriptor = Object.getOwnPropertyDescriptor(value, name)
    ok(descriptor !== undefined && 'value' in descriptor, `${where}.${name} is a data property`)
    ok(name !== '__proto__' && name !== 'constructor' && name !== 'prototype', `${where} has a key ${name}`)
    checkPlainData((value as Record<string, unknown>)[name], `${where}.${name}`)
  }
}

/**
 * An event is well formed: its classification is the one of its status, its mapping and
 * description are the catalog's, and everything but `raw` (the vendor's payload, kept as
 * given) is plain data that survives a JSON round trip unchanged.
 */
export const checkEvent = (event: AnyEvent, vendor: Vendor | undefined): void => {
  const kind: unknown = event.kind
  ok(kind === 'delivery', `a delivery event of kind ${String(kind)}`)
  ok(vendor === undefined || event.vendor === vendor, `event of ${event.vendor}`)
  ok(VENDORS.includes(event.vendor) && CHANNELS.includes(event.channel), 'known vendor and channel')
  ok(typeof event.messageId === 'string' && typeof event.recipient === 'string' && typeof event.vendorStatus === 'string', 'text ids')
  ok(/^[0-9a-f]{32}$/.test(event.eventId), 'eventId is 32 hex digits')
  const entry = lookupStatus(catalogsOf(event.vendor, event.raw), event.channel, event.vendorStatus)
  if (entry === undefined) {
    deepStrictEqual([event.classification, event.status, event.description], ['unknown', 'unknown', ''])
  } else {
    deepStrictEqual([event.status, event.classification, event.description], [entry.status, entry.classification, entry.description])
    ok(CLASSIFICATION_OF_STATUS[entry.status] === entry.classification, 'catalog classification')
    if (entry.classification === 'failure') deepStrictEqual('failure' in event && event.failure, entry.failure)
    else ok(!('failure' in event), 'no failure on a non-failure event')
  }
  for (const [name, value] of Object.entries(event)) ok(value !== undefined, `event.${name} is omitted, never undefined`)
  const { raw, ...rest } = event
  checkPlainData(rest)
  // Strict: no number of an event is -0 (JSON would turn it into 0), NaN or infinite.
  deepStrictEqual(JSON.parse(JSON.stringify(rest)), rest)
  const rawValue: unknown = raw
  ok(typeof rawValue === 'object' && rawValue !== null, 'raw is an object')
}

/** A result is a well-formed error or well-formed events. */
export const checkResult = (result: E.Either<NormalizeError, ReadonlyArray<AnyEvent>>, input: unknown, vendor?: Vendor): void => {
  if (E.isLeft(result)) checkError(result.left, input)
  else {
    const events: unknown = result.right
    ok(Array.isArray(events), 'events are an array')
    for (const event of result.right) checkEvent(event, vendor)
  }
}

/** What `parse` did: returned the events `normalize` gives, or threw a DeliveryKitError with its error. */
export const checkThrowing = (run: () => ReadonlyArray<AnyEvent>, expected: E.Either<NormalizeError, ReadonlyArray<AnyEvent>>): void => {
  let thrown: unknown = undefined
  let events: ReadonlyArray<AnyEvent> | undefined
  try {
    events = run()
  } catch (error) {
    thrown = error
  }
  if (E.isRight(expected)) {
    ok(thrown === undefined, `parse threw ${String(thrown)}`)
    // raw is the body as given, which may be a hand-built object that cannot be compared.
    deepEqual(events?.map(withoutRaw), expected.right.map(withoutRaw))
  } else {
    ok(isDeliveryKitError(thrown), `parse threw ${String(thrown)}, not a DeliveryKitError`)
    if (isDeliveryKitError(thrown)) {
      const { input, ...rest } = thrown.error
      ok(Object.is(input, expected.left.input), 'the thrown error keeps the input')
      deepEqual(rest, withoutInput(expected.left))
      ok(thrown.message === formatError(expected.left), 'the thrown message is formatError')
    }
  }
}

const withoutRaw = ({ raw: _raw, ...rest }: AnyEvent): Omit<AnyEvent, 'raw'> => rest

const withoutInput = ({ input: _input, ...rest }: NormalizeError): Omit<NormalizeError, 'input'> => rest

/** A cheap assertion: vitest's expect costs too much per call for 100,000 runs. */
export function ok(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message)
}
