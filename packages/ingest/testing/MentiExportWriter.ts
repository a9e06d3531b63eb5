import { Schema } from "effect"
import { zipSync } from "fflate"
import { columnLetters } from "../src/Xlsx.js"

// Writes a workbook in Mentimeter's Excel export layout from a small JSON description of the
// slides: the project's sample export (data/samples/build-sample.ts) and the layout-variant
// test fixtures. Deterministic: same input, same bytes (no clocks, fixed zip timestamps).

export const OpenSlide = Schema.Struct({
  type: Schema.Literal("open"),
  title: Schema.String,
  answers: Schema.Array(Schema.String)
})
export const WordCloudSlide = Schema.Struct({
  type: Schema.Literal("wordcloud"),
  title: Schema.String,
  /** One array per participant: that person's words. */
  answers: Schema.Array(Schema.Array(Schema.String))
})
export const ChoicesSlide = Schema.Struct({
  type: Schema.Literal("choices"),
  title: Schema.String,
  options: Schema.Array(Schema.Struct({ label: Schema.String, votes: Schema.Number }))
})
export const ScalesSlide = Schema.Struct({
  type: Schema.Literal("scales"),
  title: Schema.String,
  statements: Schema.Array(Schema.Struct({ label: Schema.String, distribution: Schema.Array(Schema.Number) }))
})
export const QaSlide = Schema.Struct({
  type: Schema.Literal("qa"),
  title: Schema.String,
  answers: Schema.Array(Schema.Struct({ text: Schema.String, upvotes: Schema.optional(Schema.Number) }))
})
/** Each respondent ranks the options, in an order rotated per respondent; points n..1 by place. */
export const RankingSlide = Schema.Struct({
  type: Schema.Literal("ranking"),
  title: Schema.String,
  options: Schema.Array(Schema.String),
  respondents: Schema.Number
})
export const QuizSlide = Schema.Struct({
  type: Schema.Literal("quiz"),
  title: Schema.String,
  options: Schema.Array(Schema.Struct({ label: Schema.String, votes: Schema.Number, correct: Schema.optional(Schema.Boolean) }))
})
export const SampleSlide = Schema.Union(OpenSlide, WordCloudSlide, ChoicesSlide, ScalesSlide, QaSlide, RankingSlide, QuizSlide)

/** The JSON a sample export is built from (`data/samples/konference-2024-12-05.json`). */
export const SampleSpec = Schema.Struct({
  event: Schema.String,
  date: Schema.String.pipe(Schema.pattern(/^\d{4}-\d{2}-\d{2}$/)),
  sessions: Schema.optionalWith(Schema.Array(Schema.Number), { default: () => [1] }),
  slides: Schema.Array(SampleSlide)
})
export type SampleSpec = typeof SampleSpec.Type

/** Layout variants seen in real exports. */
export interface LayoutFlags {
  /** Header of the date column (default `Date`; some exports write `Date (UTC)`). */
  readonly dateHeader?: "Date" | "Date (UTC)"
  /** Session numbers to use instead of the spec's (e.g. `[1, 3]`: numbers can skip). */
  readonly sessions?: ReadonlyArray<number>
  /** `Upvotes` columns for open-ended answers (older exports have none). Default true. */
  readonly upvotes?: boolean
  /** Write counts as text like `1.0` instead of numbers. Default false. */
  readonly numbersAsText?: boolean
  /** Write the `Questions from audience` sheet when there is a Q&A slide. Default true. */
  readonly qaSheet?: boolean
  /** Start with a content slide `Instructions` with reactions, as real exports do. Default true. */
  readonly instructionsSlide?: boolean
  /** Sessions that were opened but got no votes: their sheet says `No votes for this session`. */
  readonly emptySessions?: ReadonlyArray<number>
  /**
   * Open answers that are numbers (`5`) stored as numbers in the Voters sheet and through the
   * count format in the Session blocks (`5.0` with `numbersAsText`), as real exports do. Default false.
   */
  readonly numericAnswers?: boolean
}

type Value = string | number | undefined
type Grid = Array<Array<Value>>

/** FNV-1a: a stable small hash for deterministic "random" choices. */
const hash = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

const UPVOTE_STEPS = [0, 0, 0, 1, 0, 2, 1, 5, 0, 3]
const ANSWERS_PER_VOTER = [1, 1, 2, 1, 3, 1, 2, 1, 1]

/** Labels of each option repeated by its count, taken round-robin so they mix over voters. */
const interleave = <A>(groups: ReadonlyArray<{ value: A; count: number }>): Array<A> => {
  const left = groups.map((g) => Math.max(0, Math.round(g.count)))
  const out: Array<A> = []
  for (let any = true; any;) {
    any = false
    groups.forEach((g, i) => {
      if (left[i]! > 0) {
        out.push(g.value)
        left[i]!--
        any = true
      }
    })
  }
  return out
}

const sumOf = (xs: ReadonlyArray<number>) => xs.reduce((s, x) => s + x, 0)

interface Column {
  readonly header: string
  readonly values: Map<number, Value> // voter (1-based) → value
}

/** Build the xlsx bytes of a Menti export for `spec`. */
export const buildMentiWorkbook = (spec: SampleSpec, flags: LayoutFlags = {}): Uint8Array => {
  const allSessions = flags.sessions ?? spec.sessions
  const empty = new Set(flags.emptySessions ?? [])
  const sessions = allSessions.filter((s) => !empty.has(s))
  if (sessions.length === 0) throw new Error("at least one session with votes")
  const upvotesOn = flags.upvotes ?? true
  const qaOn = flags.qaSheet ?? true
  const instructions = flags.instructionsSlide ?? true
  const num = (n: number): Value =>
    flags.numbersAsText ? (Number.isInteger(n) ? `${n}.0` : String(n)) : n
  const isNumeric = (text: string) => flags.numericAnswers === true && /^\d+(?:\.\d+)?$/.test(text)
  /** An open answer as the Voters sheet stores it, and as a Session block does. */
  const votersAnswer = (text: string): Value => (isNumeric(text) ? Number(text) : text)
  const blockAnswer = (text: string): Value => (isNumeric(text) ? num(Number(text)) : text)

  // How many voters the slides need: the largest closed-question turnout, word-cloud cells,
  // or open-ended answers at a bit over one answer per voter.
  const needs = spec.slides.map((s) => {
    switch (s.type) {
      case "choices":
      case "quiz":
        return sumOf(s.options.map((o) => o.votes))
      case "ranking":
        return s.respondents
      case "scales":
        return Math.max(0, ...s.statements.map((st) => sumOf(st.distribution)))
      case "wordcloud":
        return s.answers.length
      case "open":
        return Math.ceil(s.answers.length / 1.4)
      case "qa":
        return 0
    }
  })
  const voters = Math.max(1, ...needs)
  const perSession = Math.ceil(voters / sessions.length)
  const sessionOf = (voter: number) => sessions[Math.min(sessions.length - 1, Math.floor((voter - 1) / perSession))]!

  const columns: Array<Column> = []
  interface Block {
    readonly kind: "Question" | "Slide"
    readonly number: number
    readonly type: string
    readonly title: string
    /** Per session: respondents and the result table (header + rows), or undefined for "No votes". */
    readonly perSession: (session: number) => { respondents: number; table: Grid | undefined }
  }
  const blocks: Array<Block> = []
  const qaRows: Array<{ session: number; participant: number; text: string; upvotes: number; answered: boolean }> = []
  const voterIds = Array.from({ length: voters }, (_, i) => i + 1)
  const inSession = (session: number) => voterIds.filter((v) => sessionOf(v) === session)

  if (instructions) {
    const reactions = new Map<number, Value>()
    for (const v of voterIds) if (hash(`reaction${v}`) % 3 !== 0) reactions.set(v, "Thumbs up")
    columns.push({ header: "Instructions:", values: reactions })
    blocks.push({
      kind: "Slide",
      number: 1,
      type: "slide",
      title: "Instructions",
      perSession: (s) => ({ respondents: inSession(s).length, table: undefined })
    })
  }

  spec.slides.forEach((slide, index) => {
    const number = index + 1 + (instructions ? 1 : 0)
    const offset = (index * 7) % voters
    switch (slide.type) {
      case "choices":
      case "quiz": {
        const isQuiz = slide.type === "quiz"
        const picks = interleave(slide.options.map((o) => ({ value: o.label, count: o.votes })))
        const values = new Map<number, Value>()
        picks.forEach((label, i) => values.set(((i + offset) % voters) + 1, label))
        columns.push({ header: `${slide.title}:`, values })
        blocks.push({
          kind: "Question",
          number,
          type: slide.type,
          title: slide.title,
          perSession: (s) => {
            const who = inSession(s).filter((v) => values.has(v))
            if (who.length === 0) return { respondents: 0, table: undefined }
            const votes = (label: string) => num(who.filter((v) => values.get(v) === label).length)
            return {
              respondents: who.length,
              table: isQuiz
                ? [["Choices", "Votes", "Correct"], ...slide.options.map((o) => [o.label, votes(o.label), "correct" in o && o.correct ? "Yes" : "No"])]
                : [["Choices", "Votes"], ...slide.options.map((o) => [o.label, votes(o.label)])]
            }
          }
        })
        break
      }
      case "ranking": {
        const n = slide.options.length
        // Respondent i ranks the options in their listed order rotated by i % 3 (so the first
        // options lead on points): place p (0-based) earns n - p points.
        const placeOf = (i: number, option: number) => (option - (i % 3) + n) % n
        const respondents = voterIds.slice(0, slide.respondents).map((v) => ((v - 1 + offset) % voters) + 1)
        slide.options.forEach((label, o) => {
          const values = new Map<number, Value>()
          respondents.forEach((v, i) => values.set(v, num(placeOf(i, o) + 1)))
          columns.push({ header: `${slide.title}: ${label}`, values })
        })
        blocks.push({
          kind: "Question",
          number,
          type: "ranking",
          title: slide.title,
          perSession: (s) => {
            const who = respondents.map((v, i) => ({ v, i })).filter(({ v }) => sessionOf(v) === s)
            if (who.length === 0) return { respondents: 0, table: undefined }
            return {
              respondents: who.length,
              table: [
                ["Choices", "Points"],
                ...slide.options.map((label, o) => [label, num(sumOf(who.map(({ i }) => n - placeOf(i, o))))])
              ]
            }
          }
        })
        break
      }
      case "scales": {
        const cols = slide.statements.map((st) => {
          const picks = interleave(st.distribution.map((count, i) => ({ value: i + 1, count })))
          const values = new Map<number, Value>()
          picks.forEach((p, i) => values.set(((i + offset) % voters) + 1, num(p)))
          const col = { header: `${slide.title}: ${st.label}`, values, picks: new Map<number, number>() }
          picks.forEach((p, i) => col.picks.set(((i + offset) % voters) + 1, p))
          return col
        })
        for (const c of cols) columns.push({ header: c.header, values: c.values })
        const steps = Math.max(5, ...slide.statements.map((st) => st.distribution.length))
        blocks.push({
          kind: "Question",
          number,
          type: "scales",
          title: slide.title,
          perSession: (s) => {
            const people = inSession(s)
            const who = people.filter((v) => cols.some((c) => c.picks.has(v)))
            if (who.length === 0) return { respondents: 0, table: undefined }
            return {
              respondents: who.length,
              table: [
                ["Choices", "Weighted average", ...Array.from({ length: steps }, (_, i) => String(i + 1))],
                ...slide.statements.map((st, i) => {
                  const dist = Array.from({ length: steps }, () => 0)
                  for (const v of people) {
                    const p = cols[i]!.picks.get(v)
                    if (p !== undefined) dist[p - 1]!++
                  }
                  const n = sumOf(dist)
                  const avg = n > 0 ? Math.round((sumOf(dist.map((d, k) => d * (k + 1))) / n) * 100) / 100 : 0
                  return [st.label, num(avg), ...dist.map(num)]
                })
              ]
            }
          }
        })
        break
      }
      case "open": {
        // Walk the voters from an offset; each takes 1-3 answers, so some give several.
        const given = new Map<number, Array<{ text: string; upvotes: number }>>()
        let voterStep = 0
        let i = 0
        while (i < slide.answers.length) {
          const voter = ((offset + voterStep) % voters) + 1
          const take = Math.min(ANSWERS_PER_VOTER[voterStep % ANSWERS_PER_VOTER.length]!, slide.answers.length - i)
          const list = given.get(voter) ?? []
          for (let k = 0; k < take; k++, i++) {
            const text = slide.answers[i]!
            list.push({ text, upvotes: UPVOTE_STEPS[hash(text) % UPVOTE_STEPS.length]! })
          }
          given.set(voter, list)
          voterStep++
        }
        const maxK = Math.max(1, ...[...given.values()].map((l) => l.length))
        for (let k = 1; k <= maxK; k++) {
          const values = new Map<number, Value>()
          const ups = new Map<number, Value>()
          for (const [v, l] of given) {
            const a = l[k - 1]
            if (a) {
              values.set(v, votersAnswer(a.text))
              ups.set(v, num(a.upvotes))
            }
          }
          columns.push({ header: `${slide.title}: ${k}`, values })
          if (upvotesOn) columns.push({ header: "Upvotes", values: ups })
        }
        blocks.push({
          kind: "Question",
          number,
          type: "open",
          title: slide.title,
          perSession: (s) => {
            const who = inSession(s).filter((v) => given.has(v))
            if (who.length === 0) return { respondents: 0, table: undefined }
            const rows: Grid = []
            for (const v of who) {
              for (const a of given.get(v)!) rows.push(upvotesOn ? [blockAnswer(a.text), num(a.upvotes)] : [blockAnswer(a.text)])
            }
            return { respondents: who.length, table: [upvotesOn ? ["Responses", "Upvotes"] : ["Responses"], ...rows] }
          }
        })
        break
      }
      case "wordcloud": {
        const values = new Map<number, Value>()
        slide.answers.forEach((words, i) => {
          // Menti joins a participant's entries with spaces and the words of one entry with `_`.
          const cell = words.map((w) => w.trim().replace(/\s+/g, "_")).filter((w) => w !== "").join(" ")
          values.set(((i + offset) % voters) + 1, cell)
        })
        columns.push({ header: `${slide.title}:`, values })
        blocks.push({
          kind: "Question",
          number,
          type: "wordcloud",
          title: slide.title,
          perSession: (s) => {
            const who = inSession(s).filter((v) => values.has(v))
            if (who.length === 0) return { respondents: 0, table: undefined }
            return { respondents: who.length, table: [["Responses"], ...who.map((v) => [values.get(v)])] }
          }
        })
        break
      }
      case "qa": {
        // Q&A has no block in the Session sheets and its own participant numbering.
        slide.answers.forEach((a, i) => {
          qaRows.push({
            session: sessions[hash(a.text) % sessions.length]!,
            participant: qaRows.length + 1,
            text: a.text,
            upvotes: a.upvotes ?? UPVOTE_STEPS[hash(a.text) % UPVOTE_STEPS.length]!,
            answered: (hash(a.text) + i) % 4 === 0
          })
        })
        break
      }
    }
  })

  const sheets: Array<{ name: string; grid: Grid }> = []

  const votersGrid: Grid = [
    ["Note: there are more sheets in this document"],
    ["Each session is found on its own sheet below. There is a session for each time you have renewed these questions."],
    [flags.dateHeader ?? "Date", "Session", "Voter", ...columns.map((c) => c.header)]
  ]
  for (const v of voterIds) {
    votersGrid.push([spec.date, num(sessionOf(v)), num(v), ...columns.map((c) => c.values.get(v))])
  }
  sheets.push({ name: "Voters", grid: votersGrid })

  if (qaOn && qaRows.length > 0) {
    sheets.push({
      name: "Questions from audience",
      grid: [
        ["Note: The Participant ID does not correspond to the Voter ID in the other sheets"],
        ["Date", "Session", "Participant", "Input                          ", "Upvotes", "Answered?"],
        ...qaRows.map((q) => [spec.date, num(q.session), num(q.participant), q.text, num(q.upvotes), q.answered ? "Yes" : "No"])
      ]
    })
  }

  for (const s of allSessions) {
    const grid: Grid = []
    for (const b of blocks) {
      const { respondents, table } = b.perSession(s)
      grid.push(
        [`${b.kind} ${b.number}`],
        ["Date", spec.date],
        ["Session", num(s)],
        ["Type", b.type],
        [b.kind === "Slide" ? "Title" : "Question", b.title],
        ["Respondents", num(respondents)],
        [],
        ...(table ?? [["No votes for this session"]]),
        [],
        []
      )
    }
    while (grid.length > 0 && grid[grid.length - 1]!.length === 0) grid.pop()
    sheets.push({ name: `Session ${s}`, grid })
  }

  return writeXlsx(sheets, spec.date)
}

// ---------------------------------------------------------------------------------------------
// A minimal, deterministic xlsx writer (inline strings, like the exports we read).

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
    // Characters XML 1.0 cannot hold are written as SpreadsheetML `_xHHHH_` escapes.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)

const sheetXml = (grid: Grid): string => {
  const width = Math.max(1, ...grid.map((r) => r.length))
  const rows = grid
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          if (v === undefined || v === "") return ""
          const ref = `${columnLetters(c + 1)}${r + 1}`
          if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`
          const space = /^\s|\s$|\n/.test(v) ? ` xml:space="preserve"` : ""
          return `<c r="${ref}" t="inlineStr"><is><t${space}>${esc(v)}</t></is></c>`
        })
        .join("")
      return cells === "" ? "" : `<row r="${r + 1}">${cells}</row>`
    })
    .join("")
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:${columnLetters(width)}${Math.max(1, grid.length)}"/><sheetData>${rows}</sheetData></worksheet>`
}

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

export const writeXlsx = (sheets: ReadonlyArray<{ name: string; grid: Grid }>, isoDate: string): Uint8Array => {
  const enc = new TextEncoder()
  const contentTypes = XML_HEAD +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    sheets.map((_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    ).join("") +
    `</Types>`
  const rootRels = XML_HEAD +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
    `</Relationships>`
  // A fixed timestamp (the event date), so rebuilding gives the same bytes.
  const core = XML_HEAD +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>Mentimeter</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${isoDate}T12:00:00Z</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${isoDate}T12:00:00Z</dcterms:modified>` +
    `</cp:coreProperties>`
  const workbook = XML_HEAD +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}"><sheets>` +
    sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    `</sheets></workbook>`
  const workbookRels = XML_HEAD +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
    `<Relationship Id="rId${sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
    `</Relationships>`
  const styles = XML_HEAD +
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `</styleSheet>`

  // Local-time components are what zip stores; constructing from components keeps them fixed in any time zone.
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number]
  const mtime = new Date(y, m - 1, d, 12, 0, 0)
  const files: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {}
  const add = (name: string, text: string) => {
    files[name] = [enc.encode(text), { mtime, level: 6 }]
  }
  add("[Content_Types].xml", contentTypes)
  add("_rels/.rels", rootRels)
  add("docProps/core.xml", core)
  add("xl/workbook.xml", workbook)
  add("xl/_rels/workbook.xml.rels", workbookRels)
  add("xl/styles.xml", styles)
  sheets.forEach((s, i) => add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s.grid)))
  return zipSync(files)
}

/** Decode the sample JSON (throws a readable ParseError on a malformed file: a build script's failure). */
export const decodeSampleSpec = (json: unknown): SampleSpec => Schema.decodeUnknownSync(SampleSpec)(json)
