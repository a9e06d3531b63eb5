import { describe, expect, it } from "@effect/vitest"
import { Equal, Schema } from "effect"
import { CategorizedStatement, Evidence } from "../src/Categorization.js"
import { made } from "../src/Made.js"
import { SourceLocation, Statement, type StatementId } from "../src/Statement.js"
import type { ThemeId } from "../src/Theme.js"

describe("made", () => {
  it("gives what the class's constructor gives, without its work", () => {
    const source = { sheet: "Ark 1", row: 4, column: 2 }
    const evidence = { theme: "health-literacy" as ThemeId, match: "tolk", term: "tolk", weight: 1.5, source: "lexicon" as const }
    const fields = {
      id: "s0003" as StatementId,
      question: "Hvad tager du med hjem?",
      questionType: "open" as const,
      session: 1,
      source: made(SourceLocation, source),
      rawText: "Flere tolke",
      text: "Flere tolke",
      themes: ["health-literacy" as ThemeId] as const,
      scores: { "health-literacy": 0.8, other: 0.2 },
      evidence: [made(Evidence, evidence)],
      confidence: 0.8,
      needsReview: false,
      overridden: false
    }
    const fast = made(CategorizedStatement, fields)
    const slow = new CategorizedStatement(fields, true)
    expect(fast).toBeInstanceOf(CategorizedStatement)
    expect(fast.source).toBeInstanceOf(SourceLocation)
    expect(fast.evidence[0]).toBeInstanceOf(Evidence)
    expect(Equal.equals(fast, slow)).toBe(true)
    expect(Object.keys(fast)).toEqual(Object.keys(slow))
    expect(Schema.encodeSync(CategorizedStatement)(fast)).toEqual(Schema.encodeSync(CategorizedStatement)(slow))
    expect(Schema.is(CategorizedStatement)(fast)).toBe(true)
    // Nested classes as their constructors make them.
    expect(Equal.equals(fast.source, new SourceLocation(source))).toBe(true)
    expect(Equal.equals(fast.evidence[0], new Evidence(evidence))).toBe(true)
    // A field left out stays out (defaults are the caller's): `overridden` is not filled in.
    const { overridden: _, ...withoutDefault } = fields
    expect("overridden" in made(CategorizedStatement, withoutDefault)).toBe(false)
    expect(() => new CategorizedStatement(fields)).not.toThrow()
    // A plain statement too: the class decides the prototype.
    const statement = made(Statement, { id: fields.id, question: fields.question, questionType: "open", source: fields.source, rawText: "x", text: "x" })
    expect(statement).toBeInstanceOf(Statement)
    expect(Equal.equals(statement, new Statement({ ...statement }, true))).toBe(true)
  })
})
