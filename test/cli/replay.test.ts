/**
 * `deliverykit replay` in memory, against PGlite through the harness's openDatabase: kept
 * bodies that now decode are recorded and released, the others stay, --dry-run writes
 * nothing; usage errors come before any database is opened; a missing `pg` is said so.
 * The built command against a PostgreSQL server is in cli-process.test.ts.
 */
import { createPostgresStore } from 'deliverykit/postgres'
import { beforeEach, describe, expect, it } from 'vitest'

import { HELP, run, type CliIo } from '../../src/cli/run.js'
import { PG_MISSING, openPg } from '../../src/cli/replay.js'
import { offline, sms } from './harness.js'
import { usePglite } from '../postgres/withPglite.js'

const pglite = usePglite()
const query = (text: string, values: ReadonlyArray<unknown>) => pglite().query(text, [...values])


const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
const RECEIVED = '2026-01-02T03:04:05.678Z'

beforeEach(async () => {
  await pglite().exec('TRUNCATE deliverykit_events, deliverykit_status, deliverykit_inbound, deliverykit_kept_bodies')
  const store = createPostgresStore(query)
  const keep = (body: Uint8Array, errorKind: 'unknown_status' | 'invalid_body') => store.keepBody({ vendor: 'octopush', options: {}, body, errorKind, reason: 'kept by an older version', receivedAt: RECEIVED })
  // Kept by an older version; today's decoder reads it.
  await keep(encode(sms), 'unknown_status')
  // Never a callback: NUL and invalid UTF-8.
  await keep(Uint8Array.of(0x7b, 0x00, 0xff, 0x7d), 'invalid_body')
})

/** Runs the command with the database at any URL being PGlite; `opened` lists the URLs opened, `closed` counts closes. */
const runReplay = async (argv: ReadonlyArray<string>, openDatabase?: CliIo['openDatabase']) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const opened: Array<string> = []
  let closed = 0
  const io: CliIo = {
    listFiles: () => ({ files: [], skipped: [], folder: true }),
    readFile: () => '',
    readStdin: () => '',
    stdout: (text) => out.push(text),
    flush: () => undefined,
    stderr: (text) => err.push(text),
    ...offline,
    openDatabase:
      openDatabase ??
      ((url) => {
        opened.push(url)
        return Promise.resolve({ query, close: () => Promise.resolve(void (closed += 1)) })
      }),
  }
  const code = await run(argv, io, '9.9.9')
  return { code, stdout: out.join(''), stderr: err.join(''), opened, closed }
}

const count = async (table: string): Promise<number> => (await pglite().query<{ readonly n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n ?? -1

describe('deliverykit replay', () => {
  it('records what now decodes, releases it, keeps the rest, and says so', async () => {
    const result = await runReplay(['replay', '--database-url', 'postgres://db/x', '--page-size', '1'])
    expect([result.code, result.stderr, result.opened, result.closed]).toEqual([0, '', ['postgres://db/x'], 1])
    const [head, still, ...rest] = result.stdout.split('\n')
    expect(head).toBe('replay: 1 kept bodies now decode: 1 events recorded and released; 1 still kept')
    expect(still).toMatch(/^ {2}\d+ invalid_body: \S/)
    expect(rest).toEqual([''])
    expect([await count('deliverykit_events'), await count('deliverykit_status'), await count('deliverykit_kept_bodies')]).toEqual([1, 1, 1])
    const [kept] = (await pglite().query<{ readonly body: Uint8Array }>('SELECT body FROM deliverykit_kept_bodies')).rows
    expect(kept?.body).toEqual(Uint8Array.of(0x7b, 0x00, 0xff, 0x7d))
  })

  it('--dry-run reports the same and writes nothing', async () => {
    const result = await runReplay(['replay', '--dry-run', '--database-url', 'postgres://db/x'])
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')[0]).toBe('replay: 1 kept bodies now decode: 1 events would be recorded and released (--dry-run: nothing was written); 1 still kept')
    expect([await count('deliverykit_events'), await count('deliverykit_kept_bodies')]).toEqual([0, 2])
  })

  it.each([
    [['replay'], /^deliverykit: replay needs --database-url/],
    [['replay', '--database-url', ''], /^deliverykit: replay needs --database-url/],
    [['replay', '--database-url', 'postgres://db/x', '--page-size', '0'], /^deliverykit: --page-size: expected a whole number from 1 to 10000, received "0"/],
    [['replay', '--database-url', 'postgres://db/x', '--page-size', '1.5'], /--page-size: expected a whole number/],
    [['replay', '--database-url', 'postgres://db/x', 'extra'], /^deliverykit: replay takes no arguments, received "extra"/],
    [['replay', '--database-url', 'postgres://db/x', '--vendor', 'octopush'], /^deliverykit: replay takes no --vendor; its flags are --database-url, --dry-run, --page-size/],
  ])('%j is a usage error before any database is opened', async (argv, message) => {
    const result = await runReplay(argv)
    expect([result.code, result.stdout, result.opened]).toEqual([2, '', []])
    expect(result.stderr).toMatch(message)
  })

  it('says what is wrong, exit 1, when the database cannot be opened or fails', async () => {
    const missing = await runReplay(['replay', '--database-url', 'postgres://db/x'], () => Promise.reject(new Error(PG_MISSING)))
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([1, '', `deliverykit: replay: ${PG_MISSING}\n`])
    const failing = await runReplay(['replay', '--database-url', 'postgres://db/x'], () =>
      Promise.resolve({ query: () => Promise.reject(new Error('relation "deliverykit_kept_bodies" does not exist')), close: () => Promise.resolve() }),
    )
    expect([failing.code, failing.stdout, failing.stderr]).toEqual([1, '', 'deliverykit: replay: the database failed: relation "deliverykit_kept_bodies" does not exist\n'])
  })

  it('opens pg lazily: a URL it cannot reach fails on the first query, not on opening', async () => {
    // Port 1 on loopback: refused at once.
    const database = await openPg('postgres://nobody:nothing@127.0.0.1:1/none')
    await expect(database.query('SELECT 1', [], 'probe')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    await database.close()
  })

  it('the help says pg is not installed with deliverykit', () => {
    expect(HELP).toMatch(/It needs the 'pg' package,\s+which deliverykit does not install \(npm install pg\)/)
    expect(PG_MISSING).toBe("replay needs the 'pg' package, which deliverykit does not install: npm install pg")
  })
})
