import type { either } from 'fp-ts'

import * as E from '../internal/either.js'

import { detectVendor } from '../detect.js'
import type { InvalidOptionsError, NormalizeError } from '../errors/error.js'
import { describeValue, formatError } from '../errors/format.js'
import { CHANNELS, type Channel } from '../model/channel.js'
import { VENDORS, isVendor, type Vendor } from '../model/vendor.js'
import { didYouMean } from '../internal/didYouMean.js'
import { INBOUND_ENTRY, WEBHOOK_ENTRY } from '../internal/engine.js'
import { runEntry } from '../normalize.js'
import { REGISTRY } from '../registry.js'
import { flagValueError, parseCommandLine, type Flags } from './args.js'
import { catalogRows, catalogTable } from './catalog.js'
import { EXIT, OutputClosed, inputsOf, jsonOutput, line, ndjsonOutput, reasonOf, worse, type CliIo, type ExitCode, type Input, type Output } from './io.js'
import { tableOutput } from './table.js'
import { safeJson } from './terminal.js'

export { EXIT, type CliIo } from './io.js'

/** Where the example bodies are once the package is installed. */
const PAYLOADS = 'node_modules/deliverykit/examples/payloads'

/** Every line under "Examples:" runs as it is where deliverykit is installed (the tests run them). */
export const HELP = `deliverykit: turn messaging vendors' webhooks into canonical events

Usage:
  deliverykit normalize --vendor VENDOR [options] [FILE|DIR|-]...
  deliverykit detect [FILE|DIR|-]...
  deliverykit catalog VENDOR [--channel CHANNEL] [--format table|json]
  deliverykit --help | --version

normalize  reads each body (a file, every *.json file of a folder, or standard input
           with - or no argument; JSON or form-encoded), whatever callback it is (a
           delivery receipt, an opt-out or an inbound message), and prints its events:
           JSON by default (an array for one body, an object keyed by file name for
           several), one event a line with --format ndjson, a table with --format table.
           Each body's events are written before the next body is read. A file named
           twice is read once, under one key; a folder's *.json entry that is not a
           regular file (a FIFO, a socket) is skipped, with a line on stderr.
detect     says which vendor and kind of callback each body looks like, as JSON.
catalog    prints a vendor's status table: code, canonical status, classification,
           failure reason and permanence, and the vendor's description.

Options:
  --vendor VENDOR          ${VENDORS.join(', ')} (normalize: required)
  --channel CHANNEL        normalize: the channel of bodies that do not name one (Octopush:
                           sms, voice, rcs, whatsapp; Messangi: sms, email, push, rcs,
                           whatsapp, required but for legacy callbacks); catalog: one channel
  --time-zone ZONE         IANA zone of the vendor's zone-less times (Octopush: Europe/Paris,
                           Masstack: Europe/Madrid)
  --unknown-status keep    keep codes the catalog does not know as "unknown" events
  --inbound                normalize: accept only opt-out (STOP) and inbound-message callbacks
  --format FORMAT          normalize: json (the default), ndjson or table (for people: one
                           line per event); catalog: table (the default) or json
  --ndjson                 normalize: the same as --format ndjson
  --json                   catalog: the same as --format json

Exit status: 0 all bodies handled; 1 a body was rejected, not recognised or could not be
read (the reason on stderr); 2 bad usage; 3 deliverykit itself failed (a bug).

Examples (the bodies ship with the package: run these where it is installed):
  deliverykit normalize --vendor octopush --format table ${PAYLOADS}/octopush
  deliverykit normalize --vendor octopush --ndjson ${PAYLOADS}/octopush/email.json
  deliverykit normalize --vendor messangi --channel whatsapp ${PAYLOADS}/messangi/whatsapp
  deliverykit normalize --vendor octopush --inbound --format table ${PAYLOADS}/octopush/stop.json
  echo '{"message_id":"sms_1","number":"+33600000000","status":"DELIVERED","delivery_date":"2025-01-22 11:46:06"}' | deliverykit normalize --vendor octopush --time-zone UTC
  deliverykit detect ${PAYLOADS}/messangi/legacy-sms.json
  deliverykit catalog messangi --channel sms
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
export const run = (argv: ReadonlyArray<string>, io: CliIo, version: string): ExitCode => {
  try {
    return runCommand(argv, io, version)
  } catch (thrown) {
    // Safe: OutputClosed is this bundle's own class.
    if (thrown instanceof OutputClosed) return EXIT.rejected
    io.stderr(line(`deliverykit: failed: ${reasonOf(thrown)}`))
    return EXIT.failed
  }
}

const runCommand = (argv: ReadonlyArray<string>, io: CliIo, version: string): ExitCode => {
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
    case undefined:
      return usageError(io, 'no command given; the commands are normalize, detect, catalog')
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
  return eachInput(inputs, io, output, (body, input) => {
    const result: either.Either<NormalizeError, ReadonlyArray<unknown>> = runEntry(REGISTRY, entry, vendor, body, options)
    if (E.isRight(result)) {
      output.add(input, result.right)
      return EXIT.ok
    }
    if (result.left.kind === 'invalid_options') {
      // An option a body needs and the command line did not give (Messangi's --channel).
      io.stderr(line(`${input.name}: ${optionsMessage(result.left)}`))
      return EXIT.usage
    }
    io.stderr(line(`${input.name}: ${result.left.kind.replace('_', ' ')}`))
    for (const message of formatError(result.left).split('\n')) io.stderr(line(`  ${message}`))
    return EXIT.rejected
  })
}

/**
 * Reads each input and hands its body to `handle`; an input that cannot be read is one
 * line on stderr. Returns the worst exit code.
 */
const eachInput = (inputs: ReadonlyArray<Input>, io: CliIo, output: Output, handle: (body: string | Uint8Array, input: Input) => ExitCode): ExitCode => {
  let exit: ExitCode = EXIT.ok
  for (const input of inputs) {
    let body: string | Uint8Array
    try {
      body = input.read()
    } catch (thrown) {
      io.stderr(line(`${input.name}: cannot read: ${reasonOf(thrown)}`))
      exit = worse(exit, EXIT.rejected)
      continue
    }
    exit = worse(exit, handle(body, input))
    // This body's output is complete: it goes out before the next body is read, which
    // may wait (standard input, a slow disk).
    io.flush()
  }
  output.end()
  return exit
}

const detectCommand = (paths: ReadonlyArray<string>, io: CliIo): ExitCode => {
  const inputs = inputsOf(paths, io)
  if (typeof inputs === 'string') {
    io.stderr(line(`deliverykit: ${inputs}`))
    return EXIT.rejected
  }
  const output = jsonOutput(io, inputs.length > 1)
  return eachInput(inputs, io, output, (body, input) => {
    const detection = detectVendor(body)
    output.add(input, detection)
    if (detection.detected) return EXIT.ok
    io.stderr(line(`${input.name}: not recognised: ${detection.reason}`))
    return EXIT.rejected
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
  const channel = flags.channel
  if (channel !== undefined && !(CHANNELS as ReadonlyArray<string>).includes(channel)) {
    return usageError(io, flagValueError('--channel', `one of ${CHANNELS.join(', ')}`, describeValue(channel), didYouMean(channel, CHANNELS)))
  }
  const rows = catalogRows(vendor, channel as Channel | undefined)
  if (rows.length === 0) return usageError(io, `${vendor} does not send on ${channel ?? 'any channel'}`)
  if (format === 'json') {
    const json = rows.map(({ channel: on, code, entry }) => ({ vendor, channel: on, code, ...entry }))
    io.stdout(`${safeJson(JSON.stringify(json, null, 2))}\n`)
  } else io.stdout(`${catalogTable(vendor, rows)}\n`)
  return EXIT.ok
}
