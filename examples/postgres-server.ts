/**
 * The Express server of express-server.ts, storing events in PostgreSQL through
 * deliverykit/postgres (see postgres-store.ts): PGlite, in process and in memory, unless a
 * server's URL is given.
 *
 *   const app = await startPostgresServer({ port: 3000, databaseUrl: process.env['DATABASE_URL'], secrets: [process.env['WEBHOOK_SECRET'] ?? ''] })
 *   // … later: await app.close()
 */
import { once } from 'node:events'
import type { Server } from 'node:http'

import { createApp } from './express-server.js'
import { createPostgresStore, openDatabase, type Database, type PostgresStore } from './postgres-store.js'

export interface PostgresServerOptions {
  readonly port?: number
  readonly host?: string
  /** A PostgreSQL URL for `pg`; PGlite when undefined or empty. */
  readonly databaseUrl?: string | undefined
  /** The secrets the callback URLs carry as `?token=`. */
  readonly secrets: ReadonlyArray<string>
}

export interface RunningServer {
  readonly server: Server
  readonly store: PostgresStore
  readonly db: Database
  readonly close: () => Promise<void>
}

export const startPostgresServer = async ({ port = 3000, host = '127.0.0.1', databaseUrl, secrets }: PostgresServerOptions): Promise<RunningServer> => {
  const db = await openDatabase(databaseUrl)
  const store = await createPostgresStore(db)
  const server = createApp(store, secrets).listen(port, host)
  await once(server, 'listening')
  return {
    server,
    store,
    db,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error === undefined) resolve()
          else reject(error)
        })
      })
      await db.close()
    },
  }
}
