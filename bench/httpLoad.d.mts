// Types of httpLoad.mjs, for the tests that call it in process.

/** What became of one body: its last status (0 for no answer), its attempts, the milliseconds of its last attempt. */
export interface Sent {
  readonly status: number
  readonly attempts: number
  readonly ms: number
}

export interface LoadSettings {
  readonly bodies: ReadonlyArray<string | Uint8Array>
  /** The servers' base URLs now. */
  readonly targets: () => ReadonlyArray<string>
  readonly secret: string
  readonly concurrency?: number
  readonly maxAttempts?: number
  readonly deadlineMs?: number
  readonly timeoutMs?: number
  /** How to post: 'fetch' (the default), 'http keep-alive' or 'http no keep-alive' (node:http). */
  readonly client?: 'fetch' | 'http keep-alive' | 'http no keep-alive'
}

export declare const sendAll: (settings: LoadSettings) => Promise<{ readonly results: ReadonlyArray<Sent>; readonly seconds: number; readonly cpuMs: number }>
