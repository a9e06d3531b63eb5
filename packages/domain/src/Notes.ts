import { Schema } from "effect"
import { ThemeId } from "./Theme.js"

/** Stable id of a notes paragraph (`n0001`), apart from the statements' `s…` ids. */
export const NoteId = Schema.String.pipe(Schema.brand("NoteId"))
export type NoteId = typeof NoteId.Type

/**
 * A paragraph of the conference's other sources (talks, table discussions), masked like a
 * statement and categorized with the same themes. Never a participant's statement: it is not
 * counted in shares, charts or the ledger's read/kept.
 */
export class NoteParagraph extends Schema.Class<NoteParagraph>("NoteParagraph")({
  id: NoteId,
  /** The notes file it came from (its name, masked). */
  file: Schema.String,
  /** What it belongs to: the nearest Markdown heading above it (e.g. a talk's title), else the file name. */
  label: Schema.String,
  /** Cleaned and masked text. */
  text: Schema.String
}) {}

/** A notes paragraph with its themes (`["other"]` when none). */
export class CategorizedNote extends Schema.Class<CategorizedNote>("CategorizedNote")({
  ...NoteParagraph.fields,
  themes: Schema.NonEmptyArray(ThemeId),
  confidence: Schema.Number
}) {}

/** A notes paragraph as it backs a recommendation: its id, where it came from, its text. */
export class BackingNote extends Schema.Class<BackingNote>("BackingNote")({
  id: NoteId,
  /** The notes file, and the heading it stood under when it had one. */
  source: Schema.String,
  text: Schema.String
}) {}

/**
 * The notes paragraphs behind one theme's recommendation (`recommendations.json` → `notes`):
 * from talks and table discussions, marked apart from the participants' statements.
 */
export class ThemeNotes extends Schema.Class<ThemeNotes>("ThemeNotes")({
  theme: ThemeId,
  themeLabel: Schema.String,
  notes: Schema.Array(BackingNote)
}) {}
