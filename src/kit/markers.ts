/**
 * Telling a vendor's bodies apart by their fields. Vendors send no type tag: each kind of
 * body has marker fields, and a body is one kind, never two.
 */

import { hasField } from '../util/values.js'

/** The marker fields of each kind of body, the kinds in the order they are tried, and how a message names each. */
export interface Markers<Kind extends string> {
  readonly fields: Readonly<Record<Kind, ReadonlyArray<string>>>
  readonly kinds: ReadonlyArray<Kind>
  readonly names: Readonly<Record<Kind, string>>
}

const hasMarker = <Kind extends string>(u: Readonly<Record<string, unknown>>, markers: Markers<Kind>, kind: Kind): boolean => {
  for (const field of markers.fields[kind]) if (hasField(u, field)) return true
  return false
}

/** What {@link markedKind} answers for a body with the markers of several kinds. */
export const SEVERAL_KINDS = 'several kinds'

/**
 * The one kind whose marker fields the body has, `undefined` for none, or
 * {@link SEVERAL_KINDS}: then {@link markerConflict} says which fields were found.
 * It allocates nothing: this runs on every body.
 */
export const markedKind = <Kind extends string>(u: Readonly<Record<string, unknown>>, markers: Markers<Kind>): Kind | undefined | typeof SEVERAL_KINDS => {
  let kind: Kind | undefined
  for (const candidate of markers.kinds) {
    if (!hasMarker(u, markers, candidate)) continue
    if (kind !== undefined) return SEVERAL_KINDS
    kind = candidate
  }
  return kind
}

/** The marker fields found for each kind, for the error message ("stop_date (a STOP) and delivery_date (a delivery receipt)"). */
export const markerConflict = <Kind extends string>(u: Readonly<Record<string, unknown>>, markers: Markers<Kind>): string =>
  markers.kinds
    .filter((kind) => hasMarker(u, markers, kind))
    .map((kind) => `${markers.fields[kind].filter((field) => hasField(u, field)).join(', ')} (${markers.names[kind]})`)
    .join(' and ')
