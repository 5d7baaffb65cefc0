/** The options every vendor accepts. */
export interface CommonOptions {
  /**
   * IANA name of the zone the vendor's zone-less times are read in (Octopush's are).
   * Vendors whose times carry `Z` or an offset ignore it.
   */
  readonly timeZone?: string | undefined
  /**
   * What to do with a status code the catalog does not know: `'error'` (the default)
   * returns an `unknown_status` error; `'keep'` returns an `UnknownStatusEvent` for it,
   * which your exhaustive switch must then handle.
   */
  readonly unknownStatus?: 'error' | 'keep' | undefined
  /**
   * The largest body read from text or bytes: characters (UTF-16 code units) of a string,
   * bytes of an `ArrayBuffer`, a `Uint8Array` or any other view of bytes (a view's own
   * `byteLength`, not its buffer's). A larger body is an `invalid_body` error with a `too_large`
   * issue, returned before any parsing. Default {@link DEFAULT_MAX_BODY_SIZE} (32 MiB);
   * `Infinity` turns the check off. A body passed already parsed is not measured: limit
   * it in your framework's body parser.
   */
  readonly maxBodySize?: number | undefined
}

/**
 * The default `maxBodySize`: 32 MiB (33,554,432 characters of text or bytes), far above
 * any delivery callback and above a 100,000-recipient e-mail callback with a status
 * history for each recipient (about 17 MB).
 *
 * @category Options
 */
export const DEFAULT_MAX_BODY_SIZE = 32 * 1024 * 1024
