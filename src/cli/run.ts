import type { either } from 'fp-ts'

import * as E from '../util/either.js'

import { detectVendor } from '../detect.js'
import type { InvalidOptionsError, NormalizeError } from '../errors/error.js'
import { describeValue, formatError } from '../errors/format.js'
import { CHANNELS, type Channel } from '../model/channel.js'
import { VENDOR_NAMES, VENDORS, isVendor, type Vendor } from '../model/vendor.js'
import { didYouMean, didYouMeanChannel } from '../util/didYouMean.js'
import { INBOUND_ENTRY, WEBHOOK_ENTRY } from '../runtime/run.js'
import { runEntry } from '../normalize.js'
import { REGISTRY, VENDOR_MANIFESTS } from '../options.js'
import { COMMAND_FLAGS, flagValueError, parseCommandLine, type Flags } from './args.js'
import { LEGACY_VENDORS, catalogRows, catalogTable, hasLegacyCatalogs } from './catalog.js'
import { EXIT, OutputClosed, inputsOf, jsonOutput, line, ndjsonOutput, reasonOf, worse, type CliIo, type ErrorEntry, type ExitCode, type Input, type Output } from './io.js'
import { replayCommand } from './replay.js'
import { sendCommand } from './send.js'
import { tableOutput } from './table.js'
import { safeJson } from './terminal.js'

export { EXIT, type CliIo } from './io.js'

/** The help's text of each vendor's `channel` option and default zone, from the vendor list. */
const vendorsWith = <A>(read: (vendor: Vendor) => A | undefined, say: (name: string, value: A) => string): string =>
  VENDORS.flatMap((vendor) => {
    const value = read(vendor)
    return value === undefined ? [] : [say(VENDOR_NAMES[vendor], value)]
  }).join('; ')
const CHANNEL_OPTIONS = vendorsWith((vendor) => VENDOR_MANIFESTS[vendor].channelOption, (name, { values, required }) => `${name}: ${values.join(', ')}${required === undefined ? '' : `, ${required}`}`)
const ZONE_DEFAULTS = vendorsWith((vendor) => VENDOR_MANIFESTS[vendor].zoneLessTimes, (name, zone) => `${name}: ${zone}`)
const LEGACY_NAMES = LEGACY_VENDORS.map((vendor) => `${VENDOR_NAMES[vendor]}'s`).join(' and ')

/** The vendors some of whose bodies need `channel` (Messangi's do not name their channel). */
export const CHANNEL_NEEDED_BY_SOME_BODIES: ReadonlySet<Vendor> = new Set(VENDORS.filter((vendor) => VENDOR_MANIFESTS[vendor].channelOption?.required !== undefined))
const NEEDING_CHANNEL = [...CHANNEL_NEEDED_BY_SOME_BODIES].map((vendor) => VENDOR_NAMES[vendor]).join(' or ')

/** An option's description, wrapped to the help's width under its column. */
const wrapOption = (text: string): string => {
  const lines: Array<string> = []
  let current = ''
  for (const word of text.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > 63) {
      lines.push(current)
      current = word
    } else current = current === '' ? word : `${current} ${word}`
  }
  lines.push(current)
  return lines.join(`\n${' '.repeat(27)}`)
}

/** Where the example bodies are once the package is installed. */
const PAYLOADS = 'node_modules/deliverykit/examples/payloads'

/** Every line under "Examples:" runs as it is where deliverykit is installed (the tests run them). */
export const HELP = `deliverykit: turn messaging vendors' webhooks into canonical events

Usage:
  deliverykit normalize --vendor VENDOR [options] [FILE|DIR|-]...
  deliverykit detect [FILE|DIR|-]...
  deliverykit catalog VENDOR [--channel CHANNEL] [--legacy] [--format table|json]
  deliverykit send --vendor VENDOR --url URL [--form] [--channel CHANNEL] [--timeout SECONDS] [FILE|DIR|-]...
  deliverykit replay --database-url URL [--dry-run] [--page-size N]
  deliverykit --help | --version

normalize  reads each body (a file, the body files of a folder, or standard input with
           - or no argument; JSON or form-encoded), whatever callback it is (a delivery
           receipt, an opt-out or an inbound message), and prints its events: JSON by
           default (an array for one body, an object keyed by file name for several),
           one event a line with --format ndjson, a table with --format table.
           Each body's events are written before the next body is read, but for
           ${NEEDING_CHANNEL} without --channel: whether a body needs one is known only once it
           is read, so the output waits until every body is decided, and a body that
           needs --channel makes the whole run a usage error with no output.
detect     says which vendor and kind of callback each body looks like, as JSON.
catalog    prints a vendor's status table: code, canonical status, classification,
           failure reason and permanence, and the vendor's description. --legacy
           prints ${LEGACY_NAMES} legacy callback tables instead.
send       posts each body (the files named or, with none, the example bodies shipped
           for the vendor) to the URL given and prints each reply's status, to try an
           endpoint. It sends nothing without --url and nowhere else: redirects are
           reported, not followed. JSON bodies go as JSON, or with --form as the form
           post a vendor sends (bracket keys: deliveries[0][email]); a body that is
           not JSON (a stored form) goes as a form, as it is. At most 100 bodies.
replay     decodes again the bodies the webhook handler kept in PostgreSQL (table
           deliverykit_kept_bodies: bodies it could not decode, byte for byte), with
           this version of deliverykit and each body's route options: the events of a
           body that now decodes are recorded and the body released; the others stay
           kept. Prints how many now decode and each body still kept, with why. Run it
           after an upgrade that maps a new status code. It needs the 'pg' package,
           which deliverykit does not install (npm install pg).

Bodies in a folder: the files named *.json, *.form or *.txt (the decoder tells JSON from a
form by the text; the name says which files are bodies, so a README beside them is not
refused as a broken body). A file named otherwise, and a folder inside the folder, are
not read, each with a line on stderr: a folder holds one channel's bodies, and a folder
inside it often holds another channel's, which needs its own --channel (Messangi's do),
so name it. Hidden files (.name) are left out, as ls leaves them out. A body-named entry
that is not a regular file (a FIFO, a socket) is skipped with a line on stderr. A file
named twice is read once, under one key.

Refused bodies: the reason is on stderr, and in JSON and NDJSON output the body's entry is
{"error": {"kind", "message", "path"}} where its events would be (kind: invalid_body,
unknown_status, unknown_channel, unexpected_callback, unreadable_file, …). No event has
an "error" key: test for it to tell the two apart.

Options:
  --vendor VENDOR          ${VENDORS.join(', ')} (normalize, send: required; catalog: in
                           place of its VENDOR argument)
  --channel CHANNEL        ${wrapOption(`normalize: the channel of bodies that do not name one (${CHANNEL_OPTIONS}); catalog: one channel; send: the examples of that channel`)}
  --time-zone ZONE         ${wrapOption(`normalize: IANA zone of the vendor's zone-less times (${ZONE_DEFAULTS})`)}
  --unknown-status MODE    normalize: error (the default) refuses a code the catalog does not
                           know; keep prints it as an "unknown" event
  --inbound                normalize: accept only opt-out (STOP) and inbound-message callbacks
  --format FORMAT          normalize: json (the default), ndjson or table (for people: one
                           line per event); catalog: table (the default) or json
  --ndjson                 normalize: the same as --format ndjson
  --json                   catalog: the same as --format json
  --legacy                 catalog: ${LEGACY_NAMES} legacy callback tables
  --url URL                send: the http:// or https:// URL to post to (required)
  --form                   send: post JSON bodies as forms (application/x-www-form-urlencoded)
  --timeout SECONDS        send: how long each post may take (default 10, at most 300)
  --database-url URL       replay: the PostgreSQL URL (postgres://user:password@host/db) of
                           the database the handler stores in (required)
  --dry-run                replay: decode and report only; record and release nothing
  --page-size N            replay: kept bodies read at a time (default 100, at most 10000)
  --help, -h               this text
  --version                the version of deliverykit

Exit status: 0 all bodies handled (send: every reply 2xx; replay: the kept bodies all
decoded again, whether or not they now decode); 1 a body was rejected, not recognised,
could not be read or sent, or its reply was not 2xx, or replay's database failed or 'pg'
is missing (the reason on stderr);
2 bad usage, said before any body is read or printed; 3 deliverykit itself failed (a bug).

Trying an endpoint (with your server listening):
  deliverykit send --vendor octopush --url http://127.0.0.1:3000/webhooks/octopush
  deliverykit send --vendor messangi --channel sms --url http://127.0.0.1:3000/webhooks/messangi/sms
  deliverykit send --vendor octopush --form --url http://127.0.0.1:3000/webhooks/octopush body.json

Replaying kept bodies after an upgrade (with pg installed beside deliverykit):
  deliverykit replay --dry-run --database-url "$DATABASE_URL"
  deliverykit replay --database-url "$DATABASE_URL"

Examples (the bodies ship with the package: run these where it is installed):
  deliverykit normalize --vendor octopush --format table ${PAYLOADS}/octopush
  deliverykit normalize --vendor octopush --ndjson ${PAYLOADS}/octopush/email.json
  deliverykit normalize --vendor messangi --channel whatsapp ${PAYLOADS}/messangi/whatsapp
  deliverykit normalize --vendor octopush --inbound --format table ${PAYLOADS}/octopush/stop.json
  echo '{"message_id":"sms_1","number":"+33600000000","status":"DELIVERED","delivery_date":"2025-01-22 11:46:06"}' | deliverykit normalize --vendor octopush --time-zone UTC
  deliverykit detect ${PAYLOADS}/messangi/legacy-sms.json
  deliverykit catalog messangi --channel sms
  deliverykit catalog messangi --legacy
`

/** A usage error: one line, and where to look. */
const usageError = (io: CliIo, message: string): ExitCode => {
  io.stderr(line(`deliverykit: ${message} (see deliverykit --help)`))
  return EXIT.usage
}

/**
 * Runs the command line `argv` (without `node` and the script) and returns the exit code.
 * Never throws: whatever goes wrong is one line on stderr and an exit code.
 */
export const run = (argv: ReadonlyArray<string>, io: CliIo, version: string): ExitCode | Promise<ExitCode> => {
  try {
    const code = runCommand(argv, io, version)
    // send and replay wait for replies; every other command answers at once.
    return typeof code === 'number' ? code : code.catch((thrown: unknown) => failed(io, thrown))
  } catch (thrown) {
    return failed(io, thrown)
  }
}

const failed = (io: CliIo, thrown: unknown): ExitCode => {
  // Safe: OutputClosed is this bundle's own class.
  if (thrown instanceof OutputClosed) return EXIT.rejected
  io.stderr(line(`deliverykit: failed: ${reasonOf(thrown)}`))
  return EXIT.failed
}

const runCommand = (argv: ReadonlyArray<string>, io: CliIo, version: string): ExitCode | Promise<ExitCode> => {
  const parsed = parseCommandLine(argv)
  if (!parsed.ok) return usageError(io, parsed.error)
  const { command, flags, positionals } = parsed
  if (flags.help === true || command === 'help') {
    io.stdout(HELP)
    return EXIT.ok
  }
  if (flags.version === true) {
    io.stdout(`${version}\n`)
    return EXIT.ok
  }
  switch (command) {
    case 'normalize':
      return normalizeCommand(flags, positionals, io)
    case 'detect':
      return detectCommand(positionals, io)
    case 'catalog':
      return catalogCommand(flags, positionals, io)
    case 'send':
      return sendCommand(flags, positionals, io)
    case 'replay':
      return replayCommand(flags, positionals, io)
    case undefined:
      return usageError(io, `no command given; the commands are ${Object.keys(COMMAND_FLAGS).join(', ')}`)
  }
}

/** How the CLI names each option of the library, for messages. */
const FLAG_OF_OPTION: Readonly<Record<string, string>> = {
  vendor: '--vendor',
  channel: '--channel',
  timeZone: '--time-zone',
  unknownStatus: '--unknown-status',
}

/** An `invalid_options` error, naming flags as flags (`--channel`, not `options.channel`). */
const optionsMessage = (error: InvalidOptionsError): string =>
  error.issues
    .map((issue) => {
      const name = issue.path[0]
      // Stryker disable next-line all: the command passes no option without a flag, so the fallbacks are never used
      const flag = typeof name === 'string' ? (FLAG_OF_OPTION[name] ?? `option ${name}`) : 'an option'
      return flagValueError(flag, issue.expected, issue.received, issue.didYouMean)
    })
    .join('; ')

const vendorOf = (name: string | undefined): { readonly vendor: Vendor } | { readonly error: string } => {
  if (name === undefined) return { error: '--vendor is required' }
  if (!isVendor(name)) return { error: flagValueError('--vendor', `one of ${VENDORS.join(', ')}`, describeValue(name), didYouMean(name, VENDORS)) }
  return { vendor: name }
}

const FORMATS = { normalize: ['json', 'ndjson', 'table'], catalog: ['table', 'json'] } as const

/** The `--format` given (or implied by `--ndjson`, `--json`), or the error. */
const formatOf = <C extends keyof typeof FORMATS>(command: C, flags: Flags): (typeof FORMATS)[C][number] | { readonly error: string } => {
  const formats: readonly [string, ...ReadonlyArray<string>] = FORMATS[command]
  const implied = flags.ndjson === true ? 'ndjson' : flags.json === true ? 'json' : undefined
  const format = flags.format ?? implied ?? formats[0]
  if (flags.format !== undefined && implied !== undefined && flags.format !== implied) return { error: `--format ${flags.format} and --${implied} disagree` }
  if (!formats.includes(format)) {
    return { error: flagValueError('--format', `one of ${formats.join(', ')}`, describeValue(format), didYouMean(format, formats)) }
  }
  // Safe: checked against this command's formats just above.
  return format as (typeof FORMATS)[C][number]
}


/**
 * What became of one body: a value to write (its events; a detection), with lines for
 * stderr if it is not accepted as it is; its refusal; or an option it needs and was not given.
 */
type Outcome =
  | { readonly value: unknown; readonly lines: ReadonlyArray<string> }
  | { readonly refused: ErrorEntry; readonly lines: ReadonlyArray<string> }
  | { readonly usage: string }

/** A body that could not be read: its error entry and its line. */
const unreadable = (input: Input, thrown: unknown): Outcome => {
  const message = `cannot read: ${reasonOf(thrown)}`
  return { refused: { error: { kind: 'unreadable_file', message, path: input.name } }, lines: [`${input.name}: ${message}`] }
}

const normalizeCommand = (flags: Flags, paths: ReadonlyArray<string>, io: CliIo): ExitCode => {
  const named = vendorOf(flags.vendor)
  if ('error' in named) return usageError(io, named.error)
  const { vendor } = named
  const unknownStatus = flags['unknown-status']
  if (unknownStatus !== undefined && unknownStatus !== 'keep' && unknownStatus !== 'error') {
    return usageError(io, flagValueError('--unknown-status', '"keep" or "error"', describeValue(unknownStatus), didYouMean(unknownStatus, ['keep', 'error'])))
  }
  const format = formatOf('normalize', flags)
  if (typeof format !== 'string') return usageError(io, format.error)
  // An option left undefined is one not given.
  const options = { channel: flags.channel, timeZone: flags['time-zone'], unknownStatus }
  const entry = flags.inbound === true ? INBOUND_ENTRY : WEBHOOK_ENTRY
  // The options are checked by normalize itself, before it reads a body: an empty body
  // gives their error, if any, before any input is read.
  // Stryker disable next-line StringLiteral: the probe's body is never read when the options are wrong
  const probe = runEntry(REGISTRY, entry, vendor, '', options)
  if (E.isLeft(probe) && probe.left.kind === 'invalid_options') return usageError(io, optionsMessage(probe.left))
  const inputs = inputsOf(paths, io)
  if (typeof inputs === 'string') {
    io.stderr(line(`deliverykit: ${inputs}`))
    return EXIT.rejected
  }
  const output = format === 'ndjson' ? ndjsonOutput(io) : format === 'table' ? tableOutput(io, inputs) : jsonOutput(io, inputs.length > 1)
  const decide = (input: Input): Outcome => {
    let body: string | Uint8Array
    try {
      body = input.read()
    } catch (thrown) {
      return unreadable(input, thrown)
    }
    const result: either.Either<NormalizeError, ReadonlyArray<unknown>> = runEntry(REGISTRY, entry, vendor, body, options)
    if (E.isRight(result)) return { value: result.right, lines: [] }
    // An option a body needs and the command line did not give (Messangi's --channel).
    if (result.left.kind === 'invalid_options') return { usage: `${input.name}: ${optionsMessage(result.left)}` }
    const message = formatError(result.left)
    const lines = [`${input.name}: ${result.left.kind.replace('_', ' ')}`, ...message.split('\n').map((text) => `  ${text}`)]
    return { refused: { error: { kind: result.left.kind, message, path: input.name } }, lines }
  }
  const mayNeedOptions = flags.channel === undefined && CHANNEL_NEEDED_BY_SOME_BODIES.has(vendor)
  return mayNeedOptions ? allOrNothing(inputs, io, output, decide) : eachInput(inputs, io, output, decide)
}

/** Writes one body's outcome: its events or error entry, and its lines on stderr. */
const report = (input: Input, outcome: Outcome, io: CliIo, output: Output): ExitCode => {
  if ('value' in outcome) {
    for (const text of outcome.lines) io.stderr(line(text))
    output.add(input, outcome.value)
    return outcome.lines.length === 0 ? EXIT.ok : EXIT.rejected
  }
  if ('usage' in outcome) {
    io.stderr(line(outcome.usage))
    return EXIT.usage
  }
  for (const text of outcome.lines) io.stderr(line(text))
  output.reject(input, outcome.refused)
  return EXIT.rejected
}

/**
 * Decides each input and writes its outcome before the next input is read. Returns the
 * worst exit code.
 */
const eachInput = (inputs: ReadonlyArray<Input>, io: CliIo, output: Output, decide: (input: Input, index: number) => Outcome): ExitCode => {
  let exit: ExitCode = EXIT.ok
  for (const [index, input] of inputs.entries()) {
    exit = worse(exit, report(input, decide(input, index), io, output))
    // This body's output is complete: it goes out before the next body is read, which
    // may wait (standard input, a slow disk).
    io.flush()
  }
  output.end()
  return exit
}

/**
 * Decides every input (each read once), then writes them all, or, if one needs an option
 * that was not given, nothing but the usage lines: a usage error never comes after output.
 */
const allOrNothing = (inputs: ReadonlyArray<Input>, io: CliIo, output: Output, decide: (input: Input) => Outcome): ExitCode => {
  const outcomes = inputs.map((input) => ({ input, outcome: decide(input) }))
  const usages = outcomes.flatMap(({ outcome }) => ('usage' in outcome ? [outcome.usage] : []))
  if (usages.length > 0) {
    for (const usage of usages) io.stderr(line(usage))
    io.stderr(line('deliverykit: nothing was printed: name the channel with --channel, or read these bodies apart (see deliverykit --help)'))
    return EXIT.usage
  }
  // Stryker disable next-line all: every input was decided above
  return eachInput(inputs, io, output, (input, index) => outcomes[index]?.outcome ?? { usage: `${input.name}: not decided` })
}

const detectCommand = (paths: ReadonlyArray<string>, io: CliIo): ExitCode => {
  const inputs = inputsOf(paths, io)
  if (typeof inputs === 'string') {
    io.stderr(line(`deliverykit: ${inputs}`))
    return EXIT.rejected
  }
  const output = jsonOutput(io, inputs.length > 1)
  return eachInput(inputs, io, output, (input) => {
    let body: string | Uint8Array
    try {
      body = input.read()
    } catch (thrown) {
      return unreadable(input, thrown)
    }
    const detection = detectVendor(body)
    // Not recognised: the detection itself says why (detected: false, reason).
    return { value: detection, lines: detection.detected ? [] : [`${input.name}: not recognised: ${detection.reason}`] }
  })
}

const catalogCommand = (flags: Flags, positionals: ReadonlyArray<string>, io: CliIo): ExitCode => {
  const [name, ...extra] = positionals
  if (extra.length > 0) return usageError(io, `catalog takes one vendor, not ${String(positionals.length)} arguments`)
  if (name === undefined && flags.vendor === undefined) return usageError(io, 'catalog needs a vendor: deliverykit catalog VENDOR')
  const named = vendorOf(name ?? flags.vendor)
  if ('error' in named) return usageError(io, named.error)
  const { vendor } = named
  const format = formatOf('catalog', flags)
  if (typeof format !== 'string') return usageError(io, format.error)
  const legacy = flags.legacy === true
  if (legacy && !hasLegacyCatalogs(vendor)) return usageError(io, `--legacy: only ${LEGACY_VENDORS.join(', ')} has legacy tables; ${vendor} has one catalog`)
  const channel = flags.channel
  if (channel !== undefined && !(CHANNELS as ReadonlyArray<string>).includes(channel)) {
    return usageError(io, flagValueError('--channel', `one of ${CHANNELS.join(', ')}`, describeValue(channel), didYouMeanChannel(channel, CHANNELS)))
  }
  const rows = catalogRows(vendor, channel as Channel | undefined, legacy)
  if (rows.length === 0) return usageError(io, `${vendor}${legacy ? "'s legacy callbacks" : ''} does not send on ${channel ?? 'any channel'}`)
  if (format === 'json') {
    const json = rows.map(({ channel: on, code, entry }) => ({ vendor, ...(legacy && { legacy }), channel: on, code, ...entry }))
    io.stdout(`${safeJson(JSON.stringify(json, null, 2))}\n`)
  } else io.stdout(`${catalogTable(vendor, rows, legacy)}\n`)
  return EXIT.ok
}
