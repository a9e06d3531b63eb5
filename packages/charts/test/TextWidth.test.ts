import { describe, expect, it } from "vitest"
import { textWidth } from "../src/TextWidth.js"

describe("textWidth", () => {
  it("measures a Cyrillic title like a Latin one of the same length, not near zero", () => {
    const latin = "Hvad kan vi gøre bedre i skolen næste år"
    const cyrillic = "Що ми можемо покращити в школі наступног"
    expect(cyrillic.length).toBe(latin.length)
    const ratio = textWidth(cyrillic, 13) / textWidth(latin, 13)
    expect(ratio).toBeGreaterThan(0.9)
    expect(ratio).toBeLessThan(1.3)
  })

  it("uses DejaVu's own widths for Cyrillic and Greek letters", () => {
    // Ш and Щ are wide in DejaVu Sans; the 0.62 em guess would clip a title full of them.
    expect(textWidth("Ш", 10)).toBeCloseTo(10.693, 2)
    expect(textWidth("Щ", 10, true)).toBeGreaterThan(textWidth("Щ", 10))
    expect(textWidth("Ω", 10)).toBeCloseTo(textWidth("O", 10), 0)
    expect(textWidth("АБВ", 12)).toBeGreaterThan(12 * 3 * 0.6)
  })

  it("counts wide scripts a full em and any other letter about an average letter", () => {
    expect(textWidth("会议", 10)).toBe(20)
    expect(textWidth("ש", 10)).toBeCloseTo(6.2)
  })
})

describe("textWidth beyond Danish letters", () => {
  it("measures Latin Extended letters (Polish ł, Turkish ş) from the font, not the 0.62 guess", () => {
    expect(textWidth("ł", 10)).toBeCloseTo(2.842, 2)
    expect(textWidth("Łódź", 10)).toBeGreaterThan(textWidth("Lodz", 10) - 0.5)
  })
})
