import { foldWord } from "@udsagn/danish/Normalize"
import { plainStem } from "@udsagn/danish/Stem"
import { isKeyTermStopWord } from "@udsagn/danish/StopWords"
import { forEachWord, nfc } from "@udsagn/danish/Tokenize"

/**
 * The words of a statement as key terms see them: surface form, stem key, and whether
 * punctuation separates a word from the one before (a two-word term never spans it). The
 * tokenizer, stop words and stemmer are @udsagn/danish's.
 */
export interface TermToken {
  /** Lower-cased form, for matching. */
  readonly lower: string
  /** As written, except that a sentence-initial capital is dropped. */
  readonly surface: string
  /** Grouping key: the Snowball stem of the folded word (æ/ø/å → ae/oe/aa). */
  readonly key: string
  /** False for stop words, numbers and one-letter tokens. */
  readonly content: boolean
  /** Punctuation (or the start of the text) separates this token from the previous one. */
  readonly breakBefore: boolean
}

// Masks written by ingest ([CPR], [telefon], [e-mail]) are not words people used.
const MASK = /\[(?:cpr|telefon|e-mail)\]/giu

/** Tokens of a statement in order, with surface forms and stems. */
export const termTokens = (text: string): ReadonlyArray<TermToken> => {
  const clean = nfc(text).replace(MASK, " . ")
  const tokens: Array<TermToken> = []
  let sentenceStart = true
  let last = 0
  forEachWord(clean, (word, start, end) => {
    const between = clean.slice(last, start)
    if (/[.!?:;\n]/.test(between)) sentenceStart = true
    const breakBefore = tokens.length === 0 || /[^\s]/u.test(between)
    last = end
    const raw = word.replace(/’/g, "'")
    const lower = raw.toLowerCase()
    // Sentence-initial capitals are typography, not a proper noun; all-caps acronyms stay.
    const surface = sentenceStart && raw.length > 1 && raw !== raw.toUpperCase() ? lower : raw
    sentenceStart = false
    const content = lower.length > 1 && !/^\p{N}+$/u.test(lower) && !isKeyTermStopWord(lower)
    // Phones without a Danish keyboard write "forstaa" for "forstå": one key for both.
    tokens.push({ lower, surface, key: content ? plainStem(foldWord(lower)) : lower, content, breakBefore })
  }, { joined: true })
  return tokens
}
