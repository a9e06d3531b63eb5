import { FileSystem, Path } from "@effect/platform"
import * as NodeContext from "@effect/platform-node/NodeContext"
import { CategorizedStatement } from "@udsagn/domain/Categorization"
import { made } from "@udsagn/domain/Made"
import { currentLocations } from "@udsagn/domain/DataLocations"
import type { Statement } from "@udsagn/domain/Statement"
import type { ThemeSet } from "@udsagn/domain/Theme"
import { Effect, Option } from "effect"
import {
  applyCorrectionMemory,
  CorrectionIndex,
  modelsDir,
  writeAtomic,
  CorrectionsUsed,
  readCorrections,
  readRetrainedModel,
  readyRetrained,
  themeSetKey
} from "./Corrections.js"
import { withLearnedTerms } from "./LearnedTerms.js"
import { modelKey, themeSetJson } from "./ModelKey.js"
import { decodeStoredModel, modelFor } from "./ModelStore.js"
import { withinReviewBudget } from "./ReviewModel.js"
import { categorizeTexts } from "./ParallelCategorize.js"
import { type TextCategorization, ThemeModel } from "./ThemeModel.js"

/** Models trained for theme sets other than model.json's kept in the web app's cache (see `model`). */
const keptBaseModels = 5

/** Categorizes one statement with a trained model (pure). */
export const categorizeStatement = (model: ThemeModel, s: Statement): CategorizedStatement =>
  categorizedStatement(s, model.categorizeText(s.text))

/** A statement with its text's categorization. */
export const categorizedStatement = (s: Statement, c: TextCategorization): CategorizedStatement => {
  // Fields copied one by one (a spread of a class instance is several times slower), and built by
  // our own code from decoded statements: no re-validation (it costs more than categorizing).
  const fields: ConstructorParameters<typeof CategorizedStatement>[0] = {
    id: s.id,
    question: s.question,
    questionType: s.questionType,
    source: s.source,
    rawText: s.rawText,
    text: s.text,
    ...(s.session !== undefined ? { session: s.session } : {}),
    ...(s.participant !== undefined ? { participant: s.participant } : {}),
    ...(s.date !== undefined ? { date: s.date } : {}),
    ...(s.upvotes !== undefined ? { upvotes: s.upvotes } : {}),
    ...(s.duplicateOf !== undefined ? { duplicateOf: s.duplicateOf } : {}),
    ...(s.event !== undefined ? { event: s.event } : {}),
    themes: c.themes,
    scores: c.scores,
    evidence: c.evidence,
    confidence: c.confidence,
    needsReview: c.needsReview,
    overridden: false
  }
  return made(CategorizedStatement, fields)
}

/** Over the review budget: the more confident of the flagged are unflagged (new objects, not mutated). */
const withinBudget = (categorized: ReadonlyArray<CategorizedStatement>): Array<CategorizedStatement> => {
  const keep = withinReviewBudget(categorized)
  return categorized.map((c, i) => (c.needsReview && !keep.has(i) ? new CategorizedStatement({ ...c, needsReview: false }, true) : c))
}

export class Categorizer extends Effect.Service<Categorizer>()("@udsagn/categorize/Categorizer", {
  effect: Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    // One model per (theme set, training data): training happens at most once per run.
    const cache = new Map<string, ThemeModel>()
    const byThemeSet = new WeakMap<ThemeSet, ThemeModel>()

    const readOptional = (path: string) =>
      fs.readFileString(path).pipe(
        Effect.catchAll((e) =>
          e._tag === "SystemError" && e.reason === "NotFound"
            ? Effect.succeed("")
            : Effect.logWarning(`Kunne ikke læse ${path}: ${e.message}`).pipe(Effect.as(""))
        )
      )

    /**
     * The model for a theme set: model.json when it was built for it, else trained now. With
     * `cacheDir` (the web app's `laering/modeller`), a model trained for another theme set (one
     * saved on the page Temaer) is kept there as `base-<key>.model.json`, so the next analysis
     * with the same themes does not train again.
     */
    const model = Effect.fn("Categorizer.model")(function* (themeSet: ThemeSet, cacheDir?: string) {
      const known = byThemeSet.get(themeSet)
      if (known) return known
      const { modelFile, trainingFile } = yield* currentLocations
      const csv = yield* readOptional(trainingFile)
      if (csv.length === 0) yield* Effect.logWarning("Ingen træningsdata fundet: kategoriserer kun med temafilens ord og eksempler.")
      const storedText = yield* readOptional(modelFile)
      let stored = decodeStoredModel(storedText)
      if (storedText.length > 0 && stored === undefined) {
        yield* Effect.logWarning(`${modelFile} er ikke en gyldig modelfil; modellen trænes forfra.`)
      }
      const key = modelKey(themeSetJson(themeSet), csv)
      const cacheFile = cacheDir !== undefined && stored?.key !== key && !cache.has(key) ? path.join(cacheDir, `base-${key}.model.json`) : undefined
      if (cacheFile !== undefined) {
        const cached = decodeStoredModel(yield* readOptional(cacheFile))
        if (cached?.key === key) stored = cached
      }
      const result = modelFor(themeSet, csv, stored, cache)
      if (cacheFile !== undefined && !result.fromStore) {
        yield* writeBaseModel(cacheFile, result.model.data).pipe(
          Effect.catchAll((e) => Effect.logWarning(`Modellen kunne ikke gemmes til næste gang: ${e.message}`))
        )
      }
      cache.set(result.key, result.model)
      byThemeSet.set(themeSet, result.model)
      yield* Effect.logDebug(result.fromStore ? "model indlæst fra model.json" : "model trænet")
      return result.model
    })

    /**
     * Every statement categorized, in order: on all cores for large inputs (ParallelCategorize.ts).
     * Should the threads fail, this thread does the work (with a warning): same result, slower.
     */
    const categorizeAll = (m: ThemeModel, statements: ReadonlyArray<Statement>) =>
      Effect.tryPromise(() => categorizeTexts(m, statements.map((s) => s.text))).pipe(
        Effect.catchAll((e) =>
          Effect.logWarning(`Kategorisering i tråde mislykkedes; fortsætter i én tråd: ${String(e.cause)}`).pipe(
            Effect.as(statements.map((s) => m.categorizeText(s.text)))
          )
        ),
        Effect.map((results) => statements.map((s, i) => categorizedStatement(s, results[i]!)))
      )

    const categorize = Effect.fn("Categorizer.categorize")(function* (
      statements: ReadonlyArray<Statement>,
      themeSet: ThemeSet
    ) {
      const m = yield* model(themeSet)
      return withinBudget(yield* categorizeAll(m, statements))
    })

    // Retrained models read from the corrections folder, by file name (the name is its key).
    const retrained = new Map<string, ThemeModel>()

    /**
     * Categorizes with what the saved corrections in `learning.dir` teach (see Corrections.ts):
     * the newest ready model retrained with them, and the memory of corrected texts. Only
     * corrections saved before `learning.before` count (an analysis learns from earlier ones).
     */
    const categorizeLearning = Effect.fn("Categorizer.categorizeLearning")(function* (
      statements: ReadonlyArray<Statement>,
      themeSet: ThemeSet,
      learning: { readonly dir: string; readonly before?: string | undefined }
    ) {
      const base = yield* model(themeSet, modelsDir(path, learning.dir))
      const setKey = themeSetKey(themeSet)
      const files = <A, E>(effect: Effect.Effect<A, E, FileSystem.FileSystem | Path.Path>) =>
        effect.pipe(Effect.provideService(FileSystem.FileSystem, fs), Effect.provideService(Path.Path, path))
      // A damaged memory must not stop the analysis: it runs as without corrections, with a warning.
      const saved = yield* files(readCorrections(learning.dir)).pipe(
        Effect.catchTag("CorrectionsError", (e) => Effect.logWarning(e.message).pipe(Effect.as([])))
      )
      const eligible = saved.filter(
        (c) => c.themeSet === setKey && (learning.before === undefined || c.createdAt < learning.before)
      )
      const ready = eligible.length > 0 ? yield* files(readyRetrained(learning.dir, base.data.key, eligible)) : undefined
      let m = base
      if (ready) {
        const known = retrained.get(ready.name)
        const data = known ? undefined : yield* files(readRetrainedModel(learning.dir, ready.name))
        // The words the corrections taught are theme terms of this model (as it was trained).
        m = known ?? (data ? new ThemeModel(withLearnedTerms(themeSet, ready.meta.learnedTerms), data) : base)
        if (!known && m !== base) {
          retrained.set(ready.name, m)
          // Each correction gives a newer model: keep only the last few in memory.
          for (const old of [...retrained.keys()].slice(0, -3)) retrained.delete(old)
        }
      }
      const categorized = yield* categorizeAll(m, statements)
      const byStatement = new Map(statements.map((s, i) => [s, categorized[i]!]))
      const applied = applyCorrectionMemory(statements, (s) => byStatement.get(s) ?? categorizeStatement(m, s), new CorrectionIndex(eligible))
      const used = new CorrectionsUsed({
        corrections: eligible.length,
        retrainedWith: m === base ? 0 : (ready?.meta.correctionIds.length ?? 0),
        followedExact: applied.exact,
        followedNear: applied.near
      })
      return { statements: withinBudget(applied.statements), used }
    })

    /** Writes a trained model atomically and keeps the newest few such files. */
    const writeBaseModel = (file: string, data: ThemeModel["data"]) =>
      Effect.gen(function* () {
        yield* writeAtomic(file, JSON.stringify(data))
        const dir = path.dirname(file)
        const names = (yield* fs.readDirectory(dir)).filter((n) => n.startsWith("base-") && n.endsWith(".model.json"))
        if (names.length <= keptBaseModels) return
        const dated = yield* Effect.forEach(names, (n) =>
          fs.stat(path.join(dir, n)).pipe(Effect.map((i) => ({ n, t: Option.getOrElse(i.mtime, () => new Date(0)).getTime() })))
        )
        const old = dated.sort((a, b) => b.t - a.t).slice(keptBaseModels)
        yield* Effect.forEach(old, ({ n }) => fs.remove(path.join(dir, n)).pipe(Effect.ignore), { discard: true })
      }).pipe(Effect.provideService(FileSystem.FileSystem, fs), Effect.provideService(Path.Path, path))

    return { categorize, categorizeLearning, model } as const
  }),
  dependencies: [NodeContext.layer]
}) {}
