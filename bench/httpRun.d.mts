// Types of httpRun.mjs, for test/postgres/http-faults.test.ts.
import type { Sent } from './httpLoad.mjs'

export interface Faults {
  readonly everyMs: number
  readonly terminations: number
  readonly restartAfterMs: number
}

/** What runHttpLoad needs of a pg client: a query without parameters. */
export interface Admin {
  readonly query: (text: string) => Promise<{ readonly rows: ReadonlyArray<unknown> }>
}

export declare const runHttpLoad: (settings: {
  readonly url: string
  readonly schema: string
  readonly secret: string
  readonly admin: Admin
  readonly bodies: ReadonlyArray<string | Uint8Array>
  readonly servers?: number
  readonly concurrency?: number
  readonly faults?: Faults
  readonly maxAttempts?: number
  readonly deadlineMs?: number
  /** Settings of every server process: its pool, BENCH_* environment, Node flags. */
  readonly server?: { readonly pool?: number; readonly env?: Readonly<Record<string, string>>; readonly execArgv?: ReadonlyArray<string> }
  readonly client?: 'fetch' | 'http keep-alive' | 'http no keep-alive'
  /** Ask every server for its stats (httpServer.mjs) once the load is done. */
  readonly collectStats?: boolean
  /** Called once the load is done, before the processes are stopped. */
  readonly beforeStop?: () => Promise<unknown>
}) => Promise<{ readonly results: ReadonlyArray<Sent>; readonly seconds: number; readonly cpuMs: number; readonly terminated: number; readonly restarted: boolean; readonly stats?: ReadonlyArray<unknown> }>
