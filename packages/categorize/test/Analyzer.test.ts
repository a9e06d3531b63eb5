import { CompoundSplitter, normalize, tokenize } from "@udsagn/danish"
import { describe, expect, it } from "vitest"
import { Analyzer } from "../src/Analyzer.js"

const analyzer = new Analyzer(new CompoundSplitter(["front", "personale", "tolk", "bistand"].map(normalize)))

// Texts whose words take every path of the tokenizer: æøå and decomposed letters (NFC), hyphens
// and apostrophes (split), digits, emoji, other scripts, repeated words, punctuation runs.
const texts = [
  "Mere tid til den enkelte patient",
  "FORSTÅ!!! forstaa, Forstå… og forsta\u030Aelse",
  "teach-back og e-Boks; don't – 24/7",
  "Tolkebistand 🎬 til frontpersonalet (ikke nok)",
  "Ja ja JA. Nej: nej?",
  "Ελληνικά и кириллица, 中文 også",
  "",
  "   ",
  "æøå ÆØÅ éè"
]

describe("the categorizer's analyzer", () => {
  it("finds the words danish's tokenize finds, with the same offsets and keys, the first time and from its cache", () => {
    for (let round = 0; round < 2; round++) {
      for (const text of texts) {
        const words = analyzer.analyze(text).map((t) => ({ text: t.text, start: t.start, end: t.end, key: t.key }))
        expect(words).toEqual(tokenize(text))
      }
    }
  })

  it("gives a word the key's analysis however it is typed", () => {
    const [a, b] = [analyzer.analyze("Frontpersonalet")[0]!, analyzer.analyze("frontpersonalet")[0]!]
    expect(a.key).toBe(b.key)
    expect({ stem: a.stem, parts: a.parts, stop: a.stop }).toEqual({ stem: b.stem, parts: b.parts, stop: b.stop })
    expect(a.parts).toEqual(["front", "personalet"])
    expect(analyzer.analyze("TOLKEBISTAND")[0]!.partStems).toEqual(["tolk", "bistand"])
  })
})
