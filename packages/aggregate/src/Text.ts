import { foldWord } from "@udsagn/danish/Normalize"
import snowball from "snowball-stemmers"

/**
 * Small, self-contained text helpers for the aggregate stage: tokens with their
 * surface form, Danish stop words and a stem to group inflections under.
 */

// Danish function words (the Snowball/NLTK list), their ae/oe/aa spellings, and
// conference filler that carries no theme. Kept here so key terms do not move when
// the categorizer's own lexicon changes.
const STOP = [
  "ad", "af", "alle", "alt", "anden", "andet", "andre", "at", "bare", "bl.a", "blev", "blive", "bliver",
  "bør", "burde", "da", "de", "dem", "den", "denne", "dens", "der", "deres", "det", "dette", "dig", "din",
  "dine", "disse", "dit", "dog", "du", "efter", "eller", "en", "end", "ene", "eneste", "er", "et", "f.eks",
  "feks", "fik", "flere", "fleste", "for", "fordi", "fra", "få", "får", "gerne", "gjorde", "gør", "gøre",
  "gå", "går", "godt", "ham", "han", "hans", "har", "have", "havde", "hele", "helt", "hende", "hendes",
  "her", "hos", "hun", "hvad", "hvem", "hver", "hvilke", "hvilken", "hvis", "hvor", "hvordan", "hvorfor",
  "hvornår", "i", "ikke", "ind", "ingen", "intet", "jeg", "jer", "jeres", "jo", "kan", "kom", "komme",
  "kommer", "kun", "kunne", "lidt", "lige", "lille", "man", "mange", "med", "meget", "men", "mere", "mest",
  "mig", "min", "mine", "mit", "mod", "må", "måske", "ned", "nej", "noget", "nogen", "nogle", "nok", "nu",
  "når", "og", "også", "om", "op", "os", "osv", "over", "på", "rigtig", "rigtigt", "selv", "ses", "sig",
  "sin", "sine", "sit", "skal", "skulle", "som", "så", "sådan", "thi", "til", "ud", "under", "var", "ved",
  "vi", "via", "vil", "ville", "vor", "vores", "være", "været", "også", "ja", "fx", "ift", "mht", "evt",
  "blandt", "mellem", "uden", "igen", "altid", "aldrig", "allerede", "stadig", "endnu", "lave", "laver",
  "synes", "tror", "tænker", "syntes", "kunne", "ting", "tingene", "masse", "del", "dag", "dagen", "tak",
  // verbs that start proposals ("brug …", "lav …"): the object is the key term, not the verb
  "brug", "bruge", "lav", "skriv", "husk", "giv", "tag", "sørg", "sørge", "lad",
  // parts of set phrases ("i stedet for", "tage fat på", "på den måde")
  "stedet", "fat", "måde", "betyder",
  // ae/oe/aa spellings typed on phones
  "paa", "saa", "naar", "ogsaa", "vaere", "vaeret", "faa", "faar", "gaa", "gaar", "goer", "goere", "boer",
  "maa", "maaske", "saadan",
  // a little English, which people mix in
  "the", "and", "of", "to", "a", "is", "in", "it", "for", "on", "be", "we", "you"
]
const stopWords: ReadonlySet<string> = new Set(STOP)

export const isStopWord = (word: string): boolean => stopWords.has(word.toLowerCase())

const stemmer = snowball.newStemmer("danish")

// Words repeat far more than texts do; stemming is the costly part of tokenizing.
const stems = new Map<string, string>()

/** Snowball Danish stem of a lower-cased word, used only to group inflections. */
export const stem = (word: string): string => {
  const lower = word.toLowerCase()
  let s = stems.get(lower)
  if (s === undefined) {
    if (stems.size > 200_000) stems.clear()
    s = stemmer.stem(lower)
    stems.set(lower, s)
  }
  return s
}

export interface Token {
  /** Lower-cased form, for matching. */
  readonly lower: string
  /** As written, except that a sentence-initial capital is dropped. */
  readonly surface: string
  /** Grouping key: the stem of `lower` with æ/ø/å folded to ae/oe/aa. */
  readonly key: string
  /** False for stop words, numbers and one-letter tokens. */
  readonly content: boolean
  /** Punctuation (or the start of the text) separates this token from the previous one. */
  readonly breakBefore: boolean
}

// Masks written by ingest ([CPR], [telefon], [e-mail]) are not words people used.
const MASK = /\[(?:cpr|telefon|e-mail)\]/giu
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu

/** Tokens of a statement in order, with surface forms and stems. */
export const tokenize = (text: string): ReadonlyArray<Token> => {
  const clean = text.normalize("NFC").replace(MASK, " . ")
  const tokens: Array<Token> = []
  let sentenceStart = true
  let last = 0
  for (const m of clean.matchAll(WORD)) {
    const between = clean.slice(last, m.index)
    if (/[.!?:;\n]/.test(between)) sentenceStart = true
    const breakBefore = tokens.length === 0 || /[^\s]/u.test(between)
    last = m.index + m[0].length
    const raw = m[0].replace(/’/g, "'")
    const lower = raw.toLowerCase()
    // Sentence-initial capitals are typography, not a proper noun; all-caps acronyms stay.
    const surface =
      sentenceStart && raw.length > 1 && raw !== raw.toUpperCase() ? lower : raw
    sentenceStart = false
    const content = lower.length > 1 && !/^\p{N}+$/u.test(lower) && !stopWords.has(lower)
    // Phones without a Danish keyboard write "forstaa" for "forstå": one key for both.
    tokens.push({ lower, surface, key: content ? stem(foldWord(lower)) : lower, content, breakBefore })
  }
  return tokens
}

/** Lower-case, collapse whitespace and drop punctuation: for spotting near-identical texts. */
export const normalizeForCompare = (text: string): string =>
  text.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()
