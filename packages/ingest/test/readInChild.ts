// Runs one read in a fresh process and reports the outcome and the process's peak memory,
// so a test can check the memory bound without the test runner's own heap in the figure.
// Usage: node --import tsx test/readInChild.ts <file>
import { FileSystem, Path } from "@effect/platform"
import { NodeContext } from "@effect/platform-node"
import { Effect } from "effect"
import { readExport } from "../src/ExportReader.js"

const file = process.argv[2]!
const outcome = await Effect.runPromise(
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    return yield* readExport(fs, path, file).pipe(
      Effect.match({
        onFailure: (e) => ({ ok: false, tag: e._tag, message: e.message }),
        onSuccess: (r) => ({ ok: true, tag: "ok", message: `${r.statements.length} statements` })
      })
    )
  }).pipe(Effect.provide(NodeContext.layer))
)
process.stdout.write(JSON.stringify({ ...outcome, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + "\n")
