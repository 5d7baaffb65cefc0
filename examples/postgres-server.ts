/**
 * The Express server of express-server.ts, each route a ready handler of
 * deliverykit/handler storing through deliverykit/postgres (see postgres-store.ts): one
 * statement per body, STOPs and replies included, refused bodies kept byte for byte.
 * PGlite, in process and in memory, unless a server's URL is given.
 *
 *   const app = await startPostgresServer({ port: 3000, databaseUrl: process.env['DATABASE_URL'], secrets: [process.env['WEBHOOK_SECRET'] ?? ''] })
 *   // … later: await app.close()
 *
 * After an upgrade that maps a status code deliverykit did not know, decode the kept
 * bodies again: `npx deliverykit replay --database-url "$DATABASE_URL"`.
 */
import { once } from 'node:events'
import type { Server } from 'node:http'

import { createAppFor } from './express-server.js'
import { openDatabase, openStore, type Database, type ExampleStore } from './postgres-store.js'
import { createHandlers } from './route.js'

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
  readonly store: ExampleStore
  readonly db: Database
  readonly close: () => Promise<void>
}

export const startPostgresServer = async ({ port = 3000, host = '127.0.0.1', databaseUrl, secrets }: PostgresServerOptions): Promise<RunningServer> => {
  const db = await openDatabase(databaseUrl)
  const store = await openStore(db)
  const server = createAppFor(createHandlers(store, secrets)).listen(port, host)
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
