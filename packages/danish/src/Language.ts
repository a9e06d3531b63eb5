import { foldWord } from "./Normalize.js"
import { stopWords } from "./StopWords.js"

// Whether an export's answers are Danish, cheaply: count the words that give the language away.
// Danish evidence: a Danish function word, a common Danish content word, or æ/ø/å in the word.
// Other evidence: a word in another alphabet (Cyrillic, Greek, Arabic, Hebrew, CJK, …) or an
// English/German function word. Names, numbers and loanwords ("Ro", "app") count for neither, so
// short Danish word-cloud answers do not look foreign.

// Common words in Danish statements that are not function words (folded keys, as `foldWord` makes).
const DANISH_WORDS = new Set(
  `ikke mere alle selv tid godt bedre gode god flere mange andre hele nye ny vigtigt vigtig
  borger borgere patient patienter personale medarbejdere kommune region sundhed hjaelp
  maaske bedst tak fordi ogsaa skulle kunne vaere faa give tage goer goere
  naar hvordan hvorfor derfor`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map(foldWord)
)

// Function words of English and German that are not also Danish words ("for", "her", "man",
// "der", "den", and "is", "be", "and", "mit", "sind", "most", which are Danish words too).
const FOREIGN_WORDS = new Set(
  `the of are you your that this with was were been not what which would should they
  their our we it its from into about very more will can could
  und ist nicht ich wir sie das auf ein eine einen zu für wie auch oder aber wird werden`
    .split(/\s+/)
    .filter((w) => w.length > 0)
)

const DANISH_LETTERS = /[æøå]/iu
// Letters in alphabets that do not write Danish.
const OTHER_SCRIPT =
  /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Armenian}\p{Script=Georgian}]/u
const WORD = /\p{L}+/gu

/** Evidence is counted over at most this many words: enough to tell, bounded for a huge export. */
const MAX_WORDS = 200_000

export interface LanguageCheck {
  /** Share (0–1) of the words that tell the language which are Danish; 1 when none tell. */
  readonly danishShare: number
  /** Words that told one way or the other. */
  readonly evidence: number
  /** Too few Danish words to trust the Danish themes and agreement figures. */
  readonly warning: boolean
}

/** Below this share of Danish evidence, with at least `MIN_EVIDENCE` telling words, the export is not Danish. */
export const DANISH_SHARE_MIN = 0.5
const MIN_EVIDENCE = 10

/** How Danish the texts look, from the words that give the language away. */
export const languageCheck = (texts: Iterable<string>): LanguageCheck => {
  let danish = 0
  let other = 0
  let words = 0
  for (const text of texts) {
    for (const [word] of text.matchAll(WORD)) {
      if (++words > MAX_WORDS) break
      const lower = word.toLowerCase()
      if (OTHER_SCRIPT.test(word) || FOREIGN_WORDS.has(lower)) other++
      else if (DANISH_LETTERS.test(word) || stopWords.has(foldWord(lower)) || DANISH_WORDS.has(foldWord(lower))) danish++
    }
    if (words > MAX_WORDS) break
  }
  const evidence = danish + other
  const danishShare = evidence === 0 ? 1 : danish / evidence
  return { danishShare, evidence, warning: evidence >= MIN_EVIDENCE && danishShare < DANISH_SHARE_MIN }
}

/** Share (0–1) of the language-telling words that are Danish; see `languageCheck`. */
export const danishShare = (texts: Iterable<string>): number => languageCheck(texts).danishShare
