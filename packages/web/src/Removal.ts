import type { FileSystem, Path } from "@effect/platform"
import { Effect, Fiber } from "effect"
import type { AnalysisStore } from "./AnalysisStore.js"
import type { AnalysisId } from "./Ids.js"

// Deleting an analysis: a run still going is stopped first, then the whole folder (the raw
// upload with its personal data included) goes. The folder is renamed away first, so no reader
// sees half of it; a crash while removing leaves a `.tmp-` folder the next start removes.

interface RemovalDeps {
  readonly store: AnalysisStore
  readonly jobs: Map<AnalysisId, unknown>
  readonly running: Map<AnalysisId, Fiber.RuntimeFiber<unknown, unknown>>
  readonly lockFor: (id: AnalysisId) => Effect.Semaphore
  readonly fs: FileSystem.FileSystem
  readonly path: Path.Path
}

/** Deletes an analysis; `false` when there was none (nothing finished, running or failed under that id). */
export const analysisRemoval = (deps: RemovalDeps) => (id: AnalysisId) =>
  Effect.gen(function*() {
    const { fs, path, store } = deps
    let found = false
    const fiber = deps.running.get(id)
    if (fiber !== undefined) {
      // Interrupting kills the analysis' process; its half-built folder is removed below.
      yield* Fiber.interrupt(fiber)
      deps.running.delete(id)
      found = true
    }
    // `.tmp-<id>`: the folder a new analysis is built in (AnalysisStore.stage).
    yield* store.remove(path.join(store.root, `.tmp-${id}`))
    // A save running for it finishes first (it holds the lock), then the folder goes.
    const removed = yield* deps.lockFor(id).withPermits(1)(
      Effect.gen(function*() {
        const folder = store.dir(id)
        if (!(yield* fs.exists(folder))) return false
        const doomed = path.join(store.root, `.tmp-deleted-${id}`)
        yield* fs.rename(folder, doomed)
        yield* fs.remove(doomed, { recursive: true })
        return true
      })
    )
    const marker = path.join(store.root, `.failed-${id}`)
    if (yield* fs.exists(marker)) {
      yield* fs.remove(marker)
      found = true
    }
    found = found || removed || deps.jobs.has(id)
    deps.jobs.delete(id)
    return found
  })
