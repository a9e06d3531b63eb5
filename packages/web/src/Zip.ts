import { FileSystem, Path } from "@effect/platform"
import { Effect, Option } from "effect"
import { strToU8, zipSync, type Zippable } from "fflate"
import type { AnalysisMeta } from "./AnalysisMeta.js"
import { AnalysisStore } from "./AnalysisStore.js"
import { slug } from "./Names.js"
import { RegisterStore } from "./RegisterStore.js"

/** Already-compressed formats are stored, the rest deflated. */
const stored = /\.(xlsx|docx|png|zip)$/i

/**
 * The whole analysis as one zip: outputs at the top, the theme file and corrections beside them.
 * The uploaded export is left out on purpose: it still holds the personal data (CPR, phone,
 * e-mail) that every output masks, and this zip is the file most likely to be forwarded.
 */
export const zipAnalysis = (meta: AnalysisMeta) =>
  Effect.gen(function*() {
    const store = yield* AnalysisStore
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const folder = store.dir(meta.id)
    const runDir = store.runDir(meta.id, meta.run)
    const entries: Zippable = {}
    const top = slug(meta.title)
    const add = (name: string, full: string) =>
      fs.readFile(full).pipe(
        Effect.map((bytes) => {
          entries[`${top}/${name}`] = [bytes, { level: stored.test(name) ? 0 : 6 }]
        })
      )
    for (const file of meta.files) yield* add(file, path.join(runDir, ...file.split("/")))
    // The draft with the administration's wording, as the download of the file itself gives it.
    const register = yield* RegisterStore
    for (const [file, format] of [["recommendations.docx", "docx"], ["recommendations.md", "md"]] as const) {
      if (!meta.files.includes(file)) continue
      const edited = yield* register.editedDraftFile(meta, format)
      if (Option.isSome(edited)) {
        const v = edited.value
        entries[`${top}/${file}`] = [typeof v === "string" ? strToU8(v) : v, { level: stored.test(file) ? 0 : 6 }]
      }
    }
    if (meta.themesFile !== undefined) yield* add(`kilde/${meta.themesFile}`, path.join(folder, meta.themesFile))
    if (meta.overrides > 0) yield* add("overrides.json", path.join(folder, "overrides.json")).pipe(Effect.ignore)
    yield* add("analysis.json", path.join(folder, "analysis.json"))
    return zipSync(entries)
  })
