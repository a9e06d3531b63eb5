import { Command, Options } from "@effect/cli"
import { FileSystem, Path } from "@effect/platform"
import { applyOverrides, csvCell, loadOverrides, modelFor, normalize, parseLabeledCsv, ThemeLoader } from "@udsagn/categorize"
import { learningDir, readCorrections, recordCorrections, themeSetKey, writeCorrections } from "@udsagn/categorize/Corrections"
import { currentLocations } from "@udsagn/domain/DataLocations"
import { type CategorizedStatement, StatementsFile } from "@udsagn/domain/Categorization"
import type { ThemeSet } from "@udsagn/domain/Theme"
import { Console, Data, Effect, Either, Option, Schema } from "effect"
import { resolveUserPath } from "../Paths.js"

export class LearnError extends Data.TaggedError("LearnError")<{ readonly message: string; readonly cause?: unknown }> {}

/**
 * New training rows from reviewed statements: only overridden ones (a person decided them),
 * skipping texts the training data already has (by normalized text) and repeats among them.
 * Ids continue the `r0001` series of reviewed rows.
 */
export const trainingRowsFrom = (
  reviewed: ReadonlyArray<CategorizedStatement>,
  existingCsv: string
): { lines: Array<string>; skipped: number } => {
  const existing = parseLabeledCsv(existingCsv).rows
  const seen = new Set(existing.map((r) => normalize(r.text)))
  let next =
    existing.reduce((max, r) => {
      const m = /^r(\d+)$/.exec(r.id)
      return m ? Math.max(max, Number(m[1])) : max
    }, 0) + 1
  const lines: Array<string> = []
  let skipped = 0
  for (const s of reviewed) {
    if (!s.overridden) continue
    const key = normalize(s.text)
    if (key.length === 0 || seen.has(key)) {
      skipped++
      continue
    }
    seen.add(key)
    const id = `r${String(next++).padStart(4, "0")}`
    lines.push([id, s.question, s.text, s.themes.join("|")].map(csvCell).join(","))
  }
  return { lines, skipped }
}

export const learn = Effect.fn("Learn.run")(function* (args: {
  readonly statements: string
  readonly overrides: Option.Option<string>
  readonly themes: Option.Option<string>
  readonly training: Option.Option<string>
  readonly reportsDir: Option.Option<string>
}) {
  const fs = yield* FileSystem.FileSystem
  const { modelFile: modelPath, trainingFile: trainingStatementsPath } = yield* currentLocations
  const trainingPath = Option.match(args.training, { onNone: () => trainingStatementsPath, onSome: resolveUserPath })
  const path = resolveUserPath(args.statements)
  const text = yield* fs
    .readFileString(path)
    .pipe(Effect.mapError((cause) => new LearnError({ message: `Kunne ikke læse ${path} (${cause.message}).`, cause })))
  const json = yield* Effect.try({
    try: () => JSON.parse(text) as unknown,
    catch: (cause) => new LearnError({ message: `${path} er ikke gyldig JSON.`, cause })
  })
  let statements: ReadonlyArray<CategorizedStatement> = yield* Schema.decodeUnknown(StatementsFile)(json).pipe(
    Effect.mapError((cause) => new LearnError({ message: `${path} er ikke en statements.json fra udsagn analyze.`, cause }))
  )
  const themeSet = yield* (yield* ThemeLoader).load(Option.getOrUndefined(Option.map(args.themes, resolveUserPath)))
  if (Option.isSome(args.overrides)) {
    const overrides = yield* loadOverrides(resolveUserPath(args.overrides.value))
    const applied = applyOverrides(statements, overrides, themeSet)
    if (Either.isLeft(applied)) return yield* applied.left
    statements = applied.right
  }
  const existingCsv = yield* fs.readFileString(trainingPath).pipe(
    Effect.mapError((cause) => new LearnError({ message: `Kunne ikke læse træningsdata ${trainingPath} (${cause.message}).`, cause }))
  )
  const { lines, skipped } = trainingRowsFrom(statements, existingCsv)
  if (lines.length > 0) {
    const sep = existingCsv.length === 0 || existingCsv.endsWith("\n") ? "" : "\n"
    const header = existingCsv.length === 0 ? "id,question,text,themes\n" : ""
    yield* fs
      .writeFileString(trainingPath, header + sep + lines.join("\n") + "\n", { flag: "a" })
      .pipe(Effect.mapError((cause) => new LearnError({ message: `Kunne ikke skrive ${trainingPath} (${cause.message}).`, cause })))
  }
  const reviewed = statements.filter((s) => s.overridden).length
  yield* Console.log(`${lines.length} rettede udsagn føjet til træningsdata (${reviewed} rettede i alt, ${skipped} fandtes allerede).`)
  yield* rememberCorrections(statements, themeSet, args.reportsDir)
  if (lines.length > 0 && trainingPath === trainingStatementsPath) {
    // Retrain the default model now, so the next run starts fast with the corrections learned.
    const themeSet = yield* (yield* ThemeLoader).load()
    const csv = yield* fs.readFileString(trainingPath).pipe(
      Effect.mapError((cause) => new LearnError({ message: `Kunne ikke læse træningsdata ${trainingPath} (${cause.message}).`, cause }))
    )
    const { model } = modelFor(themeSet, csv, undefined)
    yield* fs
      .writeFileString(modelPath, JSON.stringify(model.data) + "\n")
      .pipe(Effect.mapError((cause) => new LearnError({ message: `Kunne ikke skrive ${modelPath} (${cause.message}).`, cause })))
    yield* Console.log(`Modellen er trænet forfra med rettelserne (${model.data.trainingRows} udsagn) og gemt i ${modelPath}.`)
  }
  return lines.length
})

/**
 * The same memory the web app keeps (`<reports>/laering/corrections.json`, see
 * categorize/Corrections.ts): later analyses in the web app with this theme set follow these corrections.
 */
const rememberCorrections = (
  statements: ReadonlyArray<CategorizedStatement>,
  themeSet: ThemeSet,
  reportsDirOption: Option.Option<string>
) =>
  Effect.gen(function*() {
    const path = yield* Path.Path
    const fromConfig = (yield* currentLocations).reportsDir
    const dir = learningDir(path, Option.match(reportsDirOption, { onNone: () => fromConfig, onSome: resolveUserPath }))
    const fresh = statements.filter((s) => s.overridden).map((s) => ({ text: s.text, themes: s.themes }))
    if (fresh.length === 0) return
    const existing = yield* readCorrections(dir)
    const next = recordCorrections(existing, fresh, { themeSet: themeSetKey(themeSet), now: new Date().toISOString() })
    yield* writeCorrections(dir, next)
    yield* Console.log(`${fresh.length} rettelser husket i ${path.join(dir, "corrections.json")}; nye analyser i webappen følger dem.`)
  }).pipe(Effect.mapError((cause) => new LearnError({ message: cause.message, cause })))

export const learnCommand = Command.make(
  "learn",
  {
    statements: Options.text("statements").pipe(Options.withDescription("statements.json fra en kørsel (rettede udsagn har overridden: true)")),
    overrides: Options.text("overrides").pipe(Options.withDescription("Rettelsesfil (csv id,text,themes eller json), anvendes først"), Options.optional),
    themes: Options.text("themes").pipe(Options.withDescription("Temafil; standard: data/themes/default.json"), Options.optional),
    training: Options.text("training").pipe(Options.withDescription("Træningsdata (csv); standard: data/training/statements.csv"), Options.optional),
    reportsDir: Options.text("reports-dir").pipe(
      Options.withDescription("Webappens mappe; rettelserne huskes i <mappe>/laering (standard: REPORTS_DIR eller reports/)"),
      Options.optional
    )
  },
  (args) => learn(args).pipe(Effect.asVoid, Effect.provide(ThemeLoader.Default))
).pipe(Command.withDescription("Føj en persons rettelser til træningsdata, så de huskes næste gang."))
