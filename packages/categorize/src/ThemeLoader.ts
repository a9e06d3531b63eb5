import { FileSystem } from "@effect/platform"
import { NodeContext } from "@effect/platform-node"
import { defaultThemesPath } from "@udsagn/domain/Paths"
import { OTHER, ThemeSet } from "@udsagn/domain/Theme"
import { Data, Effect, ParseResult, Schema } from "effect"

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

/**
 * Bounds on a theme file, so one file cannot make every analysis slow (a file of a million terms
 * or 2,000 themes did). The default file has 4 themes and about 750 terms, exclusions and examples.
 */
export const THEME_LIMITS = { bytes: 2 * 1024 * 1024, themes: 50, entries: 20_000, entryLength: 500 } as const

/** Checks the schema cannot express: unique ids, no explicit `other`, at least one theme, the limits. */
export const themeSetProblems = (themeSet: ThemeSet): Array<string> => {
  const problems: Array<string> = []
  if (themeSet.themes.length === 0) problems.push("filen har ingen temaer")
  if (themeSet.themes.length > THEME_LIMITS.themes) {
    problems.push(`filen har ${themeSet.themes.length} temaer; der må højst være ${THEME_LIMITS.themes}`)
  }
  const entries = themeSet.themes.flatMap((t) => [...t.terms.map((w) => w.term), ...t.exclusions, ...t.examples])
  if (entries.length > THEME_LIMITS.entries) {
    problems.push(`filen har ${entries.length} ord, udelukkelser og eksempler; der må højst være ${THEME_LIMITS.entries}`)
  }
  const long = entries.find((e) => e.length > THEME_LIMITS.entryLength)
  if (long !== undefined) problems.push(`et ord eller eksempel er over ${THEME_LIMITS.entryLength} tegn (»${long.slice(0, 40)}…«)`)
  const seen = new Set<string>()
  for (const t of themeSet.themes) {
    if (t.id === OTHER) problems.push(`temaet "${OTHER}" er indbygget og må ikke stå i filen (brug otherLabel)`)
    if (seen.has(t.id)) problems.push(`tema-id "${t.id}" står to gange`)
    seen.add(t.id)
  }
  return problems
}

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
  const json = yield* Effect.try({
    try: () => JSON.parse(text) as unknown,
    catch: (cause) =>
      fail("invalid-json", `Temafilen er ikke gyldig JSON: ${path} (${cause instanceof Error ? cause.message : String(cause)}).`, cause)
  })
  const themeSet = yield* Schema.decodeUnknown(ThemeSet)(json, { errors: "all" }).pipe(
    Effect.mapError((cause) => fail("invalid-schema", `Temafilen ${path} har fejl: ${formatSchemaIssues(cause)}.`, cause))
  )
  const problems = themeSetProblems(themeSet)
  if (problems.length > 0) return yield* fail("invalid-schema", `Temafilen ${path} har fejl: ${problems.join("; ")}.`)
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
