import { boundedMemo } from "@udsagn/danish/Memo"
import { foldWord } from "@udsagn/danish/Normalize"
import { plainStem } from "@udsagn/danish/Stem"
import { isKeyTermStopWord } from "@udsagn/danish/StopWords"
import { joinedWordRegex, nfc } from "@udsagn/danish/Tokenize"

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
  /** Its ids in the form table as `raw` and as `initial`, in table generation `generation`. */
  generation: number
  rawId: number
  initialId: number
}

const formOf = boundedMemo((word: string): WordForm => {
  const raw = word.replace(/’/g, "'")
  const lower = raw.toLowerCase()
  const content = lower.length > 1 && !/^\p{N}+$/u.test(lower) && !isKeyTermStopWord(lower)
  // Sentence-initial capitals are typography, not a proper noun; all-caps acronyms stay.
  const initial = raw.length > 1 && raw !== raw.toUpperCase() ? lower : raw
  // Phones without a Danish keyboard write "forstaa" for "forstå": one key for both.
  const key = content ? plainStem(foldWord(lower)) : lower
  return { lower, initial, raw, key, content, generation: -1, rawId: -1, initialId: -1 }
})

const SENTENCE_BREAK = /[.!?:;\n]/
const NOT_SPACE = /[^\s]/u

/**
 * Every word form met so far (a word as a statement shows it: `surface`), with what key terms and
 * sub-topics need of it. A text's tokens are ids into these lists, so the corpora read a few
 * small typed arrays and a table that stays in the cache, not an object per word of every text.
 */
export interface FormTable {
  readonly surface: ReadonlyArray<string>
  readonly lower: ReadonlyArray<string>
  readonly key: ReadonlyArray<string>
  readonly content: ReadonlyArray<boolean>
}

const surfaces: Array<string> = []
const lowers: Array<string> = []
const keys: Array<string> = []
const contents: Array<boolean> = []
const formIds = new Map<string, number>()
/** Incremented whenever the table is emptied: ids a `WordForm` holds from before are stale. */
let generation = 0

/** The word forms that `textForms` ids index. */
export const forms: FormTable = { surface: surfaces, lower: lowers, key: keys, content: contents }

// The surface fixes the rest: a word's lower case is its surface's (`initial` is lower or raw).
const formId = (f: WordForm, surface: string): number => {
  let id = formIds.get(surface)
  if (id === undefined) {
    id = surfaces.length
    formIds.set(surface, id)
    surfaces.push(surface)
    lowers.push(f.lower)
    keys.push(f.key)
    contents.push(f.content)
  }
  return id
}

// A word's two ids, kept on its (memoized) form: one look-up per word, not two.
const idOf = (f: WordForm, sentenceStart: boolean): number => {
  if (f.generation !== generation) {
    f.generation = generation
    f.rawId = formId(f, f.raw)
    f.initialId = f.initial === f.raw ? f.rawId : -1
  }
  if (!sentenceStart) return f.rawId
  if (f.initialId < 0) f.initialId = formId(f, f.initial)
  return f.initialId
}

/** A token of `textForms`: its form's id, and whether punctuation separates it from the word before. */
export const formOfToken = (token: number): number => token >>> 1
export const breakBefore = (token: number): boolean => (token & 1) === 1

// danish's words with hyphens and apostrophes kept whole (`joinedWordRegex`), matched with one
// regex from an index kept here, so a nested use is safe.
const WORD = joinedWordRegex()

const tokenize = (text: string): Int32Array => {
  const typed = nfc(text)
  const clean = typed.includes("[") ? typed.replace(MASK, " . ") : typed
  const tokens: Array<number> = []
  let sentenceStart = true
  let last = 0
  let m: RegExpExecArray | null
  WORD.lastIndex = 0
  while ((m = WORD.exec(clean)) !== null) {
    const start = m.index
    const end = WORD.lastIndex
    // Most words follow one space: no slice, no regex.
    let breakBefore = tokens.length === 0
    if (!(start - last === 1 && clean.charCodeAt(last) === 32)) {
      const between = clean.slice(last, start)
      if (SENTENCE_BREAK.test(between)) sentenceStart = true
      if (NOT_SPACE.test(between)) breakBefore = true
    }
    last = end
    tokens.push((idOf(formOf(m[0]), sentenceStart) << 1) | (breakBefore ? 1 : 0))
    sentenceStart = false
    WORD.lastIndex = end
  }
  return Int32Array.from(tokens)
}

// Tokens by text: aggregate's corpus (Corpus.ts) and the sub-topics' (TopicWords.ts) read the same
// statements, and an export repeats answers word for word. Bounded like the word forms above.
let byText = boundedMemo(tokenize)

/**
 * The tokens of a statement in order, as form ids (see `formOfToken`, `breakBefore`). Ids stay
 * valid until the next `beginCorpus`.
 */
export const textForms = (text: string): Int32Array => byText(text)

/** The most word forms kept: past it, the next corpus starts a new table (a long-running server). */
const MAX_FORMS = 500_000

/**
 * Called before a corpus is built: empties the form table (and the tokens that point into it) when
 * it has grown past its bound, so it never changes ids in the middle of a build.
 */
export const beginCorpus = (maxForms = MAX_FORMS): void => {
  if (surfaces.length < maxForms) return
  surfaces.length = 0
  lowers.length = 0
  keys.length = 0
  contents.length = 0
  formIds.clear()
  generation++
  byText = boundedMemo(tokenize)
}

/** Tokens of a statement in order, with surface forms and stems. */
export const termTokens = (text: string): ReadonlyArray<TermToken> =>
  Array.from(textForms(text), (t) => {
    const id = formOfToken(t)
    return { lower: lowers[id]!, surface: surfaces[id]!, key: keys[id]!, content: contents[id]!, breakBefore: breakBefore(t) }
  })
