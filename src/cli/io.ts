/** What the command reads and writes, so tests can run it without a process. */
export interface CliIo {
  /** The files of a path: itself if it is a file, its `*.json` files (sorted) if it is a folder. */
  readonly listFiles: (path: string) => ReadonlyArray<string>
  readonly readFile: (path: string) => string
  readonly readStdin: () => string
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
}

/** Exit codes: 0 every body handled, 1 a body was rejected or unreadable, 2 bad usage. */
export const EXIT = { ok: 0, rejected: 1, usage: 2 } as const

/** A body to read: a file path, or `-` for standard input. */
export interface Input {
  readonly name: string
  readonly read: () => string
}

/** The inputs named on the command line (standard input when none), or the error listing one. */
export const inputsOf = (paths: ReadonlyArray<string>, io: CliIo): ReadonlyArray<Input> | string => {
  const inputs: Array<Input> = []
  for (const path of paths.length === 0 ? ['-'] : paths) {
    if (path === '-') {
      inputs.push({ name: '(stdin)', read: io.readStdin })
      continue
    }
    try {
      for (const file of io.listFiles(path)) inputs.push({ name: file, read: () => io.readFile(file) })
    } catch (error) {
      return `${path}: ${error instanceof Error ? error.message : String(error)}`
    }
  }
  return inputs
}

export const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')

/** Prints results: one document for one input, an object keyed by input name for several. */
export const printDocuments = (io: CliIo, inputs: ReadonlyArray<Input>, results: Readonly<Record<string, unknown>>): void => {
  const names = Object.keys(results)
  if (names.length === 0 && inputs.length <= 1) return
  const document = inputs.length === 1 && names.length === 1 ? results[names[0] ?? ''] : results
  io.stdout(`${JSON.stringify(document, null, 2)}\n`)
}
