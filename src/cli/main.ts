import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

import { run, type CliIo } from './run.js'

const listFiles = (path: string): ReadonlyArray<string> =>
  statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => join(path, name))
    : [path]

const io: CliIo = {
  listFiles,
  readFile: (path) => readFileSync(path, 'utf8'),
  readStdin: () => readFileSync(0, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { readonly version: string }

process.exitCode = run(process.argv.slice(2), io, packageJson.version)
