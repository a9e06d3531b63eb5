import { FileSystem } from "@effect/platform"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import { Effect } from "effect"

// statements.json, written as it is made: the same bytes as
// `JSON.stringify(Schema.encodeSync(StatementsFile)(statements), null, 2) + "\n"` (a test holds
// them to it), without the schema walk over our own objects or one string of the whole file.

// A string as JSON: most need no escaping (no quote, backslash, control character or surrogate),
// and are quoted as they are; the rest, and every number and boolean, by JSON.stringify.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/
const str = (value: string | number | boolean): string =>
  typeof value === "string" && !NEEDS_ESCAPE.test(value) ? `"${value}"` : JSON.stringify(value)
const I2 = "\n    " // a statement's fields, inside the file's array
const I3 = "\n      "
const I4 = "\n        "

/**
 * One statement as the schema's encoding of `CategorizedStatement` pretty-printed inside the
 * file's array: its fields in the schema's order, optional ones only when set, written out field
 * by field: several times faster than the
 * generic pretty-printer for 100,000 statements. The test holds the two to the same bytes.
 */
const statementText = (s: CategorizedStatement): string => {
  let out = `  {${I2}"id": ${str(s.id)},${I2}"question": ${str(s.question)},${I2}"questionType": ${str(s.questionType)},`
  if (s.session !== undefined) out += `${I2}"session": ${str(s.session)},`
  if (s.participant !== undefined) out += `${I2}"participant": ${str(s.participant)},`
  if (s.date !== undefined) out += `${I2}"date": ${str(s.date)},`
  if (s.upvotes !== undefined) out += `${I2}"upvotes": ${str(s.upvotes)},`
  out += `${I2}"source": {${I3}"sheet": ${str(s.source.sheet)},${I3}"row": ${str(s.source.row)},${I3}"column": ${
    str(s.source.column)
  }${I2}},${I2}"rawText": ${str(s.rawText)},${I2}"text": ${str(s.text)},`
  if (s.duplicateOf !== undefined) out += `${I2}"duplicateOf": ${str(s.duplicateOf)},`
  if (s.event !== undefined) out += `${I2}"event": ${str(s.event)},`
  out += `${I2}"themes": [${s.themes.map((t) => `${I3}${str(t)}`).join(",")}${I2}],`
  const scores = Object.entries(s.scores)
  out += scores.length === 0
    ? `${I2}"scores": {},`
    : `${I2}"scores": {${scores.map(([k, v]) => `${I3}${str(k)}: ${str(v)}`).join(",")}${I2}},`
  out += s.evidence.length === 0
    ? `${I2}"evidence": [],`
    : `${I2}"evidence": [${
      s.evidence.map((e) =>
        `${I3}{${I4}"theme": ${str(e.theme)},${I4}"match": ${str(e.match)},${I4}"term": ${str(e.term)},${I4}"weight": ${
          str(e.weight)
        },${I4}"source": ${str(e.source)}${I3}}`
      ).join(",")
    }${I2}],`
  out += `${I2}"confidence": ${str(s.confidence)},${I2}"needsReview": ${str(s.needsReview)},${I2}"overridden": ${str(s.overridden)}`
  if (s.redacted !== undefined) out += `,${I2}"redacted": ${str(s.redacted)}`
  return `${out}\n  }`
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
    buffer += `${i === 0 ? "" : ","}\n${statementText(statements[i]!)}`
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
