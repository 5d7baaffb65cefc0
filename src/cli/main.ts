import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, readFileSync, statSync, writeSync, type Stats } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isatty } from 'node:tty'

import { DEFAULT_MAX_BODY_SIZE } from '../types/options.js'
import { EXIT, NOT_A_BODY_NAME, OutputClosed, SUBFOLDER_SKIPPED, isBodyName, line, readerHasGone, reasonOf, type CliIo, type ExitCode, type Listing, type Posted, type PostRequest } from './io.js'
import { run } from './run.js'
import { openPg } from './replay.js'

/** The code of a Node system error (`EPIPE`, `EAGAIN`, …), if it is one. */
const codeOf = (thrown: unknown): unknown => (typeof thrown === 'object' && thrown !== null && 'code' in thrown ? thrown.code : undefined)

/** Waits a little, synchronously: for a descriptor that is not ready (`EAGAIN`). */
const pause = (): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5)
}

/**
 * Writes all of `text` to a descriptor, synchronously: output is not queued in memory
 * however much there is, and a reader that has gone (`EPIPE`, `ECONNRESET`, …: see
 * `readerHasGone`) is an `OutputClosed`.
 */
const writeAll = (fd: number, text: string): void => {
  const bytes = Buffer.from(text, 'utf8')
  let offset = 0
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset)
    } catch (thrown) {
      if (codeOf(thrown) === 'EAGAIN') pause()
      else if (readerHasGone(thrown)) throw new OutputClosed('the reader of the output has gone')
      else throw thrown
    }
  }
}

/**
 * Standard output, gathered into chunks of 64 KiB: one write per chunk, not per event,
 * and whatever is held is written once a body's output is complete (`flush`).
 */
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

/** What a file is when it is neither a regular file nor a folder: for the line that skips it. */
const whatIs = (file: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>): string =>
  file.isFIFO() ? 'a FIFO' : file.isSocket() ? 'a socket' : file.isCharacterDevice() ? 'a character device' : file.isBlockDevice() ? 'a block device' : 'a special file'

/** Opening without waiting: a FIFO opens at once, with or without a writer (POSIX; Windows has no O_NONBLOCK). */
const NON_BLOCKING = constants.O_RDONLY | ((constants as { readonly O_NONBLOCK?: number }).O_NONBLOCK ?? 0)

const readFile = (path: string, regularOnly: boolean): Uint8Array => {
  // A folder's file opens without waiting, so that one made a FIFO since it was listed
  // is refused, not waited on; a path named on the command line (such as the FIFO of a
  // shell's <(…)) is opened as it is, and may wait for its writer.
  const fd = openSync(path, regularOnly ? NON_BLOCKING : 'r')
  try {
    const stats = fstatSync(fd)
    if (stats.isDirectory()) throw new Error('it is a folder, not a file')
    if (regularOnly && !stats.isFile()) throw new Error(`it is ${whatIs(stats)}, not a regular file`)
    if (stats.isFile() && stats.size > DEFAULT_MAX_BODY_SIZE) {
      throw new Error(`the body is ${String(stats.size)} bytes, over the limit of ${String(DEFAULT_MAX_BODY_SIZE)} (maxBodySize)`)
    }
    return readCapped(fd)
  } finally {
    closeSync(fd)
  }
}

type Entry = Pick<Stats, 'isFile' | 'isDirectory' | 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'> & { readonly name: string }

/**
 * What a folder's entry is: a file (a link is followed; a broken link is a file, so that
 * reading it says why), a folder, or anything else (a FIFO, a socket, a device), with what
 * it is. A folder is never entered, so a link that loops back is only ever stat'ed.
 */
const kindOf = (folder: string, entry: Entry): 'file' | 'folder' | { readonly special: string } => {
  let target: Omit<Entry, 'name' | 'isSymbolicLink'> = entry
  if (entry.isSymbolicLink()) {
    try {
      target = statSync(join(folder, entry.name))
    } catch {
      return 'file'
    }
  }
  if (target.isFile()) return 'file'
  if (target.isDirectory()) return 'folder'
  return { special: whatIs(target) }
}

const listFiles = (path: string): Listing => {
  if (!statSync(path).isDirectory()) return { files: [path], skipped: [], folder: false }
  const files: Array<string> = []
  const skipped: Array<{ readonly path: string; readonly why: string }> = []
  const entries = readdirSync(path, { withFileTypes: true }).filter((entry) => !entry.name.startsWith('.'))
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const kind = kindOf(path, entry)
    const full = join(path, entry.name)
    if (kind === 'folder') skipped.push({ path: full, why: SUBFOLDER_SKIPPED })
    else if (!isBodyName(entry.name)) skipped.push({ path: full, why: NOT_A_BODY_NAME })
    else if (kind === 'file') files.push(full)
    // A body-named FIFO, socket or device: reading it could block forever.
    else skipped.push({ path: full, why: `${kind.special}, not a regular file` })
  }
  return { files, skipped, folder: true }
}

/** The most of a response's text kept: enough for an error's first lines. */
const RESPONSE_TEXT = 300

/** The first characters of a response's body, read no further than needed, then let go. */
const startOf = async (response: Response): Promise<string> => {
  if (response.body === null) return ''
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  try {
    while (text.length < RESPONSE_TEXT) {
      // Safe: a fetch response's body is a stream of bytes.
      const { done, value } = (await reader.read()) as { readonly done: boolean; readonly value?: Uint8Array }
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
  return text.slice(0, RESPONSE_TEXT)
}

/**
 * Posts one body with the global `fetch`: to the URL given and nowhere else (a redirect is
 * reported, not followed), within the time given for the reply and its first characters.
 */
const post = async (request: PostRequest): Promise<Posted> => {
  const signal = AbortSignal.timeout(request.timeoutMs)
  const response = await fetch(request.url, { method: 'POST', headers: { 'content-type': request.contentType }, body: request.body, redirect: 'manual', signal })
  return { status: response.status, statusText: response.statusText, text: await startOf(response) }
}

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
  flush,
  stderr: (text) => {
    // Standard output first, so that a terminal shows both in the order they were written.
    flush()
    try {
      writeAll(2, text)
    } catch {
      // Nowhere left to say it.
    }
  },
  post,
  examplesFolder: fileURLToPath(new URL('../examples/payloads', import.meta.url)),
  openDatabase: openPg,
}

/** The top-level guard: whatever is thrown, the user sees one line and an exit code. */
const main = async (): Promise<ExitCode> => {
  let code: ExitCode
  try {
    const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { readonly version: string }
    code = await run(process.argv.slice(2), io, packageJson.version)
    flush()
  } catch (thrown) {
    if (thrown instanceof OutputClosed) return EXIT.rejected
    try {
      io.stderr(line(`deliverykit: failed: ${reasonOf(thrown)}`))
    } catch {
      // Standard output's reader has gone too (stderr writes what it holds first).
    }
    return EXIT.failed
  }
  return code
}

process.exitCode = await main()
