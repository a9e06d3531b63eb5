import { FileSystem } from "@effect/platform"
import { normalize } from "@udsagn/danish"
import { CategorizedStatement, Evidence, Override, OverridesFile } from "@udsagn/domain/Categorization"
import { OTHER, type ThemeId, type ThemeSet } from "@udsagn/domain/Theme"
import { Data, Effect, Either, Schema } from "effect"
import Papa from "papaparse"
import { formatSchemaIssues } from "./ThemeLoader.js"
import { splitThemes } from "./TrainingData.js"

/** An overrides file that cannot be used; `message` is one Danish line. */
export class OverridesError extends Data.TaggedError("OverridesError")<{
  readonly path: string
  readonly message: string
  readonly cause?: unknown
}> {}

/** Parses overrides csv text (`id,text,themes[,note]`, themes joined by `|`). */
const parseCsv = (path: string, text: string): Either.Either<Array<unknown>, OverridesError> => {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true })
  const fields = parsed.meta.fields ?? []
  if (!fields.includes("themes") || (!fields.includes("id") && !fields.includes("text"))) {
    return Either.left(
      new OverridesError({ path, message: `Rettelsesfilen ${path} skal have kolonnerne id, text og themes (fandt: ${fields.join(", ")}).` })
    )
  }
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!
    return Either.left(new OverridesError({ path, message: `Rettelsesfilen ${path}, række ${(e.row ?? 0) + 2}: ${e.message}.` }))
  }
  return Either.right(
    parsed.data.map((r) => {
      const o: Record<string, unknown> = { themes: splitThemes(r.themes ?? "") }
      if (r.id?.trim()) o.id = r.id.trim()
      if (r.text?.trim()) o.text = r.text.trim()
      if (r.note?.trim()) o.note = r.note.trim()
      return o
    })
  )
}

/** Reads a reviewer's overrides: csv (`id,text,themes`) or a json array of `Override`. */
export const loadOverrides = Effect.fn("Overrides.load")(function* (path: string) {
  const fs = yield* FileSystem.FileSystem
  const text = yield* fs
    .readFileString(path)
    .pipe(Effect.mapError((cause) => new OverridesError({ path, message: `Rettelsesfilen kunne ikke læses: ${path} (${cause.message}).`, cause })))
  const raw = path.toLowerCase().endsWith(".json")
    ? yield* Effect.try({
        try: () => JSON.parse(text) as unknown,
        catch: (cause) => new OverridesError({ path, message: `Rettelsesfilen er ikke gyldig JSON: ${path}.`, cause })
      })
    : yield* parseCsv(path, text)
  const overrides = yield* Schema.decodeUnknown(OverridesFile)(raw, { errors: "all" }).pipe(
    Effect.mapError((cause) => new OverridesError({ path, message: `Rettelsesfilen ${path} har fejl: ${formatSchemaIssues(cause)}.`, cause }))
  )
  const problem = findOverrideProblem(overrides)
  if (problem) return yield* new OverridesError({ path, message: describeOverrideProblem(problem, path) })
  return overrides
})

/** What is wrong with a list of corrections, as data; `describeOverrideProblem` words it. */
export type OverrideProblem =
  | { readonly _tag: "NoKey"; readonly index: number }
  | { readonly _tag: "UnknownThemes"; readonly who: string; readonly unknown: ReadonlyArray<string>; readonly known: ReadonlyArray<string> }
  | { readonly _tag: "OtherCombined"; readonly who: string }

/**
 * The one check of reviewers' corrections (files, the CLI and the web's API): each needs an id
 * or a text, and, when the theme ids are given, only those ids (plus `other`, never combined).
 */
export const findOverrideProblem = (
  overrides: ReadonlyArray<Override>,
  themeIds?: Iterable<string>
): OverrideProblem | undefined => {
  const known = themeIds === undefined ? undefined : [...new Set([...themeIds, OTHER])]
  for (const [index, o] of overrides.entries()) {
    if (!o.id && !o.text) return { _tag: "NoKey", index }
    if (known === undefined) continue
    const who = o.id ? `id ${o.id}` : `"${o.text}"`
    const unknown = o.themes.filter((t) => !known.includes(t))
    if (unknown.length > 0) return { _tag: "UnknownThemes", who, unknown, known }
    if (o.themes.includes(OTHER) && o.themes.length > 1) return { _tag: "OtherCombined", who }
  }
  return undefined
}

/** One Danish line for a problem; `file` names the overrides file it came from. */
export const describeOverrideProblem = (problem: OverrideProblem, file?: string): string => {
  switch (problem._tag) {
    case "NoKey":
      return file === undefined
        ? `Rettelse nr. ${problem.index + 1} har hverken id eller tekst.`
        : `Rettelsesfilen ${file}: rettelse nr. ${problem.index + 1} har hverken id eller tekst.`
    case "UnknownThemes":
      return `Rettelsen for ${problem.who} bruger ukendte temaer: ${problem.unknown.join(", ")}. Kendte temaer: ${problem.known.join(", ")}.`
    case "OtherCombined":
      return `Rettelsen for ${problem.who} kombinerer "${OTHER}" med andre temaer.`
  }
}

/** Unknown theme ids, `other` combined with a theme, or neither id nor text: a clear error before anything is changed. */
export const validateOverrides = (
  overrides: ReadonlyArray<Override>,
  themeSet: ThemeSet,
  path = "rettelser"
): OverridesError | undefined => {
  const problem = findOverrideProblem(overrides, themeSet.themes.map((t) => t.id as string))
  return problem && new OverridesError({ path, message: describeOverrideProblem(problem) })
}

/**
 * Applies reviewers' corrections after the categorizer: an override matches a statement by id,
 * or else by normalized text (so it also catches the same text in a new export). Matched
 * statements get the override's themes, `overridden: true`, override evidence, confidence 1.
 */
export const applyOverrides = (
  statements: ReadonlyArray<CategorizedStatement>,
  overrides: ReadonlyArray<Override>,
  themeSet: ThemeSet
): Either.Either<Array<CategorizedStatement>, OverridesError> => {
  const invalid = validateOverrides(overrides, themeSet)
  if (invalid) return Either.left(invalid)
  const byId = new Map<string, Override>()
  const byText = new Map<string, Override>()
  for (const o of overrides) {
    if (o.id) byId.set(o.id, o)
    // Text too, even with an id: ids follow the export layout, the text survives a new export.
    if (o.text) byText.set(normalize(o.text), o)
  }
  return Either.right(
    statements.map((s) => {
      const o = byId.get(s.id) ?? byText.get(normalize(s.text))
      if (!o) return s
      const themes = o.themes as readonly [ThemeId, ...Array<ThemeId>]
      const evidence = themes.map(
        (theme) => new Evidence({ theme, match: s.text, term: o.note ?? "rettet af en person", weight: 1, source: "override" }, true)
      )
      return new CategorizedStatement({ ...s, themes, evidence, confidence: 1, needsReview: false, overridden: true }, true)
    })
  )
}
