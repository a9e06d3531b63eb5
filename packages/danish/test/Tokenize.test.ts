import { describe, expect, it } from "vitest"
import { tokenizeNatural } from "../testing/NaturalTokenizer.js"
import { isStopWord } from "../src/StopWords.js"
import { tokenize, wordCount } from "../src/Tokenize.js"

describe("tokenize", () => {
  it("keeps æøå inside words and reports offsets into the text", () => {
    const text = "Mød borgerne, hvor de er 👍"
    const tokens = tokenize(text)
    expect(tokens.map((t) => t.text)).toEqual(["Mød", "borgerne", "hvor", "de", "er"])
    expect(tokens.map((t) => t.key)).toEqual(["moed", "borgerne", "hvor", "de", "er"])
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text)
  })

  it("splits on hyphens and slashes", () => {
    expect(tokenize("bruger-/borgerinddragelse via e-Boks").map((t) => t.key)).toEqual([
      "bruger",
      "borgerinddragelse",
      "via",
      "e",
      "boks"
    ])
  })

  it("agrees with natural's Norwegian aggressive tokenizer on the words", () => {
    const s = "Ildsjæle brænder ud… hvem hjælper hjælperne?"
    expect(tokenize(s).map((t) => t.text.toLowerCase())).toEqual(tokenizeNatural(s.toLowerCase()))
  })
})

describe("stop words", () => {
  it("drops function words but keeps negation and quantity", () => {
    expect(isStopWord("og")).toBe(true)
    expect(isStopWord("paa")).toBe(true) // "på", folded
    expect(isStopWord("ikke")).toBe(false)
    expect(isStopWord("mere")).toBe(false)
    expect(isStopWord("tid")).toBe(false)
  })
})

describe("wordCount", () => {
  const bySplit = (text: string) => text.trim().split(/\s+/u).filter((w) => w.length > 0).length

  it("counts as splitting at white space does, for every character of the Basic Multilingual Plane", () => {
    const differ: Array<string> = []
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c)
      for (const text of [`a${ch}b`, `${ch}a`, `a${ch}`, ch, `${ch}${ch}`]) if (wordCount(text) !== bySplit(text)) differ.push(`U+${c.toString(16)}`)
    }
    expect(differ).toEqual([])
  })

  it("counts words of real statements, with emoji and line breaks", () => {
    for (const text of ["", "   ", "Mere tid", " Flere  tolke\n til\tborgerne 👍 ", "x\u00a0y\u2028z", "🎬🎬 🎬"]) {
      expect(wordCount(text)).toBe(bySplit(text))
    }
  })
})
