import { strFromU8, unzipSync } from "fflate"
import * as fs from "node:fs"
import * as path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { fixture, runCli, tempDir } from "./support.js"

// `udsagn analyze --overrides` with a reviewer's left-out and rewritten statements, and
// `--title`/`--date`: the real CLI on the project's CSV fixture, every output read back.

interface Row {
  id: string
  text: string
  rawText: string
  themes: Array<string>
  confidence: number
  evidence: Array<{ source: string; match: string }>
  overridden?: boolean
  redacted?: boolean
  duplicateOf?: string
}
interface LedgerJson {
  read: number
  kept: number
  duplicates: number
  excluded: Array<{ reason: string; count: number; examples: Array<string> }>
}

const zipText = (file: string) =>
  Object.values(unzipSync(new Uint8Array(fs.readFileSync(file)))).map((part) => strFromU8(part)).join("\n")

const dirs: Array<string> = []
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

// Texts of the fixture (udsagn-utf8-bom.csv): s0003 is left out; s0032 is left out too and has a
// word-for-word copy (s0062) that stays; s0008 is rewritten; s0004 gets other themes.
const leftOut = "at starte samtalen med borgerens egne ønsker"
const rewrittenFrom = "at der er brug for at støtte de medarbejdere der står med de tungeste borgere"
const rewrittenTo = "at der er brug for at støtte [navn] og de andre medarbejdere"

describe("udsagn analyze: a reviewer's exclusions and rewrites, title and date", () => {
  it("leaves out, rewrites, keeps the ledger balanced, and puts the title in the report, draft and folder name", async () => {
    const dir = tempDir("udsagn-cli-edits-")
    dirs.push(dir)
    const overrides = path.join(dir, "rettelser.json")
    fs.writeFileSync(
      overrides,
      JSON.stringify([
        { id: "s0003", exclude: true },
        { id: "s0032", exclude: true },
        { id: "s0008", redact: rewrittenTo },
        { id: "s0004", themes: ["health-literacy"] }
      ])
    )
    const reports = path.join(dir, "rapporter")
    const run = await runCli(
      ["analyze", fixture("udsagn-utf8-bom.csv"), "--overrides", overrides, "--title", "Lighed i sundhed – dialogmøde", "--date", "2025-03-04"],
      { cwd: dir, env: { REPORTS_DIR: reports } }
    )
    expect(run.stderr).toContain("udsagn kategoriseret")
    expect(run.code).toBe(0)
    // The title names the default folder, slugged like every download name.
    const out = path.join(reports, "lighed-i-sundhed-dialogmoede")
    expect(run.stdout.trim()).toBe(path.join(out, "report.html"))

    const rows = JSON.parse(fs.readFileSync(path.join(out, "statements.json"), "utf8")) as Array<Row>
    const ids = new Set(rows.map((r) => r.id))
    expect(ids.has("s0003")).toBe(false)
    expect(ids.has("s0032")).toBe(false)
    // The copy of a left-out statement is kept and is now the first of its kind.
    const copy = rows.find((r) => r.id === "s0062")!
    expect(copy.text).toBe("Skriv breve i hverdagssprog")
    expect(copy.duplicateOf).toBeUndefined()
    const rewritten = rows.find((r) => r.id === "s0008")!
    expect(rewritten).toMatchObject({ text: rewrittenTo, rawText: rewrittenTo, redacted: true })
    for (const e of rewritten.evidence) expect(rewrittenTo.toLowerCase()).toContain(e.match.toLowerCase())
    const corrected = rows.find((r) => r.id === "s0004")!
    expect(corrected).toMatchObject({ themes: ["health-literacy"], overridden: true })
    expect(corrected.confidence).toBeLessThan(1)

    const ledger = JSON.parse(fs.readFileSync(path.join(out, "ledger.json"), "utf8")) as LedgerJson
    const byReviewer = ledger.excluded.find((e) => e.reason === "reviewer-excluded")!
    expect(byReviewer).toMatchObject({ count: 2, examples: ["s0003", "s0032"] })
    expect(ledger.kept).toBe(rows.length)
    expect(ledger.read).toBe(ledger.kept + ledger.excluded.reduce((n, e) => n + e.count, 0))
    expect(ledger.duplicates).toBe(rows.filter((r) => r.duplicateOf !== undefined).length)

    const report = fs.readFileSync(path.join(out, "report.html"), "utf8")
    expect(report).toContain("<h1>Lighed i sundhed – dialogmøde</h1>")
    expect(report).toContain("4. marts 2025")
    expect(report).toContain("Udeladt af en person ved gennemgangen")
    expect(report).toContain("temaer rettet af en person")
    expect(report).toContain("tekst rettet af en person")
    const draft = zipText(path.join(out, "recommendations.docx"))
    expect(draft).toContain("Lighed i sundhed – dialogmøde")
    const workbook = zipText(path.join(out, "statements.xlsx"))
    expect(workbook).toContain(rewrittenTo)
    // Neither the left-out text nor the rewritten words are anywhere in the outputs.
    const everything = [report, draft, workbook, fs.readFileSync(path.join(out, "statements.json"), "utf8"),
      fs.readFileSync(path.join(out, "recommendations.md"), "utf8"), fs.readFileSync(path.join(out, "recommendations.json"), "utf8"),
      ...fs.readdirSync(path.join(out, "charts")).filter((f) => !f.endsWith(".png")).map((f) => fs.readFileSync(path.join(out, "charts", f), "utf8"))]
    for (const text of everything) {
      expect(text).not.toContain(leftOut)
      expect(text).not.toContain(rewrittenFrom)
    }
  }, 120_000)

  it("a date that is not YYYY-MM-DD, or a correction that changes nothing, is one Danish line", async () => {
    const dir = tempDir("udsagn-cli-edits-")
    dirs.push(dir)
    const date = await runCli(["analyze", fixture("udsagn-utf8-bom.csv"), "--out", "ud", "--date", "5/12/2024"], { cwd: dir })
    expect(date.code).toBe(1)
    expect(date.stderr.trim().split("\n")).toEqual(["Fejl: Datoen »5/12/2024« kan ikke bruges. Skriv den som ÅÅÅÅ-MM-DD, fx 2024-12-05."])
    const overrides = path.join(dir, "r.json")
    fs.writeFileSync(overrides, JSON.stringify([{ id: "s0001" }]))
    const empty = await runCli(["analyze", fixture("udsagn-utf8-bom.csv"), "--out", "ud", "--overrides", overrides], { cwd: dir })
    expect(empty.code).toBe(1)
    expect(empty.stderr.trim().split("\n")).toHaveLength(1)
    expect(empty.stderr).toContain("siger ikke, hvad der skal rettes")
    expect(fs.existsSync(path.join(dir, "ud"))).toBe(false)
  }, 120_000)
})
