import { FileSystem, Path } from "@effect/platform"
import { Effect } from "effect"
import type { AnalysisMeta } from "./AnalysisMeta.js"
import type { StagedUpload } from "./Analyses.js"
import { AnalysisStore, StorageError } from "./AnalysisStore.js"
import { newAnalysisId } from "./Ids.js"
import { ThemeStore } from "./ThemeStore.js"
import { NOTES_DIR } from "./UploadSources.js"

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
    // The other exports and the notes of the analysis, so the re-run reads all that it read.
    for (const file of meta.moreInputs ?? []) yield* fs.copyFile(path.join(store.dir(meta.id), file), path.join(folder, file))
    if ((meta.notesFiles ?? []).length > 0) yield* fs.makeDirectory(path.join(folder, NOTES_DIR))
    for (const file of meta.notesFiles ?? []) {
      yield* fs.copyFile(path.join(store.dir(meta.id), NOTES_DIR, file), path.join(folder, NOTES_DIR, file))
    }
    const themesFile = yield* themes.copyInto(folder)
    const upload: StagedUpload = {
      id,
      folder,
      inputFile: meta.inputFile,
      themesFile,
      sourceName: meta.sourceName,
      ...(meta.moreInputs !== undefined ? { moreInputs: meta.moreInputs } : {}),
      ...(meta.notesFiles !== undefined ? { notesFiles: meta.notesFiles } : {})
    }
    return upload
  }).pipe(
    Effect.mapError((cause) => cause instanceof StorageError ? cause : new StorageError({ cause, action: "kopiér analysen" })),
    Effect.onError(() => store.remove(folder))
  )
})
