import { parseArgs } from 'node:util'

import { either as E } from 'fp-ts'

import { formatError } from '../errors/format.js'
import { VENDORS, isVendor, type Vendor } from '../model/vendor.js'
import type { OptionsFor } from '../registry.js'
import { normalizeUnchecked } from '../normalize.js'

/** What the command reads and writes, so tests can run it without a process. */
export interface CliIo {
  /** The files of a path: itself if it is a file, its `*.json` files (sorted) if it is a folder. */
  readonly listFiles: (path: string) => ReadonlyArray<string>
  readonly readFile: (path: string) => string
  readonly readStdin: () => string
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
}

/** Exit codes: 0 every body normalized, 1 a body was rejected or unreadable, 2 bad usage. */
export const EXIT = { ok: 0, rejected: 1, usage: 2 } as const

export const HELP = `deliverykit: turn messaging vendors' delivery webhooks into canonical events

Usage:
  deliverykit normalize --vendor VENDOR [options] [FILE|DIR|-]...
  deliverykit --help | --version

Reads each body (a file, every *.json file of a folder, or standard input with - or
no argument) and prints its events as JSON: an array for one body, an object keyed by
file name for several.

Options:
  --vendor VENDOR          ${VENDORS.join(', ')} (required)
  --channel CHANNEL        channel of bodies that do not name one (Octopush: sms, voice, rcs, whatsapp;
                           Messangi: sms, email, push, rcs, whatsapp, required but for legacy callbacks)
  --time-zone ZONE         IANA zone of the vendor's zone-less times (Octopush: Europe/Paris)
  --unknown-status keep    keep codes the catalog does not know as "unknown" events
  --ndjson                 print one event per line instead of JSON documents

Exit status: 0 all bodies normalized, 1 a body was rejected (the reason on stderr),
2 bad usage.

Examples:
  deliverykit normalize --vendor octopush examples/payloads/octopush
  curl -s … | deliverykit normalize --vendor octopush --time-zone UTC -
  deliverykit normalize --vendor octopush --channel voice --ndjson old-voice-dlr.json
  deliverykit normalize --vendor messangi --channel whatsapp examples/payloads/messangi/whatsapp
`

const usageError = (io: CliIo, message: string): number => {
  io.stderr(`deliverykit: ${message}\n\n${HELP}`)
  return EXIT.usage
}

/** Runs the command line `argv` (without `node` and the script) and returns the exit code. */
export const run = (argv: ReadonlyArray<string>, io: CliIo, version: string): number => {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        vendor: { type: 'string' },
        channel: { type: 'string' },
        'time-zone': { type: 'string' },
        'unknown-status': { type: 'string' },
        ndjson: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    })
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
  const [command, ...inputs] = positionals
  if (command !== 'normalize') {
    return usageError(io, command === undefined ? 'no command given' : `unknown command "${command}"`)
  }
  const vendor = values.vendor
  if (vendor === undefined) return usageError(io, '--vendor is required')
  if (!isVendor(vendor)) return usageError(io, `unknown vendor "${vendor}"; expected one of ${VENDORS.join(', ')}`)
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

  const files: Array<string> = []
  for (const input of inputs.length === 0 ? ['-'] : inputs) {
    try {
      files.push(...(input === '-' ? ['-'] : io.listFiles(input)))
    } catch (error) {
      io.stderr(`deliverykit: ${input}: ${error instanceof Error ? error.message : String(error)}\n`)
      return EXIT.rejected
    }
  }

  let exit: number = EXIT.ok
  const results: Record<string, unknown> = {}
  for (const file of files) {
    const name = file === '-' ? '(stdin)' : file
    let body: unknown
    try {
      body = JSON.parse(file === '-' ? io.readStdin() : io.readFile(file))
    } catch (error) {
      io.stderr(`${name}: not a JSON body: ${error instanceof Error ? error.message : String(error)}\n`)
      exit = EXIT.rejected
      continue
    }
    // The CLI forwards option text as typed; normalize validates it and never throws.
    const result = normalizeUnchecked(vendor, body, options as OptionsFor<Vendor>)
    if (E.isLeft(result)) {
      if (result.left.kind === 'invalid_options') return usageError(io, formatError(result.left))
      io.stderr(`${name}: ${result.left.kind.replace('_', ' ')}\n${indent(formatError(result.left))}\n`)
      exit = EXIT.rejected
      continue
    }
    if (values.ndjson) for (const event of result.right) io.stdout(`${JSON.stringify(event)}\n`)
    else results[name] = result.right
  }
  if (!values.ndjson) {
    const names = Object.keys(results)
    const document = files.length === 1 && names.length === 1 ? results[names[0] ?? ''] : results
    if (names.length > 0 || files.length > 1) io.stdout(`${JSON.stringify(document, null, 2)}\n`)
  }
  return exit
}

const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')
