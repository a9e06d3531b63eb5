// pnpm bench, "a correction saved": the web app's compiled server, started as `pnpm serve`
// starts it (each analysis in its child process, one started ahead), with an upload of N
// synthesized statements; then the review page is opened and one correction is saved through
// its form, as a person does, and timed (three saves in a row; the median). Reported
// as a ratio to a floor measured in the same run: reading and parsing the uploaded csv with
// ingest's own csv reader (papaparse), so a loaded machine slows both alike.
import { parseLabeledCsv } from "@udsagn/categorize/TrainingData"
import { trainingStatementsPath } from "@udsagn/domain/Paths"
import { decodeText, parseCsv } from "@udsagn/ingest/CsvDecode"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { startServer } from "./server.js"
import { synthesize } from "./synthesize.js"

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const csvOf = (rows: ReadonlyArray<{ question: string; text: string }>) => {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`
  return "Question,Response\n" + rows.map((s) => `${quote(s.question)},${quote(s.text)}`).join("\n") + "\n"
}

/** Uploads `n` statements, then saves `saves` single corrections; returns the timings in ms. */
export const benchCorrection = async (n: number, saves = 3) => {
  const rows = parseLabeledCsv(readFileSync(trainingStatementsPath, "utf8")).rows
  const synthetic = synthesize(rows.map((r) => r.text), [...new Set(rows.map((r) => r.question ?? "Spørgsmål"))], n, 7)
  const dir = mkdtempSync(join(tmpdir(), "udsagn-bench-correction-"))
  const server = await startServer(join(dir, "reports"))
  try {
    const csv = csvOf(synthetic)
    const file = join(dir, "udsagn.csv")
    writeFileSync(file, csv)
    const floors: Array<number> = []
    for (let i = 0; i < 5; i++) {
      const t = performance.now()
      parseCsv(decodeText(readFileSync(file))?.text ?? "")
      floors.push(performance.now() - t)
    }
    const body = new FormData()
    body.append("file", new Blob([csv]), "udsagn.csv")
    const t0 = performance.now()
    const created = await fetch(`${server.url}/api/analyses`, { method: "POST", body })
    if (created.status !== 201) throw new Error(`upload: ${created.status} ${await created.text()}`)
    const uploadMs = performance.now() - t0
    const { id } = (await created.json()) as { id: string }
    const statements = (await (await fetch(`${server.url}/api/analyses/${id}/statements.json`)).json()) as Array<{ id: string; themes: Array<string> }>
    // As a person does: the review page first, and a moment to tick a box.
    const page = await fetch(`${server.url}/analyser/${id}/gennemgang`)
    if (page.status !== 200) throw new Error(`review page: ${page.status}`)
    await page.arrayBuffer()
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    const times: Array<number> = []
    for (let i = 0; i < saves; i++) {
      const s = statements[i * 7]!
      const other = ["patient-involvement", "health-literacy", "staff-burnout", "visual-communication"].find((t) => !s.themes.includes(t))!
      const form = new URLSearchParams([["vist", s.id], ["foer:" + s.id, s.themes.join(",")], ["tema:" + s.id, other]])
      const t = performance.now()
      const saved = await fetch(`${server.url}/analyser/${id}/gennemgang`, {
        method: "POST",
        body: form,
        headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
        redirect: "manual"
      })
      times.push(performance.now() - t)
      if (saved.status !== 303) throw new Error(`save: ${saved.status}`)
    }
    return { n: statements.length, uploadMs, saveMs: median(times), saves: times, floorMs: median(floors) }
  } finally {
    server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** One line per size for `pnpm bench`. */
export const reportCorrections = async (sizes: ReadonlyArray<number>) => {
  for (const n of sizes) {
    try {
      const r = await benchCorrection(n)
      console.log(
        `a correction saved (web, ${r.n.toLocaleString("en")} statements): ${(r.saveMs / 1000).toFixed(2)} s median of ` +
          `${r.saves.length} (${r.saves.map((t) => (t / 1000).toFixed(2)).join(", ")} s) = ${(r.saveMs / r.floorMs).toFixed(1)}× ` +
          `the floor (reading and parsing the csv with ingest's reader: ${r.floorMs.toFixed(1)} ms) · upload until the report: ${(r.uploadMs / 1000).toFixed(2)} s`
      )
    } catch (e) {
      console.log(`a correction saved (${n} statements): failed: ${String(e).split("\n")[0]}`)
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = (process.argv[2] ?? "1000,10000").split(",").map(Number)
  await reportCorrections(sizes)
}
