import { closeSync, fstatSync, openSync, readSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { isatty } from 'node:tty'

import { DEFAULT_MAX_BODY_SIZE } from '../internal/pipeline.js'
import { EXIT, OutputClosed, line, reasonOf, type CliIo, type ExitCode } from './io.js'
import { run } from './run.js'

/** The code of a Node system error (`EPIPE`, `EAGAIN`, …), if it is one. */
const codeOf = (thrown: unknown): unknown => (typeof thrown === 'object' && thrown !== null && 'code' in thrown ? thrown.code : undefined)

/** Waits a little, synchronously: for a descriptor that is not ready (`EAGAIN`). */
const pause = (): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5)
}

/**
 * Writes all of `text` to a descriptor, synchronously: output is not queued in memory
 * however much there is, and a reader that has gone (`EPIPE`) is an `OutputClosed`.
 */
const writeAll = (fd: number, text: string): void => {
  const bytes = Buffer.from(text, 'utf8')
  let offset = 0
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset)
    } catch (thrown) {
      if (codeOf(thrown) === 'EAGAIN') pause()
      else if (codeOf(thrown) === 'EPIPE') throw new OutputClosed('the reader of the output has gone')
      else throw thrown
    }
  }
}

/** Standard output, gathered into chunks of 64 KiB: one write per chunk, not per event. */
const CHUNK = 64 * 1024
let pending: Array<string> = []
let pendingLength = 0
const flush = (): void => {
  if (pendingLength === 0) return
  const text = pending.join('')
  pending = []
  pendingLength = 0
  writeAll(1, text)
}

/**
 * Reads a descriptor to its end, at most `DEFAULT_MAX_BODY_SIZE` bytes: a larger body is
 * refused without being read, as `normalize` refuses it.
 */
const readCapped = (fd: number): Uint8Array => {
  const chunks: Array<Buffer> = []
  let total = 0
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK)
    let read: number
    try {
      read = readSync(fd, chunk, 0, CHUNK, null)
    } catch (thrown) {
      if (codeOf(thrown) === 'EAGAIN') {
        pause()
        continue
      }
      if (codeOf(thrown) === 'EOF') break
      throw thrown
    }
    if (read === 0) break
    total += read
    if (total > DEFAULT_MAX_BODY_SIZE) throw new Error(`the body is over the limit of ${String(DEFAULT_MAX_BODY_SIZE)} bytes (maxBodySize)`)
    chunks.push(chunk.subarray(0, read))
  }
  return Buffer.concat(chunks, total)
}

const readFile = (path: string): Uint8Array => {
  const fd = openSync(path, 'r')
  try {
    const stats = fstatSync(fd)
    if (stats.isDirectory()) throw new Error('it is a folder, not a file')
    if (stats.isFile() && stats.size > DEFAULT_MAX_BODY_SIZE) {
      throw new Error(`the body is ${String(stats.size)} bytes, over the limit of ${String(DEFAULT_MAX_BODY_SIZE)} (maxBodySize)`)
    }
    return readCapped(fd)
  } finally {
    closeSync(fd)
  }
}

/** Whether a folder's entry is a body file: named *.json and not a folder (a link is followed). */
const isBodyFile = (folder: string, entry: { readonly name: string; readonly isDirectory: () => boolean; readonly isSymbolicLink: () => boolean }): boolean => {
  if (!entry.name.endsWith('.json') || entry.isDirectory()) return false
  if (!entry.isSymbolicLink()) return true
  try {
    return !statSync(join(folder, entry.name)).isDirectory()
  } catch {
    // A broken link: listed, so that reading it reports why.
    return true
  }
}

const listFiles = (path: string): ReadonlyArray<string> =>
  statSync(path).isDirectory()
    ? readdirSync(path, { withFileTypes: true })
        .filter((entry) => isBodyFile(path, entry))
        .map((entry) => entry.name)
        .sort()
        .map((name) => join(path, name))
    : [path]

const io: CliIo = {
  listFiles,
  readFile,
  readStdin: () => {
    // A person who named no file is told where the command is waiting. (isatty, not
    // process.stdin: that would make descriptor 0 non-blocking.)
    if (isatty(0)) writeAll(2, 'deliverykit: reading a body from standard input (end it with Ctrl-D), or name a file\n')
    return readCapped(0)
  },
  stdout: (text) => {
    pending.push(text)
    pendingLength += text.length
    if (pendingLength >= CHUNK) flush()
  },
  stderr: (text) => {
    // Standard output first, so that a terminal shows both in the order they were written.
    flush()
    try {
      writeAll(2, text)
    } catch {
      // Nowhere left to say it.
    }
  },
}

/** The top-level guard: whatever is thrown, the user sees one line and an exit code. */
const main = (): ExitCode => {
  let code: ExitCode
  try {
    const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { readonly version: string }
    code = run(process.argv.slice(2), io, packageJson.version)
    flush()
  } catch (thrown) {
    if (thrown instanceof OutputClosed) return EXIT.rejected
    io.stderr(line(`deliverykit: failed: ${reasonOf(thrown)}`))
    return EXIT.failed
  }
  return code
}

process.exitCode = main()
