/**
 * The values of a query parameter, read exactly as `new URL(url).searchParams.getAll(name)`
 * reads them, without the `URL` global, which the library's types do not assume (nor a
 * DOM, nor Node): the WHATWG URL parser's clean-up of the whole URL (leading and trailing
 * C0 controls and spaces dropped, tabs and newlines removed), the query up to `#`, and
 * `application/x-www-form-urlencoded` parsing of each pair (`+` a space, percent escapes
 * decoded as UTF-8 bytes, a malformed escape kept as written, invalid UTF-8 replaced by
 * U+FFFD). test/handler/secret.test.ts checks it against `URLSearchParams`.
 */

interface TextDecoderLike {
  readonly decode: (bytes: Uint8Array) => string
}
type TextDecoderConstructor = new (label: string, options: { readonly fatal: boolean; readonly ignoreBOM: boolean }) => TextDecoderLike

const isHex = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66)

/** Appends the UTF-8 bytes of a code point: a lone surrogate as U+FFFD's, as a URL parser writes it. */
const pushUtf8 = (bytes: Array<number>, codePoint: number): void => {
  const c = codePoint >= 0xd800 && codePoint <= 0xdfff ? 0xfffd : codePoint
  if (c < 0x80) bytes.push(c)
  else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f))
  else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f))
  else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f))
}

/** One name or value of a form: `+` a space, then percent-decoded bytes read as UTF-8. */
const formDecode = (text: string, decoder: TextDecoderLike): string => {
  const bytes: Array<number> = []
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0x2b) bytes.push(0x20)
    else if (code === 0x25 && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else {
      const codePoint = text.codePointAt(i) ?? code
      pushUtf8(bytes, codePoint)
      if (codePoint > 0xffff) i++
    }
  }
  return decoder.decode(Uint8Array.from(bytes))
}

/**
 * The URL parser's clean-up: leading and trailing C0 controls and spaces dropped, tabs and
 * newlines removed anywhere. A loop, not a regular expression: `[\u0000-\u0020]+$` tried
 * at every position of a long run of spaces is quadratic.
 */
const withoutControls = (url: string): string => {
  let start = 0
  let end = url.length
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the query starts after the first '?', and a leading control or space is none
  while (start < end && url.charCodeAt(start) <= 0x20) start++
  while (end > start && url.charCodeAt(end - 1) <= 0x20) end--
  return url.slice(start, end).replaceAll('\t', '').replaceAll('\n', '').replaceAll('\r', '')
}

/** The values of the query parameter `name` in `url` (absolute, or a path with its query), in order. */
export const queryValues = (url: string, name: string): ReadonlyArray<string> => {
  const Decoder = (globalThis as { readonly TextDecoder?: TextDecoderConstructor }).TextDecoder
  if (Decoder === undefined) return []
  // "UTF-8 decode without BOM": a leading U+FEFF is a character of the value, not dropped.
  const decoder = new Decoder('utf-8', { fatal: false, ignoreBOM: true })
  const cleaned = withoutControls(url)
  // The fragment first: a `?` after a `#` is the fragment's.
  const hash = cleaned.indexOf('#')
  const beforeFragment = hash === -1 ? cleaned : cleaned.slice(0, hash)
  const start = beforeFragment.indexOf('?')
  if (start === -1) return []
  const values: Array<string> = []
  for (const pair of beforeFragment.slice(start + 1).split('&')) {
    if (pair === '') continue
    const equals = pair.indexOf('=')
    const key = equals === -1 ? pair : pair.slice(0, equals)
    if (formDecode(key, decoder) === name) values.push(equals === -1 ? '' : formDecode(pair.slice(equals + 1), decoder))
  }
  return values
}
