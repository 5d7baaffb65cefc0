import { printable, safeJson } from './terminal.js'

/** What the command reads and writes, so tests can run it without a process. */
export interface CliIo {
  /**
   * The body files of a path: itself if it is a file; if it is a folder, its `*.json`
   * files (not folders), sorted, which may be none. Throws if the path cannot be read.
   */
  readonly listFiles: (path: string) => ReadonlyArray<string>
  /** A file's bytes (or text); throws if it cannot be read. */
  readonly readFile: (path: string) => string | Uint8Array
  readonly readStdin: () => string | Uint8Array
  readonly stdout: (text: string) => void
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

/**
 * The inputs named on the command line (standard input when none), or the one-line error
 * for a path that cannot be read or a folder with no body files.
 */
export const inputsOf = (paths: ReadonlyArray<string>, io: CliIo): ReadonlyArray<Input> | string => {
  const inputs: Array<Input> = []
  for (const path of paths.length === 0 ? ['-'] : paths) {
    if (path === '-') {
      inputs.push({ name: '(stdin)', label: '(stdin)', read: io.readStdin })
      continue
    }
    let files: ReadonlyArray<string>
    try {
      files = io.listFiles(path)
    } catch (error) {
      return `${path}: ${reasonOf(error)}`
    }
    if (files.length === 0) return `${path}: no body files (*.json) in this folder`
    for (const file of files) inputs.push({ name: file, label: baseName(file), read: () => io.readFile(file) })
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
