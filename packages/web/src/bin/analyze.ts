import * as NodeContext from "@effect/platform-node/NodeContext"
import { ConferenceFeedback } from "@udsagn/conference-feedback/ConferenceFeedback"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { readFileSync } from "node:fs"
import { analyze, AnalyzeJob } from "../AnalyzeWorker.js"
import { exitWithServer } from "../ParentWatch.js"

// Entry of the child process that runs one analysis: `node scripts/load-bundle.cjs
// .build/<id>/analyze-worker.cjs <job.json>` (compiled), or this file under tsx. With `--stdin`
// it is started ahead and waits for the job file's path on stdin (see TsxProcess.ts); stdin
// closing without one (the server gone) ends it. A defect (a bug) exits with 1 and its cause on
// stderr.
exitWithServer()

const run = (jobFile: string) => {
  const job = Schema.decodeUnknownSync(Schema.parseJson(AnalyzeJob))(readFileSync(jobFile, "utf8"))
  Effect.runPromise(
    analyze(job).pipe(Effect.provide(ConferenceFeedback.Default.pipe(Layer.provideMerge(NodeContext.layer))))
  ).catch((error: unknown) => {
    console.error(Cause.isCause(error) ? Cause.pretty(error) : String(error))
    process.exitCode = 1
  })
}

if (process.argv[2] === "--stdin") {
  // While it waits: load what the pipeline loads only when its stage runs (vega, exceljs, docx).
  void Promise.all([
    import("@udsagn/charts/VegaEngine"),
    import("@udsagn/report/StatementsWorkbook"),
    import("@udsagn/report/RecommendationsDocx")
  ]).catch(() => undefined)
  let input = ""
  process.stdin.setEncoding("utf8")
  process.stdin.on("data", (d: string) => (input += d))
  process.stdin.on("end", () => {
    const jobFile = input.split("\n")[0]?.split("\t")[0] ?? ""
    if (jobFile === "") process.exit(0)
    run(jobFile)
  })
} else {
  run(process.argv[2] ?? "")
}
