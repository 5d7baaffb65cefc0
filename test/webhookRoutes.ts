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

export const CASES: ReadonlyArray<Case> = [
  { file: 'masstack/envelope-list.json', route: '/webhooks/masstack', form: false, events: [
    ['sms', '0b6f3c52-4d0e-4a57-9a51-3f1c2d7e8a10', '666123123', 'DELIVERED', 'delivered', 'final'],
    ['email', '5d2a9e71-8c34-4f0b-b6e2-91a7c0f4d3e5', 'customer@example.com', 'OPEN', 'read', 'final'],
    // Masstack's e-mail REJECTED is a temporary rejection (over quota): a soft bounce.
    ['email', 'a41c7f08-2b9d-4e63-8d15-6f0e3b2c9a77', 'full.mailbox@example.com', 'REJECTED', 'undeliverable', 'failure'],
  ] },
  { file: 'masstack/envelope-one.json', route: '/webhooks/masstack', form: false, events: [
    ['sms', 'c3f1e2d4-7b8a-4c9d-8e0f-1a2b3c4d5e6f', '612345678', 'REGISTERED', 'accepted', 'transient'],
  ] },
  // No id: externalId is the message id.
  { file: 'masstack/record.json', route: '/webhooks/masstack', form: false, events: [
    ['email', 'newsletter-2025-01', 'busy.server@example.com', 'DEFERRED', 'deferred', 'transient'],
  ] },
  // Legacy callbacks are forms, and name their channel in TYPE.
  { file: 'messangi/legacy-email.json', route: '/webhooks/messangi/legacy', form: true, events: [
    ['email', '2758ebc5-0f3c-4b7e-9d7e-3b7b1f0a9c21', 'someone@example.com', 'BOUNCED', 'undeliverable', 'failure'],
  ] },
  { file: 'messangi/legacy-sms.json', route: '/webhooks/messangi/legacy', form: true, events: [
    ['sms', '-8174720676710228700', '584141234567', 'DELIVRD', 'delivered', 'final'],
  ] },
  // Messangi documents no opt-out callback: a STOP is an inbound message, which the default optOutKeywords make an opt-out.
  { file: 'messangi/sms/mo.json', route: '/webhooks/messangi/sms', form: false, events: [], suppressed: [['sms', '+5588999999999', 'opted_out']] },
  { file: 'messangi/sms/mt-callback.json', route: '/webhooks/messangi/sms', form: false, events: [
    ['sms', '0b6f4a52-3c1e-4d8f-9a57-2f1c7e0d9b11', '5588999999999', 'DELIVRD', 'delivered', 'final'],
  ] },
  { file: 'messangi/sms/send-response.json', route: '/webhooks/messangi/sms', form: false, events: [
    ['sms', 'abc123-def456-ghi789', '+5588999999999', 'ACCEPTED', 'accepted', 'transient'],
  ] },
  { file: 'messangi/whatsapp/callback.json', route: '/webhooks/messangi/whatsapp', form: false, events: [
    ['whatsapp', '7d0c2b8e-9f4a-4e61-8b3d-5a6c1e2f3a40', '+5588999999999', 'READ', 'read', 'final'],
  ] },
  { file: 'octopush/email.json', route: '/webhooks/octopush', form: false, events: [
    ['email', 'email_0000000000000000000000', 'first.recipient@example.com', 'OPENED', 'read', 'final'],
    ['email', 'email_0000000000000000000000', 'second.recipient@example.com', 'SPAM_PRESUMPTION', 'unconfirmed', 'failure'],
  ] },
  // One URL receives receipts, STOPs and replies: they are told apart by their fields.
  { file: 'octopush/inbound.json', route: '/webhooks/octopush', form: false, events: [], received: [['sms', '+44600000000', 'some reply']] },
  { file: 'octopush/rcs.json', route: '/webhooks/octopush', form: false, events: [
    ['rcs', 'rcs_0000000000000000000000', '+33600112233', 'DELIVERED', 'delivered', 'final'],
  ] },
  { file: 'octopush/sms-2020.json', route: '/webhooks/octopush', form: false, events: [
    ['sms', 'sms_5fa275dbf21dc', '+33600000000', 'DELIVERED', 'delivered', 'final'],
  ] },
  { file: 'octopush/sms.json', route: '/webhooks/octopush', form: false, events: [
    ['sms', 'sms_0000000000000000000000', '+33600112233', 'DELIVERED', 'delivered', 'final'],
  ] },
  { file: 'octopush/stop.json', route: '/webhooks/octopush', form: false, events: [], suppressed: [['sms', '+33600000000', 'opted_out']] },
  // The older voice format names no channel: its call durations say voice. Posted as a form.
  { file: 'octopush/voice-sms-2020.json', route: '/webhooks/octopush', form: true, events: [
    ['voice', 'voice_5fa275dbf21dc', '+33600000000', 'NOT_DELIVERED', 'undeliverable', 'failure'],
  ] },
  { file: 'octopush/voice-sms.json', route: '/webhooks/octopush', form: false, events: [
    ['voice', 'voice_0000000000000000000000', '+33600112233', 'DELIVERED', 'delivered', 'final'],
  ] },
  { file: 'octopush/whatsapp.json', route: '/webhooks/octopush', form: false, events: [
    ['whatsapp', 'whatsapp_0000000000000000000000', '+33600112233', 'READ', 'read', 'final'],
  ] },
]

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
