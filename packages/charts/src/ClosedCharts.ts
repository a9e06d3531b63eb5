import { formatDecimal, formatInt, formatPercent } from "@udsagn/danish/Format"
import type { ClosedQuestion } from "@udsagn/domain/ClosedQuestion"
import type { TopLevelSpec } from "vega-lite"
import {
  type Categories,
  categories,
  categoryAxis,
  type ChartSpec,
  config,
  plural,
  safeText,
  specHead,
  stackedSegments,
  stepFor,
  textColorOn,
  wrap
} from "./ChartKit.js"

// The charts of closed questions (polls, scales, rankings, quizzes): counted, not themed.

/** Closed questions are not themes: one calm colour that no theme uses by default. */
const NEUTRAL = "#4C5C6B"
/** Colour-blind-safe diverging scheme (ColorBrewer PuOr) for 1..5 scales: low orange, high purple. */
const DIVERGING: Record<number, ReadonlyArray<string>> = {
  2: ["#e66101", "#5e3c99"],
  3: ["#e66101", "#f7f7f7", "#5e3c99"],
  4: ["#e66101", "#fdb863", "#b2abd2", "#5e3c99"],
  5: ["#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"],
  6: ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"],
  7: ["#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788"]
}

const closedTitle = (q: ClosedQuestion): Array<string> => safeText([...wrap(q.title, 60, 3)])

/** Choices (and quiz/ranking with votes): votes per option, with the share of respondents. */
const closedChoices = (q: ClosedQuestion, name: string): ChartSpec => {
  const votes = q.options.map((o) => o.votes ?? 0)
  const total = votes.reduce((a, b) => a + b, 0)
  // Multi-pick slides: share of people, not of votes; without respondents, of all votes.
  const base = q.respondents !== undefined && q.respondents > 0 ? q.respondents : total
  const basis = q.respondents !== undefined && q.respondents > 0 ? "af dem, der svarede" : "af alle stemmer"
  const cats = categories(q.options.map((o) => o.label), 36, 2)
  const rows = q.options.map((o, i) => ({
    key: cats.keys[i]!,
    option: o.label,
    votes: votes[i]!,
    text: `${formatInt(votes[i]!)} (${formatPercent(base === 0 ? 0 : votes[i]! / base, 0)})`,
    order: i
  }))
  const max = Math.max(1, ...votes)
  const subtitle =
    `Antal stemmer pr. svarmulighed` +
    (q.respondents !== undefined ? `; ${plural(q.respondents, "person", "personer")} svarede.` : ".") +
    ` Procent ${basis}.`
  const description =
    `Vandret søjlediagram for spørgsmålet "${q.title}": ` +
    rows.map((r) => `${r.option} ${plural(r.votes, "stemme", "stemmer")} (${r.text.replace(/^.*\(|\)$/g, "")})`).join(", ") +
    `. ${subtitle}`
  const spec = closedBars(q, cats, rows, description, subtitle, {
    field: "votes",
    x: { scale: { domain: [0, Math.ceil(max * 1.35)] }, axis: null },
    tooltip: [
      { field: "option", type: "nominal", title: "Svar" },
      { field: "text", type: "nominal", title: "Stemmer" }
    ]
  })
  return { name, kind: "closed", title: q.title, description, spec }
}

/** Scales with a distribution: a 100 % bar per statement, low to high, average in the label. */
const closedScaleDistribution = (q: ClosedQuestion, name: string): ChartSpec => {
  const steps = Math.max(...q.options.map((o) => o.distribution?.length ?? 0))
  const palette = DIVERGING[steps] ?? DIVERGING[5]!
  const stepLabels = Array.from({ length: steps }, (_, i) => String(i + 1))
  const avg = (o: ClosedQuestion["options"][number]) => {
    if (o.average !== undefined) return o.average
    const dist = o.distribution ?? []
    const n = dist.reduce((a, b) => a + b, 0)
    return n === 0 ? 0 : dist.reduce((a, c, i) => a + c * (i + 1), 0) / n
  }
  const base = categories(q.options.map((o) => o.label), 38, 2)
  const cats: Categories = {
    keys: base.keys,
    lines: base.lines.map((l, i) => [...l, `gennemsnit ${formatDecimal(avg(q.options[i]!), 1)}`])
  }
  const rows = q.options.flatMap((o, oi) => {
    const dist = o.distribution ?? []
    const n = dist.reduce((a, b) => a + b, 0)
    return dist.map((count, i) => ({
      key: cats.keys[oi]!,
      statement: o.label,
      step: String(i + 1),
      stepIndex: i,
      count,
      share: n === 0 ? 0 : count / n,
      text: n === 0 ? "" : formatPercent(count / n, 0),
      textColor: textColorOn(palette[i % palette.length]!),
      order: oi
    }))
  })
  const subtitle = `Fordeling af svar fra 1 til ${steps}` + (q.respondents !== undefined ? `; ${plural(q.respondents, "person", "personer")} svarede.` : ".")
  const description =
    `Stablet søjlediagram for skalaspørgsmålet "${q.title}". ` +
    q.options
      .map((o) => {
        const dist = o.distribution ?? []
        return `${o.label}: gennemsnit ${formatDecimal(avg(o), 1)}; svar fra 1 til ${steps}: ${dist.map((c) => formatInt(c)).join(", ")}.`
      })
      .join(" ")
  const spec: TopLevelSpec = {
    ...specHead(description, closedTitle(q), subtitle),
    width: 340,
    height: { step: stepFor(cats, 44) },
    data: { values: rows },
    transform: stackedSegments("share", "key", "stepIndex"),
    encoding: {
      y: categoryAxis(cats)
    },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.66 }, stroke: "white", strokeWidth: 1 },
        encoding: {
          x: { field: "x0", type: "quantitative", scale: { domain: [0, 1] }, axis: { format: ".0%", title: null, grid: false, tickCount: 5 } },
          x2: { field: "x1" },
          color: {
            field: "step",
            type: "ordinal",
            scale: { domain: stepLabels, range: palette.slice(0, steps) },
            legend: { title: "Svar", orient: "bottom", direction: "horizontal", symbolStrokeColor: "#9a9a9a", symbolStrokeWidth: 0.5 }
          },
          tooltip: [
            { field: "statement", type: "nominal", title: "Udsagn" },
            { field: "step", type: "nominal", title: "Svar" },
            { field: "count", type: "quantitative", title: "Antal", format: "d" }
          ]
        }
      },
      {
        transform: [{ filter: "datum.share >= 0.1" }],
        mark: { type: "text", baseline: "middle", align: "center", fontSize: 12.5 },
        encoding: {
          x: { field: "mid", type: "quantitative" },
          text: { field: "text", type: "nominal" },
          color: { field: "textColor", type: "nominal", scale: null }
        }
      }
    ],
    config
  }
  return { name, kind: "closed", title: q.title, description, spec }
}

/** Scales without a distribution, or rankings: the average per statement on its scale. */
const closedAverages = (q: ClosedQuestion, name: string): ChartSpec => {
  const cats = categories(q.options.map((o) => o.label), 36, 2)
  const rows = q.options.map((o, i) => ({
    key: cats.keys[i]!,
    option: o.label,
    average: o.average ?? 0,
    text: formatDecimal(o.average ?? 0, 1),
    order: i
  }))
  const top = Math.max(5, ...q.options.map((o) => o.distribution?.length ?? 0), Math.ceil(Math.max(0, ...rows.map((r) => r.average))))
  const what =
    q.type === "ranking"
      ? "Gennemsnitlig placering (1 = øverst, så en kortere søjle betyder en højere placering)"
      : `Gennemsnit på en skala op til ${top}`
  const subtitle = what + (q.respondents !== undefined ? `; ${plural(q.respondents, "person", "personer")} svarede.` : ".")
  const description =
    `Vandret søjlediagram for "${q.title}": ` + rows.map((r) => `${r.option} ${r.text}`).join(", ") + `. ${subtitle}`
  const spec = closedBars(q, cats, rows, description, subtitle, {
    field: "average",
    x: { scale: { domain: [0, top] }, axis: { title: null, tickMinStep: 1, format: "d" } }
  })
  return { name, kind: "closed", title: q.title, description, spec }
}

/** One neutral horizontal bar per option of a closed question, its value written beside it. */
const closedBars = (
  q: ClosedQuestion,
  cats: Categories,
  rows: ReadonlyArray<Record<string, unknown>>,
  description: string,
  subtitle: string,
  value: { readonly field: string; readonly x: Record<string, unknown>; readonly tooltip?: ReadonlyArray<Record<string, unknown>> }
): TopLevelSpec => ({
  ...specHead(description, closedTitle(q), subtitle),
  width: 340,
  height: { step: stepFor(cats, 30) },
  data: { values: [...rows] },
  encoding: {
    y: categoryAxis(cats)
  },
  layer: [
    {
      mark: { type: "bar", color: NEUTRAL, cornerRadiusEnd: 3, height: { band: 0.72 } },
      encoding: {
        x: { field: value.field, type: "quantitative", ...value.x },
        ...(value.tooltip !== undefined ? { tooltip: [...value.tooltip] } : {})
      }
    },
    {
      mark: { type: "text", align: "left", baseline: "middle", dx: 5 },
      encoding: { x: { field: value.field, type: "quantitative" }, text: { field: "text", type: "nominal" } }
    }
  ],
  config
}) as TopLevelSpec

/** The chart that fits the question's data, if any (a question without options has none). */
export const closedChart = (q: ClosedQuestion, name: string): ChartSpec | undefined => {
  if (q.options.length === 0) return undefined
  if (q.type === "scales" && q.options.some((o) => (o.distribution?.length ?? 0) > 1))
    return closedScaleDistribution(q, name)
  if (q.options.some((o) => o.votes !== undefined)) return closedChoices(q, name)
  if (q.options.some((o) => o.average !== undefined)) return closedAverages(q, name)
  return undefined
}
