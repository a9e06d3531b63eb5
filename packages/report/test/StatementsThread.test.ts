import { describe, expect, it } from "vitest"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { statementsJsonChunks } from "../src/StatementsJson.js"
import { startStatementsThread, StatementsThreadError } from "../src/StatementsThread.js"
import { statementsWorkbook } from "../src/StatementsWorkbook.js"
import { hostileFixture } from "./fixtures.js"
import ExcelJS from "exceljs"

// The thread writes what this thread would (the statements arrive as a structured clone), and a
// failure there names the file.

const withThreadFrom = async <A>(from: string, f: () => Promise<A>): Promise<A> => {
  const before = process.env["UDSAGN_STATEMENTS_THREAD_FROM"]
  process.env["UDSAGN_STATEMENTS_THREAD_FROM"] = from
  try {
    return await f()
  } finally {
    if (before === undefined) delete process.env["UDSAGN_STATEMENTS_THREAD_FROM"]
    else process.env["UDSAGN_STATEMENTS_THREAD_FROM"] = before
  }
}

const cells = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer)
  const out: Array<unknown> = []
  wb.eachSheet((ws) => out.push(ws.name, ws.getSheetValues()))
  return out
}

describe("statements files in a thread", { timeout: 60_000 }, () => {
  it("are not started below the threshold", () => {
    const { result } = hostileFixture()
    expect(startStatementsThread(result, { jsonFile: "/nowhere/statements.json", xlsxFile: undefined })).toBeUndefined()
  })

  it("writes the same statements.json and the same cells as this thread", async () => {
    const { result } = hostileFixture()
    const dir = mkdtempSync(join(tmpdir(), "udsagn-thread-"))
    try {
      const files = { jsonFile: join(dir, "statements.json"), xlsxFile: join(dir, "statements.xlsx") }
      await withThreadFrom("0", async () => {
        const thread = startStatementsThread(result, files)
        expect(thread).toBeDefined()
        await thread!.done
      })
      expect(readFileSync(files.jsonFile, "utf8")).toBe([...statementsJsonChunks(result.statements)].join(""))
      expect(await cells(new Uint8Array(readFileSync(files.xlsxFile)))).toEqual(await cells(await statementsWorkbook(result)))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("fails with the file it could not write", async () => {
    const { result } = hostileFixture()
    const jsonFile = join(tmpdir(), "udsagn-no-such-folder", "x", "statements.json")
    const error = await withThreadFrom("0", () => startStatementsThread(result, { jsonFile, xlsxFile: undefined })!.done.then(() => undefined, (e: unknown) => e))
    expect(error).toBeInstanceOf(StatementsThreadError)
    expect((error as StatementsThreadError).file).toBe(jsonFile)
  })
})
