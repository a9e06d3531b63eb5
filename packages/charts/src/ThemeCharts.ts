import { formatInt, formatPercent, PERCENT_SIGN } from "@udsagn/danish/Format"
import type { Summary, ThemeSummary } from "@udsagn/domain/Summary"
import type { TopLevelSpec } from "vega-lite"
import {
  categories,
  categoryAxis,
  type ChartSpec,
  config,
  lookup,
  plural,
  specHead,
  stackedSegments,
  stepFor,
  textColorOn
} from "./ChartKit.js"

// The charts of the themes: the overview, themes by question, and each theme's key terms.

const MULTI_LABEL = `Et udsagn kan have flere temaer, så andelene kan give mere end 100${PERCENT_SIGN} tilsammen.`

/** Counts and shares of every theme, biggest first, `other` last. */
export const themeOverview = (summary: Summary): ChartSpec => {
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
    ...specHead(description, title, [
      `Antal udsagn pr. tema og andel af alle ${plural(summary.statements, "udsagn", "udsagn")}.`,
      MULTI_LABEL
    ]),
    width: 360,
    height: { step: stepFor(cats, 34) },
    data: { values: rows },
    encoding: {
      y: categoryAxis(cats, { labelFontSize: 14 })
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
export const themeByQuestion = (summary: Summary): ChartSpec => {
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
    ...specHead(description, title, [
      "Antal udsagn med hvert tema pr. spørgsmål.",
      "Et udsagn med flere temaer tælles under hvert af dem, så søjlerne kan være længere end antallet af svar."
    ]),
    width,
    height: { step: stepFor(cats, 40) },
    data: { values: rows },
    transform: stackedSegments("count", "qkey", "order"),
    encoding: {
      y: categoryAxis(cats, { field: "qkey", pinned: true })
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

/** A theme's key terms: how many of its statements use each. */
export const themeTerms = (t: ThemeSummary): ChartSpec => {
  const title = `Nøgleord: ${t.label}`
  // Most used first (the key-term order breaks ties), so the bars read from the top down.
  const terms = t.keyTerms.map((k, i) => ({ k, i })).sort((a, b) => b.k.statements - a.k.statements || a.i - b.i).map(({ k }) => k)
  const cats = categories(terms.map((k) => k.term), 40, 1)
  const rows = terms.map((k, i) => ({ key: cats.keys[i]!, term: k.term, statements: k.statements, order: i }))
  const max = Math.max(1, ...rows.map((r) => r.statements))
  const description =
    `Vandret søjlediagram over de ord og vendinger, der kendetegner temaet ${t.label}, og hvor mange af temaets ` +
    `${plural(t.count, "udsagn", "udsagn")} der bruger dem: ` +
    rows.map((r) => `${r.term} ${formatInt(r.statements)}`).join(", ") +
    "."
  const spec: TopLevelSpec = {
    ...specHead(description, title, [
      "Ord, som deltagerne brugte oftere om dette tema end om de andre.",
      `Tallet er, hvor mange af temaets ${plural(t.count, "udsagn", "udsagn")} der bruger ordet; flest øverst.`
    ]),
    width: 300,
    height: { step: 24 },
    data: { values: rows },
    encoding: {
      y: categoryAxis(cats, { labelPadding: 6, labelLimit: 240 })
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
