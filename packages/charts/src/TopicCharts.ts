import { formatInt } from "@udsagn/danish/Format"
import type { ThemeSummary } from "@udsagn/domain/Summary"
import { LEFTOVER_LABEL, type ThemeTopics } from "@udsagn/domain/Topics"
import type { TopLevelSpec } from "vega-lite"
import { categories, categoryAxis, type ChartSpec, config, plural, specHead } from "./ChartKit.js"

// What a theme is made of: its sub-topics (aggregate's Topics.ts) by number of statements,
// biggest first, "Øvrige" last and grey.

const LEFTOVER_COLOR = "#9a9a9a"

/** A theme's sub-topics as bars; undefined when the theme has no named sub-topic. */
export const themeTopicsChart = (t: ThemeSummary, topics: ThemeTopics): ChartSpec | undefined => {
  if (!topics.topics.some((x) => x.label !== LEFTOVER_LABEL)) return undefined
  const title = `Hvad handler det om? ${t.label}`
  const cats = categories(topics.topics.map((x) => x.label), 40, 1)
  const rows = topics.topics.map((x, i) => ({
    key: cats.keys[i]!,
    label: x.label,
    statements: x.statements.length,
    terms: x.terms.slice(0, 4).join(", "),
    color: x.label === LEFTOVER_LABEL ? LEFTOVER_COLOR : t.color,
    order: i
  }))
  const max = Math.max(1, ...rows.map((r) => r.statements))
  const description =
    `Vandret søjlediagram over de emner, temaet ${t.label} består af, og hvor mange af temaets ` +
    `${plural(t.count, "udsagn", "udsagn")} der handler om hvert: ` +
    rows.map((r) => `${r.label} ${formatInt(r.statements)}`).join(", ") +
    "."
  const spec: TopLevelSpec = {
    ...specHead(description, title, [
      "Udsagn grupperet efter de ord, de deler; et udsagn står under ét emne.",
      `Tallet er antal af temaets ${plural(t.count, "udsagn", "udsagn")}. ${LEFTOVER_LABEL}: udsagn uden fælles ord med et emne.`
    ]),
    width: 300,
    height: { step: 26 },
    data: { values: rows },
    encoding: { y: categoryAxis(cats, { labelPadding: 6, labelLimit: 240 }) },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 2, height: { band: 0.7 } },
        encoding: {
          x: { field: "statements", type: "quantitative", scale: { domain: [0, Math.ceil(max * 1.2)] }, axis: null },
          color: { field: "color", type: "nominal", scale: null },
          tooltip: [
            { field: "label", type: "nominal", title: "Emne" },
            { field: "statements", type: "quantitative", title: "Udsagn", format: "d" },
            { field: "terms", type: "nominal", title: "Ord" }
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
  return { name: `topics-${t.theme}`, kind: "topics", title, description, theme: t.theme, spec }
}
