// The command in memory: run() with a fake file system and output.
import { SUBFOLDER_SKIPPED, type Posted, type PostRequest } from '../../src/cli/io.js'
import { run, type CliIo } from '../../src/cli/run.js'

/** What an in-memory run has for `send`: no network (a post is refused) and an examples folder of its files. */
export const offline: Pick<CliIo, 'post' | 'examplesFolder' | 'openDatabase'> = {
  post: () => Promise.reject(new Error('no network in this test')),
  examplesFolder: 'examples',
  openDatabase: () => Promise.reject(new Error('no database in this test')),
}

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
          return typeof file === 'object' ? [{ path: name, why: `${file.what}, not a regular file` }] : []
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
    ...offline,
  }
  const code = run(argv, io, '9.9.9')
  if (typeof code !== 'number') throw new Error('runRecorded runs commands that answer at once; use runSend for send')
  return { code, stdout: out.join(''), stderr: err.join(''), flushes }
}

/** {@link runRecorded}'s exit code and output. */
export const runWith = (argv: ReadonlyArray<string>, files: Readonly<Record<string, string | Special>> = {}, stdin = '') => {
  const { code, stdout, stderr } = runRecorded(argv, files, stdin)
  return { code, stdout, stderr }
}

/** An Octopush SMS receipt. */
export const sms = '{"message_id":"sms_1","number":"+33600000000","status":"DELIVERED","delivery_date":"2025-01-22 11:46:06"}'

/**
 * Runs `send` in memory: `files` as in {@link runRecorded} (a folder's direct files only;
 * deeper keys are its subfolders), each post answered by `reply` (or refused if it throws),
 * and every post recorded.
 */
export const runSend = async (argv: ReadonlyArray<string>, files: Readonly<Record<string, string>>, reply: (request: PostRequest) => Posted) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const posts: Array<PostRequest> = []
  const io: CliIo = {
    listFiles: (path) => {
      const inFolder = Object.keys(files).filter((name) => name.startsWith(`${path}/`)).sort()
      if (inFolder.length > 0) {
        const direct = inFolder.filter((name) => !name.slice(path.length + 1).includes('/'))
        const folders = [...new Set(inFolder.filter((name) => !direct.includes(name)).map((name) => `${path}/${name.slice(path.length + 1).split('/')[0] ?? ''}`))]
        return { files: direct, skipped: folders.map((folder) => ({ path: folder, why: SUBFOLDER_SKIPPED })), folder: true }
      }
      if (path in files) return { files: [path], skipped: [], folder: false }
      throw new Error(`ENOENT: no such file or directory, stat '${path}'`)
    },
    readFile: (path) => files[path] ?? '',
    readStdin: () => '',
    stdout: (text) => out.push(text),
    flush: () => undefined,
    stderr: (text) => err.push(text),
    post: (request) => {
      posts.push(request)
      try {
        return Promise.resolve(reply(request))
      } catch (thrown) {
        return Promise.reject(thrown instanceof Error ? thrown : new Error(String(thrown)))
      }
    },
    examplesFolder: 'examples',
    openDatabase: offline.openDatabase,
  }
  const code = await run(argv, io, '9.9.9')
  return { code, stdout: out.join(''), stderr: err.join(''), posts }
}
