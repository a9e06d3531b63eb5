import { FileSystem } from "@effect/platform"
import * as NodeContext from "@effect/platform-node/NodeContext"
import { defaultThemesPath } from "@udsagn/domain/Paths"
import { Data, Effect, Either, ParseResult } from "effect"
import { decodeThemeText, THEME_LIMITS } from "./ThemeFile.js"

/** A theme file that cannot be used; `message` is one Danish line saying what to fix. */
export class ThemeFileError extends Data.TaggedError("ThemeFileError")<{
  readonly path: string
  readonly reason: "missing" | "unreadable" | "invalid-json" | "invalid-schema"
  readonly message: string
  readonly cause?: unknown
}> {}

/** Schema issues as one readable line: "themes.0.id: Expected …; themes.2.terms: …". */
export const formatSchemaIssues = (error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join(".") : "(roden)"}: ${i.message.replace(/\s+/g, " ")}`)
    .join("; ")

export { THEME_LIMITS, themeSetProblems } from "./ThemeFile.js"

/** Reads and decodes a theme file (`data/themes/*.json`). */
export const readThemeFile = Effect.fn("ThemeLoader.readThemeFile")(function* (path: string) {
  const fs = yield* FileSystem.FileSystem
  const fail = (reason: ThemeFileError["reason"], message: string, cause?: unknown) =>
    new ThemeFileError({ path, reason, message, cause })
  const exists = yield* fs.exists(path).pipe(Effect.orElseSucceed(() => false))
  if (!exists) return yield* fail("missing", `Temafilen findes ikke: ${path}. Angiv en eksisterende fil med --themes.`)
  const size = yield* fs.stat(path).pipe(Effect.map((i) => Number(i.size)), Effect.orElseSucceed(() => 0))
  if (size > THEME_LIMITS.bytes) {
    return yield* fail("invalid-schema", `Temafilen ${path} er for stor (${Math.round(size / 1024)} KB; grænsen er ${THEME_LIMITS.bytes / 1024 / 1024} MB).`)
  }
  const text = yield* fs
    .readFileString(path)
    .pipe(Effect.mapError((cause) => fail("unreadable", `Temafilen kunne ikke læses: ${path} (${cause.message}).`, cause)))
  const decoded = decodeThemeText(text)
  if (Either.isLeft(decoded)) {
    return yield* fail(decoded.left.startsWith("filen er ikke gyldig JSON") ? "invalid-json" : "invalid-schema", `Temafilen ${path} kan ikke bruges: ${decoded.left}.`)
  }
  const themeSet = decoded.right
  return themeSet
})

export class ThemeLoader extends Effect.Service<ThemeLoader>()("@udsagn/categorize/ThemeLoader", {
  effect: Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const load = Effect.fn("ThemeLoader.load")(function* (path?: string) {
      return yield* readThemeFile(path ?? defaultThemesPath).pipe(Effect.provideService(FileSystem.FileSystem, fs))
    })
    return { load } as const
  }),
  dependencies: [NodeContext.layer]
}) {}
