import { describe, expect, it } from "vitest"
import { danishShare, languageCheck } from "../src/Language.js"

describe("languageCheck", () => {
  it("finds Danish statements Danish, short word-cloud answers included", () => {
    const texts = [
      "Vi skal have mere tid til den enkelte patient",
      "Klart sprog i breve fra kommunen",
      "Tolke",
      "Ro",
      "Det er svært at forstå, hvad lægen siger",
      "Pårørende skal inddrages tidligere",
      "Flere hænder og bedre uddannelse af personalet"
    ]
    const c = languageCheck(texts)
    expect(c.danishShare).toBeGreaterThan(0.9)
    expect(c.warning).toBe(false)
  })

  it("warns for an export in Ukrainian (Cyrillic) or English", () => {
    const ukrainian = [
      "Що ми можемо покращити в школі",
      "Більше практичних занять",
      "Дякую за урок, було цікаво",
      "Хочу більше спілкування з учителями"
    ]
    expect(danishShare(ukrainian)).toBe(0)
    expect(languageCheck(ukrainian).warning).toBe(true)
    const english = ["We need more time with the patients", "The letters should be written in plain language", "It was a very good day and you were great"]
    expect(languageCheck(english).warning).toBe(true)
  })

  it("says nothing when too few words tell", () => {
    expect(languageCheck(["Ro", "App", "Teams"])).toEqual({ danishShare: 1, evidence: 0, warning: false })
    expect(languageCheck(["Дякую"]).warning).toBe(false)
  })
})
