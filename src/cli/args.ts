import { parseArgs } from 'node:util'

import { didYouMean } from '../util/didYouMean.js'
import { printable } from './terminal.js'

/** The commands, and the flags each takes (`--help` and `--version` go with any). */
export const COMMAND_FLAGS = {
  normalize: ['vendor', 'channel', 'time-zone', 'unknown-status', 'inbound', 'format', 'ndjson'],
  detect: [],
  catalog: ['vendor', 'channel', 'legacy', 'format', 'json'],
  send: ['vendor', 'channel', 'url', 'form', 'timeout'],
  replay: ['database-url', 'dry-run', 'page-size'],
} as const satisfies Readonly<Record<string, ReadonlyArray<FlagName>>>

export type Command = keyof typeof COMMAND_FLAGS

const COMMANDS = Object.keys(COMMAND_FLAGS) as ReadonlyArray<Command>

/** Every flag the command line knows: the help lists each (a test reads this table). */
export const FLAGS = {
  vendor: { type: 'string' },
  channel: { type: 'string' },
  'time-zone': { type: 'string' },
  'unknown-status': { type: 'string' },
  inbound: { type: 'boolean' },
  format: { type: 'string' },
  ndjson: { type: 'boolean' },
  json: { type: 'boolean' },
  legacy: { type: 'boolean' },
  url: { type: 'string' },
  form: { type: 'boolean' },
  timeout: { type: 'string' },
  'database-url': { type: 'string' },
  'dry-run': { type: 'boolean' },
  'page-size': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const

export type FlagName = keyof typeof FLAGS
type StringFlag = { readonly [K in FlagName]: (typeof FLAGS)[K]['type'] extends 'string' ? K : never }[FlagName]
type BooleanFlag = Exclude<FlagName, StringFlag>

const FLAG_NAMES = Object.keys(FLAGS) as ReadonlyArray<FlagName>
const isFlag = (name: string): name is FlagName => Object.prototype.hasOwnProperty.call(FLAGS, name)
const takesValue = (name: FlagName): name is StringFlag => FLAGS[name].type === 'string'

/** The flags given: text of those that take a value, `true` for switches given. */
export type Flags = Partial<Record<StringFlag, string>> & Partial<Record<BooleanFlag, true>>

/** A command line read: the command, its flags and its other arguments, or the usage error. */
export type Parsed =
  | { readonly ok: true; readonly command: Command | 'help' | undefined; readonly flags: Flags; readonly positionals: ReadonlyArray<string> }
  | { readonly ok: false; readonly error: string }

/** `; did you mean --channel?`, for a flag or command. */
const suggest = (given: string, known: ReadonlyArray<string>, prefix = ''): string => {
  const near = didYouMean(given, known)
  return near === undefined ? '' : `; did you mean ${prefix}${near}?`
}

/**
 * Reads a command line: every flag known and given as a flag takes (a value or none), the
 * command known, and its flags ones it takes. Errors are one line naming the flag.
 */
export const parseCommandLine = (argv: ReadonlyArray<string>): Parsed => {
  // Not strict: parseArgs's own errors ("place it after --") name no flag usefully.
  const { tokens } = parseArgs({ args: [...argv], options: FLAGS, strict: false, allowPositionals: true, tokens: true })
  const values: Partial<Record<StringFlag, string>> = {}
  const switches: Partial<Record<BooleanFlag, true>> = {}
  const given: Array<FlagName> = []
  const positionals: Array<string> = []
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value)
    if (token.kind !== 'option') continue
    const shown = printable(token.rawName, 60)
    if (!isFlag(token.name)) return { ok: false, error: `unknown flag ${shown}${token.rawName.startsWith('--') ? suggest(token.name, FLAG_NAMES, '--') : ''}` }
    if (takesValue(token.name)) {
      if (token.value === undefined) return { ok: false, error: `${shown} needs a value` }
      if (!token.inlineValue && token.value.startsWith('-') && token.value !== '-') {
        return { ok: false, error: `${shown} needs a value, and ${printable(token.value, 60)} is a flag` }
      }
      values[token.name] = token.value
    } else {
      if (token.inlineValue === true) return { ok: false, error: `${shown} takes no value` }
      switches[token.name] = true
    }
    given.push(token.name)
  }
  const flags: Flags = { ...values, ...switches }
  const [first, ...rest] = positionals
  if (first === undefined || first === 'help' || flags.help === true || flags.version === true) {
    return { ok: true, command: first === 'help' ? 'help' : undefined, flags, positionals: rest }
  }
  const command = COMMANDS.find((name) => name === first)
  if (command === undefined) {
    const near = suggest(first, COMMANDS)
    return { ok: false, error: `unknown command "${printable(first, 60)}"${near === '' ? `; the commands are ${COMMANDS.join(', ')}` : near}` }
  }
  // --help and --version were answered above, with any command.
  const takes: ReadonlyArray<FlagName> = COMMAND_FLAGS[command]
  const stray = given.find((name) => !takes.includes(name))
  if (stray !== undefined) {
    return { ok: false, error: `${command} takes no --${stray}${takes.length === 0 ? ' (it takes no flags)' : `; its flags are ${takes.map((name) => `--${name}`).join(', ')}`}` }
  }
  return { ok: true, command, flags, positionals: rest }
}

/**
 * The error for a flag's value: `--vendor: expected one of …, received "octopus"; did you
 * mean --vendor octopush?`. `received` is already described (quoted, cut).
 */
export const flagValueError = (flag: string, expected: string, received: string, suggestion: string | undefined): string =>
  `${flag}: expected ${expected}, received ${received}${suggestion === undefined ? '' : `; did you mean ${flag} ${suggestion}?`}`
