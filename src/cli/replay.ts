import { replay, type ReplayReport } from '../handler/replay.js'
import { describeValue } from '../errors/format.js'
import { createPostgresStore } from '../postgres/store.js'
import type { Flags } from './args.js'
import { EXIT, line, reasonOf, type CliDatabase, type CliIo, type ExitCode } from './io.js'
import { printable } from './terminal.js'

/** The most kept bodies read at a time, unless `--page-size` says otherwise. */
export const DEFAULT_PAGE_SIZE = 100
const MAX_PAGE_SIZE = 10_000


/** What `pg` must look like to be used: `new Pool({ connectionString })`, its `query`, `on` and `end`. */
interface PgPool {
  readonly query: (text: string, values: ReadonlyArray<unknown>) => Promise<{ readonly rows: ReadonlyArray<unknown> }>
  readonly on: (event: 'error', listener: (error: unknown) => void) => unknown
  readonly end: () => Promise<void>
}
interface PgModule {
  readonly Pool: new (config: { readonly connectionString: string; readonly max: number }) => PgPool
}

/** Why `pg` cannot be used, in words that say what to do. */
export const PG_MISSING = "replay needs the 'pg' package, which deliverykit does not install: npm install pg"

/**
 * Opens a `pg` pool against `url`, loading `pg` from where the command runs. Rejects with
 * {@link PG_MISSING} when it is not installed.
 */
export const openPg = async (url: string): Promise<CliDatabase> => {
  let loaded: unknown
  try {
    // External in the build (tsup.config.ts): found where the command runs, not bundled.
    loaded = await import('pg')
  } catch (thrown) {
    throw new Error(`${PG_MISSING} (${reasonOf(thrown)})`, { cause: thrown })
  }
  const module = (loaded as { readonly default?: unknown }).default ?? loaded
  const { Pool } = module as Partial<PgModule>
  if (typeof Pool !== 'function') throw new Error(`${PG_MISSING} (the 'pg' found has no Pool)`)
  const pool = new Pool({ connectionString: url, max: 1 })
  // A connection that drops while idle is reported here; the next query says it again.
  pool.on('error', () => undefined)
  // Unnamed statements: replay runs each a few times, on one connection.
  return { query: (text, values) => pool.query(text, values), close: () => pool.end() }
}

const pageSizeOf = (given: string | undefined): number | { readonly usage: string } => {
  if (given === undefined) return DEFAULT_PAGE_SIZE
  const size = Number(given)
  if (!/^\d+$/.test(given) || size < 1 || size > MAX_PAGE_SIZE) return { usage: `--page-size: expected a whole number from 1 to ${String(MAX_PAGE_SIZE)}, received ${describeValue(given)}` }
  return size
}

/** The summary of a run: one line of counts, then one line per body still kept. */
const summary = (report: ReplayReport, dryRun: boolean): string => {
  const verb = dryRun ? 'would be recorded and released (--dry-run: nothing was written)' : 'recorded and released'
  const head = `replay: ${String(report.recorded)} kept bodies now decode: ${String(report.events)} events ${verb}; ${String(report.stillKept.length)} still kept`
  const kept = report.stillKept.map((body) => `  ${body.id} ${body.errorKind}: ${printable(body.reason.split('\n')[0] ?? '', 200)}`)
  return [head, ...kept].map(line).join('')
}

/**
 * `deliverykit replay --database-url URL [--dry-run] [--page-size N]`: decodes the bodies
 * the webhook handler kept in `deliverykit_kept_bodies` again with this version, records
 * the events of those that now decode and releases them, and prints a summary.
 */
export const replayCommand = async (flags: Flags, positionals: ReadonlyArray<string>, io: CliIo): Promise<ExitCode> => {
  const usage = (message: string): ExitCode => {
    io.stderr(line(`deliverykit: ${message} (see deliverykit --help)`))
    return EXIT.usage
  }
  if (positionals.length > 0) return usage(`replay takes no arguments, received ${describeValue(positionals[0])}`)
  const url = flags['database-url']
  if (url === undefined || url === '') return usage('replay needs --database-url: the PostgreSQL URL of the database the webhook handler stores in')
  const pageSize = pageSizeOf(flags['page-size'])
  if (typeof pageSize !== 'number') return usage(pageSize.usage)
  const dryRun = flags['dry-run'] === true
  let database: CliDatabase
  try {
    database = await io.openDatabase(url)
  } catch (thrown) {
    io.stderr(line(`deliverykit: replay: ${reasonOf(thrown)}`))
    return EXIT.rejected
  }
  try {
    const report = await replay(createPostgresStore(database.query), { pageSize, dryRun })
    io.stdout(summary(report, dryRun))
    return EXIT.ok
  } catch (thrown) {
    io.stderr(line(`deliverykit: replay: the database failed: ${reasonOf(thrown)}`))
    return EXIT.rejected
  } finally {
    await database.close().catch(() => undefined)
  }
}
