import type { CategorizedResult } from "@udsagn/domain/Analysis"
import { QuestionSummary, Summary, ThemeQuestionCell } from "@udsagn/domain/Summary"
import { formatInt } from "@udsagn/danish/Format"
import type { TopLevelSpec } from "vega-lite"
import type { ChartSpec } from "./ChartKit.js"
import { themeByQuestion } from "./ThemeCharts.js"

// Several exports in one analysis: the themes of each event as stacked bars, drawn like the
// theme × question chart (same colours, legend and labels) with the events as its rows.

/** The events in the order their files were read, with their statements. */
const eventsOf = (result: CategorizedResult) => {
  const counts = new Map<string, number>()
  for (const s of result.statements) if (s.event !== undefined) counts.set(s.event, (counts.get(s.event) ?? 0) + 1)
  return [...counts.entries()]
}

/** The themes per event, or undefined when the analysis has one event. */
export const themeByEvent = (summary: Summary, result: CategorizedResult): ChartSpec | undefined => {
  const events = eventsOf(result)
  if (events.length < 2) return undefined
  const cells = new Map<string, number>()
  for (const s of result.statements) {
    for (const t of s.themes) cells.set(`${s.event}\u0000${t}`, (cells.get(`${s.event}\u0000${t}`) ?? 0) + 1)
  }
  const byEvent = new Summary({
    ...summary,
    questions: events.map(([event, count]) => new QuestionSummary({ title: event, type: "event", count })),
    matrix: events.flatMap(([event]) =>
      summary.themes.map((t) => new ThemeQuestionCell({ theme: t.theme, question: event, count: cells.get(`${event}\u0000${t.theme}`) ?? 0 }))
    )
  })
  const chart = themeByQuestion(byEvent)
  const title = "Temaer fordelt på arrangementer"
  const description =
    `Stablet søjlediagram: for hvert af ${events.length} arrangementer antallet af udsagn med hvert tema. ` +
    events.map(([event, count]) => {
      const parts = summary.themes
        .map((t) => [t.label, cells.get(`${event}\u0000${t.theme}`) ?? 0] as const)
        .filter(([, n]) => n > 0)
        .map(([label, n]) => `${label} ${formatInt(n)}`)
      return `${event} (${formatInt(count)} udsagn): ${parts.join(", ")}.`
    }).join(" ") +
    " Et udsagn med flere temaer tælles under hvert af dem."
  const spec = JSON.parse(JSON.stringify(chart.spec)) as Record<string, unknown> & { title: Record<string, unknown> }
  const text = JSON.stringify({ ...spec, description, title: { ...spec.title, text: title } })
    // The question chart's words for its rows, said of events.
    .replace(/"Antal udsagn med hvert tema pr\. spørgsmål\."/, JSON.stringify("Antal udsagn med hvert tema i hvert arrangement."))
    .replace(/"title":"Spørgsmål"/, `"title":"Arrangement"`)
  return { name: "theme-by-event", kind: "events", title, description, spec: JSON.parse(text) as TopLevelSpec }
}
