// A categorizer thread (ParallelCategorize.ts starts it). A plain module that imports neither
// Effect nor the domain classes, so a thread is ready in a moment: run from the sources under
// tsx, or compiled as its own entry (`categorize-worker.cjs` of a build). It rebuilds the
// scorer from the model's data once, then answers batches of texts with plain categorizations.
import type { ThemeSet } from "@udsagn/domain/Theme"
import { parentPort, workerData } from "node:worker_threads"
import type { ThemeModelData } from "./ModelData.js"
import { categorizeWith } from "./TextCategorizer.js"
import { ThemeScorer } from "./ThemeScorer.js"

export interface WorkerSetup {
  /** The theme set as a structured clone: its fields, which is all the scorer reads. */
  readonly themeSet: ThemeSet
  readonly model: ThemeModelData
}

export interface WorkerBatch {
  readonly batch: number
  readonly texts: ReadonlyArray<string>
}

if (parentPort !== null) {
  const port = parentPort
  const setup = workerData as WorkerSetup
  const scorer = new ThemeScorer(setup.themeSet, setup.model)
  port.on("message", (message: WorkerBatch) => {
    try {
      port.postMessage({ batch: message.batch, results: message.texts.map((text) => categorizeWith(scorer, text)) })
    } catch (e) {
      port.postMessage({ batch: message.batch, error: String(e instanceof Error ? (e.stack ?? e.message) : e) })
    }
  })
  port.postMessage({ ready: true })
}
