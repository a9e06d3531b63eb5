import * as NodeContext from "@effect/platform-node/NodeContext"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { readFileSync } from "node:fs"
import { exitWithServer, lowerPriority } from "../ParentWatch.js"
import { retrain, RetrainJob } from "../RetrainWorker.js"

// Entry of the child process that retrains the model: `node .build/<id>/retrain-worker.mjs
// <job.json>` (compiled), or this file under tsx. Exit code 0 when the model is ready.
exitWithServer()
// Background work: the server's answers (a correction being saved, an upload) come first.
lowerPriority()
const job = Schema.decodeUnknownSync(Schema.parseJson(RetrainJob))(readFileSync(process.argv[2] ?? "", "utf8"))
Effect.runPromise(retrain(job).pipe(Effect.provide(NodeContext.layer))).then(
  (name) => console.log(name),
  (error: unknown) => {
    console.error(String(error))
    process.exitCode = 1
  }
)
