import * as NodeContext from "@effect/platform-node/NodeContext"
import { ConferenceFeedback } from "@udsagn/conference-feedback/ConferenceFeedback"
import { sampleExportPath } from "@udsagn/domain/Paths"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Schema from "effect/Schema"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { analyze, AnalyzeJob } from "../AnalyzeWorker.js"
import { exitWithServer } from "../ParentWatch.js"

// Entry of the child process that runs one analysis: `node scripts/load-bundle.cjs
// .build/<id>/analyze-worker.cjs <job.json>` (compiled), or this file under tsx. With `--stdin`
// it is started ahead, warms up (see `warmUp`) and waits for the job file's path on stdin (see
// TsxProcess.ts); stdin closing without one (the server gone) ends it. A defect (a bug) exits with 1 and its cause on
// stderr.
exitWithServer()

// One runtime for the warm-up and the job: the services' caches (the model read and built for
// the theme set) are the job's too. They are keyed by what they were made from, so the job's
// output is what a fresh process would write.
const runtime = ManagedRuntime.make(ConferenceFeedback.Default.pipe(Layer.provideMerge(NodeContext.layer)))

const run = (jobFile: string) => {
  const job = Schema.decodeUnknownSync(Schema.parseJson(AnalyzeJob))(readFileSync(jobFile, "utf8"))
  runtime.runPromise(analyze(job)).catch((error: unknown) => {
    console.error(Cause.isCause(error) ? Cause.pretty(error) : String(error))
    process.exitCode = 1
  })
}

/**
 * While it waits, a started-ahead child analyses the bundled sample once into a temporary folder
 * and throws the result away. A process' first analysis takes about twice as long as its next:
 * V8 has not yet compiled the hot code, and the model, the stemmer's and vega's caches are empty.
 * So the upload a person makes runs warm. Nothing goes to stdout (the server reads that), and a
 * job that comes meanwhile interrupts it first.
 */
const warmUp = () => {
  const dir = mkdtempSync(join(tmpdir(), "udsagn-warm-"))
  return runtime.runFork(
    Effect.flatMap(ConferenceFeedback, (pipeline) =>
      pipeline.analyze({
        input: sampleExportPath,
        outDir: join(dir, "out"),
        basePath: join(dir, "base.json"),
        defer: true,
        downloadNames: true
      })
    ).pipe(Effect.catchAllCause(() => Effect.void), Effect.ensuring(Effect.sync(() => rmSync(dir, { recursive: true, force: true }))))
  )
}

if (process.argv[2] === "--stdin") {
  const warming = warmUp()
  let input = ""
  process.stdin.setEncoding("utf8")
  process.stdin.on("data", (d: string) => (input += d))
  process.stdin.on("end", () => {
    const jobFile = input.split("\n")[0]?.split("\t")[0] ?? ""
    if (jobFile === "") process.exit(0)
    runtime.runPromise(Fiber.interrupt(warming)).finally(() => run(jobFile))
  })
} else {
  run(process.argv[2] ?? "")
}
