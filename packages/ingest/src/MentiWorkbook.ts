import { ClosedOption, ClosedQuestion } from "@udsagn/domain/ClosedQuestion"
import { Either } from "effect"
import type { RawEntry } from "./Assemble.js"
import { cleanText, splitWordCloud } from "./Clean.js"
import { type Cell, cellText, type Sheet, type Workbook } from "./Xlsx.js"

// Mentimeter's Excel export (labels are English whatever the slide language):
// - `Voters`: note rows, then `Date`/`Date (UTC)`, `Session`, `Voter`, then a column per slide
//   (`Title:` or `Title: sub-label`; open ended as `Title: 1`, `Upvotes`, `Title: 2`, …).
// - `Questions from audience`: Q&A, with its own participant ids.
// - `Session N`: one block per slide saying its type, with the per-session results.
// The Session blocks tell each slide's type; the Voters sheet ties answers to participants.

export const QA_SHEET = "Questions from audience"
export const DEFAULT_QA_TITLE = "Spørgsmål fra salen"
/** For a slide without a title, so a statement never has an empty question. */
export const UNTITLED = "Spørgsmål uden titel"

const SESSION_SHEET = /^session\s+(\d+)$/i
const BLOCK_START = /^(question|slide)\s+(\d+)$/i

export interface MentiRead {
  readonly entries: ReadonlyArray<RawEntry>
  readonly closedQuestions: ReadonlyArray<ClosedQuestion>
  /**
   * At least this many people answered: distinct voters (session, voter) or distinct Q&A
   * participants, whichever is larger. Menti's Q&A ids are unrelated to voter ids, so the same
   * person may be in both; adding them would overstate the turnout.
   */
  readonly participants: number | undefined
  readonly firstDate: string | undefined
}

/** Whether the workbook has Menti's sheet names (then it must read as Menti or fail clearly). */
export const isMentiWorkbook = (wb: Workbook): boolean =>
  wb.sheets.some((s) => s.name === "Voters" || s.name === QA_SHEET || SESSION_SHEET.test(s.name.trim()))

/** Whitespace collapsed, NFC: how titles are compared between sheets. */
export const normTitle = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim()

/** A count as Menti writes it: a number, or text like `3` or `1.0`. */
export const numberOf = (cell: Cell | undefined): number | undefined => {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined
  if (typeof cell !== "string") return undefined
  const m = /^\s*(-?\d+(?:[.,]\d+)?)\s*$/.exec(cell)
  return m ? Number(m[1]!.replace(",", ".")) : undefined
}

/** ISO date (YYYY-MM-DD) from text (`2024-12-05`, `2024-12-05 10:31`, `05-12-2024`) or an Excel date serial. */
export const isoDate = (cell: Cell | undefined): string | undefined => {
  if (typeof cell === "number") {
    if (cell < 20_000 || cell > 80_000) return undefined
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000).toISOString().slice(0, 10)
  }
  if (typeof cell !== "string") return undefined
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(cell)
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`
  const dk = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})/.exec(cell)
  if (dk) return `${dk[3]}-${dk[2]!.padStart(2, "0")}-${dk[1]!.padStart(2, "0")}`
  return undefined
}

const rowAt = (sheet: Sheet, r: number) => sheet.rows[r - 1] ?? []
const isBlank = (row: ReadonlyArray<Cell | undefined>) => row.every((c) => c === undefined || cellText(c).trim() === "")

// ---------------------------------------------------------------------------------------------
// Session sheets

export interface SlideBlock {
  readonly sheet: string
  readonly row: number
  readonly type: string
  readonly title: string
  readonly session: number | undefined
  readonly date: string | undefined
  readonly respondents: number | undefined
  readonly header: ReadonlyArray<string>
  readonly table: ReadonlyArray<{ readonly row: number; readonly cells: ReadonlyArray<Cell | undefined> }>
}

const META_KEYS = new Set(["date", "date (utc)", "session", "type", "question", "title", "respondents"])

/** Parse the per-slide blocks of a `Session N` sheet. */
export const parseSessionSheet = (sheet: Sheet): ReadonlyArray<SlideBlock> => {
  const blocks: Array<SlideBlock> = []
  const sheetSession = Number(SESSION_SHEET.exec(sheet.name.trim())?.[1])
  let current:
    | {
      row: number
      meta: Map<string, Cell | undefined>
      state: "meta" | "body"
      header: Array<string> | undefined
      table: Array<{ row: number; cells: ReadonlyArray<Cell | undefined> }>
    }
    | undefined
  const finish = () => {
    if (!current) return
    const m = current.meta
    blocks.push({
      sheet: sheet.name,
      row: current.row,
      type: cellText(m.get("type")).trim().toLowerCase(),
      title: normTitle(cellText(m.get("question") ?? m.get("title"))),
      session: numberOf(m.get("session")) ?? (Number.isFinite(sheetSession) ? sheetSession : undefined),
      date: isoDate(m.get("date") ?? m.get("date (utc)")),
      respondents: numberOf(m.get("respondents")),
      header: current.header ?? [],
      table: current.table
    })
  }
  for (let r = 1; r <= sheet.rows.length; r++) {
    const row = rowAt(sheet, r)
    const a = cellText(row[0]).trim()
    if (BLOCK_START.test(a) && row.slice(1).every((c) => c === undefined)) {
      finish()
      current = { row: r, meta: new Map(), state: "meta", header: undefined, table: [] }
      continue
    }
    if (!current) continue
    if (isBlank(row)) {
      if (current.state === "meta") current.state = "body"
      continue
    }
    const key = a.toLowerCase()
    if (current.state === "meta" && META_KEYS.has(key)) {
      current.meta.set(key, row[1])
      continue
    }
    current.state = "body"
    if (current.header === undefined) {
      if (/^no votes/i.test(a)) current.header = []
      else current.header = row.map((c) => cellText(c).trim())
      continue
    }
    current.table.push({ row: r, cells: row })
  }
  finish()
  return blocks
}

const CLOSED_TYPES = new Set(["choices", "scales", "ranking", "quiz"])

/** Closed questions from the Session blocks, merged across sessions (votes summed, averages recomputed). */
export const closedQuestionsOf = (blocks: ReadonlyArray<SlideBlock>): ReadonlyArray<ClosedQuestion> => {
  interface Acc {
    title: string
    type: "choices" | "scales" | "ranking" | "quiz"
    sessions: Set<number>
    respondents: number | undefined
    options: Map<string, { votes?: number; averages: Array<{ avg: number; weight: number }>; distribution?: Array<number> }>
  }
  const acc = new Map<string, Acc>()
  for (const b of blocks) {
    if (!CLOSED_TYPES.has(b.type)) continue
    const type = b.type as Acc["type"]
    const key = `${type}\u0000${b.title}`
    const q: Acc = acc.get(key) ?? { title: b.title, type, sessions: new Set(), respondents: undefined, options: new Map() }
    acc.set(key, q)
    if (b.session !== undefined) q.sessions.add(b.session)
    if (b.respondents !== undefined) q.respondents = (q.respondents ?? 0) + b.respondents
    const h = b.header.map((x) => x.toLowerCase())
    const averageCol = h.findIndex((x) => x.includes("average"))
    const votesCol = h.findIndex((x, i) => i > 0 && /^(votes|count|score|points|correct answers|answers)$/.test(x))
    const scaleCols = h.map((x, i) => (i > 0 && /^\d+$/.test(x) ? i : -1)).filter((i) => i > 0)
    for (const { cells } of b.table) {
      const label = normTitle(cellText(cells[0]))
      if (label === "") continue
      const opt = q.options.get(label) ?? { averages: [] }
      q.options.set(label, opt)
      const votes = votesCol > 0 ? numberOf(cells[votesCol]) : undefined
      if (votes !== undefined) opt.votes = (opt.votes ?? 0) + votes
      if (scaleCols.length > 0) {
        const dist = scaleCols.map((i) => numberOf(cells[i]) ?? 0)
        opt.distribution = opt.distribution ? opt.distribution.map((v, i) => v + (dist[i] ?? 0)) : dist
      }
      const avg = averageCol > 0 ? numberOf(cells[averageCol]) : undefined
      if (avg !== undefined) opt.averages.push({ avg, weight: b.respondents ?? 1 })
    }
  }
  return [...acc.values()].map((q) =>
    new ClosedQuestion({
      title: q.title,
      type: q.type,
      ...(q.sessions.size === 1 ? { session: [...q.sessions][0]! } : {}),
      ...(q.respondents !== undefined ? { respondents: q.respondents } : {}),
      options: [...q.options].map(([label, o]) => {
        const n = o.distribution?.reduce((s, v) => s + v, 0) ?? 0
        const average = o.distribution && n > 0
          ? round2(o.distribution.reduce((s, v, i) => s + v * (i + 1), 0) / n)
          : o.averages.length > 0
          ? round2(
            o.averages.reduce((s, a) => s + a.avg * a.weight, 0) / o.averages.reduce((s, a) => s + a.weight, 0)
          )
          : undefined
        return new ClosedOption({
          label,
          ...(o.votes !== undefined ? { votes: o.votes } : {}),
          ...(average !== undefined ? { average } : {}),
          ...(o.distribution !== undefined ? { distribution: o.distribution } : {})
        })
      })
    })
  )
}

const round2 = (x: number) => Math.round(x * 100) / 100

// ---------------------------------------------------------------------------------------------
// Voters sheet

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

const findVotersHeader = (sheet: Sheet) => {
  for (let r = 1; r <= Math.min(sheet.rows.length, 15); r++) {
    const names = rowAt(sheet, r).map((c) => cellText(c).trim().toLowerCase())
    const date = names.findIndex((n) => n === "date" || n === "date (utc)")
    const voter = names.indexOf("voter")
    if (date >= 0 && voter >= 0) return { row: r, date: date + 1, session: names.indexOf("session") + 1 || undefined, voter: voter + 1 }
  }
  return undefined
}

const isIntegerLabel = (s: string) => /^\d+(?:\.0+)?$/.test(s)

/** Read the workbook as a Menti export. Left: why it is not one (for a clear error). */
export const readMentiWorkbook = (wb: Workbook): Either.Either<MentiRead, string> => {
  const sessionSheets = wb.sheets.filter((s) => SESSION_SHEET.test(s.name.trim()))
  const blocks = sessionSheets.flatMap(parseSessionSheet)
  const typesByTitle = new Map<string, Set<string>>()
  for (const b of blocks) {
    if (b.title === "") continue
    const set = typesByTitle.get(b.title) ?? new Set<string>()
    set.add(b.type)
    typesByTitle.set(b.title, set)
  }
  const voters = wb.sheets.find((s) => s.name.trim() === "Voters")
  const qaSheet = wb.sheets.find((s) => s.name.trim().toLowerCase() === QA_SHEET.toLowerCase())
  const votersHeader = voters ? findVotersHeader(voters) : undefined
  // A Voters sheet without its columns is only acceptable when the other sheets carry the answers.
  if (voters && !votersHeader && blocks.length === 0 && !qaSheet) {
    return Either.left("arket Voters mangler kolonnerne Date, Session og Voter")
  }

  const entries: Array<RawEntry> = []
  const voterKeys = new Set<string>()
  const dates: Array<string> = []

  if (voters && votersHeader) {
    const header = rowAt(voters, votersHeader.row).map((c) => cellText(c))
    const fixed = new Set([votersHeader.date, votersHeader.session, votersHeader.voter])
    const columns: Array<AnswerColumn> = []
    let last: AnswerColumn | undefined
    for (let c = 1; c <= header.length; c++) {
      const h = header[c - 1] ?? ""
      if (fixed.has(c) || h.trim() === "") {
        last = undefined
        continue
      }
      if (/^upvotes$/i.test(h.trim())) {
        if (last && last.upvotesCol === undefined) last.upvotesCol = c
        continue
      }
      last = undefined
      const { sub, title } = splitHeader(h, typesByTitle.keys())
      const types = typesByTitle.get(title)
      const nextIsUpvotes = /^upvotes$/i.test((header[c] ?? "").trim())
      let type: AnswerColumn["type"] | undefined
      if (types?.has("open") && (isIntegerLabel(sub) || sub === "") && !(types.has("wordcloud") && sub === "")) {
        type = "open"
      } else if (types?.has("wordcloud") && sub === "") type = "wordcloud"
      else if (types === undefined && isIntegerLabel(sub) && nextIsUpvotes) type = "open" // an open slide without a Session block
      if (type === undefined) continue
      last = { col: c, title: title || UNTITLED, type, upvotesCol: undefined }
      columns.push(last)
    }

    // Reading order: slide by slide (in column order), then voter rows, then answer 1, 2, ….
    const titles = [...new Set(columns.map((c) => `${c.type}\u0000${c.title}`))]
    const dataRows: Array<number> = []
    for (let r = votersHeader.row + 1; r <= voters.rows.length; r++) {
      const row = rowAt(voters, r)
      if (isBlank(row)) continue
      dataRows.push(r)
      const key = voterKey(row, votersHeader)
      if (key !== undefined) voterKeys.add(key)
    }
    const perSession = votersHeader.session !== undefined
    const votersCells = new Map<string, number>()
    for (const key of titles) {
      const cols = columns.filter((c) => `${c.type}\u0000${c.title}` === key)
      for (const r of dataRows) {
        const row = rowAt(voters, r)
        const session = votersHeader.session ? numberOf(row[votersHeader.session - 1]) : undefined
        const date = isoDate(row[votersHeader.date - 1])
        const participant = voterKey(row, votersHeader)
        for (const col of cols) {
          const cell = row[col.col - 1]
          if (cell === undefined) continue
          const text = cellText(cell)
          const base = {
            question: col.title,
            questionType: col.type,
            session,
            participant,
            date,
            source: { sheet: voters.name, row: r, column: col.col }
          }
          if (date !== undefined) dates.push(date)
          const k = responseKey(col.type, col.title, perSession ? session : undefined, text)
          votersCells.set(k, (votersCells.get(k) ?? 0) + 1)
          if (col.type === "open") {
            const upvotes = col.upvotesCol !== undefined ? numberOf(row[col.upvotesCol - 1]) : undefined
            entries.push({ ...base, upvotes, raw: text })
          } else {
            const words = splitWordCloud(text)
            if (words.length === 0) entries.push({ ...base, raw: text })
            for (const w of words) entries.push({ ...base, raw: w })
          }
        }
      }
    }
    // A response in a Session sheet that the Voters sheet does not have (an answer without a
    // voter row) is read from the Session sheet rather than lost.
    for (const b of blocks) {
      entries.push(...blockEntries(b, (text) => {
        const k = responseKey(b.type, b.title || UNTITLED, perSession ? b.session : undefined, text)
        const n = votersCells.get(k) ?? 0
        if (n === 0) return true
        votersCells.set(k, n - 1)
        return false
      }))
    }
  } else {
    // No Voters sheet: the Session blocks still list every response, without participants.
    for (const b of blocks) entries.push(...blockEntries(b))
  }
  for (const e of entries) if (e.source.sheet !== voters?.name && e.date !== undefined) dates.push(e.date)

  // Q&A
  let qaParticipants = 0
  if (qaSheet) {
    const qa = readQaSheet(qaSheet, blocks.find((b) => b.type === "qa" && b.title !== "")?.title ?? DEFAULT_QA_TITLE)
    if (Either.isLeft(qa)) return Either.left(qa.left)
    entries.push(...qa.right.entries)
    qaParticipants = qa.right.participants
    for (const e of qa.right.entries) if (e.date !== undefined) dates.push(e.date)
  }

  if (!votersHeader && blocks.length === 0 && !qaSheet) {
    return Either.left("der er hverken et Voters-ark, Session-ark eller Q&A-ark")
  }
  for (const b of blocks) if (b.date !== undefined && dates.length === 0) dates.push(b.date)

  const participants = votersHeader || qaSheet ? Math.max(voterKeys.size, qaParticipants) : undefined
  return Either.right({
    entries,
    closedQuestions: closedQuestionsOf(blocks),
    participants,
    firstDate: dates.length > 0 ? dates.reduce((a, b) => (b < a ? b : a)) : undefined
  })
}

const responseKey = (type: string, title: string, session: number | undefined, text: string) =>
  `${type}\u0000${title}\u0000${session ?? ""}\u0000${cleanText(text)}`

/** Entries from an open or word-cloud block's response table; `keep` decides per response cell. */
const blockEntries = (b: SlideBlock, keep: (text: string) => boolean = () => true): Array<RawEntry> => {
  if (b.type !== "open" && b.type !== "wordcloud") return []
  const type: "open" | "wordcloud" = b.type
  const upCol = b.header.findIndex((h) => /^upvotes$/i.test(h))
  const out: Array<RawEntry> = []
  for (const { cells, row } of b.table) {
    const cell = cells[0]
    if (cell === undefined || !keep(cellText(cell))) continue
    const base = {
      question: b.title || UNTITLED,
      questionType: type,
      session: b.session,
      date: b.date,
      source: { sheet: b.sheet, row, column: 1 }
    }
    if (type === "open") out.push({ ...base, upvotes: upCol > 0 ? numberOf(cells[upCol]) : undefined, raw: cellText(cell) })
    else {
      const words = splitWordCloud(cellText(cell))
      if (words.length === 0) out.push({ ...base, raw: cellText(cell) })
      for (const w of words) out.push({ ...base, raw: w })
    }
  }
  return out
}

const voterKey = (
  row: ReadonlyArray<Cell | undefined>,
  h: { readonly session: number | undefined; readonly voter: number }
): string | undefined => {
  const voter = row[h.voter - 1]
  if (voter === undefined || cellText(voter).trim() === "") return undefined
  const v = numberOf(voter) ?? cellText(voter).trim()
  const s = h.session ? numberOf(row[h.session - 1]) : undefined
  return s !== undefined ? `${s}:${v}` : String(v)
}

const readQaSheet = (
  sheet: Sheet,
  title: string
): Either.Either<{ entries: ReadonlyArray<RawEntry>; participants: number }, string> => {
  let headerRow: number | undefined
  let names: Array<string> = []
  for (let r = 1; r <= Math.min(sheet.rows.length, 15); r++) {
    const n = rowAt(sheet, r).map((c) => cellText(c).trim().toLowerCase())
    if (n.includes("input") || (n.includes("question") && n.includes("participant"))) {
      headerRow = r
      names = n
      break
    }
  }
  if (headerRow === undefined) {
    // An empty Q&A sheet (note row only) is fine; one with rows but no Input column is not Menti's layout.
    const hasRows = sheet.rows.slice(1).some((row) => row !== undefined && !isBlank(row))
    return hasRows ? Either.left(`arket "${sheet.name}" mangler kolonnen Input`) : Either.right({ entries: [], participants: 0 })
  }
  const col = (name: string) => names.indexOf(name) + 1 || undefined
  const input = (col("input") ?? col("question"))!
  const session = col("session")
  const participant = col("participant")
  const date = col("date") ?? col("date (utc)")
  const upvotes = col("upvotes")
  const entries: Array<RawEntry> = []
  const people = new Set<string>()
  for (let r = headerRow + 1; r <= sheet.rows.length; r++) {
    const row = rowAt(sheet, r)
    if (isBlank(row)) continue
    const p = participant ? cellText(row[participant - 1]).trim() : ""
    const pid = p === "" ? undefined : `qa:${numberOf(p) ?? p}`
    if (pid !== undefined) people.add(pid)
    entries.push({
      question: title,
      questionType: "qa",
      session: session ? numberOf(row[session - 1]) : undefined,
      participant: pid,
      date: date ? isoDate(row[date - 1]) : undefined,
      upvotes: upvotes ? numberOf(row[upvotes - 1]) : undefined,
      source: { sheet: sheet.name, row: r, column: input },
      raw: cellText(row[input - 1])
    })
  }
  return Either.right({ entries, participants: people.size })
}
