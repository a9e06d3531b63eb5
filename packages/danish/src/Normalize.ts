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

/** Lower case, NFC, every run of non-letters one space, trimmed: for spotting near-identical texts. */
export const plainText = (s: string): string =>
  s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()

/** `plainText` with emphatic repeats collapsed; keeps æøå. */
export const normalizeText = (s: string): string => collapseRepeats(plainText(s))

/** The matching key of a text: `normalizeText` with æøå folded to ae/oe/aa. */
export const normalize = (s: string): string => foldLetters(normalizeText(s))

/** The matching key of a single word (already lower-cased or not). */
export const foldWord = (w: string): string => foldLetters(collapseRepeats(w.normalize("NFC").toLowerCase()))
