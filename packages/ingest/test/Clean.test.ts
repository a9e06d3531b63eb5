import { describe, expect, it } from "vitest"
import { assemble } from "../src/Assemble.js"
import { cleanSlowly, cleanText, exclusionReason, repairMojibake, splitWordCloud } from "../src/Clean.js"

describe("cleanText", () => {
  it("gives plain text back as the full cleaning would, and cleans the rest fully", () => {
    // Near-plain texts, each one character or space away from the quick path's edge.
    const texts = [
      "Flere tolke", "Mere tid til den enkelte patient!", "æøå ÆØÅ é ü ×÷ ÿ", "a", "", " ", "Ã¦ble", "Ã¸",
      "To  mellemrum", " foran", "bagved ", "tab\there", "linje\nskift", "nbsp\u00A0her", "blød\u00ADbindestreg",
      "del\u007F", "’apostrof’", "tankestreg – her", "emoji 🎬", "pa\u030Arørende", "Â\u00A0", "Ãƒ¸", "~^`{}|\\"
    ]
    // And every single character from U+0000 to U+0200 between two letters, at the start and at the end.
    for (let c = 0; c <= 0x200; c++) {
      const ch = String.fromCharCode(c)
      texts.push(`a${ch}b`, `${ch}ab`, `ab${ch}`, `Ã${ch}x`)
    }
    for (const t of texts) expect(cleanText(t), JSON.stringify(t)).toBe(cleanSlowly(t))
  })

  it("normalizes to NFC", () => {
    const decomposed = "pa\u030Arørende" // å as a + combining ring
    expect(cleanText(decomposed)).toBe("pårørende")
    expect(cleanText(decomposed).length).toBe("pårørende".length)
  })

  it("collapses whitespace, line breaks, NBSP and tabs, and trims", () => {
    expect(cleanText("  Flere\u00A0 tolke \r\n\tog  mere   tid  ")).toBe("Flere tolke og mere tid")
  })

  it("removes zero-width characters and controls but keeps emoji sequences", () => {
    expect(cleanText("god\u200B dag\u0007")).toBe("god dag")
    expect(cleanText("team 👩\u200D⚕️")).toBe("team 👩\u200D⚕️")
  })

  it("repairs UTF-8 read as Windows-1252", () => {
    expect(cleanText("Ã†ldre pÃ¥rÃ¸rende fÃ¥r ikke svar â€\u201C Ã¦rgerligt")).toBe("Ældre pårørende får ikke svar – ærgerligt")
  })
})

describe("bidi controls", () => {
  it("are removed, so no output shows the text reordered", () => {
    const controls = "\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"
    expect(cleanText("Mere \u202Etid\u202C til \u2067tolke\u2069\u200F")).toBe("Mere tid til tolke")
    expect(cleanText(`a${controls}b`)).toBe("ab")
  })

  it("are removed from rawText and the question too", () => {
    const { statements } = assemble({
      entries: [{ question: "Hvad \u202Evirker\u202C?", questionType: "table", source: { sheet: "Ark1", row: 2, column: 1 }, raw: " \u202Eedrag\u202C " }],
      source: "svar.csv",
      layout: "table-csv",
      closedQuestions: []
    })
    expect(statements.map((s) => [s.question, s.rawText, s.text])).toEqual([["Hvad virker?", " edrag ", "edrag"]])
  })
})

describe("repairMojibake", () => {
  it("leaves correct Danish text alone", () => {
    const t = "Økonomi, ældre, pårørende – og ’citater’ … Ã alene"
    expect(repairMojibake(t)).toBe(t)
  })
})

describe("exclusionReason", () => {
  it.each([
    ["", "empty"],
    ["test", "test-answer"],
    ["Test!", "test-answer"],
    ["TEST 123", "test-answer"],
    ["hej", "test-answer"],
    ["Hej hej", "test-answer"],
    ["?", "punctuation-only"],
    ["...", "punctuation-only"],
    ["-", "punctuation-only"]
  ])("%j → %s", (text, reason) => {
    expect(exclusionReason(text)).toBe(reason)
  })

  it.each(["Wow", "prøver lige om det virker 👍", "Test af nye breve på rigtige borgere", "Hej, vi mangler tid", "👍", "Tid"])(
    "keeps %j",
    (text) => {
      expect(exclusionReason(text)).toBeUndefined()
    }
  )
})

describe("splitWordCloud", () => {
  it("splits at spaces and turns _ back into spaces", () => {
    expect(splitWordCloud("Klart_sprog Tolk  Hjælp_hjælperne")).toEqual(["Klart sprog", "Tolk", "Hjælp hjælperne"])
    expect(splitWordCloud("Energigivende_⚡")).toEqual(["Energigivende ⚡"])
    expect(splitWordCloud("   ")).toEqual([])
  })
})
