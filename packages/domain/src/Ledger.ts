import { Schema } from "effect"

export const Layout = Schema.Literal("menti-xlsx", "table-csv", "table-xlsx")
export type Layout = typeof Layout.Type

/** A group of rows that were read but not kept, with why. */
export class Exclusion extends Schema.Class<Exclusion>("Exclusion")({
  /** Machine key, e.g. `empty`, `test-answer`, `punctuation-only`. */
  reason: Schema.String,
  /** Danish explanation for the report. */
  label: Schema.String,
  count: Schema.Number,
  examples: Schema.Array(Schema.String)
}) {}

export class MaskCounts extends Schema.Class<MaskCounts>("MaskCounts")({
  cpr: Schema.Number,
  phone: Schema.Number,
  email: Schema.Number,
  /** @handles; ledgers written before handles were counted apart decode as 0. */
  handle: Schema.optionalWith(Schema.Number, { default: () => 0 }),
  /** Links to social-media profiles (same default). */
  profile: Schema.optionalWith(Schema.Number, { default: () => 0 })
}) {}

/** A column named like answers that the reader did not read (another was taken as the answers). */
export class UnreadColumn extends Schema.Class<UnreadColumn>("UnreadColumn")({
  sheet: Schema.String,
  column: Schema.String,
  /** Cells with text in it. */
  filled: Schema.Number
}) {}

/**
 * Cells with text the reader passed over, by reason: `above-header` (title rows above a table's
 * header), `other-column` (a column it did not take, e.g. a department), `sheet-not-read` (a sheet
 * that held no table it could read).
 */
export class SkippedCells extends Schema.Class<SkippedCells>("SkippedCells")({
  reason: Schema.Literal("above-header", "other-column", "sheet-not-read"),
  sheet: Schema.String,
  column: Schema.optional(Schema.String),
  count: Schema.Number
}) {}

/** One file of the conference's other sources (talks, table discussions): not statements, never counted as such. */
export class NotesRead extends Schema.Class<NotesRead>("NotesRead")({
  file: Schema.String,
  /** Paragraphs read from it, each categorized and shown apart from the statements. */
  paragraphs: Schema.Number,
  masked: MaskCounts
}) {}

const ledgerFields = {
  source: Schema.String,
  layout: Layout,
  read: Schema.Number,
  kept: Schema.Number,
  excluded: Schema.Array(Exclusion),
  masked: MaskCounts,
  /** Kept statements that repeat an earlier one word for word (still counted). */
  duplicates: Schema.Number,
  closedQuestions: Schema.Number,
  /** Answer-like columns left unread, so no text is skipped without a word (old ledgers: none). */
  unread: Schema.optionalWith(Schema.Array(UnreadColumn), { default: () => [] }),
  /** Other cells with text the reader passed over (old ledgers: none). */
  skipped: Schema.optionalWith(Schema.Array(SkippedCells), { default: () => [] })
}

/** One export's own accounts when an analysis reads several (read = kept + excluded per file). */
export class FileLedger extends Schema.Class<FileLedger>("FileLedger")({
  ...ledgerFields,
  /** The event its statements carry (`Statement.event`). */
  event: Schema.String
}) {}

/** Accounts for every row read: read = kept + sum(excluded.count). */
export class Ledger extends Schema.Class<Ledger>("Ledger")({
  ...ledgerFields,
  /** Several exports: each one's accounts; the totals above are their sums. */
  files: Schema.optional(Schema.Array(FileLedger)),
  /** Notes files read (`--notes`), listed apart: their paragraphs are not in read or kept. */
  notes: Schema.optional(Schema.Array(NotesRead))
}) {}
