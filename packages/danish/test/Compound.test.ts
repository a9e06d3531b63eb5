import { describe, expect, it } from "vitest"
import { CompoundSplitter } from "../src/Compound.js"
import { damerauLevenshtein, FuzzyIndex, typoBudget } from "../src/Distance.js"
import { normalize } from "../src/Normalize.js"

const parts = ["patient", "inddragelse", "sundhed", "kompetence", "animation", "film", "medarbejder", "trivsel", "bruger", "borger", "video", "konsultation", "tid"]
const splitter = new CompoundSplitter(parts.map(normalize))

describe("compound splitting", () => {
  it.each([
    ["patientinddragelse", ["patient", "inddragelse"]],
    ["sundhedskompetencer", ["sundhed", "kompetencer"]], // linking -s-, inflected last part
    ["animationsfilm", ["animation", "film"]],
    ["medarbejdertrivsel", ["medarbejder", "trivsel"]],
    ["Borgerinddragelsen", ["borger", "inddragelsen"]],
    ["videokonsultationer", ["video", "konsultationer"]]
  ])("%s", (word, expected) => {
    expect(splitter.split(normalize(word))).toEqual(expected)
  })

  it("does not split known or unknown simple words", () => {
    expect(splitter.split("patient")).toBeUndefined()
    expect(splitter.split("spaendende")).toBeUndefined()
    // "tid" is a part, but "tidsplan" ends in an unknown part
    expect(splitter.split("tidsplan")).toBeUndefined()
  })

  it("does not take an inflectional ending for a part", () => {
    const s = new CompoundSplitter(["borg", "erne", "borger", "video", "animation"])
    expect(s.split("borgerne")).toBeUndefined()
    // a known word that is also a compound still splits
    expect(new CompoundSplitter(["animation", "video", "animationsvideoer"]).split("animationsvideoer")).toEqual(["animation", "videoer"])
  })

  it("allows the linking -e- (brugere|inddragelse)", () => {
    expect(splitter.split("brugereinddragelse")).toEqual(["bruger", "inddragelse"])
  })
})

describe("typo tolerance", () => {
  it("computes Damerau-Levenshtein distance (transpositions cost 1)", () => {
    expect(damerauLevenshtein("animatoin", "animation")).toBe(1)
    expect(damerauLevenshtein("komunikation", "kommunikation")).toBe(1)
    expect(damerauLevenshtein("kitten", "sitting")).toBe(3)
    expect(damerauLevenshtein("abc", "abc")).toBe(0)
    expect(damerauLevenshtein("", "abc")).toBe(3)
    // bounded: stops early and reports max + 1
    expect(damerauLevenshtein("sundhed", "animation", 2)).toBe(3)
  })

  it("allows 0 typos below 6 letters, 1 from 6, 2 from 10", () => {
    expect([typoBudget(5), typoBudget(6), typoBudget(9), typoBudget(10)]).toEqual([0, 1, 1, 2])
  })

  it("matches misspelled long terms only", () => {
    const index = new FuzzyIndex(["kommunikation", "sundhedskompetence", "animation", "patient", "tolk"].map(normalize))
    expect(index.lookup(normalize("komunikation"))).toBe("kommunikation")
    expect(index.lookup(normalize("sundhedskompetanse"))).toBe("sundhedskompetence")
    expect(index.lookup(normalize("animatoin"))).toBe("animation")
    expect(index.lookup(normalize("patiant"))).toBe("patient")
    expect(index.lookup("talk")).toBeUndefined() // "tolk": too short for typo matching
    expect(index.lookup("pateint")).toBe("patient")
    expect(index.lookup("patxxnt")).toBeUndefined() // two edits on a 7-letter word
    expect(index.lookup(normalize("sunhedskompetance"))).toBe("sundhedskompetence") // 2 edits, 18 letters
    expect(index.lookup("sunhedskompetanse")).toBeUndefined() // 3 edits
  })
})
