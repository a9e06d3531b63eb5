import { fileURLToPath } from "node:url"
import { trainingDir } from "@udsagn/domain/Paths"
import type { ThemeSet } from "@udsagn/domain/Theme"
import { modelKey, themeSetJson, ThemeModel, type ThemeModelData, type TrainingRow } from "./ThemeModel.js"
import { parseLabeledCsv } from "./TrainingData.js"

/** Precomputed model for the default theme set (`pnpm --filter @udsagn/categorize build-model`). */
export const modelPath = `${trainingDir}model.json`
export const buildModelScript = fileURLToPath(new URL("../scripts/build-model.ts", import.meta.url))

/**
 * The model for a theme set and training csv: the stored one when its key matches the inputs
 * (fast start-up), else trained now. Pure apart from the caller's I/O.
 */
export const modelFor = (
  themeSet: ThemeSet,
  trainingCsv: string,
  stored: ThemeModelData | undefined,
  cache?: ReadonlyMap<string, ThemeModel>
): { model: ThemeModel; key: string; fromStore: boolean } => {
  const key = modelKey(themeSetJson(themeSet), trainingCsv)
  const cached = cache?.get(key)
  if (cached) return { model: cached, key, fromStore: true }
  if (stored && stored.key === key) return { model: new ThemeModel(themeSet, stored), key, fromStore: true }
  const rows: ReadonlyArray<TrainingRow> = trainingCsv.length > 0 ? parseLabeledCsv(trainingCsv).rows : []
  return { model: ThemeModel.train(themeSet, rows, key), key, fromStore: false }
}
