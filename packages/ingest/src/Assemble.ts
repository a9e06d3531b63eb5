import { ClosedOption, ClosedQuestion } from "@udsagn/domain/ClosedQuestion"
import { Exclusion, Ledger, type Layout, MaskCounts, SkippedCells, UnreadColumn } from "@udsagn/domain/Ledger"
import { Question, SourceLocation, Statement, StatementId } from "@udsagn/domain/Statement"
import { made } from "@udsagn/domain/Made"
import { cleanText, exclusionLabels, stripBidi, type ExclusionReason, exclusionReason } from "./Clean.js"
import { addCounts, emptyCounts, maskPersonalData } from "./Mask.js"

/** One answer as a layout reader found it, before masking and cleaning. */
export interface RawEntry {
  readonly question: string
  readonly questionType: "open" | "wordcloud" | "qa" | "table"
  readonly session?: number | undefined
  readonly participant?: string | undefined
  readonly date?: string | undefined
  readonly upvotes?: number | undefined
  readonly source: { readonly sheet: string; readonly row: number; readonly column: number }
  readonly raw: string
}

export interface Assembled {
  readonly statements: ReadonlyArray<Statement>
  /** The closed questions with their titles and options masked. */
  readonly closedQuestions: ReadonlyArray<ClosedQuestion>
  readonly questions: ReadonlyArray<Question>
  readonly ledger: Ledger
}

const MAX_EXAMPLES = 3

/** `s0001`, `s0002`, … in reading order of the kept statements. */
export const statementId = (n: number) => StatementId.make(`s${String(n).padStart(4, "0")}`)

/** An example of an excluded answer, as the report shows it: a pasted megabyte is cut short. */
const shortExample = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text)

/**
 * Masks the other fields that reach the outputs (question titles, participant ids, sheet and
 * file names, closed questions' titles and options): each distinct value is masked once and its
 * finds counted once, however many answers repeat it.
 */
const fieldMasker = () => {
  const seen = new Map<string, string>()
  let counts = emptyCounts
  const mask = (value: string): string => {
    const hit = seen.get(value)
    if (hit !== undefined) return hit
    const m = maskPersonalData(stripBidi(value))
    counts = addCounts(counts, m.counts)
    seen.set(value, m.text)
    return m.text
  }
  return { mask, counts: () => counts }
}

/**
 * Mask, clean, exclude and number the entries, and account for every one of them in the ledger.
 * Masking runs first on the raw text and again on the cleaned text (repairing mojibake can
 * reveal an address), so neither `rawText` nor `text` nor a ledger example holds personal data.
 * The other fields are masked too (`fieldMasker`): a question may hold a phone number, a
 * participant column an e-mail address, a file name a CPR number.
 */
export const assemble = (input: {
  readonly entries: ReadonlyArray<RawEntry>
  readonly source: string
  readonly layout: Layout
  readonly closedQuestions: ReadonlyArray<ClosedQuestion>
  readonly unread?: ReadonlyArray<{ readonly sheet: string; readonly column: string; readonly filled: number }>
  readonly skipped?: ReadonlyArray<{ readonly reason: SkippedCells["reason"]; readonly sheet: string; readonly column?: string | undefined; readonly count: number }>
}): Assembled => {
  const fields = fieldMasker()
  const source = fields.mask(input.source)
  const closedQuestions = input.closedQuestions.map((q) =>
    new ClosedQuestion({ ...q, title: fields.mask(q.title), options: q.options.map((o) => new ClosedOption({ ...o, label: fields.mask(o.label) })) })
  )
  const statements: Array<Statement> = []
  const firstByText = new Map<string, StatementId>()
  const excluded = new Map<ExclusionReason, { count: number; examples: Array<string> }>()
  const questions = new Map<string, { title: string; type: RawEntry["questionType"]; sessions: Set<number> }>()
  let masked = emptyCounts
  let duplicates = 0

  for (const entry of input.entries) {
    const question = fields.mask(entry.question)
    const qKey = `${entry.questionType}\u0000${question}`
    const q = questions.get(qKey) ?? { title: question, type: entry.questionType, sessions: new Set<number>() }
    if (entry.session !== undefined) q.sessions.add(entry.session)
    questions.set(qKey, q)

    // As typed, but never reordered on screen by a bidi control.
    const typed = stripBidi(entry.raw)
    const clean = cleanText(entry.raw)
    const cleaned = maskPersonalData(clean)
    // Most answers are clean as typed: then both are one string, masked once and held once.
    const rawText = clean === typed ? cleaned.text : maskPersonalData(typed).text
    masked = addCounts(masked, cleaned.counts)
    const reason = exclusionReason(cleaned.text)
    if (reason !== undefined) {
      const bucket = excluded.get(reason) ?? { count: 0, examples: [] }
      bucket.count++
      if (reason !== "empty" && bucket.examples.length < MAX_EXAMPLES) bucket.examples.push(shortExample(cleaned.text))
      excluded.set(reason, bucket)
      continue
    }
    const id = statementId(statements.length + 1)
    const first = firstByText.get(cleaned.text)
    if (first === undefined) firstByText.set(cleaned.text, id)
    else duplicates++
    // Built by this reader from the strings and numbers it parsed: no schema check per statement.
    statements.push(
      made(Statement, {
        id,
        question,
        questionType: entry.questionType,
        ...(entry.session !== undefined ? { session: entry.session } : {}),
        ...(entry.participant !== undefined ? { participant: fields.mask(entry.participant) } : {}),
        ...(entry.date !== undefined ? { date: entry.date } : {}),
        ...(entry.upvotes !== undefined ? { upvotes: entry.upvotes } : {}),
        source: made(SourceLocation, { ...entry.source, sheet: fields.mask(entry.source.sheet) }),
        rawText,
        text: cleaned.text,
        ...(first !== undefined ? { duplicateOf: first } : {})
      })
    )
  }

  // Every reason there is, in the labels' order: a reason missing from a list here would drop
  // its answers from the ledger unseen.
  const exclusions = (Object.keys(exclusionLabels) as Array<ExclusionReason>)
    .filter((reason) => excluded.has(reason))
    .map((reason) => {
      const b = excluded.get(reason)!
      return new Exclusion({ reason, label: exclusionLabels[reason], count: b.count, examples: b.examples })
    })

  // Before the ledger: masking these names adds to the counts it reports.
  const unread = (input.unread ?? []).map((u) => new UnreadColumn({ ...u, sheet: fields.mask(u.sheet), column: fields.mask(u.column) }))
  const skipped = (input.skipped ?? []).map((k) =>
    new SkippedCells({
      reason: k.reason,
      sheet: fields.mask(k.sheet),
      ...(k.column !== undefined ? { column: fields.mask(k.column) } : {}),
      count: k.count
    })
  )
  return {
    statements,
    closedQuestions,
    questions: [...questions.values()].map(
      (q) => new Question({ title: q.title, type: q.type, sessions: [...q.sessions].sort((a, b) => a - b) })
    ),
    ledger: new Ledger({
      source,
      layout: input.layout,
      read: input.entries.length,
      kept: statements.length,
      excluded: exclusions,
      masked: new MaskCounts(addCounts(masked, fields.counts())),
      duplicates,
      closedQuestions: closedQuestions.length,
      unread,
      skipped
    })
  }
}
