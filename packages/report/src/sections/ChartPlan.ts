import type { ChartFile } from "@udsagn/domain"

// Where each chart goes in the report.

export interface ChartPlan {
  readonly overview: ReadonlyArray<ChartFile>
  readonly matrix: ReadonlyArray<ChartFile>
  readonly byTheme: ReadonlyMap<string, ReadonlyArray<ChartFile>>
  readonly closed: ReadonlyArray<ChartFile>
  /** Themes per event (several exports in one analysis). */
  readonly events: ReadonlyArray<ChartFile>
}

/** Which section each chart belongs to: the charts stage says what each chart is. */
export const planCharts = (charts: ReadonlyArray<ChartFile>): ChartPlan => {
  const overview: Array<ChartFile> = []
  const matrix: Array<ChartFile> = []
  const closed: Array<ChartFile> = []
  const events: Array<ChartFile> = []
  const byTheme = new Map<string, Array<ChartFile>>()
  for (const c of charts) {
    switch (c.kind) {
      case "overview":
        overview.push(c)
        break
      case "matrix":
        matrix.push(c)
        break
      case "closed":
        closed.push(c)
        break
      case "events":
        events.push(c)
        break
      case "topics":
      case "terms":
        // A terms chart without a theme has no section of its own; it goes with the other figures.
        if (c.theme !== undefined) byTheme.set(c.theme, [...(byTheme.get(c.theme) ?? []), c])
        else closed.push(c)
        break
    }
  }
  return { overview, matrix, byTheme, closed, events }
}
