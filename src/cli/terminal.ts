/**
 * Text for a terminal. Anything the command echoes that it did not write itself (a body's
 * keys and values, a file name, an argument) goes through `printable` or `safeJson`: a
 * body cannot move the cursor, recolour the screen, set the window title or reorder the
 * line, and cannot make the output long.
 */

/**
 * Characters a terminal acts on rather than shows: C0 controls (ESC starts every ANSI
 * sequence), DEL, C1 controls (U+009B is an 8-bit CSI), the line and paragraph separators,
 * and the bidirectional overrides and isolates that reorder a line.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

const escapeOne = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`

/** The longest line the command writes from text it did not write itself, in characters. */
export const MAX_LINE = 500

/**
 * `text` as a terminal can show it: every character a terminal would act on written as a
 * `\uXXXX` escape, and text longer than `max` characters cut, with the count of the whole
 * (`…(12345 characters)`). Only the first `max` characters are ever looked at.
 */
export const printable = (text: string, max: number = MAX_LINE): string => {
  if (text.length <= max) return text.replace(UNSAFE, escapeOne)
  // Do not split a surrogate pair.
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max
  return `${text.slice(0, end).replace(UNSAFE, escapeOne)}… (${String(text.length)} characters)`
}

/** What `JSON.stringify` leaves raw of `UNSAFE`: it escapes the C0 controls itself. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/**
 * JSON text from `JSON.stringify` with the rest of the characters a terminal acts on
 * escaped: it escapes C0 controls, not C1 controls, the separators or the bidirectional
 * controls. The escapes stand for the same characters, so the JSON means the same.
 */
export const safeJson = (json: string): string => json.replace(UNSAFE_IN_JSON, escapeOne)
