import { describe, expect, it } from "@effect/vitest"
import { IdCache } from "../src/Interner.js"
import { beginCorpus, breakBefore, formOfToken, forms, termTokens, textForms } from "../src/TermTokens.js"

// A text's tokens are ids into a table of word forms, shared by every corpus built in a process.
const read = (text: string) =>
  Array.from(textForms(text), (t) => {
    const id = formOfToken(t)
    return { surface: forms.surface[id], lower: forms.lower[id], key: forms.key[id], content: forms.content[id], breakBefore: breakBefore(t) }
  })

describe("TermTokens", () => {
  it("keeps surface forms, stems, content and clause breaks", () => {
    const tokens = read("Flere tolke. Tolke-hjælp og EU-regler, tak!")
    expect(tokens.map((t) => t.surface)).toEqual(["flere", "tolke", "tolke-hjælp", "og", "EU-regler", "tak"])
    expect(tokens.map((t) => t.breakBefore)).toEqual([true, false, true, false, false, true])
    expect(tokens.find((t) => t.surface === "og")?.content).toBe(false)
    // "tolke" at the start of a sentence and inside one is the same word form.
    expect(read("tolke")[0]).toEqual({ ...tokens[1], breakBefore: true })
    // A masked phone number separates the words around it and is not a word.
    expect(read("Ring [telefon] nu").map((t) => [t.surface, t.breakBefore])).toEqual([["ring", true], ["nu", true]])
  })

  it("gives the same words after the table of forms is emptied (a long-running server)", () => {
    const texts = ["Bedre skilte på Skejby", "Skilte! Bedre skilte", "Tid til patienten"]
    const before = texts.map((t) => termTokens(t))
    const size = forms.surface.length
    beginCorpus(size) // at its bound: emptied
    expect(forms.surface.length).toBe(0)
    expect(texts.map((t) => termTokens(t))).toEqual(before)
    expect(forms.surface.length).toBeLessThan(size + 1)
    beginCorpus() // far below its bound: kept
    expect(forms.surface.length).toBeGreaterThan(0)
  })

  it("keeps ids by form number in an array that grows as numbers come", () => {
    const ids = new IdCache()
    expect(ids.get(5)).toBe(-1)
    ids.set(3, 7)
    ids.set(100_000, 9)
    expect([ids.get(3), ids.get(100_000), ids.get(99_999), ids.get(2_000_000)]).toEqual([7, 9, -1, -1])
  })
})
