/**
 * Text for a terminal. Anything the command echoes that it did not write itself (a body's
 * keys and values, a file name, an argument) goes through `printable` or `safeJson`: a
 * body cannot move the cursor, recolour the screen, set the window title or reorder the
 * line, and cannot make the output long.
 */

/**
 * The characters the command never writes raw, in any format, defined once by their
 * Unicode properties:
 * - `Cc`: the C0 controls (ESC starts every ANSI sequence), DEL and the C1 controls
 *   (U+009B is an 8-bit CSI, U+0085 a line break);
 * - `Bidi_Control`: every bidirectional control, which reorders a line: the marks U+061C,
 *   U+200E and U+200F, the embeddings and overrides U+202A–U+202E and the isolates
 *   U+2066–U+2069;
 * - `Zl`, `Zp`: the line and paragraph separators U+2028 and U+2029;
 * - `Cs`: a lone surrogate, which UTF-8 cannot carry (it would be written as U+FFFD).
 * Each is written as its `\uXXXX` escape.
 */
export const UNSAFE = /[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}\p{Cs}]/gu

/** `\u202e` for U+202E: every character of `UNSAFE` is one UTF-16 code unit. */
const escapeOne = (character: string): string => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`

/** `text` with every character of `UNSAFE` written as its `\uXXXX` escape, nothing cut. */
export const escapeUnsafe = (text: string): string => text.replace(UNSAFE, escapeOne)

/** The longest line the command writes from text it did not write itself, in characters. */
export const MAX_LINE = 500

/**
 * `text` as a terminal can show it: every character of `UNSAFE` written as a `\uXXXX`
 * escape, and text longer than `max` characters cut, with the count of the whole
 * (`…(12345 characters)`). Only the first `max` characters are ever looked at.
 */
export const printable = (text: string, max: number = MAX_LINE): string => {
  if (text.length <= max) return escapeUnsafe(text)
  // Do not split a surrogate pair.
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max
  return `${escapeUnsafe(text.slice(0, end))}… (${String(text.length)} characters)`
}

/**
 * JSON text from `JSON.stringify` with every character of `UNSAFE` escaped but the line
 * breaks of its indentation. `JSON.stringify` escapes the C0 controls and lone surrogates
 * of strings itself, so a raw line break in its text is never inside a string; the rest
 * of `UNSAFE` (DEL, C1 controls, separators, bidirectional controls) it leaves raw. The
 * escapes stand for the same characters, so the JSON means the same.
 */
export const safeJson = (json: string): string => json.replace(UNSAFE, (character) => (character === '\n' ? character : escapeOne(character)))
