/**
 * Normalization for matching. Two levels:
 * - `normalizeText`: NFC, lower case, emoji and punctuation replaced by spaces, emphatic letter
 *   runs shortened ("suuuper" → "super"), whitespace collapsed. Keeps æøå: a readable form.
 * - `normalize` (the matching key): `normalizeText` + æ/ø/å folded to ae/oe/aa and other
 *   diacritics removed, so "forstå", "forstaa" and "FORSTÅ!!" all become "forstaa".
 * Text and lexicon must go through the same function so both sides meet on one key.
 */

const VOWELS = "aeiouyæøå"

/** Emphatic repetition: a vowel typed 3+ times becomes one, a consonant 3+ times becomes two. */
export const collapseRepeats = (s: string): string =>
  s.replace(/(\p{L})\1{2,}/gu, (_run, ch: string) => (VOWELS.includes(ch) ? ch : ch + ch))

/** Lower-case æ/ø/å spelled out as ae/oe/aa, as phones and foreign keyboards write them. */
export const spellOutAeOeAa = (s: string): string => s.replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")

/** Danish letters spelled out, plus the diacritics Danes type on borrowed words. */
export const foldLetters = (s: string): string =>
  spellOutAeOeAa(s)
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")

// Whether a UTF-16 code unit of the Basic Multilingual Plane is a letter or a digit
// (`[\p{L}\p{N}]`), decided once per code unit: 0 not yet, 1 yes, 2 no.
const BMP_WORD = new Uint8Array(0x10000)
const WORD_CHAR = /^[\p{L}\p{N}]$/u
const NEEDS_NFC = /[\u0300-\uffff]/

const isWordUnit = (c: number): boolean => {
  let known = BMP_WORD[c]!
  if (known === 0) BMP_WORD[c] = known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2
  return known === 1
}

/**
 * Lower case, NFC, every run of non-letters one space, trimmed: for spotting near-identical texts.
 * The same as `s.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()` (a test
 * holds it to that), in one pass over the text: the regex was a noticeable share of a
 * 100,000-statement run.
 */
export const plainText = (s: string): string => {
  const lower = (NEEDS_NFC.test(s) ? s.normalize("NFC") : s).toLowerCase()
  let out = ""
  let runStart = -1
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i)
    let word: boolean
    let width = 1
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < lower.length) {
      // A character outside the BMP (a surrogate pair): rare, tested as a code point.
      const cp = lower.codePointAt(i)!
      width = cp > 0xffff ? 2 : 1
      word = width === 2 ? WORD_CHAR.test(String.fromCodePoint(cp)) : isWordUnit(c)
    } else word = c < 128 ? (c >= 97 && c <= 122) || (c >= 48 && c <= 57) : isWordUnit(c)
    if (word) {
      if (runStart < 0) runStart = i
    } else if (runStart >= 0) {
      out += out.length === 0 ? lower.slice(runStart, i) : " " + lower.slice(runStart, i)
      runStart = -1
    }
    i += width - 1
  }
  if (runStart >= 0) out += out.length === 0 ? lower.slice(runStart) : " " + lower.slice(runStart)
  return out
}

/** `plainText` with emphatic repeats collapsed; keeps æøå. */
export const normalizeText = (s: string): string => collapseRepeats(plainText(s))

/** The matching key of a text: `normalizeText` with æøå folded to ae/oe/aa. */
export const normalize = (s: string): string => foldLetters(normalizeText(s))

/** The matching key of a single word (already lower-cased or not). */
export const foldWord = (w: string): string => foldLetters(collapseRepeats(w.normalize("NFC").toLowerCase()))
