import * as Paths from "@udsagn/domain/Paths"
import { Config, Effect } from "effect"

/**
 * Where udsagn keeps its data, in one place. Each location can be moved with an environment
 * variable; without one it is today's folder in the project (`reports/`, `data/themes/default.json`,
 * `data/training/…`), resolved from the code, not the current folder, so every entry point agrees.
 * Every reader takes its location from here: the reports folder (CLI analyze, learn, web), the
 * theme file (the pipeline), the model and training data (categorize, learn, the web's
 * retraining) and the metrics (report, evaluate). `@udsagn/domain/Paths` only holds the defaults.
 */
export interface DataLocationsShape {
  /** Finished analyses: `udsagn analyze`'s default output and the web app's storage (`REPORTS_DIR`). */
  readonly reportsDir: string
  /** The theme file used when none is given (`UDSAGN_THEMES_FILE`). */
  readonly themesFile: string
  /** The trained model built from the training data (`UDSAGN_MODEL_FILE`). */
  readonly modelFile: string
  /** Hand-labelled statements the model learns from (`UDSAGN_TRAINING_FILE`). */
  readonly trainingFile: string
  /** Agreement figures written by `udsagn evaluate`, shown in the report (`UDSAGN_METRICS_FILE`). */
  readonly metricsFile: string
}

/** Today's locations in the project, used when no environment variable says otherwise. */
export const defaultLocations: DataLocationsShape = {
  reportsDir: Paths.reportsDir,
  themesFile: Paths.defaultThemesPath,
  modelFile: Paths.modelPath,
  trainingFile: Paths.trainingStatementsPath,
  metricsFile: Paths.metricsPath
}

const location = (name: string, key: keyof DataLocationsShape) =>
  Config.string(name).pipe(Config.withDefault(defaultLocations[key]))

export const dataLocations: Config.Config<DataLocationsShape> = Config.all({
  reportsDir: location("REPORTS_DIR", "reportsDir"),
  themesFile: location("UDSAGN_THEMES_FILE", "themesFile"),
  modelFile: location("UDSAGN_MODEL_FILE", "modelFile"),
  trainingFile: location("UDSAGN_TRAINING_FILE", "trainingFile"),
  metricsFile: location("UDSAGN_METRICS_FILE", "metricsFile")
})

/** The locations as configured, falling back to the defaults (every value has one, so nothing can fail). */
export const currentLocations: Effect.Effect<DataLocationsShape> = dataLocations.pipe(Effect.orElseSucceed(() => defaultLocations))

/** The data locations as a service, so tests can give the pipeline other folders. */
export class DataLocations extends Effect.Service<DataLocations>()("@udsagn/conference-feedback/DataLocations", {
  effect: Effect.map(dataLocations, (locations): DataLocationsShape => locations)
}) {}
