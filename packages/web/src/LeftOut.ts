import { FileSystem, Path } from "@effect/platform"
import type { Override } from "@udsagn/domain/Categorization"
import { Effect, Schema } from "effect"

// Statements a reviewer left out are not in the outputs any more, but the review page still
// lists them (so they can be taken back) and a later save may still name their ids. The web
// keeps them beside the analysis in `left-out.json`: never served, never in the zip, and gone
// with the analysis.

export const leftOutFile = "left-out.json"

export class LeftOutStatement extends Schema.Class<LeftOutStatement>("LeftOutStatement")({
  id: Schema.String,
  question: Schema.String,
  text: Schema.String
}) {}

const LeftOutFile = Schema.parseJson(Schema.Array(LeftOutStatement))

export const encodeLeftOut = Schema.encodeSync(Schema.Array(LeftOutStatement))

/** The analysis' left-out list; none when there is no file. */
export const readLeftOut = (fs: FileSystem.FileSystem, path: Path.Path, folder: string) =>
  fs.readFileString(path.join(folder, leftOutFile)).pipe(
    Effect.flatMap(Schema.decode(LeftOutFile)),
    Effect.orElseSucceed((): ReadonlyArray<LeftOutStatement> => [])
  )

/** What the list keeps of a statement (and a save reads of the current ones). */
export interface StatementText {
  readonly id: string
  readonly question: string
  readonly text: string
}

/**
 * The left-out list after a save: statements whose correction leaves them out, taken from the
 * current outputs or from the list as it was; one taken back drops off.
 */
export const leftOutAfter = (
  before: ReadonlyArray<LeftOutStatement>,
  rows: ReadonlyArray<StatementText>,
  overrides: ReadonlyArray<Override>
): Array<LeftOutStatement> => {
  const excluded = new Set<string>()
  for (const o of overrides) {
    if (o.id === undefined) continue
    if (o.exclude === true) excluded.add(o.id)
    else if (o.exclude === false) excluded.delete(o.id)
  }
  const earlier = new Map(before.map((s) => [s.id, s] as const))
  const current = new Map(rows.map((s) => [s.id as string, s] as const))
  return [...excluded].flatMap((id) => {
    const row = current.get(id)
    if (row !== undefined) return [new LeftOutStatement({ id, question: row.question, text: row.text })]
    const kept = earlier.get(id)
    return kept === undefined ? [] : [kept]
  })
}
