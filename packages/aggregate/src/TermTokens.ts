import { boundedMemo } from "@udsagn/danish/Memo"
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

/** What a word as typed gives, whatever its place: words repeat, so this is computed once per word. */
interface WordForm {
  readonly lower: string
  /** The surface at the start of a sentence (a capital that is only typography dropped). */
  readonly initial: string
  readonly raw: string
  readonly key: string
  readonly content: boolean
}

const formOf = boundedMemo((word: string): WordForm => {
  const raw = word.replace(/’/g, "'")
  const lower = raw.toLowerCase()
  const content = lower.length > 1 && !/^\p{N}+$/u.test(lower) && !isKeyTermStopWord(lower)
  // Sentence-initial capitals are typography, not a proper noun; all-caps acronyms stay.
  const initial = raw.length > 1 && raw !== raw.toUpperCase() ? lower : raw
  // Phones without a Danish keyboard write "forstaa" for "forstå": one key for both.
  return { lower, initial, raw, key: content ? plainStem(foldWord(lower)) : lower, content }
})

const SENTENCE_BREAK = /[.!?:;\n]/
const NOT_SPACE = /[^\s]/u

// Tokens by text: aggregate's corpus (Corpus.ts) and the sub-topics' (TopicWords.ts) read the same
// statements, and an export repeats answers word for word. Bounded like the word forms above.
/** Tokens of a statement in order, with surface forms and stems. */
export const termTokens = (text: string): ReadonlyArray<TermToken> => byText(text)

const tokenize = (text: string): ReadonlyArray<TermToken> => {
  const typed = nfc(text)
  const clean = typed.includes("[") ? typed.replace(MASK, " . ") : typed
  const tokens: Array<TermToken> = []
  let sentenceStart = true
  let last = 0
  forEachWord(clean, (word, start, end) => {
    // Most words follow one space: no slice, no regex.
    let breakBefore = tokens.length === 0
    if (!(start - last === 1 && clean.charCodeAt(last) === 32)) {
      const between = clean.slice(last, start)
      if (SENTENCE_BREAK.test(between)) sentenceStart = true
      if (NOT_SPACE.test(between)) breakBefore = true
    }
    last = end
    const f = formOf(word)
    tokens.push({ lower: f.lower, surface: sentenceStart ? f.initial : f.raw, key: f.key, content: f.content, breakBefore })
    sentenceStart = false
  }, { joined: true })
  return tokens
}

const byText = boundedMemo(tokenize)
