import { describe, expect, it } from "vitest"
import { CompoundSplitter } from "../src/Compound.js"
import { damerauLevenshtein, deletionHash, forEachDeletionHash, FuzzyIndex, typoBudget } from "../src/Distance.js"
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

  it("hashes a word's deletions as the deleted strings themselves hash", () => {
    for (const word of ["a", "ab", "kommunikation", "sundhedskompetencerne", "ææøå", "aaaa", "x🙂y"]) {
      for (const n of [0, 1, 2]) {
        const expected: Array<number> = [deletionHash(word)]
        for (let i = 0; i < word.length; i++) {
          const one = word.slice(0, i) + word.slice(i + 1)
          if (n >= 1) expected.push(deletionHash(one))
          if (n >= 2) for (let j = i; j < one.length; j++) expected.push(deletionHash(one.slice(0, j) + one.slice(j + 1)))
        }
        const got: Array<number> = []
        forEachDeletionHash(word, n, (h) => got.push(h))
        expect(got.sort((a, b) => a - b), `${word} ${n}`).toEqual(expected.sort((a, b) => a - b))
      }
    }
  })

  it("finds what comparing the word with every term finds: the nearest within both budgets, ties to the first term", () => {
    const terms = [
      "kommunikation", "kommunikationen", "sundhedskompetence", "sundhedskompetencer", "animation", "animationer",
      "patient", "patienter", "patienten", "tolkebistand", "tolkning", "inddragelse", "involvering", "pårørende",
      "ressourcer", "arbejdsmiljø", "arbejdspres", "ildsjæle", "piktogrammer", "billeder", "forståelse", "forklaring"
    ].map(normalize)
    const index = new FuzzyIndex(terms)
    const known = [...new Set(terms.filter((t) => t.length >= 6))]
    const nearest = (word: string): string | undefined => {
      if (known.includes(word)) return word
      let best: string | undefined
      let bestD = Infinity
      for (const t of known) {
        const allowed = Math.min(typoBudget(word.length), typoBudget(t.length))
        const d = damerauLevenshtein(word, t, allowed)
        if (d <= allowed && d < bestD) [best, bestD] = [t, d]
      }
      return best
    }
    // Typos of every kind, one and two per word, from a fixed sequence.
    let seed = 7
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n
    const typo = (w: string): string => {
      const i = next(w.length)
      const c = "abdeiklmnorst"[next(13)]!
      switch (next(4)) {
        case 0: return w.slice(0, i) + w.slice(i + 1)
        case 1: return w.slice(0, i) + c + w.slice(i)
        case 2: return w.slice(0, i) + c + w.slice(i + 1)
        default: return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w + c
      }
    }
    let matched = 0
    for (let k = 0; k < 2_000; k++) {
      const t = known[next(known.length)]!
      const word = k % 2 === 0 ? typo(t) : typo(typo(t))
      const found = index.lookup(word)
      expect(found, word).toBe(nearest(word))
      if (found !== undefined) matched++
    }
    // Most one-typo words are found; the comparison is not vacuous.
    expect(matched).toBeGreaterThan(1_000)
  })
})
