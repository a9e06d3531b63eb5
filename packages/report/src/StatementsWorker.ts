// The thread that writes statements.json and statements.xlsx (StatementsThread.ts starts it),
// while the main thread counts, draws and writes the report: the two largest files of a run,
// and they depend on nothing but the statements. Run from the sources under tsx, or compiled as
// its own entry (`statements-worker.cjs` of a build). The same functions as in one thread, so
// the same bytes.
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs"
import { randomUUID } from "node:crypto"
import { parentPort, workerData } from "node:worker_threads"
import { type PackedStatements, unpackStatements } from "./PackedStatements.js"
import { statementsJsonChunks } from "./StatementsJson.js"
import { writeStatementsWorkbookFile, type WorkbookInput } from "./StatementsWorkbook.js"

export interface StatementsJob {
  /** The theme set and notes as a structured clone, the statements packed in columns (PackedStatements.ts). */
  readonly input: Omit<WorkbookInput, "statements"> & { readonly statements: PackedStatements }
  readonly jsonFile: string
  /** Undefined: no statements.xlsx (left for later). */
  readonly xlsxFile: string | undefined
}

export type StatementsReply = { readonly done: true } | { readonly file: string; readonly error: string }

const writeJson = (file: string, input: WorkbookInput) => {
  const fd = openSync(file, "w")
  try {
    for (const chunk of statementsJsonChunks(input.statements)) writeSync(fd, chunk)
  } finally {
    closeSync(fd)
  }
}

// Written to a temp name and renamed, as ReportWriter.writeStatementsXlsx does.
const writeXlsx = async (file: string, input: WorkbookInput) => {
  const tmp = `${file}.tmp-${randomUUID().slice(0, 8)}`
  try {
    await writeStatementsWorkbookFile(input, tmp)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
  renameSync(tmp, file)
}

const message = (e: unknown) => String(e instanceof Error ? (e.stack ?? e.message) : e)

if (parentPort !== null) {
  const port = parentPort
  const job = workerData as StatementsJob
  const input: WorkbookInput = { themeSet: job.input.themeSet, notes: job.input.notes, statements: unpackStatements(job.input.statements) }
  const run = async () => {
    try {
      writeJson(job.jsonFile, input)
    } catch (e) {
      return port.postMessage({ file: job.jsonFile, error: message(e) } satisfies StatementsReply)
    }
    if (job.xlsxFile !== undefined) {
      try {
        await writeXlsx(job.xlsxFile, input)
      } catch (e) {
        return port.postMessage({ file: job.xlsxFile, error: message(e) } satisfies StatementsReply)
      }
    }
    port.postMessage({ done: true } satisfies StatementsReply)
  }
  void run()
}
