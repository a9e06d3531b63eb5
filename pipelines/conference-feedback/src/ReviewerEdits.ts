import { overrideMatcher } from "@udsagn/categorize/Overrides"
import { CategorizedStatement, Evidence, type Override } from "@udsagn/domain/Categorization"
import { Exclusion, Ledger } from "@udsagn/domain/Ledger"
import type { StatementId } from "@udsagn/domain/Statement"
import { cleanText } from "@udsagn/ingest/Clean"
import { maskPersonalData } from "@udsagn/ingest/Mask"

/** The ledger's reason for statements a reviewer left out. */
export const reviewerExcluded = "reviewer-excluded"
export const reviewerExcludedLabel = "Udeladt af en person ved gennemgangen"

export interface ReviewerEdited {
  readonly statements: ReadonlyArray<CategorizedStatement>
  readonly ledger: Ledger
}

/**
 * A reviewer's `redact` and `exclude` corrections, after the themes are set (categorize's
 * `applyOverrides`):
 * - `redact`: the statement's text becomes the given text (cleaned and masked like every answer)
 *   wherever it is shown, in `text` and `rawText`, and so do its word-for-word copies (they hold
 *   the same name); evidence whose words are no longer in the text is dropped.
 * - `exclude`: the statement is left out; the ledger counts it as excluded by a reviewer (ids as
 *   examples, never the text), so `read = kept + excluded` still holds. A copy of it that stays
 *   takes its place as the first of its kind.
 */
export const applyReviewerEdits = (
  statements: ReadonlyArray<CategorizedStatement>,
  ledger: Ledger,
  overrides: ReadonlyArray<Override>
): ReviewerEdited => {
  const match = overrideMatcher(overrides)
  const rootOf = (s: CategorizedStatement): string => s.duplicateOf ?? s.id
  // A rewrite reaches every copy of the statement: the copies hold the same words.
  const redactByRoot = new Map<string, string>()
  for (const s of statements) {
    const o = match(s)
    if (o?.redact !== undefined && o.id === s.id) redactByRoot.set(rootOf(s), o.redact)
  }
  const edited = statements.map((s) => {
    const o = match(s)
    const redact = o?.redact ?? redactByRoot.get(rootOf(s))
    if (redact === undefined) return s
    const text = maskPersonalData(cleanText(redact)).text
    if (text === s.text) return s
    return redacted(s, text)
  })

  const excluded = new Set<string>(edited.filter((s) => match(s)?.exclude === true).map((s) => s.id))
  if (excluded.size === 0) return { statements: edited, ledger }
  const promoted = new Map<string, StatementId>()
  const kept: Array<CategorizedStatement> = []
  for (const s of edited) {
    if (excluded.has(s.id)) continue
    const of = s.duplicateOf
    if (of === undefined || !excluded.has(of)) {
      kept.push(s)
      continue
    }
    // The first of its kind was left out: the first copy kept takes its place.
    const first = promoted.get(of)
    if (first === undefined) {
      promoted.set(of, s.id)
      const { duplicateOf: _, ...rest } = s
      kept.push(new CategorizedStatement(rest, true))
    } else kept.push(new CategorizedStatement({ ...s, duplicateOf: first }, true))
  }
  const left = [...excluded]
  // Copies no more: each left-out copy, and each copy that became the first of its kind.
  const lostCopies = edited.filter((s) => excluded.has(s.id) && s.duplicateOf !== undefined).length + promoted.size
  const exclusion = new Exclusion({
    reason: reviewerExcluded,
    label: reviewerExcludedLabel,
    count: left.length,
    examples: left.slice(0, 5)
  })
  const next = new Ledger({
    ...ledger,
    kept: ledger.kept - left.length,
    duplicates: Math.max(0, ledger.duplicates - lostCopies),
    excluded: [...ledger.excluded.filter((e) => e.reason !== reviewerExcluded), exclusion]
  }, true)
  return { statements: kept, ledger: next }
}

const redacted = (s: CategorizedStatement, text: string): CategorizedStatement => {
  const lower = text.toLocaleLowerCase("da")
  const evidence = s.evidence.flatMap((e) =>
    e.source === "override"
      ? [new Evidence({ ...e, match: text }, true)]
      : lower.includes(e.match.toLocaleLowerCase("da"))
      ? [e]
      : []
  )
  return new CategorizedStatement({ ...s, text, rawText: text, evidence, redacted: true }, true)
}
