/**
 * "Did you mean …?" for a vendor, channel, status code or flag that is not a known one.
 * Bounded: only short text is compared (a megabyte status value costs one length check),
 * against a short list of known names.
 */

/** The longest text compared: anything longer is not a typo of a known name. */
export const MAX_COMPARED = 40

/**
 * The edit distance (insertions, deletions, substitutions and swaps of two neighbours)
 * between two short texts, or `limit + 1` once it is certainly over `limit`.
 */
export const editDistance = (a: string, b: string, limit: number): number => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  // Three rows of the classic table: the one before the previous, the previous, the current.
  let before: Array<number> = []
  let previous: Array<number> = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current: Array<number> = [i]
    let smallest = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1)
      current.push(value)
      smallest = Math.min(smallest, value)
    }
    if (smallest > limit) return limit + 1
    before = previous
    previous = current
  }
  return Math.min(previous[b.length] ?? limit + 1, limit + 1)
}

/**
 * The known name that `given` is most likely a typo of: one equal to it but for case
 * (`"delivered"` → `"DELIVERED"`), else the one nearest within two edits (one for text of
 * three characters or fewer, where two edits reach almost anything). `undefined` when
 * none is near, when two are equally near, when `given` is not text, and when `given` is
 * longer than {@link MAX_COMPARED} characters. Never throws.
 */
export const didYouMean = (given: unknown, known: ReadonlyArray<string>): string | undefined => {
  if (typeof given !== 'string' || given.length === 0 || given.length > MAX_COMPARED) return undefined
  const lower = given.toLowerCase()
  const limit = given.length <= 3 ? 1 : 2
  let best: string | undefined
  let bestDistance = limit + 1
  let tied = false
  for (const name of known) {
    if (name === given || name.length > MAX_COMPARED) continue
    const distance = editDistance(lower, name.toLowerCase(), limit)
    if (distance < bestDistance) {
      best = name
      bestDistance = distance
      tied = false
    } else if (distance === bestDistance && distance <= limit && name !== best) tied = true
  }
  return tied ? undefined : best
}

/** `; did you mean "DELIVERED"?`, or nothing: the tail of a message. */
export const didYouMeanText = (suggestion: string | undefined): string => (suggestion === undefined ? '' : `; did you mean ${JSON.stringify(suggestion)}?`)

/**
 * Other names of the canonical channels, as vendors and people write them: Octopush's
 * receipts say `voice_sms` where the option is `voice`, and `mail`, `wa`, `messenger` are
 * what a person types. Keys are compared after {@link aliasKey}; values are channels.
 */
export const CHANNEL_ALIASES: Readonly<Record<string, string>> = {
  voicesms: 'voice',
  tts: 'voice',
  call: 'voice',
  vocal: 'voice',
  text: 'sms',
  mail: 'email',
  wa: 'whatsapp',
  messenger: 'facebook',
  fb: 'facebook',
  ig: 'instagram',
  webpush: 'push',
  pushnotification: 'push',
  notification: 'push',
}

/** `Voice-SMS`, `voice_sms`, `voice sms` → `voicesms`: case, `-`, `_`, spaces and dots dropped. */
const aliasKey = (given: string): string => given.toLowerCase().replace(/[-_ .]/g, '')

/**
 * The known channel that `given` is most likely meant as: the one it names under another
 * spelling (`voice_sms`, `E-mail`, `wa`: see {@link CHANNEL_ALIASES}), else its nearest
 * typo ({@link didYouMean}). Only a channel in `known` is suggested. Never throws.
 */
export const didYouMeanChannel = (given: unknown, known: ReadonlyArray<string>): string | undefined => {
  if (typeof given !== 'string' || given.length === 0 || given.length > MAX_COMPARED) return undefined
  const key = aliasKey(given)
  const named = known.find((channel) => aliasKey(channel) === key) ?? (Object.prototype.hasOwnProperty.call(CHANNEL_ALIASES, key) ? CHANNEL_ALIASES[key] : undefined)
  if (named !== undefined && named !== given && known.includes(named)) return named
  return didYouMean(given, known)
}
