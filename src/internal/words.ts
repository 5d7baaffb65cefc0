/** `a` or `an` before a word, by its first letter (names of vendors, channels and shapes, not body text). */
export const article = (word: string): 'a' | 'an' => (/^[aeiou]/i.test(word) ? 'an' : 'a')
