import { FileSystem } from "@effect/platform"
import { normalize } from "@udsagn/danish"
import { boundedMemo } from "@udsagn/danish/Memo"
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

const yes = new Set(["ja", "j", "x", "1", "true", "yes"])

/**
 * Parses overrides csv text: `id,text,themes[,note]` (themes joined by `|`), and optionally
 * `exclude` (ja/x/1: leave the statement out) and `redact` (the text to show instead).
 */
const parseCsv = (path: string, text: string): Either.Either<Array<unknown>, OverridesError> => {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true })
  const fields = parsed.meta.fields ?? []
  const hasChange = fields.includes("themes") || fields.includes("exclude") || fields.includes("redact")
  if (!hasChange || (!fields.includes("id") && !fields.includes("text"))) {
    return Either.left(
      new OverridesError({
        path,
        message: `Rettelsesfilen ${path} skal have kolonnerne id (eller text) og themes, exclude eller redact (fandt: ${fields.join(", ")}).`
      })
    )
  }
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!
    return Either.left(new OverridesError({ path, message: `Rettelsesfilen ${path}, række ${(e.row ?? 0) + 2}: ${e.message}.` }))
  }
  return Either.right(
    parsed.data.map((r) => {
      const o: Record<string, unknown> = {}
      const themes = splitThemes(r.themes ?? "")
      if (themes.length > 0) o.themes = themes
      if (yes.has((r.exclude ?? "").trim().toLowerCase())) o.exclude = true
      if (r.redact?.trim()) o.redact = r.redact.trim()
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
  | { readonly _tag: "NothingToDo"; readonly who: string }
  | { readonly _tag: "BadRedact"; readonly who: string }

/** The longest rewritten text a correction may give (the longest statement a form takes). */
export const maxRedactLength = 5000

/**
 * The one check of reviewers' corrections (files, the CLI and the web's API): each needs an id
 * or a text and says what to change (themes, exclude or redact; a rewritten text is not blank),
 * and, when the theme ids are given, only those ids (plus `other`, never combined).
 */
export const findOverrideProblem = (
  overrides: ReadonlyArray<Override>,
  themeIds?: Iterable<string>
): OverrideProblem | undefined => {
  const known = themeIds === undefined ? undefined : [...new Set([...themeIds, OTHER])]
  for (const [index, o] of overrides.entries()) {
    if (!o.id && !o.text) return { _tag: "NoKey", index }
    const who = o.id ? `id ${o.id}` : `"${o.text}"`
    if (o.themes === undefined && o.exclude !== true && o.redact === undefined) return { _tag: "NothingToDo", who }
    if (o.redact !== undefined && (o.redact.trim() === "" || o.redact.length > maxRedactLength)) return { _tag: "BadRedact", who }
    if (known === undefined || o.themes === undefined) continue
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
    case "NothingToDo":
      return `Rettelsen for ${problem.who} siger ikke, hvad der skal rettes: giv themes, "exclude": true eller "redact" med den nye tekst.`
    case "BadRedact":
      return `Rettelsen for ${problem.who} har en tom eller for lang ny tekst (redact, højst ${maxRedactLength} tegn). Vil du udelade udsagnet, så brug "exclude": true.`
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
 * One correction per statement: entries for the same id (or, without an id, the same normalized
 * text) are merged, later fields winning, so `{ id, themes }` and `{ id, redact }` both apply.
 */
export const mergeOverrides = (overrides: ReadonlyArray<Override>): Array<Override> => {
  const merged = new Map<string, Override>()
  for (const o of overrides) {
    const key = o.id !== undefined ? `id:${o.id}` : `text:${normalize(o.text ?? "")}`
    const before = merged.get(key)
    merged.set(key, before === undefined ? o : new Override({ ...before, ...definedFields(o) }, true))
  }
  return [...merged.values()]
}

const definedFields = (o: Override) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<Override>

/**
 * Finds each statement's correction: by id, or else by normalized text (so it also catches the
 * same text in a new export). Ids follow the export layout, the text survives a new export.
 */
export const overrideMatcher = (overrides: ReadonlyArray<Override>) => {
  const byId = new Map<string, Override>()
  const byText = new Map<string, Override>()
  for (const o of mergeOverrides(overrides)) {
    if (o.id) byId.set(o.id, o)
    if (o.text) byText.set(normalize(o.text), o)
  }
  return (s: { readonly id: string; readonly text: string }): Override | undefined =>
    byId.get(s.id) ?? (byText.size === 0 ? undefined : byText.get(textKey(s.text)))
}

// A save matches every statement of the analysis against its corrections, several times (the
// themes, then the reviewer's edits): each text's key is worked out once.
const textKey = boundedMemo(normalize)

/**
 * Applies reviewers' theme corrections after the categorizer. A corrected statement gets the
 * override's themes, `overridden: true` and `needsReview: false`, and keeps what the categorizer
 * found: its evidence (an override entry is added after it) and its confidence, which stays the
 * categorizer's own (the report shows "rettet" instead of it). Leaving out and rewriting texts
 * is `applyReviewerEdits` (the pipeline), after this.
 */
export const applyOverrides = (
  statements: ReadonlyArray<CategorizedStatement>,
  overrides: ReadonlyArray<Override>,
  themeSet: ThemeSet
): Either.Either<Array<CategorizedStatement>, OverridesError> => {
  const invalid = validateOverrides(overrides, themeSet)
  if (invalid) return Either.left(invalid)
  const match = overrideMatcher(overrides)
  return Either.right(
    statements.map((s) => {
      const o = match(s)
      if (!o || o.themes === undefined) return s
      const themes = o.themes as readonly [ThemeId, ...Array<ThemeId>]
      const evidence = [
        ...s.evidence,
        ...themes.map(
          (theme) => new Evidence({ theme, match: s.text, term: o.note ?? "rettet af en person", weight: 1, source: "override" }, true)
        )
      ]
      return new CategorizedStatement({ ...s, themes, evidence, needsReview: false, overridden: true }, true)
    })
  )
}
