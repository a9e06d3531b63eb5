import { FileSystem } from "@effect/platform"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import { Effect } from "effect"

// statements.json, written as it is made: the same bytes as
// `JSON.stringify(Schema.encodeSync(StatementsFile)(statements), null, 2) + "\n"` (a test holds
// them to it), without the schema walk over our own objects or one string of the whole file.

/**
 * A statement as the file has it: the encoded form of `CategorizedStatement`, its fields in the
 * schema's order, optional ones only when set.
 */
export const statementJson = (s: CategorizedStatement): Record<string, unknown> => {
  const o: Record<string, unknown> = { id: s.id, question: s.question, questionType: s.questionType }
  if (s.session !== undefined) o["session"] = s.session
  if (s.participant !== undefined) o["participant"] = s.participant
  if (s.date !== undefined) o["date"] = s.date
  if (s.upvotes !== undefined) o["upvotes"] = s.upvotes
  o["source"] = { sheet: s.source.sheet, row: s.source.row, column: s.source.column }
  o["rawText"] = s.rawText
  o["text"] = s.text
  if (s.duplicateOf !== undefined) o["duplicateOf"] = s.duplicateOf
  o["themes"] = s.themes
  o["scores"] = s.scores
  o["evidence"] = s.evidence.map((e) => ({ theme: e.theme, match: e.match, term: e.term, weight: e.weight, source: e.source }))
  o["confidence"] = s.confidence
  o["needsReview"] = s.needsReview
  o["overridden"] = s.overridden
  return o
}

/** The file in pieces of about `chunkChars` characters, in order. */
export function* statementsJsonChunks(
  statements: ReadonlyArray<CategorizedStatement>,
  chunkChars = 1 << 20
): Generator<string> {
  if (statements.length === 0) {
    yield "[]\n"
    return
  }
  let buffer = "["
  for (let i = 0; i < statements.length; i++) {
    // Each element of a pretty-printed array is indented two more spaces; JSON strings hold no raw newline.
    buffer += `${i === 0 ? "" : ","}\n  ${JSON.stringify(statementJson(statements[i]!), null, 2).replaceAll("\n", "\n  ")}`
    if (buffer.length >= chunkChars) {
      yield buffer
      buffer = ""
    }
  }
  yield `${buffer}\n]\n`
}

/** Writes statements.json to `file` piece by piece. */
export const writeStatementsJson = (file: string, statements: ReadonlyArray<CategorizedStatement>) =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const handle = yield* fs.open(file, { flag: "w" })
    const encoder = new TextEncoder()
    for (const chunk of statementsJsonChunks(statements)) yield* handle.writeAll(encoder.encode(chunk))
  }).pipe(Effect.scoped)
