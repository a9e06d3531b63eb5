import { EventInfo, IngestResult } from "@udsagn/domain/Analysis"
import { Exclusion, FileLedger, Ledger, MaskCounts } from "@udsagn/domain/Ledger"
import { Question, Statement, StatementId } from "@udsagn/domain/Statement"
import { statementId } from "@udsagn/ingest/Assemble"
import type { IngestError } from "@udsagn/ingest/IngestError"
import type { ExportReader, ReadOptions } from "@udsagn/ingest/ExportReader"
import { Data, Effect } from "effect"
import { reviewerExcluded, reviewerExcludedLabel } from "./ReviewerEdits.js"

// Several exports in one analysis (the same conference in several regions, or several sessions
// exported apart): each file is read as on its own, then put together. Every statement carries
// its file's event; ids are renumbered in the order the files were given (s0001… for the first
// file's statements as on their own, the second file's continuing after), so the same files in the
// same order give the same ids. The ledger's totals are the files' sums and each file keeps its
// own accounts (`files`), so read = kept + excluded holds per file and in total.

/**
 * One of several exports could not be read. Its text names that file (the web app shows it as
 * is: the stored copy carries the uploaded name), not the analysis' first file.
 */
export class InputFileError extends Data.TaggedError("InputFileError")<{
  readonly path: string
  readonly error: IngestError
}> {
  override get message() {
    return this.error.message
  }
}

/** One title per file, told apart: the export's title, or its file name when two share a title. */
export const eventNames = (results: ReadonlyArray<IngestResult>): ReadonlyArray<string> => {
  const titles = results.map((r) => r.event.title)
  const first = titles.map((t, i) => (titles.indexOf(t) !== titles.lastIndexOf(t) ? results[i]!.ledger.source : t))
  // Still equal (the same file given twice): numbered.
  return first.map((t, i) => (first.indexOf(t) === i ? t : `${t} (${first.slice(0, i + 1).filter((x) => x === t).length})`))
}

const sum = (values: ReadonlyArray<number>) => values.reduce((a, b) => a + b, 0)

const combinedLedger = (results: ReadonlyArray<IngestResult>, events: ReadonlyArray<string>): Ledger => {
  const ledgers = results.map((r) => r.ledger)
  const excluded = new Map<string, { label: string; count: number; examples: Array<string> }>()
  for (const l of ledgers) {
    for (const e of l.excluded) {
      const bucket = excluded.get(e.reason) ?? { label: e.label, count: 0, examples: [] }
      bucket.count += e.count
      for (const x of e.examples) if (bucket.examples.length < 3) bucket.examples.push(x)
      excluded.set(e.reason, bucket)
    }
  }
  const masked = (key: keyof MaskCounts) => sum(ledgers.map((l) => l.masked[key]))
  return new Ledger({
    source: ledgers.map((l) => l.source).join(", "),
    layout: ledgers[0]!.layout,
    read: sum(ledgers.map((l) => l.read)),
    kept: sum(ledgers.map((l) => l.kept)),
    excluded: [...excluded.entries()].map(([reason, b]) => new Exclusion({ reason, ...b })),
    masked: new MaskCounts({ cpr: masked("cpr"), phone: masked("phone"), email: masked("email"), handle: masked("handle"), profile: masked("profile") }),
    duplicates: sum(ledgers.map((l) => l.duplicates)),
    closedQuestions: sum(ledgers.map((l) => l.closedQuestions)),
    unread: ledgers.flatMap((l) => l.unread),
    skipped: ledgers.flatMap((l) => l.skipped),
    files: ledgers.map((l, i) => new FileLedger({ ...l, event: events[i]! }))
  })
}

/** The questions of all files, each title and type once, with every session it was asked in. */
const combinedQuestions = (results: ReadonlyArray<IngestResult>): ReadonlyArray<Question> => {
  const byKey = new Map<string, { title: string; type: Question["type"]; sessions: Set<number> }>()
  for (const q of results.flatMap((r) => r.questions)) {
    const key = `${q.type}\u0000${q.title}`
    const entry = byKey.get(key) ?? { title: q.title, type: q.type, sessions: new Set<number>() }
    for (const s of q.sessions) entry.sessions.add(s)
    byKey.set(key, entry)
  }
  return [...byKey.values()].map((q) => new Question({ title: q.title, type: q.type, sessions: [...q.sessions].sort((a, b) => a - b) }))
}

/** A title for several events: all of them when few, else the first and how many more. */
const combinedTitle = (events: ReadonlyArray<string>) =>
  events.length <= 3
    ? `${events.slice(0, -1).join(", ")} og ${events[events.length - 1]}`
    : `${events[0]} og ${events.length - 1} andre arrangementer`

/** Several files' ingest results as one (see the top of this file). */
export const combineIngested = (results: ReadonlyArray<IngestResult>): IngestResult => {
  if (results.length === 1) return results[0]!
  const events = eventNames(results)
  const statements: Array<Statement> = []
  results.forEach((r, i) => {
    const offset = statements.length
    const ids = new Map<string, StatementId>(r.statements.map((s, n) => [s.id, statementId(offset + n + 1)]))
    for (const s of r.statements) {
      const duplicateOf = s.duplicateOf !== undefined ? ids.get(s.duplicateOf) : undefined
      const { duplicateOf: _, ...rest } = s
      statements.push(
        new Statement({ ...rest, id: ids.get(s.id)!, ...(duplicateOf !== undefined ? { duplicateOf } : {}), event: events[i]! }, true)
      )
    }
  })
  const dates = results.map((r) => r.event.date).filter((d): d is string => d !== undefined).sort()
  const participants = results.map((r) => r.event.participants)
  return new IngestResult({
    event: new EventInfo({
      title: combinedTitle(events),
      ...(dates[0] !== undefined ? { date: dates[0] } : {}),
      // Different events, different people: the sum, when every file says how many.
      ...(participants.every((p) => p !== undefined) ? { participants: sum(participants) } : {})
    }),
    questions: combinedQuestions(results),
    statements,
    closedQuestions: results.flatMap((r) => r.closedQuestions),
    ledger: combinedLedger(results, events)
  })
}

/** Reads one or several exports as one analysis; a single file is read exactly as before. */
export const readInputs = (reader: ExportReader, files: ReadonlyArray<string>, options: ReadOptions) =>
  Effect.gen(function*() {
    if (files.length === 1) return yield* reader.read(files[0]!, options)
    const results: Array<IngestResult> = []
    for (const file of files) {
      results.push(yield* reader.read(file, options).pipe(Effect.mapError((error) => new InputFileError({ path: file, error }))))
    }
    return combineIngested(results)
  })

/**
 * Each file's accounts after a reviewer left statements out (ReviewerEdits.ts counts them in the
 * totals): per file, those of its statements no longer there are excluded by a reviewer, so
 * read = kept + excluded holds per file too. Unchanged when the analysis read one file.
 */
export const filesAfterEdits = (
  ledger: Ledger,
  before: ReadonlyArray<Statement>,
  after: ReadonlyArray<Statement>
): Ledger => {
  if (ledger.files === undefined || before.length === after.length) return ledger
  const kept = new Set<string>(after.map((s) => s.id))
  const files = ledger.files.map((f) => {
    const left = before.filter((s) => s.event === f.event && !kept.has(s.id)).map((s) => s.id as string)
    if (left.length === 0) return f
    const exclusion = new Exclusion({
      reason: reviewerExcluded,
      label: reviewerExcludedLabel,
      count: left.length,
      examples: left.slice(0, 5)
    })
    return new FileLedger({ ...f, kept: f.kept - left.length, excluded: [...f.excluded.filter((e) => e.reason !== reviewerExcluded), exclusion] }, true)
  })
  return new Ledger({ ...ledger, files }, true)
}
