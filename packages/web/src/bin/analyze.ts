import * as NodeContext from "@effect/platform-node/NodeContext"
import { ConferenceFeedback } from "@udsagn/conference-feedback/ConferenceFeedback"
import { sampleExportPath } from "@udsagn/domain/Paths"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Schema from "effect/Schema"
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { analyze, AnalyzeJob } from "../AnalyzeWorker.js"
import { exitWithServer, lowerPriority } from "../ParentWatch.js"

// Entry of the child process that runs one analysis: `node scripts/load-bundle.cjs
// .build/<id>/analyze-worker.cjs <job.json>` (compiled), or this file under tsx. With `--stdin`
// it is started ahead, warms up (see `warmUp`) and waits for the job file's path on stdin (see
// TsxProcess.ts); stdin closing without one (the server gone) ends it. A defect (a bug) exits
// with 1 and its cause on stderr.
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

const WARM_PREFIX = "udsagn-warm-"

/** Warm-up folders of processes that are gone (stopped with a signal mid-warm-up): removed. */
const removeStale = () => {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(name.startsWith(WARM_PREFIX) ? name.slice(WARM_PREFIX.length).split("-")[0] : NaN)
    if (!Number.isInteger(pid) || pid === process.pid) continue
    try {
      process.kill(pid, 0)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ESRCH") rmSync(join(tmpdir(), name), { recursive: true, force: true })
    }
  }
}

/**
 * While it waits, a started-ahead child analyses the bundled sample once into a temporary folder
 * and throws the result away. A process' first analysis takes about twice as long as its next:
 * V8 has not yet compiled the hot code, and the model, the stemmer's and vega's caches are empty.
 * So the upload a person makes runs warm. Nothing goes to stdout (the server reads that), and a
 * job that comes meanwhile interrupts it first.
 */
const warmUp = () => {
  try {
    removeStale()
  } catch {
    // Another process' folder, or none: not this process' business.
  }
  const dir = mkdtempSync(join(tmpdir(), `${WARM_PREFIX}${process.pid}-`))
  // Also when the process is told to end (the server gone: ParentWatch exits).
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }))
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
  // Started ahead, it warms up while people read and correct their reports: the server's
  // answers come first. (Its job, when it comes, runs at this priority too: alone on the
  // machine that is as fast; beside a correction being saved, the correction goes first.)
  lowerPriority()
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
