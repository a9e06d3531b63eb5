import { describe, expect, it } from "vitest"
import { collapseRepeats, foldWord, normalize, normalizeText, plainText } from "../src/Normalize.js"

describe("normalize", () => {
  it("folds æ/ø/å and their ae/oe/aa spellings to one key", () => {
    expect(normalize("forstå")).toBe("forstaa")
    expect(normalize("forstaa")).toBe(normalize("Forstå"))
    expect(normalize("Pårørende")).toBe(normalize("paaroerende"))
    expect(normalize("Læge")).toBe("laege")
    expect(normalize("Ildsjæle")).toBe(normalize("ildsjaele"))
  })

  it("lower-cases, NFC-composes and strips diacritics on borrowed letters", () => {
    // "å" written as a + combining ring (NFD) must meet the composed "å".
    expect(normalize("FORSTA\u030A")).toBe("forstaa")
    expect(normalize("Sundhedskompetançe")).toBe("sundhedskompetance")
    expect(normalize("idé")).toBe("ide")
  })

  it("strips emoji and punctuation for matching", () => {
    expect(normalize("Mere tid!!! 👍🏻 til patienten…")).toBe("mere tid til patienten")
    expect(normalize("  e-Boks / SMS ")).toBe("e boks sms")
    expect(normalize("🙂🙂")).toBe("")
  })

  it("shortens emphatic repeats but keeps real double letters", () => {
    expect(collapseRepeats("suuuuper")).toBe("super")
    expect(collapseRepeats("tiiiid")).toBe("tid")
    expect(collapseRepeats("allle")).toBe("alle")
    expect(normalize("Godt!!! Vigtigt")).toBe("godt vigtigt")
    expect(normalize("Kommunikation")).toBe("kommunikation")
    expect(foldWord("Bedre")).toBe("bedre")
  })

  it("normalizeText keeps æøå", () => {
    expect(normalizeText("Mød  dem, hvor de ER!")).toBe("mød dem hvor de er")
  })
})

describe("plainText", () => {
  const reference = (s: string) => s.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()

  it("is the regex it replaces, on Danish, emoji, combining marks, other scripts and broken surrogates", () => {
    const pieces = [
      "a", "Z", "7", " ", "  ", "\t", "\n", "-", "!", ".", ",", "æ", "Ø", "å", "A\u030A", "e\u0301", "İ", "ß", "ǅ",
      "²", "٣", "Ⅻ", "中", "한", "ا", "👍", "👍🏻", "❤️", "𝐀", "𝟘", "\ud83d", "\ude00", "\u00a0", "\u2028", "\ufeff",
      "…", "–", "’", "[CPR]", "e-Boks", "Pårørende", "MERE TID"
    ]
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff)
    for (let n = 0; n < 5000; n++) {
      let s = ""
      const length = next() % 12
      for (let k = 0; k < length; k++) s += pieces[next() % pieces.length]
      expect(plainText(s)).toBe(reference(s))
    }
    for (const s of ["", "   ", "🙂🙂", "Mere tid!!! 👍🏻 til patienten…", "  e-Boks / SMS "]) expect(plainText(s)).toBe(reference(s))
  })
})
