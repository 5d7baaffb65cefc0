// The command in memory: run() with a fake file system and output.
import { run, type CliIo } from '../src/cli/run.js'

/**
 * Runs the command in memory against a small set of files: a path is a file if it is a
 * key, a folder if keys start with it and a slash (the folder's files, sorted).
 */
export const runWith = (argv: ReadonlyArray<string>, files: Readonly<Record<string, string>> = {}, stdin = '') => {
  const out: Array<string> = []
  const err: Array<string> = []
  const io: CliIo = {
    listFiles: (path) => {
      const inFolder = Object.keys(files).filter((name) => name.startsWith(`${path}/`)).sort()
      if (inFolder.length > 0) return inFolder
      if (path in files) return [path]
      throw new Error(`ENOENT: no such file or directory, stat '${path}'`)
    },
    readFile: (path) => files[path] ?? '',
    readStdin: () => stdin,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  }
  const code = run(argv, io, '9.9.9')
  return { code, stdout: out.join(''), stderr: err.join('') }
}

/** An Octopush SMS receipt. */
export const sms = '{"message_id":"sms_1","number":"+33600000000","status":"DELIVERED","delivery_date":"2025-01-22 11:46:06"}'
