import { describe, expect, it } from "vitest"
import { foldWord } from "../src/Normalize.js"
import { stem } from "../src/Stem.js"

const s = (w: string) => stem(foldWord(w))

describe("stem", () => {
  it("conflates inflections of theme words", () => {
    expect(new Set(["sundhedskompetence", "sundhedskompetencer", "sundhedskompetencen"].map(s)).size).toBe(1)
    expect(new Set(["inddragelse", "inddrage", "inddraget", "inddrager"].map(s)).size).toBe(1)
    expect(new Set(["animation", "animationer", "animationerne"].map(s)).size).toBe(1)
    expect(new Set(["medarbejder", "medarbejdere", "medarbejderne"].map(s)).size).toBe(1)
    expect(new Set(["ildsjæl", "ildsjæle", "ildsjælene"].map(s)).size).toBe(1)
  })

  it("meets across æøå and ae/oe/aa spellings, and å-verbs in present tense", () => {
    expect(s("forstår")).toBe(s("forstå"))
    expect(s("forstaar")).toBe(s("forstå"))
    expect(s("brænder")).toBe(s("braender"))
  })

  it("keeps different words apart", () => {
    expect(s("patient")).not.toBe(s("pårørende"))
    expect(s("video")).not.toBe(s("billede"))
  })
})

import { wordClass } from "../src/WordClasses.js"

describe("word classes", () => {
  it("puts inflected and æøå-less forms of one word in one class", () => {
    expect(wordClass(s("sygeplejersker"))).toBe("staff")
    expect(wordClass(s("Sygeplejerskerne"))).toBe("staff")
    expect(wordClass(s("mangel"))).toBe("lack")
    expect(wordClass(s("pårørende"))).toBe("patient")
    expect(wordClass(s("paaroerende"))).toBe("patient")
    expect(wordClass(s("forstår"))).toBe("understand")
    expect(wordClass(s("spændende"))).toBeUndefined()
  })
})
