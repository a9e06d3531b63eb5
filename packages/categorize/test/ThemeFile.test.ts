import { describe, expect, it } from "@effect/vitest"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Either } from "effect"
import { decodeThemeText, encodeThemeSet } from "../src/ThemeFile.js"
import { ThemeModel } from "../src/ThemeModel.js"

const defaultFile = fileURLToPath(new URL("../../../data/themes/default.json", import.meta.url))
const problem = (value: unknown) => {
  const out = decodeThemeText(typeof value === "string" ? value : JSON.stringify(value))
  if (Either.isRight(out)) throw new Error("expected a problem")
  return out.left
}

describe("theme file text", () => {
  it("only id and label are required; terms may be plain words, weight 1 by default", () => {
    const out = decodeThemeText(JSON.stringify({ themes: [{ id: "ny", label: "Nyt tema", terms: ["kommune", { term: "sektor" }] }] }))
    if (Either.isLeft(out)) throw new Error(out.left)
    const t = out.right.themes[0]!
    expect(t.description).toBe("")
    expect(t.terms.map((w) => [w.term, w.weight])).toEqual([["kommune", 1], ["sektor", 1]])
    expect(t.exclusions).toEqual([])
    expect(t.examples).toEqual([])
    expect(t.synonyms).toEqual([])
    expect(out.right.otherLabel).toBe("Andet")
  })

  it("the default file survives decode → encode → decode unchanged", () => {
    const text = readFileSync(defaultFile, "utf8")
    const first = decodeThemeText(text)
    if (Either.isLeft(first)) throw new Error(first.left)
    const again = decodeThemeText(encodeThemeSet(first.right))
    if (Either.isLeft(again)) throw new Error(again.left)
    expect(encodeThemeSet(again.right)).toBe(encodeThemeSet(first.right))
    expect(JSON.parse(encodeThemeSet(first.right))).toEqual(JSON.parse(text))
  })

  it("says what is wrong in Danish, naming the theme by number and name", () => {
    expect(problem("{\n \"themes\": [],\n}")).toMatch(/^filen er ikke gyldig JSON \(fejl ved linje 3, tegn 1\)/)
    expect(problem("{ \"themes\": [")).toMatch(/^filen er ikke gyldig JSON \(fejl ved slutningen: filen slutter for tidligt\)/)
    expect(problem([])).toBe("temafilen: værdien skal være et JSON-objekt med en liste »themes«")
    expect(problem({ themes: {} })).toContain("listen af temaer (themes) skal være en liste i [ ]")
    expect(problem({ themes: [{ id: "a", label: "A" }, { id: "b", label: "B", exclusions: "x" }] }))
      .toBe("tema nr. 2 (»B«): ordene der udelukker temaet (exclusions) skal være en liste i [ ]")
    expect(problem({ themes: [{ id: "a", label: "A", terms: [{ weight: 2 }] }] })).toBe("tema nr. 1 (»A«), ord nr. 1: ordet (term) mangler")
    expect(problem({ themes: [{ id: "a", label: "  " }] })).toBe("tema nr. 1 (id »a«) har intet navn")
    expect(problem({ themes: [{ id: "a", label: "A" }, { id: "b", label: "a" }] })).toBe("tema nr. 2: navnet »a« står to gange")
    expect(problem({ themes: [] })).toBe("filen har ingen temaer")
    // Words that mean the same: a list of lists of words.
    expect(problem({ themes: [{ id: "a", label: "A", synonyms: "tid, tidspres" }] }))
      .toBe("tema nr. 1 (»A«): ord der betyder det samme (synonyms) skal være en liste i [ ]")
    expect(problem({ themes: [{ id: "a", label: "A", synonyms: [["tid", " "]] }] }))
      .toBe("tema nr. 1 (»A«): et ord blandt ordene der betyder det samme er tomt")
    for (const bad of [{ themes: [{ id: "a" }] }, { themes: [{ id: 3, label: "A" }] }, { themes: [{ id: "a", label: "A", terms: [{ term: "x", weight: -1 }] }] }]) {
      expect(problem(bad)).not.toMatch(/themes\.\d|is missing|Expected|undefined/)
    }
  })

  it("a new theme with three words and no training data receives the statements that use them", () => {
    const text = readFileSync(defaultFile, "utf8")
    const json = JSON.parse(text) as { themes: Array<unknown> }
    json.themes.push({ id: "tvaersektorielt-samarbejde", label: "Tværsektorielt samarbejde", terms: ["kommune", "overgange", "sektorer"] })
    const set = decodeThemeText(JSON.stringify(json))
    if (Either.isLeft(set)) throw new Error(set.left)
    // No training rows: the lexicon decides a theme the data does not know (as with the real data).
    const model = ThemeModel.train(set.right, [])
    expect(model.categorizeText("Overgangene mellem sygehus, egen læge og kommune").themes).toContain("tvaersektorielt-samarbejde")
    expect(model.categorizeText("Mere ensartede forløb på tværs af kommunerne").themes).toContain("tvaersektorielt-samarbejde")
    expect(model.categorizeText("Tak for en god dag").themes).toEqual(["other"])
  })
})
