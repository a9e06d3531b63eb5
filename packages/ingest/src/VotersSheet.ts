import type { RawEntry } from "./Assemble.js"
import { type Cell, cellText } from "./Cell.js"
import { cleanText } from "./Clean.js"
import { type AnswerBase, answerEntries, headerNames, isBlank, isoDate, normTitle, numberOf, rowAt } from "./MentiCells.js"
import { blockEntries, type SlideBlock, UNTITLED } from "./SessionSheet.js"
import type { Sheet } from "./Xlsx.js"

// Menti's `Voters` sheet: note rows, then `Date`/`Date (UTC)`, `Session`, `Voter`, then a column
// per slide (`Title:` or `Title: sub-label`; open ended as `Title: 1`, `Upvotes`, `Title: 2`, …).
// Which slides are open or word clouds comes from the Session blocks.

/** 1-based columns of the Voters header. */
export interface VotersHeader {
  readonly row: number
  readonly date: number
  readonly session: number | undefined
  readonly voter: number
}

export const findVotersHeader = (sheet: Sheet): VotersHeader | undefined => {
  for (let r = 1; r <= Math.min(sheet.rows.length, 15); r++) {
    const names = headerNames(sheet, r)
    const date = names.findIndex((n) => n === "date" || n === "date (utc)")
    const voter = names.indexOf("voter")
    if (date >= 0 && voter >= 0) return { row: r, date: date + 1, session: names.indexOf("session") + 1 || undefined, voter: voter + 1 }
  }
  return undefined
}

/**
 * Split a Voters header into slide title and sub-label. Known titles (from the Session blocks)
 * win, longest first, since titles can contain `: ` themselves; otherwise split at the last `": "`.
 */
export const splitHeader = (header: string, knownTitles: Iterable<string>): { title: string; sub: string } => {
  const h = normTitle(header)
  let best: string | undefined
  for (const t of knownTitles) {
    if ((h === `${t}:` || h.startsWith(`${t}: `) || h === t) && (best === undefined || t.length > best.length)) best = t
  }
  if (best !== undefined) return { title: best, sub: h.slice(best.length).replace(/^:/, "").trim() }
  if (h.endsWith(":")) return { title: h.slice(0, -1).trim(), sub: "" }
  const i = h.lastIndexOf(": ")
  return i < 0 ? { title: h, sub: "" } : { title: h.slice(0, i).trim(), sub: h.slice(i + 2).trim() }
}

interface AnswerColumn {
  readonly col: number // 1-based
  readonly title: string
  readonly type: "open" | "wordcloud"
  upvotesCol: number | undefined
}

const isIntegerLabel = (s: string) => /^\d+(?:\.0+)?$/.test(s)
const isUpvotes = (h: string | undefined) => /^upvotes$/i.test((h ?? "").trim())

/** Slide types by title, from the Session blocks. */
const typesByTitle = (blocks: ReadonlyArray<SlideBlock>) => {
  const types = new Map<string, Set<string>>()
  for (const b of blocks) {
    if (b.title === "") continue
    const set = types.get(b.title) ?? new Set<string>()
    set.add(b.type)
    types.set(b.title, set)
  }
  return types
}

/** An answer column's type: open answers are numbered (`Title: 1`), a word cloud has one column. */
const columnType = (
  sub: string,
  types: ReadonlySet<string> | undefined,
  nextIsUpvotes: boolean
): AnswerColumn["type"] | undefined => {
  if (types?.has("open") && (isIntegerLabel(sub) || sub === "") && !(types.has("wordcloud") && sub === "")) return "open"
  if (types?.has("wordcloud") && sub === "") return "wordcloud"
  // An open slide without a Session block.
  if (types === undefined && isIntegerLabel(sub) && nextIsUpvotes) return "open"
  return undefined
}

/** The columns holding open and word-cloud answers, each with its `Upvotes` column if it has one. */
const answerColumns = (sheet: Sheet, h: VotersHeader, blocks: ReadonlyArray<SlideBlock>): Array<AnswerColumn> => {
  const header = rowAt(sheet, h.row).map((c) => cellText(c))
  const types = typesByTitle(blocks)
  const fixed = new Set([h.date, h.session, h.voter])
  const columns: Array<AnswerColumn> = []
  let last: AnswerColumn | undefined
  for (let c = 1; c <= header.length; c++) {
    const name = header[c - 1] ?? ""
    if (fixed.has(c) || name.trim() === "") {
      last = undefined
      continue
    }
    if (isUpvotes(name)) {
      if (last && last.upvotesCol === undefined) last.upvotesCol = c
      continue
    }
    last = undefined
    const { sub, title } = splitHeader(name, types.keys())
    const type = columnType(sub, types.get(title), isUpvotes(header[c]))
    if (type === undefined) continue
    last = { col: c, title: title || UNTITLED, type, upvotesCol: undefined }
    columns.push(last)
  }
  return columns
}

/** `session:voter`, or the voter alone when there is no Session column. */
const voterKey = (row: ReadonlyArray<Cell | undefined>, h: VotersHeader): string | undefined => {
  const voter = row[h.voter - 1]
  if (voter === undefined || cellText(voter).trim() === "") return undefined
  const v = numberOf(voter) ?? cellText(voter).trim()
  const s = h.session ? numberOf(row[h.session - 1]) : undefined
  return s !== undefined ? `${s}:${v}` : String(v)
}

/**
 * What makes two responses the same one, in the Voters sheet and in a Session block. A number is
 * compared as a number: the Voters sheet may hold `5` where the block writes `5.0`.
 */
const responseKey = (type: string, title: string, session: number | undefined, text: string) => {
  const n = numberOf(text)
  return `${type}\u0000${title}\u0000${session ?? ""}\u0000${n !== undefined ? String(n) : cleanText(text)}`
}

/** Take one from a count of seen responses; false when none is left. */
const take = (seen: Map<string, number>, key: string) => {
  const n = seen.get(key) ?? 0
  if (n === 0) return false
  seen.set(key, n - 1)
  return true
}

/**
 * The Session-block responses the Voters sheet does not already hold, in block order. Each
 * Voters answer matches one block response at most: first in its own session, then (when a
 * Voters row lacks its session, or the block's differs) in any session, so no answer is
 * counted twice.
 */
const blockOnlyEntries = (
  blocks: ReadonlyArray<SlideBlock>,
  seen: Map<string, number>,
  seenAnySession: Map<string, number>
): Array<RawEntry> => {
  const keyOf = (b: SlideBlock, session: number | undefined, text: string) => responseKey(b.type, b.title || UNTITLED, session, text)
  // Pass 1: exact matches (same session), so a loose match cannot take another session's answer.
  const matched = new Set<string>()
  blocks.forEach((b, i) =>
    blockEntries(b, (text, row) => {
      if (!take(seen, keyOf(b, b.session, text))) return true
      take(seenAnySession, keyOf(b, undefined, text))
      matched.add(`${i}\u0000${row}`)
      return false
    })
  )
  // Pass 2: what pass 1 left, against the answers whose session did not match.
  return blocks.flatMap((b, i) =>
    blockEntries(b, (text, row) => !matched.has(`${i}\u0000${row}`) && !take(seenAnySession, keyOf(b, undefined, text)))
  )
}

export interface VotersRead {
  readonly entries: ReadonlyArray<RawEntry>
  /** Distinct voters (`session:voter`). */
  readonly participants: number
}

/**
 * The answers in the Voters sheet, in reading order: slide by slide (in column order), then voter
 * rows, then answer 1, 2, …. A response in a Session block that the Voters sheet does not have
 * (an answer without a voter row) is read from the block rather than lost.
 */
export const readVotersSheet = (sheet: Sheet, h: VotersHeader, blocks: ReadonlyArray<SlideBlock>): VotersRead => {
  const columns = answerColumns(sheet, h, blocks)
  const slides = [...new Set(columns.map((c) => `${c.type}\u0000${c.title}`))]
  const dataRows: Array<number> = []
  const voters = new Set<string>()
  for (let r = h.row + 1; r <= sheet.rows.length; r++) {
    const row = rowAt(sheet, r)
    if (isBlank(row)) continue
    dataRows.push(r)
    const key = voterKey(row, h)
    if (key !== undefined) voters.add(key)
  }
  // Responses seen in the Voters sheet, by responseKey with and without the session, to find
  // the ones only a block has.
  const seen = new Map<string, number>()
  const seenAnySession = new Map<string, number>()
  const entries: Array<RawEntry> = []
  for (const slide of slides) {
    const cols = columns.filter((c) => `${c.type}\u0000${c.title}` === slide)
    for (const r of dataRows) {
      const row = rowAt(sheet, r)
      const session = h.session ? numberOf(row[h.session - 1]) : undefined
      const date = isoDate(row[h.date - 1])
      const participant = voterKey(row, h)
      for (const col of cols) {
        const cell = row[col.col - 1]
        if (cell === undefined) continue
        const text = cellText(cell)
        const base: AnswerBase = {
          question: col.title,
          questionType: col.type,
          session,
          participant,
          date,
          source: { sheet: sheet.name, row: r, column: col.col }
        }
        const k = responseKey(col.type, col.title, session, text)
        seen.set(k, (seen.get(k) ?? 0) + 1)
        const any = responseKey(col.type, col.title, undefined, text)
        seenAnySession.set(any, (seenAnySession.get(any) ?? 0) + 1)
        const upvotes = col.upvotesCol !== undefined ? numberOf(row[col.upvotesCol - 1]) : undefined
        entries.push(...answerEntries(base, text, upvotes))
      }
    }
  }
  // A loop, not push(...list): spreading hundreds of thousands of arguments overflows the stack.
  for (const e of blockOnlyEntries(blocks, seen, seenAnySession)) entries.push(e)
  return { entries, participants: voters.size }
}
