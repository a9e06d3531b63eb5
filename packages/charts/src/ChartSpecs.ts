import type { CategorizedResult } from "@udsagn/domain/Analysis"
import type { Summary } from "@udsagn/domain/Summary"
import { OTHER } from "@udsagn/domain/Theme"
import type { TopicsFile } from "@udsagn/domain/Topics"
import { slugify } from "@udsagn/danish/Slug"
import type { ChartSpec } from "./ChartKit.js"
import { closedChart } from "./ClosedCharts.js"
import { themeByEvent } from "./EventCharts.js"
import { themeByQuestion, themeOverview, themeTerms } from "./ThemeCharts.js"
import { themeTopicsChart } from "./TopicCharts.js"

export type { ChartSpec } from "./ChartKit.js"

/**
 * Every chart of a report, in reading order: theme overview, theme × question, one per
 * closed question (`closed-<slug>`), then the key terms of each theme (`terms-<theme id>`) and,
 * given the topics, its sub-topics (`topics-<theme id>`).
 * Pure and deterministic: the same input gives the same specs.
 */
export const buildChartSpecs = (
  summary: Summary,
  result: CategorizedResult,
  topics?: TopicsFile
): ReadonlyArray<ChartSpec> => {
  const charts: Array<ChartSpec> = [themeOverview(summary)]
  if (summary.questions.length > 0 && summary.matrix.some((c) => c.count > 0)) charts.push(themeByQuestion(summary))
  const events = themeByEvent(summary, result)
  if (events !== undefined) charts.push(events)
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
  for (const t of summary.themes) {
    const mine = topics?.themes.find((x) => x.theme === t.theme)
    const chart = mine === undefined ? undefined : themeTopicsChart(t, mine)
    if (chart !== undefined) charts.push(chart)
  }
  return charts
}
