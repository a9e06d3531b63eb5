import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import { StatementsFile } from "@udsagn/domain/Categorization"
import { Schema } from "effect"

/** A categorized statement for page and form tests; `extra` overrides any field. */
export const row = (id: string, themes: Array<string>, extra: Record<string, unknown> = {}) =>
  Schema.decodeUnknownSync(StatementsFile)([{
    id, question: "Hvad tager du med?", questionType: "open", source: { sheet: "Voters", row: 4, column: 4 },
    rawText: `tekst ${id}`, text: `tekst ${id}`, themes, scores: {}, evidence: [], confidence: 0.5, needsReview: false, ...extra
  }])[0]! as CategorizedStatement

export const known = new Set(["patient-involvement", "visual-communication", "staff-burnout", "health-literacy", "other"])
