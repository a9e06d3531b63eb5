import { fileURLToPath } from "node:url"

// Repo-relative locations of the project's data. Resolved from this file, not the cwd,
// so every entry point (CLI, web, tests) finds the same files.
const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url))

export const repoRoot = here("../../../")
export const dataDir = here("../../../data/")
export const defaultThemesPath = here("../../../data/themes/default.json")
export const trainingDir = here("../../../data/training/")
export const trainingStatementsPath = here("../../../data/training/statements.csv")
export const sampleExportPath = here("../../../data/samples/menti-konference-2024-12-05.xlsx")
export const reportsDir = here("../../../reports/")
/** The model trained from the training data for the default theme set. */
export const modelPath = here("../../../data/training/model.json")
/** Agreement figures written by `pnpm evaluate` (read by the report's method section). */
export const metricsPath = here("../../../data/training/metrics.json")
