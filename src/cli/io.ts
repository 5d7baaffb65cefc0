import { printable, safeJson } from './terminal.js'

/**
 * What a path holds: the files to read (the path itself if it is a file; if it is a
 * folder, its `*.json` regular files, sorted, which may be none) and the folder's
 * `*.json` entries that are neither folders nor regular files (a FIFO, a socket, a
 * device: reading one could block forever), skipped with what each is.
 */
export interface Listing {
  readonly files: ReadonlyArray<string>
  readonly skipped: ReadonlyArray<{ readonly path: string; readonly what: string }>
  /** Whether the path is a folder: its files are then read only if still regular files. */
  readonly folder: boolean
}

/** What the command reads and writes, so tests can run it without a process. */
export interface CliIo {
  /** What a path holds (see {@link Listing}); throws if the path cannot be read. */
  readonly listFiles: (path: string) => Listing
  /**
   * A file's bytes (or text); throws if it cannot be read. With `regularOnly` (a folder's
   * file) a path that is no longer a regular file when opened is refused, not read.
   */
  readonly readFile: (path: string, regularOnly: boolean) => string | Uint8Array
  readonly readStdin: () => string | Uint8Array
  /** Text for standard output: it may be held back until `flush`. */
  readonly stdout: (text: string) => void
  /** Writes what `stdout` holds back: called once a body's output is complete. */
  readonly flush: () => void
  readonly stderr: (text: string) => void
}

/**
 * Exit codes: 0 every body handled; 1 a body was rejected, not recognised or could not be
 * read; 2 bad usage; 3 deliverykit itself failed (a bug).
 */
export const EXIT = { ok: 0, rejected: 1, usage: 2, failed: 3 } as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** The worse of two exit codes: usage over rejected over ok. */
export const worse = (a: ExitCode, b: ExitCode): ExitCode => (a >= b ? a : b)

/**
 * What `stdout` throws once the reader has gone (`deliverykit … | head`): the command stops
 * quietly. Compared with `instanceof` inside the one bundle of the command.
 */
export class OutputClosed extends Error {
  override readonly name = 'OutputClosed'
}

/**
 * The codes of every way a write can find its reader gone: a pipe (`EPIPE`), a socket
 * reset or shut down (`ECONNRESET` when the reader left output unread, `ENOTCONN`,
 * `ESHUTDOWN`), and a Node stream destroyed or ended (`ERR_STREAM_DESTROYED`,
 * `ERR_STREAM_WRITE_AFTER_END`). Which one a closing reader gives depends on what
 * standard output is and on timing, so they are one case.
 */
export const READER_GONE_CODES: ReadonlySet<string> = new Set(['EPIPE', 'ECONNRESET', 'ENOTCONN', 'ESHUTDOWN', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END'])

/** Whether a thrown write error says the reader of the output has gone. */
export const readerHasGone = (thrown: unknown): boolean => {
  const code: unknown = typeof thrown === 'object' && thrown !== null && 'code' in thrown ? thrown.code : undefined
  return typeof code === 'string' && READER_GONE_CODES.has(code)
}

/** A body to read: a file, or standard input. `label` is its short name for a table. */
export interface Input {
  readonly name: string
  readonly label: string
  readonly read: () => string | Uint8Array
}

/** Why a thrown value was thrown, in one line: an Error's message, else its text. */
export const reasonOf = (thrown: unknown): string => {
  try {
    return thrown instanceof Error ? thrown.message : String(thrown)
  } catch {
    return 'an error that could not be read'
  }
}

/** One line for the terminal: escaped and cut. */
export const line = (text: string): string => `${printable(text)}\n`

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1) || path

/** How standard input is named in messages and as a key of JSON output. */
const STDIN = '(stdin)'

/**
 * The inputs named on the command line (standard input when none), or the one-line error
 * for a path that cannot be read or a folder with no body files. Each input is named once
 * and read once: a file named twice, or named and found in a folder named too, is one
 * input, and so is standard input. A file named `(stdin)` is named `./(stdin)`, so no two
 * inputs share a name, and JSON output keyed by name loses none. A folder's `*.json`
 * entry that is not a regular file is skipped, with a line on stderr.
 */
export const inputsOf = (paths: ReadonlyArray<string>, io: CliIo): ReadonlyArray<Input> | string => {
  const inputs: Array<Input> = []
  const names = new Set<string>()
  const add = (input: Input): void => {
    if (names.has(input.name)) return
    names.add(input.name)
    inputs.push(input)
  }
  for (const path of paths.length === 0 ? ['-'] : paths) {
    if (path === '-') {
      add({ name: STDIN, label: STDIN, read: io.readStdin })
      continue
    }
    let listing: Listing
    try {
      listing = io.listFiles(path)
    } catch (error) {
      return `${path}: ${reasonOf(error)}`
    }
    for (const skipped of listing.skipped) io.stderr(line(`${skipped.path}: skipped: ${skipped.what}, not a regular file`))
    if (listing.files.length === 0) return `${path}: no body files (*.json) in this folder`
    for (const file of listing.files) {
      add({ name: file === STDIN ? `./${file}` : file, label: baseName(file), read: () => io.readFile(file, listing.folder) })
    }
  }
  return inputs
}

/** Where the results of the bodies go: each body's as it is handled, then the end. */
export interface Output {
  readonly add: (input: Input, value: unknown) => void
  readonly end: () => void
}

const spaces = (count: number): string => ' '.repeat(count)

/** `JSON.stringify(value, null, 2)`, as if nested `depth` spaces deep, terminal-safe. */
const pretty = (value: unknown, depth: number): string => {
  return safeJson(JSON.stringify(value, null, 2)).replace(/\n/g, `\n${spaces(depth)}`)
}

/** A value, an array written item by item: what `JSON.stringify(value, null, 2)` writes. */
const writeValue = (io: CliIo, value: unknown, depth: number): void => {
  if (!Array.isArray(value) || value.length === 0) {
    io.stdout(pretty(value, depth))
    return
  }
  const items: ReadonlyArray<unknown> = value
  io.stdout('[')
  items.forEach((item, index) => {
    io.stdout(`${index === 0 ? '' : ','}\n${spaces(depth + 2)}${pretty(item, depth + 2)}`)
  })
  io.stdout(`\n${spaces(depth)}]`)
}

/**
 * JSON documents, written event by event (never one string of everything): the value
 * itself for one input, an object keyed by input name for several. The text is what
 * `JSON.stringify(document, null, 2)` would give. A rejected body is left out; one input
 * rejected prints nothing.
 */
export const jsonOutput = (io: CliIo, several: boolean): Output => {
  let empty = true
  return {
    add: (input, value) => {
      if (several) io.stdout(`${empty ? '{' : ','}\n  ${safeJson(JSON.stringify(input.name))}: `)
      writeValue(io, value, several ? 2 : 0)
      if (!several) io.stdout('\n')
      empty = false
    },
    end: () => {
      if (several) io.stdout(empty ? '{}\n' : '\n}\n')
    },
  }
}

/** One JSON value a line: each item of an array, or the value. */
export const ndjsonOutput = (io: CliIo): Output => ({
  add: (_input, value) => {
    const items: ReadonlyArray<unknown> = Array.isArray(value) ? value : [value]
    for (const item of items) io.stdout(`${safeJson(JSON.stringify(item))}\n`)
  },
  end: () => undefined,
})
