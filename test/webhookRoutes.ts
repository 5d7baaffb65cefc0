/**
 * Every example payload, the route it is posted to, how it is encoded, and the events it
 * must give. Expected values come from the payload files and the catalogs
 * (src/vendors/<vendor>/catalog*), not from running the code.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import type { Server } from 'node:http'
import { fileURLToPath } from 'node:url'

import { CHANNELS, isVendor, type Channel, type DeliveryEvent, type Vendor } from 'deliverykit'

import type { EventStore } from '../examples/route.js'
import { decodingOptions } from './helpers.js'
import { TESTKITS } from './vendors/testkit.js'

const payloads = fileURLToPath(new URL('../examples/payloads/', import.meta.url))

/** Every JSON payload under examples/payloads, as paths relative to it, sorted. */
export const payloadFiles = (): ReadonlyArray<string> =>
  readdirSync(payloads, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.split(sep).join('/'))
    .sort()

export const payloadText = (file: string): string => readFileSync(join(payloads, file), 'utf8')

/** The vendor a payload is of: its first folder (`messangi/sms/mo.json`), if that names a vendor. */
export const payloadVendor = (file: string): Vendor | undefined => {
  const [folder] = file.split('/')
  return isVendor(folder) ? folder : undefined
}

/**
 * The options a payload decodes with: the channel its folder names
 * (`messangi/whatsapp/callback.json`), else those any body of its vendor decodes with.
 */
export const payloadOptions = (vendor: Vendor, file: string): { readonly channel?: Channel } => {
  const parts = file.split('/')
  const channel = CHANNELS.find((known) => parts.length > 2 && parts[1] === known)
  return channel === undefined ? decodingOptions(vendor) : { channel }
}

/** A flat JSON object as a form, the way the vendor's legacy callbacks arrive. */
export const asForm = (json: string): string =>
  new URLSearchParams(Object.entries(JSON.parse(json) as Record<string, string>)).toString()

/** [channel, messageId, recipient, vendor code, canonical status, classification] */
export type Expected = readonly [string, string, string, string, string, string]

export interface Case {
  readonly file: string
  readonly route: string
  readonly form: boolean
  /** The delivery events stored. */
  readonly events: ReadonlyArray<Expected>
  /** [channel, recipient, reason] put on the suppression list (an opt-out's reason is `opted_out`). */
  readonly suppressed?: ReadonlyArray<readonly [string, string, string]>
  /** [channel, from, text] of the inbound messages received. */
  readonly received?: ReadonlyArray<readonly [string, string, string]>
}

/** Every vendor's cases, from its testkit (test/vendors/<vendor>/testkit.ts), in the order of the payload files. */
export const CASES: ReadonlyArray<Case> = TESTKITS.flatMap((kit) => kit.routes).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))

export const contentType = (form: boolean): string => (form ? 'application/x-www-form-urlencoded' : 'application/json')

export const bodyOf = (c: Case): string => (c.form ? asForm(payloadText(c.file)) : payloadText(c.file))

/** An EventStore of the examples that keeps what it is given, for the route tests to read. */
export const memoryStore = () => {
  const saved: Array<DeliveryEvent> = []
  const suppressed: Array<readonly [string, string, string]> = []
  const received: Array<readonly [string, string, string]> = []
  const quarantined: Array<readonly [unknown, string]> = []
  const store: EventStore = {
    save: (events) => {
      saved.push(...events)
      return Promise.resolve()
    },
    suppress: (channel, recipient, reason) => {
      suppressed.push([channel, recipient, reason])
      return Promise.resolve()
    },
    receive: (message) => {
      received.push([message.channel, message.from, message.text])
      return Promise.resolve()
    },
    quarantine: (body, why) => {
      quarantined.push([body, why])
      return Promise.resolve()
    },
  }
  return { store, saved, suppressed, received, quarantined }
}

/** The fields a route test compares an event on. */
export const summary = (event: DeliveryEvent): Expected => [event.channel, event.messageId, event.recipient, event.vendorStatus, event.status, event.classification]

/** Closes a test's HTTP server, resolving once it has stopped. */
export const closeServer = (server: Server): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error === undefined) resolve()
      else reject(error)
    })
  })
