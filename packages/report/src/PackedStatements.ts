import { Interner } from "@udsagn/aggregate/Interner"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"

/**
 * Categorized statements as a few flat arrays, for handing them to a thread: a structured clone
 * of 100,000 statement objects (each with its source, themes, scores and evidence) takes the
 * sending thread about 0.4 s; the same data as columns, a fraction of it. Repeated strings
 * (questions, sheets, theme ids, evidence) are numbers into one table. `unpackStatements` gives
 * back objects with the same fields and values (the writers of statements.json and
 * statements.xlsx read nothing else), optional fields absent where they were.
 */
export interface PackedStatements {
  readonly count: number
  readonly strings: ReadonlyArray<string>
  readonly id: ReadonlyArray<string>
  readonly text: ReadonlyArray<string>
  /** The raw texts that differ from the text, in order (`rawDiffers` marks whose). */
  readonly rawTexts: ReadonlyArray<string>
  readonly rawDiffers: Uint8Array
  /** Numbers into `strings`; -1: the optional field is absent. */
  readonly question: Int32Array
  readonly questionType: Int32Array
  readonly participant: Int32Array
  readonly date: Int32Array
  readonly duplicateOf: Int32Array
  readonly event: Int32Array
  readonly sheet: Int32Array
  /** NaN: absent. */
  readonly session: Float64Array
  readonly upvotes: Float64Array
  readonly row: Float64Array
  readonly column: Float64Array
  readonly confidence: Float64Array
  /** 0 false, 1 true (-1 absent for `redacted`). */
  readonly needsReview: Uint8Array
  readonly overridden: Uint8Array
  readonly redacted: Int8Array
  /** Statement i's themes, scores and evidence are entries offsets[i] to offsets[i + 1]. */
  readonly themeOffsets: Int32Array
  readonly themes: Int32Array
  readonly scoreOffsets: Int32Array
  readonly scoreKeys: Int32Array
  readonly scoreValues: Float64Array
  readonly evidenceOffsets: Int32Array
  readonly evidenceTheme: Int32Array
  readonly evidenceMatch: Int32Array
  readonly evidenceTerm: Int32Array
  readonly evidenceSource: Int32Array
  readonly evidenceWeight: Float64Array
}

export const packStatements = (statements: ReadonlyArray<CategorizedStatement>): PackedStatements => {
  const n = statements.length
  const table = new Interner()
  const strings = table.values
  const str = (s: string): number => table.id(s)
  const opt = (s: string | undefined): number => (s === undefined ? -1 : str(s))
  const id: Array<string> = new Array(n)
  const text: Array<string> = new Array(n)
  const rawTexts: Array<string> = []
  const rawDiffers = new Uint8Array(n)
  const question = new Int32Array(n)
  const questionType = new Int32Array(n)
  const participant = new Int32Array(n)
  const date = new Int32Array(n)
  const duplicateOf = new Int32Array(n)
  const event = new Int32Array(n)
  const sheet = new Int32Array(n)
  const session = new Float64Array(n)
  const upvotes = new Float64Array(n)
  const row = new Float64Array(n)
  const column = new Float64Array(n)
  const confidence = new Float64Array(n)
  const needsReview = new Uint8Array(n)
  const overridden = new Uint8Array(n)
  const redacted = new Int8Array(n)
  const themeOffsets = new Int32Array(n + 1)
  const scoreOffsets = new Int32Array(n + 1)
  const evidenceOffsets = new Int32Array(n + 1)
  const themes: Array<number> = []
  const scoreKeys: Array<number> = []
  const scoreValues: Array<number> = []
  const evidenceTheme: Array<number> = []
  const evidenceMatch: Array<number> = []
  const evidenceTerm: Array<number> = []
  const evidenceSource: Array<number> = []
  const evidenceWeight: Array<number> = []
  let lastKeys: ReadonlyArray<string> = []
  let lastIds: ReadonlyArray<number> = []
  for (let i = 0; i < n; i++) {
    const s = statements[i]!
    id[i] = s.id
    text[i] = s.text
    if (s.rawText !== s.text) {
      rawDiffers[i] = 1
      rawTexts.push(s.rawText)
    }
    question[i] = str(s.question)
    questionType[i] = str(s.questionType)
    participant[i] = opt(s.participant)
    date[i] = opt(s.date)
    duplicateOf[i] = opt(s.duplicateOf)
    event[i] = opt(s.event)
    sheet[i] = str(s.source.sheet)
    session[i] = s.session ?? NaN
    upvotes[i] = s.upvotes ?? NaN
    row[i] = s.source.row
    column[i] = s.source.column
    confidence[i] = s.confidence
    needsReview[i] = s.needsReview ? 1 : 0
    overridden[i] = s.overridden ? 1 : 0
    redacted[i] = s.redacted === undefined ? -1 : s.redacted ? 1 : 0
    for (const t of s.themes) themes.push(str(t))
    themeOffsets[i + 1] = themes.length
    // Nearly every statement has the same score keys in the same order: their numbers are reused.
    const keys = Object.keys(s.scores)
    let same = keys.length === lastKeys.length
    for (let k = 0; same && k < keys.length; k++) same = keys[k] === lastKeys[k]
    if (!same) {
      lastKeys = keys
      lastIds = keys.map(str)
    }
    for (let k = 0; k < keys.length; k++) {
      scoreKeys.push(lastIds[k]!)
      scoreValues.push(s.scores[keys[k]!]!)
    }
    scoreOffsets[i + 1] = scoreKeys.length
    for (const e of s.evidence) {
      evidenceTheme.push(str(e.theme))
      evidenceMatch.push(str(e.match))
      evidenceTerm.push(str(e.term))
      evidenceSource.push(str(e.source))
      evidenceWeight.push(e.weight)
    }
    evidenceOffsets[i + 1] = evidenceTheme.length
  }
  return {
    count: n,
    strings,
    id,
    text,
    rawTexts,
    rawDiffers,
    question,
    questionType,
    participant,
    date,
    duplicateOf,
    event,
    sheet,
    session,
    upvotes,
    row,
    column,
    confidence,
    needsReview,
    overridden,
    redacted,
    themeOffsets,
    themes: Int32Array.from(themes),
    scoreOffsets,
    scoreKeys: Int32Array.from(scoreKeys),
    scoreValues: Float64Array.from(scoreValues),
    evidenceOffsets,
    evidenceTheme: Int32Array.from(evidenceTheme),
    evidenceMatch: Int32Array.from(evidenceMatch),
    evidenceTerm: Int32Array.from(evidenceTerm),
    evidenceSource: Int32Array.from(evidenceSource),
    evidenceWeight: Float64Array.from(evidenceWeight)
  }
}

/** The statements back as plain objects with the fields (and field order) of `CategorizedStatement`. */
export const unpackStatements = (p: PackedStatements): Array<CategorizedStatement> => {
  const out: Array<CategorizedStatement> = new Array(p.count)
  const s = p.strings
  let raw = 0
  for (let i = 0; i < p.count; i++) {
    const o: Record<string, unknown> = { id: p.id[i], question: s[p.question[i]!], questionType: s[p.questionType[i]!] }
    if (!Number.isNaN(p.session[i]!)) o["session"] = p.session[i]
    if (p.participant[i]! >= 0) o["participant"] = s[p.participant[i]!]
    if (p.date[i]! >= 0) o["date"] = s[p.date[i]!]
    if (!Number.isNaN(p.upvotes[i]!)) o["upvotes"] = p.upvotes[i]
    o["source"] = { sheet: s[p.sheet[i]!], row: p.row[i], column: p.column[i] }
    o["rawText"] = p.rawDiffers[i] === 1 ? p.rawTexts[raw++] : p.text[i]
    o["text"] = p.text[i]
    if (p.duplicateOf[i]! >= 0) o["duplicateOf"] = s[p.duplicateOf[i]!]
    if (p.event[i]! >= 0) o["event"] = s[p.event[i]!]
    const themes: Array<string> = []
    for (let k = p.themeOffsets[i]!; k < p.themeOffsets[i + 1]!; k++) themes.push(s[p.themes[k]!]!)
    o["themes"] = themes
    const scores: Record<string, number> = {}
    for (let k = p.scoreOffsets[i]!; k < p.scoreOffsets[i + 1]!; k++) scores[s[p.scoreKeys[k]!]!] = p.scoreValues[k]!
    o["scores"] = scores
    const evidence: Array<Record<string, unknown>> = []
    for (let k = p.evidenceOffsets[i]!; k < p.evidenceOffsets[i + 1]!; k++) {
      evidence.push({
        theme: s[p.evidenceTheme[k]!],
        match: s[p.evidenceMatch[k]!],
        term: s[p.evidenceTerm[k]!],
        weight: p.evidenceWeight[k],
        source: s[p.evidenceSource[k]!]
      })
    }
    o["evidence"] = evidence
    o["confidence"] = p.confidence[i]
    o["needsReview"] = p.needsReview[i] === 1
    o["overridden"] = p.overridden[i] === 1
    if (p.redacted[i]! >= 0) o["redacted"] = p.redacted[i] === 1
    out[i] = o as unknown as CategorizedStatement
  }
  return out
}
