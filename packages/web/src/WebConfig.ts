import { Config, Context, Effect, Layer } from "effect"
import { dataLocations, defaultLocations } from "@udsagn/conference-feedback/DataLocations"

export interface WebSettings {
  /** Where analyses are stored, one folder each. */
  readonly reportsDir: string
  /** Largest accepted upload, in bytes. */
  readonly maxUploadBytes: number
  /** How many analyses may run at the same time; the rest wait in line. */
  readonly concurrency: number
}

export const defaultSettings: WebSettings = {
  reportsDir: defaultLocations.reportsDir,
  maxUploadBytes: 50 * 1024 * 1024,
  concurrency: 2
}

export class WebConfig extends Context.Tag("@udsagn/web/WebConfig")<WebConfig, WebSettings>() {
  static readonly layer = (settings: Partial<WebSettings> = {}) =>
    Layer.succeed(WebConfig, { ...defaultSettings, ...settings })

  /**
   * From the environment (`REPORTS_DIR`, `MAX_UPLOAD_MB`, `ANALYSIS_CONCURRENCY`); `overrides`
   * are command-line options, which win over the environment.
   */
  static readonly fromEnvWith = (overrides: Partial<WebSettings>) =>
    Layer.effect(
      WebConfig,
      Effect.gen(function*() {
        const { reportsDir: dir } = yield* dataLocations
        const mb = yield* Config.integer("MAX_UPLOAD_MB").pipe(Config.withDefault(50))
        const concurrency = yield* Config.integer("ANALYSIS_CONCURRENCY").pipe(Config.withDefault(2))
        return { reportsDir: dir, maxUploadBytes: mb * 1024 * 1024, concurrency: Math.max(1, concurrency), ...overrides }
      })
    )

  static readonly fromEnv = WebConfig.fromEnvWith({})
}
