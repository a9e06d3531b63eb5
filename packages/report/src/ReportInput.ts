import type { CategorizedResult, ChartFile, Summary, TopicsFile } from "@udsagn/domain"
import type { CorrectionsUsed } from "@udsagn/domain/Categorization"
import type { FileNames } from "./FileNames.js"
import type { EvaluationMetrics } from "./Metrics.js"

export interface ReportInput {
  readonly result: CategorizedResult
  readonly summary: Summary
  readonly charts: ReadonlyArray<ChartFile>
  readonly outDir: string
  /** Agreement figures; when absent the writer reads data/training/metrics.json if it exists. */
  readonly metrics?: EvaluationMetrics | undefined
  /** What the categorizer learnt from the administration's saved corrections (web runs). */
  readonly corrections?: CorrectionsUsed | undefined
  /** Sub-topics and candidate themes (aggregate's `buildTopics`); built by the writer when absent. */
  readonly topics?: TopicsFile | undefined
  /** What to call statements.xlsx and recommendations.docx (the web app's download names); the names on disk when absent. */
  readonly fileNames?: FileNames | undefined
}
