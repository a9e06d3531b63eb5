import { FileSystem, Path } from "@effect/platform"
import { Effect } from "effect"
import type { AnalysisMeta } from "./AnalysisMeta.js"
import type { StagedUpload } from "./Analyses.js"
import { AnalysisStore, StorageError } from "./AnalysisStore.js"
import { newAnalysisId } from "./Ids.js"
import { ThemeStore } from "./ThemeStore.js"

/**
 * A re-run of an analysis with the current themes is a new analysis: the same export (copied;
 * the new folder is as private as the old), the theme set of the page Temaer, no corrections
 * (they were made to the old themes). The old analysis stays as it was, to compare or delete.
 */
export const stageRerun = Effect.fn("Rerun.stage")(function*(meta: AnalysisMeta) {
  const store = yield* AnalysisStore
  const themes = yield* ThemeStore
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path
  const id = newAnalysisId()
  const folder = yield* store.stage(id)
  return yield* Effect.gen(function*() {
    yield* fs.copyFile(path.join(store.dir(meta.id), meta.inputFile), path.join(folder, meta.inputFile))
    const themesFile = yield* themes.copyInto(folder)
    const upload: StagedUpload = { id, folder, inputFile: meta.inputFile, themesFile, sourceName: meta.sourceName }
    return upload
  }).pipe(
    Effect.mapError((cause) => cause instanceof StorageError ? cause : new StorageError({ cause, action: "kopiér analysen" })),
    Effect.onError(() => store.remove(folder))
  )
})
