import * as NodeContext from "@effect/platform-node/NodeContext"
import { ConferenceFeedback } from "@udsagn/conference-feedback/ConferenceFeedback"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { readFileSync } from "node:fs"
import { exitWithServer } from "../ParentWatch.js"
import { analyze, AnalyzeJob } from "../AnalyzeWorker.js"

// Entry of the child process that runs one analysis: `node .build/<id>/analyze-worker.mjs
// <job.json>` (compiled), or this file under tsx (tests on the sources). A defect (a bug) exits
// with 1 and its cause on stderr.
exitWithServer()
const job = Schema.decodeUnknownSync(Schema.parseJson(AnalyzeJob))(readFileSync(process.argv[2] ?? "", "utf8"))
Effect.runPromise(
  analyze(job).pipe(Effect.provide(ConferenceFeedback.Default.pipe(Layer.provideMerge(NodeContext.layer))))
).catch((error: unknown) => {
  console.error(Cause.isCause(error) ? Cause.pretty(error) : String(error))
  process.exitCode = 1
})
