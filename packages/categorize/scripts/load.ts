// What every script starts from: the default theme set, the training data, the stored model
// (data/training/model.json, or trained now when it is stale) and gold files.
import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { defaultThemesPath, trainingStatementsPath } from "@udsagn/domain/Paths"
import { ThemeSet } from "@udsagn/domain/Theme"
import type { TrainingRow } from "../src/ModelData.js"
import { decodeStoredModel, modelFor, modelPath } from "../src/ModelStore.js"
import type { ThemeModel } from "../src/ThemeModel.js"
import { parseLabeledCsv } from "../src/TrainingData.js"

export const loadThemeSet = (): ThemeSet => Schema.decodeUnknownSync(ThemeSet)(JSON.parse(readFileSync(defaultThemesPath, "utf8")))

export const loadTrainingCsv = (): string => readFileSync(trainingStatementsPath, "utf8")

export const loadTrainingRows = (): Array<TrainingRow> => parseLabeledCsv(loadTrainingCsv()).rows

export interface Loaded {
  readonly themeSet: ThemeSet
  readonly csv: string
  readonly model: ThemeModel
  /** false: model.json was stale or missing and the model was trained now. */
  readonly fromStore: boolean
}

/** The default model as the categorizer would get it. */
export const loadModel = (): Loaded => {
  const themeSet = loadThemeSet()
  const csv = loadTrainingCsv()
  let stored: string
  try {
    stored = readFileSync(modelPath, "utf8")
  } catch {
    stored = ""
  }
  const { model, fromStore } = modelFor(themeSet, csv, decodeStoredModel(stored))
  return { themeSet, csv, model, fromStore }
}

/** The rows of a labelled csv named on the command line; exits with the usage line without one. */
export const readGold = (path: string | undefined, usage: string): Array<TrainingRow> => {
  if (path === undefined) {
    console.error(`usage: ${usage}`)
    process.exit(2)
  }
  return parseLabeledCsv(readFileSync(path, "utf8")).rows
}
