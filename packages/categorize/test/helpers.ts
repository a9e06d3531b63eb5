import { SourceLocation, Statement, StatementId } from "@udsagn/domain/Statement"

/** A statement as ingest would hand it on. */
export const statement = (id: string, text: string) =>
  new Statement({
    id: StatementId.make(id),
    question: "Hvad er vigtigst?",
    questionType: "open",
    source: new SourceLocation({ sheet: "test", row: 1, column: 1 }),
    rawText: text,
    text
  })
