import type { CategorizedResult } from "@udsagn/domain/Analysis"
import type { ClosedQuestion } from "@udsagn/domain/ClosedQuestion"
import type { ChartKind, Summary, ThemeSummary } from "@udsagn/domain/Summary"
import { OTHER } from "@udsagn/domain/Theme"
import type { TopLevelSpec } from "vega-lite"
import { formatDecimal, formatInt, formatPercent, PERCENT_SIGN } from "@udsagn/danish/Format"
import { slugify } from "@udsagn/danish/Slug"
import { daLocale } from "./VegaLocale.js"

/** A chart to write: its file stem, what it shows (for people and screen readers) and the spec. */
export interface ChartSpec {
  /** File stem: `charts/<name>.vl.json`, `.svg`, `.png`. */
  readonly name: string
  readonly title: string
  /** A sentence or two for screen readers; also the SVG's aria-label. */
  readonly description: string
  /** Theme id when the chart belongs to one theme's section of the report. */
  readonly theme?: string
  /** What the chart shows; the report places it by this. */
  readonly kind: ChartKind
  /** For a closed question's chart: the question's index in `CategorizedResult.closedQuestions`. */
  readonly closedQuestion?: number
  readonly spec: TopLevelSpec
}

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
const TEXT = "#1f1f1f"
const MUTED = "#4a4a4a"
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

/** Shared look: Danish locale, a font every machine has, white background, quiet axes. */
const config = {
  locale: daLocale,
  font: "sans-serif",
  background: "white",
  padding: 12,
  view: { stroke: null },
  title: {
    anchor: "start" as const,
    fontSize: 18,
    fontWeight: "bold" as const,
    color: TEXT,
    subtitleFontSize: 13,
    subtitleColor: MUTED,
    subtitlePadding: 6,
    offset: 14
  },
  axis: {
    labelFontSize: 13.5,
    labelColor: TEXT,
    titleFontSize: 13,
    titleColor: MUTED,
    titleFontWeight: "normal" as const,
    gridColor: "#e3e3e3",
    domainColor: "#9a9a9a",
    tickColor: "#9a9a9a"
  },
  legend: {
    labelFontSize: 13.5,
    labelColor: TEXT,
    titleFontSize: 12.5,
    titleColor: MUTED,
    titleFontWeight: "normal" as const,
    symbolType: "square",
    symbolSize: 140,
    labelLimit: 320
  },
  text: { fontSize: 13.5, color: TEXT }
}

/**
 * Greedy word wrap into at most `maxLines` lines of `width` characters; what does not fit
 * ends in "…". Vega draws an array of strings as lines.
 */
export const wrap = (text: string, width: number, maxLines = 3): ReadonlyArray<string> => {
  const words = text.trim().split(/\s+/).filter((w) => w !== "")
  const lines: Array<string> = []
  let line = ""
  for (let word of words) {
    while (word.length > width) {
      if (line !== "") lines.push(line), (line = "")
      lines.push(word.slice(0, width - 1) + "-")
      word = word.slice(width - 1)
    }
    if (line === "") line = word
    else if (line.length + 1 + word.length <= width) line += " " + word
    else lines.push(line), (line = word)
  }
  if (line !== "") lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  const last = kept[maxLines - 1]!
  kept[maxLines - 1] = (last.length > width - 1 ? last.slice(0, width - 1).trimEnd() : last) + "…"
  return kept
}

/** Black or white, whichever reads better on the colour (WCAG contrast). */
export const textColorOn = (hex: string): string => {
  const h = hex.replace("#", "")
  const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h
  const channel = (i: number) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const lum = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
  return (1.05) / (lum + 0.05) >= (lum + 0.05) / 0.05 ? "#ffffff" : "#000000"
}

const LINE_HEIGHT = 16

/**
 * Categories on a nominal scale, keyed `k0`, `k1`, … rather than by their text: vega fails on
 * a category named like an Object.prototype member ("constructor" is a real Danish key term),
 * and two options with the same text stay two bars. Axis and legend show the text.
 */
interface Categories {
  readonly keys: ReadonlyArray<string>
  readonly lines: ReadonlyArray<ReadonlyArray<string>>
}
const categories = (labels: ReadonlyArray<string>, width: number, maxLines: number): Categories => ({
  keys: labels.map((_, i) => `k${i}`),
  lines: labels.map((l) => wrap(l, width, maxLines))
})

// vega resolves some strings (a title, a string literal in an expression) through a plain
// object, so a text that is exactly "constructor" or "toString" breaks the chart. A trailing
// space makes it a different string; vega trims it when drawing.
const PROTO_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype))
const safeText = <A>(value: A): A =>
  (typeof value === "string" && PROTO_NAMES.has(value)
    ? `${value} `
    : Array.isArray(value)
      ? value.map(safeText)
      : value) as A

/** A vega expression giving `values[i]` for the category key in `datum.value`. */
const lookup = (keys: ReadonlyArray<string>, values: ReadonlyArray<unknown>): string =>
  `${JSON.stringify(safeText(values))}[indexof(${JSON.stringify(keys)}, datum.value)]`

/**
 * Axis properties that draw each label as its wrapped lines, centred on its bar: vega starts
 * a multi-line label at the tick, so shift it up by half its extra lines. Text and shift sit
 * in one encode block, since vega-lite's labelExpr would replace a separate `dy`.
 */
const wrappedLabels = (c: Categories) => ({
  labelLineHeight: LINE_HEIGHT,
  encoding: {
    labels: {
      text: { value: { expr: lookup(c.keys, c.lines) } },
      dy: { value: { expr: lookup(c.keys, c.lines.map((l) => -((l.length - 1) * LINE_HEIGHT) / 2)) } }
    }
  }
})

/** Row height that fits the longest wrapped label with some air. */
const stepFor = (c: Categories, min: number): number =>
  Math.max(min, Math.max(1, ...c.lines.map((l) => l.length)) * LINE_HEIGHT + 14)

const plural = (n: number, one: string, many: string) => `${formatInt(n)} ${n === 1 ? one : many}`

const MULTI_LABEL = `Et udsagn kan have flere temaer, så andelene kan give mere end 100${PERCENT_SIGN} tilsammen.`

/** Counts and shares of every theme, biggest first, `other` last. */
const themeOverview = (summary: Summary): ChartSpec => {
  const title = "Temaer i udsagnene"
  const cats = categories(summary.themes.map((t) => t.label), 32, 2)
  const rows = summary.themes.map((t, i) => ({
    key: cats.keys[i]!,
    theme: t.theme,
    label: t.label,
    count: t.count,
    share: t.share,
    text: `${formatInt(t.count)} (${formatPercent(t.share)})`,
    order: i
  }))
  const max = Math.max(1, ...rows.map((r) => r.count))
  const description =
    `Vandret søjlediagram over ${plural(summary.statements, "udsagn", "udsagn")} fordelt på ` +
    `${summary.themes.length} temaer: ` +
    rows.map((r) => `${r.label} ${plural(r.count, "udsagn", "udsagn")} (${formatPercent(r.share)})`).join(", ") +
    `. ${MULTI_LABEL}`
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    description,
    title: {
      text: title,
      subtitle: [`Antal udsagn pr. tema og andel af alle ${plural(summary.statements, "udsagn", "udsagn")}.`, MULTI_LABEL]
    },
    width: 360,
    height: { step: stepFor(cats, 34) },
    data: { values: rows },
    encoding: {
      y: {
        field: "key",
        type: "nominal",
        sort: [...cats.keys],
        axis: { title: null, domain: false, ticks: false, labelPadding: 8, labelLimit: 320, labelFontSize: 14, ...wrappedLabels(cats) }
      }
    },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 3, height: { band: 0.72 } },
        encoding: {
          x: { field: "count", type: "quantitative", scale: { domain: [0, Math.ceil(max * 1.32)] }, axis: null },
          color: {
            field: "key",
            type: "nominal",
            scale: { domain: [...cats.keys], range: summary.themes.map((t) => t.color) },
            legend: null
          },
          tooltip: [
            { field: "label", type: "nominal", title: "Tema" },
            { field: "text", type: "nominal", title: "Udsagn" }
          ]
        }
      },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 5, fontSize: 14 },
        encoding: {
          x: { field: "count", type: "quantitative" },
          text: { field: "text", type: "nominal" }
        }
      }
    ],
    config
  }
  return { name: "theme-overview", kind: "overview", title, description, spec }
}

/** How the themes spread over the questions: one stacked bar per question. */
const themeByQuestion = (summary: Summary): ChartSpec => {
  const title = "Temaer fordelt på spørgsmål"
  const themeCats = categories(summary.themes.map((t) => t.label), 40, 1)
  const themeKey = new Map(summary.themes.map((t, i) => [t.theme as string, themeCats.keys[i]!]))
  const order = new Map(summary.themes.map((t, i) => [t.theme as string, i]))
  const label = new Map(summary.themes.map((t) => [t.theme as string, t.label]))
  const color = new Map(summary.themes.map((t) => [t.theme as string, t.color]))
  // The legend lists only themes that occur.
  const used = summary.themes.filter((t) => summary.matrix.some((c) => c.theme === t.theme && c.count > 0))
  const questions = summary.questions.map((q) => q.title)
  const cats = categories(questions, 34, 3)
  const questionKey = new Map(questions.map((q, i) => [q, cats.keys[i]!]))
  const rows = summary.matrix
    .filter((c) => c.count > 0 && questionKey.has(c.question))
    .map((c) => ({
      qkey: questionKey.get(c.question)!,
      tkey: themeKey.get(c.theme) ?? "k-unknown",
      question: c.question,
      theme: c.theme,
      label: label.get(c.theme) ?? c.theme,
      count: c.count,
      order: order.get(c.theme) ?? 0,
      textColor: textColorOn(color.get(c.theme) ?? "#999999")
    }))
  const totals = questions.map((q) => rows.filter((r) => r.question === q).reduce((a, r) => a + r.count, 0))
  const max = Math.max(1, ...totals)
  const width = 330
  // Numbers only where the segment is wide enough to hold them.
  const minLabel = Math.ceil((max * 22) / width)
  const description =
    `Stablet søjlediagram: for hvert af ${summary.questions.length} spørgsmål antallet af udsagn med hvert tema. ` +
    summary.questions
      .map((q) => {
        const parts = rows.filter((r) => r.question === q.title).map((r) => `${r.label} ${formatInt(r.count)}`)
        return `${q.title}: ${parts.length > 0 ? parts.join(", ") : "ingen udsagn"}.`
      })
      .join(" ") +
    " Et udsagn med flere temaer tælles under hvert af dem."
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    description,
    title: {
      text: title,
      subtitle: [
        "Antal udsagn med hvert tema pr. spørgsmål.",
        "Et udsagn med flere temaer tælles under hvert af dem, så søjlerne kan være længere end antallet af svar."
      ]
    },
    width,
    height: { step: stepFor(cats, 40) },
    data: { values: rows },
    transform: [
      { stack: "count", groupby: ["qkey"], sort: [{ field: "order", order: "ascending" }], as: ["x0", "x1"] },
      { calculate: "(datum.x0 + datum.x1) / 2", as: "mid" }
    ],
    encoding: {
      y: {
        field: "qkey",
        type: "nominal",
        sort: [...cats.keys],
        scale: { domain: [...cats.keys] },
        axis: {
          title: null,
          domain: false,
          ticks: false,
          labelPadding: 8,
          labelLimit: 320,
          ...wrappedLabels(cats)
        }
      }
    },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.7 }, stroke: "white", strokeWidth: 1 },
        encoding: {
          x: {
            field: "x0",
            type: "quantitative",
            scale: { domain: [0, max] },
            axis: { title: "Antal udsagn", format: "d", tickMinStep: 1, grid: true }
          },
          x2: { field: "x1" },
          color: {
            field: "tkey",
            type: "nominal",
            scale: { domain: used.map((t) => themeKey.get(t.theme)!), range: used.map((t) => t.color) },
            legend: {
              title: null,
              orient: "bottom",
              columns: 2,
              direction: "horizontal",
              labelExpr: lookup(themeCats.keys, summary.themes.map((t) => t.label))
            }
          },
          tooltip: [
            { field: "question", type: "nominal", title: "Spørgsmål" },
            { field: "label", type: "nominal", title: "Tema" },
            { field: "count", type: "quantitative", title: "Udsagn", format: "d" }
          ]
        }
      },
      {
        transform: [{ filter: `datum.count >= ${minLabel}` }],
        mark: { type: "text", baseline: "middle", align: "center", fontSize: 12.5 },
        encoding: {
          x: { field: "mid", type: "quantitative" },
          text: { field: "count", type: "quantitative", format: "d" },
          color: { field: "textColor", type: "nominal", scale: null }
        }
      }
    ],
    config
  }
  return { name: "theme-by-question", kind: "matrix", title, description, spec }
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
    $schema: SCHEMA,
    description,
    title: { text: closedTitle(q), subtitle },
    width: 340,
    height: { step: stepFor(cats, 44) },
    data: { values: rows },
    transform: [
      { stack: "share", groupby: ["key"], sort: [{ field: "stepIndex", order: "ascending" }], as: ["x0", "x1"] },
      { calculate: "(datum.x0 + datum.x1) / 2", as: "mid" }
    ],
    encoding: {
      y: {
        field: "key",
        type: "nominal",
        sort: [...cats.keys],
        axis: { title: null, domain: false, ticks: false, labelPadding: 8, labelLimit: 320, ...wrappedLabels(cats) }
      }
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
  $schema: SCHEMA,
  description,
  title: { text: closedTitle(q), subtitle },
  width: 340,
  height: { step: stepFor(cats, 30) },
  data: { values: [...rows] },
  encoding: {
    y: {
      field: "key",
      type: "nominal",
      sort: [...cats.keys],
      axis: { title: null, domain: false, ticks: false, labelPadding: 8, labelLimit: 320, ...wrappedLabels(cats) }
    }
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

const closedChart = (q: ClosedQuestion, name: string): ChartSpec | undefined => {
  if (q.options.length === 0) return undefined
  if (q.type === "scales" && q.options.some((o) => (o.distribution?.length ?? 0) > 1))
    return closedScaleDistribution(q, name)
  if (q.options.some((o) => o.votes !== undefined)) return closedChoices(q, name)
  if (q.options.some((o) => o.average !== undefined)) return closedAverages(q, name)
  return undefined
}

/** A theme's key terms: how many of its statements use each. */
const themeTerms = (t: ThemeSummary): ChartSpec => {
  const title = `Nøgleord: ${t.label}`
  const cats = categories(t.keyTerms.map((k) => k.term), 40, 1)
  const rows = t.keyTerms.map((k, i) => ({ key: cats.keys[i]!, term: k.term, statements: k.statements, order: i }))
  const max = Math.max(1, ...rows.map((r) => r.statements))
  const description =
    `Vandret søjlediagram over de ord og vendinger, der kendetegner temaet ${t.label}, og hvor mange af temaets ` +
    `${plural(t.count, "udsagn", "udsagn")} der bruger dem: ` +
    rows.map((r) => `${r.term} ${formatInt(r.statements)}`).join(", ") +
    "."
  const spec: TopLevelSpec = {
    $schema: SCHEMA,
    description,
    title: {
      text: title,
      subtitle: [
        "Ord, der bruges mere i dette tema end i de andre (TF-IDF).",
        `Tallet er antal af temaets ${plural(t.count, "udsagn", "udsagn")}, der bruger ordet.`
      ]
    },
    width: 300,
    height: { step: 24 },
    data: { values: rows },
    encoding: {
      y: {
        field: "key",
        type: "nominal",
        sort: [...cats.keys],
        axis: { title: null, domain: false, ticks: false, labelPadding: 6, labelLimit: 240, ...wrappedLabels(cats) }
      }
    },
    layer: [
      {
        mark: { type: "bar", color: t.color, cornerRadiusEnd: 2, height: { band: 0.7 } },
        encoding: {
          x: { field: "statements", type: "quantitative", scale: { domain: [0, Math.ceil(max * 1.2)] }, axis: null },
          tooltip: [
            { field: "term", type: "nominal", title: "Ord" },
            { field: "statements", type: "quantitative", title: "Udsagn", format: "d" }
          ]
        }
      },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 4 },
        encoding: { x: { field: "statements", type: "quantitative" }, text: { field: "statements", type: "quantitative", format: "d" } }
      }
    ],
    config
  }
  return { name: `terms-${t.theme}`, kind: "terms", title, description, theme: t.theme, spec }
}

/**
 * Every chart of a report, in reading order: theme overview, theme × question, one per
 * closed question (`closed-<slug>`), then the key terms of each theme (`terms-<theme id>`).
 * Pure and deterministic: the same input gives the same specs.
 */
export const buildChartSpecs = (summary: Summary, result: CategorizedResult): ReadonlyArray<ChartSpec> => {
  const charts: Array<ChartSpec> = [themeOverview(summary)]
  if (summary.questions.length > 0 && summary.matrix.some((c) => c.count > 0)) charts.push(themeByQuestion(summary))
  const used = new Set<string>()
  result.closedQuestions.forEach((q, index) => {
    const base = `closed-${slugify(q.title, 40, "spoergsmaal")}`
    let name = base
    for (let i = 2; used.has(name); i++) name = `${base}-${i}`
    const chart = closedChart(q, name)
    if (chart === undefined) return
    used.add(name)
    charts.push({ ...chart, closedQuestion: index })
  })
  for (const t of summary.themes) {
    if (t.theme === OTHER || t.keyTerms.length === 0) continue
    charts.push(themeTerms(t))
  }
  return charts
}
