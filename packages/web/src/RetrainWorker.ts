import { learnedTerms, withLearnedTerms } from "@udsagn/categorize/LearnedTerms"
import { Correction, correctionsHash, RetrainedMeta, retrainedName, rowsWithCorrections, writeAtomic } from "@udsagn/categorize/Corrections"
import { modelKey, themeSetJson } from "@udsagn/categorize/ModelKey"
import { ThemeModel } from "@udsagn/categorize/ThemeModel"
import { parseLabeledCsv } from "@udsagn/categorize/TrainingData"
import { ThemeSet } from "@udsagn/domain/Theme"
import { Effect, Schema } from "effect"
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"

// What the child process that retrains the model with the saved corrections does (6-20 s of
// CPU), so the server's HTTP loop keeps answering meanwhile. See Learning.ts; the child's entry
// is bin/retrain.ts.

export const RetrainJob = Schema.Struct({
  themeSet: ThemeSet,
  corrections: Schema.Array(Correction),
  trainingFile: Schema.String,
  modelsDir: Schema.String
})
export type RetrainJob = typeof RetrainJob.Type

/** Trains unless a model for exactly these inputs is already there; answers the model's name. */
export const retrain = (job: RetrainJob) =>
  Effect.gen(function*() {
    const csv = existsSync(job.trainingFile) ? readFileSync(job.trainingFile, "utf8") : ""
    // The base model's key, as the Categorizer computes it: a retrained model belongs to one base.
    const baseKey = modelKey(themeSetJson(job.themeSet), csv)
    const hash = correctionsHash(job.corrections)
    const name = retrainedName(baseKey, hash)
    const metaFile = join(job.modelsDir, `${name}.meta.json`)
    if (existsSync(metaFile)) return name
    const base = csv.length > 0 ? parseLabeledCsv(csv).rows : []
    const learned = learnedTerms(job.themeSet, job.corrections, base)
    const model = ThemeModel.train(withLearnedTerms(job.themeSet, learned), rowsWithCorrections(base, job.corrections), name)
    yield* writeAtomic(join(job.modelsDir, `${name}.model.json`), JSON.stringify(model.data) + "\n")
    const meta: RetrainedMeta = {
      baseKey,
      themeSet: job.corrections[0]?.themeSet ?? "",
      correctionsHash: hash,
      correctionIds: job.corrections.map((c) => c.id).sort(),
      finishedAt: new Date().toISOString(),
      learnedTerms: learned
    }
    // Written last: its presence is what makes the model "ready".
    yield* writeAtomic(metaFile, JSON.stringify(meta, null, 2) + "\n")
    prune(job.modelsDir, baseKey, meta)
    return name
  })

/**
 * Drops this theme set's models that learnt from a correction since removed: no analysis may use
 * them again (see `readyRetrained`), and each is the size of model.json.
 */
const prune = (dir: string, baseKey: string, current: RetrainedMeta) => {
  const ids = new Set(current.correctionIds)
  for (const file of readdirSync(dir).filter((f) => f.startsWith(`${baseKey}-`) && f.endsWith(".meta.json"))) {
    const decoded = Schema.decodeUnknownEither(Schema.parseJson(RetrainedMeta))(readFileSync(join(dir, file), "utf8"))
    if (decoded._tag === "Left" || decoded.right.themeSet !== current.themeSet) continue
    if (decoded.right.correctionIds.every((id) => ids.has(id))) continue
    const stem = file.slice(0, -".meta.json".length)
    rmSync(join(dir, file), { force: true })
    rmSync(join(dir, `${stem}.model.json`), { force: true })
  }
}
