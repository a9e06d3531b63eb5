import { foldWord } from "./Normalize.js"

// Snowball's Danish stop-word list (function words), minus words that carry meaning in these
// statements: negation ("ikke": "vi har ikke tid"), quantity ("mere", "alle"), "selv".
const WORDS = `og i jeg det at en den til er som på de med han af for var der
sig men et har om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor
eller hvad skal så her have kan hende noget meget ville mig sine dette denne
dig jo hendes deres hvis hvordan efter uden blive bliver kunne mod end blev
vores jer blevet thi ind sit alt ved når være dog noget anden nogle
hos hvem mit vil disse din dit hvorfor mine sådan også var været er fordi få skulle må
lige skal kun derfor bare ja nej altså både`

export const stopWords: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/).filter((w) => w.length > 0).map(foldWord)
)

/** True for a folded key that is a Danish function word. */
export const isStopWord = (key: string): boolean => stopWords.has(key)

// Words that never make a key term (aggregate): Danish function words (the Snowball/NLTK list,
// negation and quantity included this time), conference filler that carries no theme, in both
// the æøå and the ae/oe/aa spelling. Checked on the lower-case word as typed, not on the folded
// key, so a spelling not listed ("hvornaar") stays a word. Kept apart from the categorizer's
// lexicon so key terms do not move when it changes.
const KEY_TERM_STOP = [
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
const keyTermStopWords: ReadonlySet<string> = new Set(KEY_TERM_STOP)

/** True for a word (any case, as typed) that never makes a key term. */
export const isKeyTermStopWord = (word: string): boolean => keyTermStopWords.has(word.toLowerCase())
