import { boundedMemo } from "./Memo.js"
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
// The same, but a hyphen or apostrophe between letters joins: "teach-back", "e-Boks", "don't".
const JOINED_WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu

/** A new global regex for the words `tokenize` finds (for a tokenizer of its own, as the categorizer's Analyzer). */
export const wordRegex = (): RegExp => new RegExp(WORD.source, "gu")

/** A new global regex for words with hyphens and apostrophes kept whole (key terms' tokenizer). */
export const joinedWordRegex = (): RegExp => new RegExp(JOINED_WORD.source, "gu")

const NEEDS_NFC = /[\u0300-\uffff]/

// Folding runs several regexes; words repeat, so keys are cached per word as typed.
const keyOf = boundedMemo(foldWord)

/** The text tokens' offsets refer to: NFC, skipped when it cannot change anything. */
export const nfc = (text: string): string => (NEEDS_NFC.test(text) ? text.normalize("NFC") : text)

/** Regex tokenizer with offsets. Hyphens split ("e-Boks" → "e", "boks"), as phrases expect. */
export const tokenize = (text: string): Array<Token> => {
  // Only text with combining marks or non-Latin-1 letters can change under NFC; skip the rest.
  const s = NEEDS_NFC.test(text) ? text.normalize("NFC") : text
  const out: Array<Token> = []
  WORD.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = WORD.exec(s)) !== null) {
    const start = m.index
    out.push({ text: m[0], start, end: start + m[0].length, key: keyOf(m[0]) })
  }
  return out
}

/** Just the matching keys of the words of a text. */
export const tokenKeys = (text: string): Array<string> => tokenize(text).map((t) => t.key)

// What `\s` and `trim` take for white space (Unicode's, with the line terminators and BOM).
const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || (c >= 0x2000 && c <= 0x200a) || c === 0xa0 || c === 0x1680 ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff

/** How many words a text has, split at white space (`text.trim().split(/\s+/u)` without empty ones), without making them. */
export const wordCount = (text: string): number => {
  let n = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i))
    if (!space && !inWord) n++
    inWord = !space
  }
  return n
}
