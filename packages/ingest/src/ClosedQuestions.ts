import { ClosedOption, ClosedQuestion } from "@udsagn/domain/ClosedQuestion"
import { type Cell, cellText } from "./Cell.js"
import { normTitle, numberOf } from "./MentiCells.js"
import type { SlideBlock } from "./SessionSheet.js"

// Closed questions (choices, scales, ranking, quiz) are only in the Session blocks. The same
// slide in several sessions is one question: votes and scale distributions are summed, and
// averages recomputed (from the distribution, or weighted by each session's respondents).

type ClosedType = "choices" | "scales" | "ranking" | "quiz"
const CLOSED_TYPES: ReadonlySet<string> = new Set<ClosedType>(["choices", "scales", "ranking", "quiz"])

interface OptionAcc {
  votes?: number
  readonly averages: Array<{ avg: number; weight: number }>
  distribution?: Array<number>
}

interface QuestionAcc {
  readonly title: string
  readonly type: ClosedType
  readonly sessions: Set<number>
  respondents: number | undefined
  readonly options: Map<string, OptionAcc>
}

/** Which columns of a block's results hold votes, an average and the scale steps (`1`, `2`, …). */
const resultColumns = (header: ReadonlyArray<string>) => {
  const h = header.map((x) => x.toLowerCase())
  return {
    average: h.findIndex((x) => x.includes("average")),
    votes: h.findIndex((x, i) => i > 0 && /^(votes|count|score|points|correct answers|answers)$/.test(x)),
    scale: h.map((x, i) => (i > 0 && /^\d+$/.test(x) ? i : -1)).filter((i) => i > 0)
  }
}

/** Add one result row (an option) of a session's block to the question, under `label`. */
const addOption = (
  q: QuestionAcc,
  cols: ReturnType<typeof resultColumns>,
  cells: ReadonlyArray<Cell | undefined>,
  weight: number,
  label: string
) => {
  const opt = q.options.get(label) ?? { averages: [] }
  q.options.set(label, opt)
  const votes = cols.votes > 0 ? numberOf(cells[cols.votes]) : undefined
  if (votes !== undefined) opt.votes = (opt.votes ?? 0) + votes
  if (cols.scale.length > 0) {
    const dist = cols.scale.map((i) => numberOf(cells[i]) ?? 0)
    opt.distribution = opt.distribution ? opt.distribution.map((v, i) => v + (dist[i] ?? 0)) : dist
  }
  const avg = cols.average > 0 ? numberOf(cells[cols.average]) : undefined
  if (avg !== undefined) opt.averages.push({ avg, weight })
}

const round2 = (x: number) => Math.round(x * 100) / 100

const averageOf = (o: OptionAcc): number | undefined => {
  const n = o.distribution?.reduce((s, v) => s + v, 0) ?? 0
  if (o.distribution && n > 0) return round2(o.distribution.reduce((s, v, i) => s + v * (i + 1), 0) / n)
  if (o.averages.length === 0) return undefined
  return round2(o.averages.reduce((s, a) => s + a.avg * a.weight, 0) / o.averages.reduce((s, a) => s + a.weight, 0))
}

const questionOf = (q: QuestionAcc) => {
  const [only] = q.sessions
  return new ClosedQuestion({
    title: q.title,
    type: q.type,
    ...(q.sessions.size === 1 && only !== undefined ? { session: only } : {}),
    ...(q.respondents !== undefined ? { respondents: q.respondents } : {}),
    options: [...q.options].map(([label, o]) => {
      const average = averageOf(o)
      return new ClosedOption({
        label,
        ...(o.votes !== undefined ? { votes: o.votes } : {}),
        ...(average !== undefined ? { average } : {}),
        ...(o.distribution !== undefined ? { distribution: o.distribution } : {})
      })
    })
  })
}

/**
 * Each result row's option label. A scale with one statement often has an empty label (the slide
 * title says it all): its row is named by the question (or the slide), `(2)`, `(3)` … when a
 * block has more than one such row, rather than dropped.
 */
const optionLabels = (b: SlideBlock, title: string): Array<string> => {
  const labels = b.table.map(({ cells }) => normTitle(cellText(cells[0])))
  const empty = labels.filter((l) => l === "").length
  let k = 0
  return labels.map((l) => (l !== "" ? l : empty === 1 ? title : `${title} (${++k})`))
}

/** Closed questions from the Session blocks, merged across sessions (votes summed, averages recomputed). */
export const closedQuestionsOf = (blocks: ReadonlyArray<SlideBlock>): ReadonlyArray<ClosedQuestion> => {
  const acc = new Map<string, QuestionAcc>()
  for (const b of blocks) {
    if (!CLOSED_TYPES.has(b.type)) continue
    const type = b.type as ClosedType
    const title = b.title || b.name
    const key = `${type}\u0000${title}`
    const q = acc.get(key) ?? { title, type, sessions: new Set(), respondents: undefined, options: new Map() }
    acc.set(key, q)
    if (b.session !== undefined) q.sessions.add(b.session)
    if (b.respondents !== undefined) q.respondents = (q.respondents ?? 0) + b.respondents
    const cols = resultColumns(b.header)
    const labels = optionLabels(b, q.title)
    b.table.forEach(({ cells }, i) => addOption(q, cols, cells, b.respondents ?? 1, labels[i] ?? ""))
  }
  return [...acc.values()].map(questionOf)
}
