import { foldWord } from "./Normalize.js"

/** A word of a text with where it stands, so evidence can quote the statement as typed. */
export interface Token {
  /** The word as it appears in the (NFC) text. */
  readonly text: string
  readonly start: number
  readonly end: number
  /** Matching key: lower case, repeats collapsed, æøå folded (see `normalize`). */
  readonly key: string
}

// Letters (any script, so æøå and é stay inside words) and digits; everything else separates.
const WORD = /[\p{L}\p{N}]+/gu

/** Regex tokenizer with offsets. Hyphens split ("e-Boks" → "e", "boks"), as phrases expect. */
export const tokenize = (text: string): Array<Token> => {
  const s = text.normalize("NFC")
  const out: Array<Token> = []
  for (const m of s.matchAll(WORD)) {
    const start = m.index
    out.push({ text: m[0], start, end: start + m[0].length, key: foldWord(m[0]) })
  }
  return out
}

/** Just the matching keys of the words of a text. */
export const tokenKeys = (text: string): Array<string> => tokenize(text).map((t) => t.key)
