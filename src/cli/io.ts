import type { PostgresQueryFunction } from '../postgres/store.js'
import { printable, safeJson } from './terminal.js'

/** A database the command talks to: a query function, and how to let it go. */
export interface CliDatabase {
  readonly query: PostgresQueryFunction
  readonly close: () => Promise<void>
}

/**
 * The names a folder's file must end with to be read as a body: `.json`, `.form` (a stored
 * form post) and `.txt` (a body copied from a log). The decoder tells JSON from a form by
 * the text, not the name; the name only says which files are bodies, so a README, notes
 * or an editor's backup in a folder of bodies is not read and refused as a broken body.
 */
export const BODY_EXTENSIONS = ['.json', '.form', '.txt'] as const

/** `*.json, *.form or *.txt`: for messages and the help. */
export const BODY_PATTERNS = `${BODY_EXTENSIONS.slice(0, -1)
  .map((extension) => `*${extension}`)
  .join(', ')} or *${BODY_EXTENSIONS[BODY_EXTENSIONS.length - 1] ?? ''}`

/** Whether a folder's entry is read as a body: its name ends with a body extension and it is not hidden. */
export const isBodyName = (name: string): boolean => !name.startsWith('.') && BODY_EXTENSIONS.some((extension) => name.endsWith(extension))

/**
 * What a path holds: the files to read (the path itself if it is a file; if it is a
 * folder, its body files (see {@link BODY_EXTENSIONS}), sorted, which may be none) and
 * the folder's entries that are not read, each with why: a subfolder (folders are not
 * read inside a folder), a file not named as a body, and a body-named entry that is not a
 * regular file (a FIFO, a socket, a device: reading one could block forever). Hidden
 * entries (`.name`) are left out without a word, as `ls` leaves them out.
 */
export interface Listing {
  readonly files: ReadonlyArray<string>
  readonly skipped: ReadonlyArray<{ readonly path: string; readonly why: string }>
  /** Whether the path is a folder: its files are then read only if still regular files. */
  readonly folder: boolean
}

/**
 * Why a folder's folder is not read: a folder holds one vendor's bodies of one channel,
 * and a folder inside it often holds another channel's (Messangi's need `--channel`).
 */
export const SUBFOLDER_SKIPPED = 'a folder (folders inside a folder are not read: name it, with its --channel if it needs one)'

/** Why a folder's file that is not named as a body is not read. */
export const NOT_A_BODY_NAME = `not named ${BODY_PATTERNS}`

/** The reply of an endpoint to one posted body: its status, and the start of its text. */
export interface Posted {
  readonly status: number
  readonly statusText: string
  /** The first characters of the response's body (at most a few hundred). */
  readonly text: string
}

/** A body to post: where, how encoded, and for how long to wait. */
export interface PostRequest {
  readonly url: string
  readonly contentType: string
  readonly body: string
  readonly timeoutMs: number
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
  /** Posts one body (the `send` command); rejects if no response came (refused, timed out). */
  readonly post: (request: PostRequest) => Promise<Posted>
  /** The folder of the example bodies shipped with the package (`send` with no file). */
  readonly examplesFolder: string
  /** Opens the PostgreSQL database at a URL (`replay`); rejects with what to do when it cannot. */
  readonly openDatabase: (url: string) => Promise<CliDatabase>
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
 * inputs share a name, and JSON output keyed by name loses none. A folder's entry that is
 * not read (see {@link Listing}) is a line on stderr.
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
    for (const skipped of listing.skipped) io.stderr(line(`${skipped.path}: skipped: ${skipped.why}`))
    if (listing.files.length === 0) return `${path}: no body files (${BODY_PATTERNS}) in this folder`
    for (const file of listing.files) {
      add({ name: file === STDIN ? `./${file}` : file, label: baseName(file), read: () => io.readFile(file, listing.folder) })
    }
  }
  return inputs
}

/**
 * A body that was refused or could not be read, as JSON and NDJSON output show it: under
 * an `error` key, which no event and no detection has, so a script tells them apart with
 * `'error' in entry`. `kind` is the error's kind (`invalid_body`, `unknown_status`, …, or
 * `unreadable_file`), `message` the reason (what `formatError` writes), `path` the input's
 * name (`(stdin)` for standard input).
 */
export interface ErrorEntry {
  readonly error: { readonly kind: string; readonly message: string; readonly path: string }
}

/** Where the results of the bodies go: each body's as it is handled, then the end. */
export interface Output {
  readonly add: (input: Input, value: unknown) => void
  /** A body refused or not read: JSON and NDJSON write its {@link ErrorEntry}; a table does not (stderr says it). */
  readonly reject: (input: Input, entry: ErrorEntry) => void
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
 * `JSON.stringify(document, null, 2)` would give. A rejected body's value is its
 * {@link ErrorEntry} where its events would be.
 */
export const jsonOutput = (io: CliIo, several: boolean): Output => {
  let empty = true
  const add = (input: Input, value: unknown): void => {
    if (several) io.stdout(`${empty ? '{' : ','}\n  ${safeJson(JSON.stringify(input.name))}: `)
    writeValue(io, value, several ? 2 : 0)
    if (!several) io.stdout('\n')
    empty = false
  }
  return {
    add,
    reject: add,
    end: () => {
      if (several) io.stdout(empty ? '{}\n' : '\n}\n')
    },
  }
}

/** One JSON value a line: each item of an array, or the value; a rejected body is its {@link ErrorEntry}. */
export const ndjsonOutput = (io: CliIo): Output => ({
  add: (_input, value) => {
    const items: ReadonlyArray<unknown> = Array.isArray(value) ? value : [value]
    for (const item of items) io.stdout(`${safeJson(JSON.stringify(item))}\n`)
  },
  reject: (_input, entry) => {
    io.stdout(`${safeJson(JSON.stringify(entry))}\n`)
  },
  end: () => undefined,
})
