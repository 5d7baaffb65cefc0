// The command in memory: run() with a fake file system and output.
import { run, type CliIo } from '../src/cli/run.js'

/** A folder's entry that is not a regular file, such as `{ what: 'a FIFO' }`: listed as skipped. */
export interface Special {
  readonly what: string
}

/**
 * Runs the command in memory against a small set of files: a path is a file if it is a
 * key, a folder if keys start with it and a slash (the folder's files, sorted; a
 * `Special` entry is skipped, as the command skips a FIFO). `flushes` holds, for each
 * call of `flush`, how many pieces of output had been written by then.
 */
export const runRecorded = (argv: ReadonlyArray<string>, files: Readonly<Record<string, string | Special>> = {}, stdin = '') => {
  const out: Array<string> = []
  const err: Array<string> = []
  const flushes: Array<number> = []
  const io: CliIo = {
    listFiles: (path) => {
      const inFolder = Object.keys(files).filter((name) => name.startsWith(`${path}/`)).sort()
      if (inFolder.length > 0) {
        const skipped = inFolder.flatMap((name) => {
          const file = files[name]
          return typeof file === 'object' ? [{ path: name, what: file.what }] : []
        })
        return { files: inFolder.filter((name) => typeof files[name] === 'string'), skipped, folder: true }
      }
      if (path in files) return { files: [path], skipped: [], folder: false }
      throw new Error(`ENOENT: no such file or directory, stat '${path}'`)
    },
    readFile: (path) => {
      const file = files[path]
      return typeof file === 'string' ? file : ''
    },
    readStdin: () => stdin,
    stdout: (text) => out.push(text),
    flush: () => flushes.push(out.length),
    stderr: (text) => err.push(text),
  }
  const code = run(argv, io, '9.9.9')
  return { code, stdout: out.join(''), stderr: err.join(''), flushes }
}

/** {@link runRecorded}'s exit code and output. */
export const runWith = (argv: ReadonlyArray<string>, files: Readonly<Record<string, string | Special>> = {}, stdin = '') => {
  const { code, stdout, stderr } = runRecorded(argv, files, stdin)
  return { code, stdout, stderr }
}

/** An Octopush SMS receipt. */
export const sms = '{"message_id":"sms_1","number":"+33600000000","status":"DELIVERED","delivery_date":"2025-01-22 11:46:06"}'
