import { NodeContext } from "@effect/platform-node"
import type { IngestResult } from "@udsagn/domain/Analysis"
import { Effect, Layer } from "effect"
import { fileURLToPath } from "node:url"
import { ExportReader, type ReadOptions } from "../src/ExportReader.js"

/** The project's own test corpus (test/fixtures, written by test/fixtures/build-fixtures.ts). */
export const fixture = (name: string) => fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url))
export const local = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
export const repo = (rel: string) => fileURLToPath(new URL(`../../../${rel}`, import.meta.url))

export const TestLayer = ExportReader.Default.pipe(Layer.provideMerge(NodeContext.layer))

export const read = (file: string, options?: ReadOptions) => Effect.flatMap(ExportReader, (r) => r.read(file, options))

export const countBy = <A>(xs: ReadonlyArray<A>, key: (a: A) => string): Record<string, number> => {
  const out: Record<string, number> = {}
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1
  return out
}

/** Invariants every result must satisfy, whatever the file. */
export const checkInvariants = (r: IngestResult) => {
  const excluded = r.ledger.excluded.reduce((s, e) => s + e.count, 0)
  const problems: Array<string> = []
  if (r.ledger.read !== r.ledger.kept + excluded) problems.push("read != kept + excluded")
  if (r.ledger.kept !== r.statements.length) problems.push("kept != statements")
  if (r.ledger.closedQuestions !== r.closedQuestions.length) problems.push("closedQuestions mismatch")
  r.statements.forEach((s, i) => {
    if (s.id !== `s${String(i + 1).padStart(4, "0")}`) problems.push(`id ${s.id} at ${i}`)
  })
  const ids = new Set(r.statements.map((s) => s.id))
  for (const s of r.statements) if (s.duplicateOf !== undefined && !ids.has(s.duplicateOf)) problems.push(`dangling ${s.id}`)
  if (r.ledger.duplicates !== r.statements.filter((s) => s.duplicateOf !== undefined).length) problems.push("duplicates")
  return problems
}
