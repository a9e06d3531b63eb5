import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { CategorizedStatement, Evidence, SourceLocation, StatementId, StatementsFile } from "@udsagn/domain"
import type { ThemeId } from "@udsagn/domain/Theme"
import { Effect, Schema } from "effect"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { statementsJsonChunks, writeStatementsJson } from "../src/StatementsJson.js"
import { hostileFixture, sampleFixture } from "./fixtures.js"

// statements.json is streamed without the schema; it must stay what the schema writes.
const viaSchema = (statements: ReadonlyArray<CategorizedStatement>) =>
  JSON.stringify(Schema.encodeSync(StatementsFile)(statements), null, 2) + "\n"

// Every optional field set, and none.
const full = new CategorizedStatement({
  id: StatementId.make("s0002"),
  question: "Hvad \"skal\" vi?\n",
  questionType: "qa",
  session: 2,
  participant: "2:17",
  date: "2024-12-05",
  upvotes: 4,
  source: new SourceLocation({ sheet: "Questions from audience", row: 3, column: 2 }),
  rawText: "  Tolk 👍  ",
  text: "Tolk 👍",
  duplicateOf: StatementId.make("s0001"),
  event: "Konference i Region Nord",
  themes: ["health-literacy" as ThemeId, "patient-involvement" as ThemeId],
  scores: { "health-literacy": 0.9, other: 0.1 },
  evidence: [new Evidence({ theme: "health-literacy" as ThemeId, match: "Tolk", term: "tolk", weight: 1.5, source: "lexicon" })],
  confidence: 0.81,
  needsReview: true,
  overridden: true,
  redacted: true
})

describe("statements.json", () => {
  it("is byte for byte what the schema's encoding pretty-printed gives", () => {
    const plain = new CategorizedStatement({ ...full, redacted: false, scores: {}, evidence: [] })
    // Strings that need escaping, and strings next to it that need none (quoted as they are).
    const escaped = new CategorizedStatement({
      ...plain,
      question: "C:\\sti\\fil \u0007 klokke",
      text: "halv \ud800 surrogat, linje\u2028skift, tab\t og \u001f",
      rawText: "lige ud ad landevejen æøå ÆØÅ",
      participant: "\"citat\""
    })
    for (const statements of [sampleFixture().result.statements, hostileFixture().result.statements, [full, plain, escaped], []]) {
      expect([...statementsJsonChunks(statements)].join("")).toBe(viaSchema(statements))
      // Small pieces join to the same file.
      expect([...statementsJsonChunks(statements, 1)].join("")).toBe(viaSchema(statements))
      expect([...statementsJsonChunks(statements, 2)].join("")).toBe(viaSchema(statements))
    }
    expect(Schema.decodeUnknownSync(StatementsFile)(JSON.parse([...statementsJsonChunks([full])].join("")))).toEqual([full])
  })

  it("knows every field of the schema (a new field must be added to the writer, in the schema's order)", () => {
    expect(Object.keys(CategorizedStatement.fields)).toEqual([
      "id", "question", "questionType", "session", "participant", "date", "upvotes", "source", "rawText", "text",
      "duplicateOf", "event", "themes", "scores", "evidence", "confidence", "needsReview", "overridden", "redacted"
    ])
  })

  it.effect("is written to a file in pieces", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "udsagn-json-"))
      try {
        const statements = sampleFixture().result.statements
        yield* writeStatementsJson(join(dir, "statements.json"), statements)
        expect(readFileSync(join(dir, "statements.json"), "utf8")).toBe(viaSchema(statements))
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }).pipe(Effect.provide(NodeContext.layer)))
})
