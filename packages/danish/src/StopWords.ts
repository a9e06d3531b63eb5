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
