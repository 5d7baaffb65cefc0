import { parseArgs } from 'node:util'

import type { either } from 'fp-ts'
import * as E from '../internal/either.js'

import { detectVendor } from '../detect.js'
import type { NormalizeError } from '../errors/error.js'
import { formatError } from '../errors/format.js'
import { CHANNELS, type Channel } from '../model/channel.js'
import { VENDORS, isVendor, type Vendor } from '../model/vendor.js'
import { INBOUND_ENTRY, WEBHOOK_ENTRY } from '../internal/engine.js'
import { runEntry } from '../normalize.js'
import { REGISTRY } from '../registry.js'
import { catalogRows, catalogTable } from './catalog.js'
import { EXIT, indent, inputsOf, printDocuments, type CliIo } from './io.js'

export { EXIT, type CliIo } from './io.js'

export const HELP = `deliverykit: turn messaging vendors' delivery webhooks into canonical events

Usage:
  deliverykit normalize --vendor VENDOR [options] [FILE|DIR|-]...
  deliverykit detect [FILE|DIR|-]...
  deliverykit catalog VENDOR [--channel CHANNEL] [--json]
  deliverykit --help | --version

normalize  reads each body (a file, every *.json file of a folder, or standard input
           with - or no argument; JSON or form-encoded), whatever callback it is (a
           delivery receipt, an opt-out or an inbound message), and prints its events as
           JSON: an array for one body, an object keyed by file name for several.
detect     says which vendor and kind of callback each body looks like.
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
  --ndjson                 print one event per line instead of JSON documents
  --json                   catalog: print JSON rows instead of a table

Exit status: 0 all bodies handled, 1 a body was rejected or not recognised (the reason on
stderr), 2 bad usage.

Examples:
  deliverykit normalize --vendor octopush examples/payloads/octopush
  curl -s … | deliverykit normalize --vendor octopush --time-zone UTC -
  deliverykit normalize --vendor octopush --channel voice --ndjson old-voice-dlr.json
  deliverykit normalize --vendor messangi --channel whatsapp examples/payloads/messangi/whatsapp
  deliverykit normalize --vendor octopush --inbound stop.json
  deliverykit detect unknown-body.json
  deliverykit catalog messangi --channel sms
`

const usageError = (io: CliIo, message: string): number => {
  io.stderr(`deliverykit: ${message}\n\n${HELP}`)
  return EXIT.usage
}

const OPTIONS = {
  vendor: { type: 'string' },
  channel: { type: 'string' },
  'time-zone': { type: 'string' },
  'unknown-status': { type: 'string' },
  inbound: { type: 'boolean', default: false },
  ndjson: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values']

/** Runs the command line `argv` (without `node` and the script) and returns the exit code. */
export const run = (argv: ReadonlyArray<string>, io: CliIo, version: string): number => {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS })
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  if (values.help || positionals[0] === 'help') {
    io.stdout(HELP)
    return EXIT.ok
  }
  if (values.version) {
    io.stdout(`${version}\n`)
    return EXIT.ok
  }
  const [command, ...rest] = positionals
  switch (command) {
    case 'normalize':
      return normalizeCommand(values, rest, io)
    case 'detect':
      return detectCommand(rest, io)
    case 'catalog':
      return catalogCommand(values, rest, io)
    case undefined:
      return usageError(io, 'no command given')
    default:
      return usageError(io, `unknown command "${command}"`)
  }
}

const vendorOf = (name: string | undefined, io: CliIo): Vendor | number => {
  if (name === undefined) return usageError(io, '--vendor is required')
  if (!isVendor(name)) return usageError(io, `unknown vendor "${name}"; expected one of ${VENDORS.join(', ')}`)
  return name
}

const normalizeCommand = (values: Values, paths: ReadonlyArray<string>, io: CliIo): number => {
  const vendor = vendorOf(values.vendor, io)
  if (typeof vendor === 'number') return vendor
  const unknownStatus = values['unknown-status']
  if (unknownStatus !== undefined && unknownStatus !== 'keep' && unknownStatus !== 'error') {
    return usageError(io, `--unknown-status takes "keep" or "error", not "${unknownStatus}"`)
  }
  // Option values are checked by normalize itself; a bad one is reported as usage.
  const options = {
    ...(values.channel !== undefined && { channel: values.channel }),
    ...(values['time-zone'] !== undefined && { timeZone: values['time-zone'] }),
    ...(unknownStatus !== undefined && { unknownStatus }),
  }
  const inputs = inputsOf(paths, io)
  if (typeof inputs === 'string') {
    io.stderr(`deliverykit: ${inputs}\n`)
    return EXIT.rejected
  }
  let exit: number = EXIT.ok
  const results: Record<string, unknown> = {}
  for (const input of inputs) {
    // The text goes to normalize as it is: it reads JSON and form bodies and never throws.
    const body = input.read()
    const result: either.Either<NormalizeError, ReadonlyArray<unknown>> = runEntry(REGISTRY, values.inbound ? INBOUND_ENTRY : WEBHOOK_ENTRY, vendor, body, options)
    if (E.isLeft(result)) {
      if (result.left.kind === 'invalid_options') return usageError(io, formatError(result.left))
      io.stderr(`${input.name}: ${result.left.kind.replace('_', ' ')}\n${indent(formatError(result.left))}\n`)
      exit = EXIT.rejected
      continue
    }
    if (values.ndjson) for (const event of result.right) io.stdout(`${JSON.stringify(event)}\n`)
    else results[input.name] = result.right
  }
  if (!values.ndjson) printDocuments(io, inputs, results)
  return exit
}

const detectCommand = (paths: ReadonlyArray<string>, io: CliIo): number => {
  const inputs = inputsOf(paths, io)
  if (typeof inputs === 'string') {
    io.stderr(`deliverykit: ${inputs}\n`)
    return EXIT.rejected
  }
  let exit: number = EXIT.ok
  const results: Record<string, unknown> = {}
  for (const input of inputs) {
    const detection = detectVendor(input.read())
    if (!detection.detected) {
      io.stderr(`${input.name}: not recognised: ${detection.reason}\n`)
      exit = EXIT.rejected
    }
    results[input.name] = detection
  }
  printDocuments(io, inputs, results)
  return exit
}

const catalogCommand = (values: Values, positionals: ReadonlyArray<string>, io: CliIo): number => {
  const [name, ...extra] = positionals
  if (extra.length > 0) return usageError(io, `catalog takes one vendor, not ${String(positionals.length)} arguments`)
  const vendor = vendorOf(name ?? values.vendor, io)
  if (typeof vendor === 'number') return vendor
  const channel = values.channel
  if (channel !== undefined && !(CHANNELS as ReadonlyArray<string>).includes(channel)) {
    return usageError(io, `unknown channel "${channel}"; expected one of ${CHANNELS.join(', ')}`)
  }
  const rows = catalogRows(vendor, channel as Channel | undefined)
  if (rows.length === 0) return usageError(io, `${vendor} does not send on ${channel ?? 'any channel'}`)
  if (values.json) {
    const json = rows.map(({ channel: on, code, entry }) => ({ vendor, channel: on, code, ...entry }))
    io.stdout(`${JSON.stringify(json, null, 2)}\n`)
  } else io.stdout(`${catalogTable(vendor, rows)}\n`)
  return EXIT.ok
}
