import type { Categorizer } from "@udsagn/categorize/Categorizer"
import { Ledger } from "@udsagn/domain/Ledger"
import { CategorizedNote } from "@udsagn/domain/Notes"
import { SourceLocation, Statement, StatementId } from "@udsagn/domain/Statement"
import type { ThemeSet } from "@udsagn/domain/Theme"
import type { NotesFile } from "@udsagn/ingest/NotesReader"
import { Effect } from "effect"

// The conference's other sources (`--notes`): their paragraphs are categorized with the same
// themes and model as the statements, but kept apart from them, so they never count in shares,
// charts or the ledger's read and kept. The ledger lists the notes files read, on their own.

/** Each notes paragraph with its themes. */
export const categorizeNotes = (categorizer: Categorizer, files: ReadonlyArray<NotesFile>, themeSet: ThemeSet) =>
  Effect.gen(function*() {
    const paragraphs = files.flatMap((f) => f.paragraphs)
    if (paragraphs.length === 0) return []
    // As statements only to be categorized; the ids are the notes' own (`n0001`).
    const asStatements = paragraphs.map((p, i) =>
      new Statement({
        id: StatementId.make(p.id),
        question: p.label,
        questionType: "table",
        source: new SourceLocation({ sheet: p.file, row: i + 1, column: 1 }),
        rawText: p.text,
        text: p.text
      }, true)
    )
    const categorized = yield* categorizer.categorize(asStatements, themeSet)
    return paragraphs.map((p, i) =>
      new CategorizedNote({ ...p, themes: categorized[i]!.themes, confidence: categorized[i]!.confidence }, true)
    )
  })

/** The ledger with the notes files listed apart (unchanged when there are none). */
export const ledgerWithNotes = (ledger: Ledger, files: ReadonlyArray<NotesFile>): Ledger =>
  files.length === 0 ? ledger : new Ledger({ ...ledger, notes: files.map((f) => f.read) }, true)
