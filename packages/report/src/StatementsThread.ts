import type { CategorizedResult } from "@udsagn/domain/Analysis"
import { threadEntry } from "@udsagn/domain/ThreadEntry"
import { packStatements } from "./PackedStatements.js"
import { Worker } from "node:worker_threads"
import type { StatementsJob, StatementsReply } from "./StatementsWorker.js"

/**
 * From this many statements, statements.json and statements.xlsx are written in a thread of
 * their own (StatementsWorker.ts) while this one goes on with the report: at 100,000 they are a
 * few seconds of work, more than handing the statements over costs. Below, the thread's start
 * costs more than it saves. UDSAGN_STATEMENTS_THREAD_FROM overrides it (tests).
 */
export const STATEMENTS_THREAD_FROM = 20_000

const threadFrom = (): number => {
  const raw = process.env["UDSAGN_STATEMENTS_THREAD_FROM"]
  const n = raw === undefined || raw.trim() === "" ? NaN : Number(raw)
  return Number.isInteger(n) && n >= 0 ? n : STATEMENTS_THREAD_FROM
}

/** Writing one of the files in the thread failed. */
export class StatementsThreadError extends Error {
  constructor(readonly file: string, message: string) {
    super(message)
  }
}

export interface StatementsThread {
  /** Settles when the files are written; rejects with a StatementsThreadError. */
  readonly done: Promise<void>
  /** Stops the thread (a run that failed elsewhere). */
  readonly stop: () => Promise<void>
}

/**
 * Starts writing statements.json (and statements.xlsx unless `xlsxFile` is undefined) in a
 * thread; undefined when the statements are too few or the build has no such thread: then the
 * caller writes them itself.
 */
export const startStatementsThread = (
  result: CategorizedResult,
  files: { readonly jsonFile: string; readonly xlsxFile: string | undefined }
): StatementsThread | undefined => {
  if (result.statements.length < threadFrom()) return undefined
  const entry = threadEntry("statements-worker", new URL("./StatementsWorker.ts", import.meta.url))
  if (entry === undefined) return undefined
  const job: StatementsJob = {
    input: { themeSet: result.themeSet, statements: packStatements(result.statements), notes: result.notes },
    ...files
  }
  // execArgv empty: a thread must not inherit tsx's flags, which Node 20 cannot apply there.
  const worker = new Worker(entry.file, { workerData: job, eval: entry.eval, execArgv: [] })
  let finished = false
  const done = new Promise<void>((resolve, reject) => {
    worker.on("message", (reply: StatementsReply) => {
      finished = true
      if ("done" in reply) resolve()
      else reject(new StatementsThreadError(reply.file, reply.error))
    })
    worker.on("error", (e) => reject(new StatementsThreadError(files.jsonFile, String(e))))
    worker.on("exit", (code) => {
      if (!finished) reject(new StatementsThreadError(files.jsonFile, `statements worker stopped (exit code ${code})`))
    })
  })
  // Handled here too: a run that fails before waiting for it must not also crash on this.
  done.catch(() => {})
  return { done, stop: () => worker.terminate().then(() => {}) }
}
