import { describe, expect, it } from "vitest"
import { collapseRepeats, foldWord, normalize, normalizeText } from "../src/Normalize.js"

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
