import { Config, Context, Effect, Layer, Option, Redacted } from "effect"
import { hashPassword, type PasswordHash } from "./Access.js"
import { dataLocations, defaultLocations } from "@udsagn/conference-feedback/DataLocations"

export interface WebSettings {
  /** Where analyses are stored, one folder each. */
  readonly reportsDir: string
  /** Largest accepted upload, in bytes. */
  readonly maxUploadBytes: number
  /** How many analyses may run at the same time; the rest wait in line. */
  readonly concurrency: number
  /** One analysis is stopped (and shown as failed) after this long, in milliseconds. */
  readonly analysisTimeoutMs: number
  /** The heap limit of one analysis' child process, in MB. */
  readonly analysisMemoryMb: number
  /** The access password's hash (required when the server listens beyond this computer). */
  readonly password?: PasswordHash | undefined
}

export const defaultSettings: WebSettings = {
  reportsDir: defaultLocations.reportsDir,
  maxUploadBytes: 50 * 1024 * 1024,
  concurrency: 2,
  analysisTimeoutMs: 5 * 60 * 1000,
  analysisMemoryMb: 1024
}

export class WebConfig extends Context.Tag("@udsagn/web/WebConfig")<WebConfig, WebSettings>() {
  static readonly layer = (settings: Partial<WebSettings> = {}) =>
    Layer.succeed(WebConfig, { ...defaultSettings, ...settings })

  /**
   * From the environment (`REPORTS_DIR`, `MAX_UPLOAD_MB`, `ANALYSIS_CONCURRENCY`,
   * `ANALYSIS_TIMEOUT_SECONDS`, `ANALYSIS_MEMORY_MB`, `UDSAGN_PASSWORD`); `overrides` are
   * command-line options, which win over the environment.
   */
  static readonly fromEnvWith = (overrides: Partial<WebSettings>) =>
    Layer.effect(
      WebConfig,
      Effect.gen(function*() {
        const { reportsDir: dir } = yield* dataLocations
        const mb = yield* Config.integer("MAX_UPLOAD_MB").pipe(Config.withDefault(50))
        const concurrency = yield* Config.integer("ANALYSIS_CONCURRENCY").pipe(Config.withDefault(2))
        const timeout = yield* Config.integer("ANALYSIS_TIMEOUT_SECONDS").pipe(Config.withDefault(300))
        const memory = yield* Config.integer("ANALYSIS_MEMORY_MB").pipe(Config.withDefault(1024))
        const password = yield* Config.option(Config.redacted("UDSAGN_PASSWORD"))
        return {
          reportsDir: dir,
          maxUploadBytes: mb * 1024 * 1024,
          concurrency: Math.max(1, concurrency),
          analysisTimeoutMs: Math.max(1, timeout) * 1000,
          analysisMemoryMb: Math.max(128, memory),
          ...(Option.isSome(password) && Redacted.value(password.value) !== "" ? { password: hashPassword(Redacted.value(password.value)) } : {}),
          ...overrides
        }
      })
    )

  static readonly fromEnv = WebConfig.fromEnvWith({})
}
