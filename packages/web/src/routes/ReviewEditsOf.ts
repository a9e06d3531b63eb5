import { FileSystem, Path } from "@effect/platform"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import { Effect } from "effect"
import type { AnalysisMeta } from "../AnalysisMeta.js"
import { AnalysisStore } from "../AnalysisStore.js"
import { readLeftOut } from "../LeftOut.js"
import { PersonNames } from "../PersonNames.js"

/** What the review page shows besides the themes: possible names, and statements left out. */
export const reviewEditsOf = (meta: AnalysisMeta, rows: ReadonlyArray<CategorizedStatement>) =>
  Effect.gen(function*() {
    const store = yield* AnalysisStore
    const names = yield* (yield* PersonNames).flag(rows)
    const leftOut = yield* readLeftOut(yield* FileSystem.FileSystem, yield* Path.Path, store.dir(meta.id))
    return { names, leftOut }
  })
