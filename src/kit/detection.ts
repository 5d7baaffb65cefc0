/**
 * What `detectVendor` reads of a vendor: rules on field names, written in the vendor's
 * folder beside the marker fields its decoder decides by (each vendor's `detection.ts`),
 * and run over every vendor of the vendor list by src/detect.ts.
 */
import type { Channel } from '../model/channel.js'
import type { CallbackKind } from '../model/webhook.js'
import { hasField, isRecord, ownEntry } from '../util/values.js'

/** A JSON object body, as the rules read it. */
export type Body = Readonly<Record<string, unknown>>

/** A rule on a JSON object body: the fields it must have, and what it then is. */
export interface DetectionRule {
  readonly kind: CallbackKind
  /** A short name of the shape, e.g. "Octopush e-mail delivery callback". */
  readonly shape: string
  /**
   * The fields that must be present: each a field name, a path into a nested object
   * (`metadata.number`), or a list of such alternatives, one of which must be present (the
   * evidence names the one found).
   */
  readonly fields: ReadonlyArray<string | ReadonlyArray<string>>
  readonly test?: (body: Body) => boolean
  readonly channel?: (body: Body) => Channel | undefined
}

/** A rule on a JSON array body (Masstack's list of records). */
export interface ListDetectionRule {
  readonly kind: CallbackKind
  readonly shape: string
  readonly test: (items: ReadonlyArray<unknown>) => boolean
  /** The fields that gave it away, as the answer lists them. */
  readonly evidence: ReadonlyArray<string>
}

/** A vendor's rules, most specific first: a body matching rules of two vendors is ambiguous. */
export interface VendorDetection {
  readonly objects: ReadonlyArray<DetectionRule>
  readonly lists?: ReadonlyArray<ListDetectionRule>
}

/** Whether the body has a field, or the field at a dotted path (`metadata.number`), each step an own field of a record. */
export const has = (body: Body, path: string): boolean => {
  const dot = path.indexOf('.')
  if (dot < 0) return hasField(body, path)
  const head = path.slice(0, dot)
  const node = hasField(body, head) ? body[head] : undefined
  return isRecord(node) && has(node, path.slice(dot + 1))
}

/** The field of a rule found in the body: the field itself, or the first of its alternatives present. */
export const foundField = (body: Body, field: string | ReadonlyArray<string>): string | undefined =>
  typeof field === 'string' ? (has(body, field) ? field : undefined) : field.find((alternative) => has(body, alternative))

/** A channel named by a table of the vendor's words, or `undefined` for a word it does not have (or not text). */
export const channelIn = (table: Readonly<Record<string, Channel>>, value: unknown): Channel | undefined =>
  typeof value === 'string' ? ownEntry(table, value) : undefined
