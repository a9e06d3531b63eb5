import { describe, expect, it } from "vitest"
import { CategorizedStatement } from "@udsagn/domain/Categorization"
import { Schema } from "effect"
import { packStatements, unpackStatements } from "../src/PackedStatements.js"
import { statementsJsonChunks } from "../src/StatementsJson.js"
import { hostileFixture, sampleFixture } from "./fixtures.js"

// Statements handed to a thread as columns come back with the same fields and values.

const encode = Schema.encodeSync(Schema.Array(CategorizedStatement))

describe("packed statements", () => {
  it("come back as the statements they were, optional fields and all", () => {
    const [first, second, ...rest] = hostileFixture().result.statements
    // Every optional field set on one statement, none on another; scores with a key that reads as a number.
    const full = new CategorizedStatement({
      ...first!,
      session: 2,
      participant: "2:17",
      date: "2024-12-05",
      upvotes: 3,
      duplicateOf: second!.id,
      event: "Konference 2024",
      rawText: `${first!.text} (rå)`,
      scores: { "7": 0.5, other: 0.25, "health-literacy": -0 },
      redacted: true
    }, true)
    const statements = [full, second!, ...rest, ...sampleFixture().result.statements]
    const back = unpackStatements(structuredClone(packStatements(statements)))
    expect(back).toHaveLength(statements.length)
    expect(encode(back)).toEqual(encode(statements))
    expect([...statementsJsonChunks(back)].join("")).toBe([...statementsJsonChunks(statements)].join(""))
    // Absent stays absent: `"session" in` a statement without one is false.
    expect(Object.keys(back[1]!).sort()).toEqual(Object.keys(second!).sort())
    expect(Object.keys(back[0]!).sort()).toEqual(Object.keys(full).sort())
    expect(Object.keys(back[0]!.scores)).toEqual(["7", "other", "health-literacy"])
  })

  it("packs an empty list", () => {
    expect(unpackStatements(packStatements([]))).toEqual([])
  })
})
