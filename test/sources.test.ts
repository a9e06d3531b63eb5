import { strFromU8, unzipSync } from "fflate"
import * as fs from "node:fs"
import * as path from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { fixture, runCli, type RunResult, tempDir } from "./support.js"

// The conference's other sources through the real CLI: two of the project's exports in one
// analysis, with notes from talks (test/fixtures/notes/oplaeg.md) and table discussions
// (test/fixtures/notes/droeftelser.docx), against the same two exports without notes.

interface Row {
  id: string
  text: string
  event?: string
  duplicateOf?: string
  themes: Array<string>
}
interface FileAccounts {
  source: string
  event: string
  read: number
  kept: number
  excluded: Array<{ count: number }>
}
interface LedgerJson extends FileAccounts {
  files?: Array<FileAccounts>
  notes?: Array<{ file: string; paragraphs: number }>
}

const readJson = <A>(file: string): A => JSON.parse(fs.readFileSync(file, "utf8")) as A
const excludedOf = (l: { excluded: Array<{ count: number }> }) => l.excluded.reduce((n, e) => n + e.count, 0)

const exports = [fixture("udsagn-tabel.xlsx"), fixture("udsagn-excel-semikolon-cp1252.csv")]

describe("several exports and notes in one analysis (real CLI)", () => {
  let dir: string
  let withNotes: string
  let without: string
  let run: RunResult
  let plain: RunResult

  beforeAll(async () => {
    dir = tempDir()
    // The committed Word notes, given by a relative path from the folder the command runs in.
    fs.copyFileSync(fixture("notes/droeftelser.docx"), path.join(dir, "droeftelser.docx"))
    withNotes = path.join(dir, "med-noter")
    ;[run, plain] = await Promise.all([
      runCli(["analyze", ...exports, "--notes", fixture("notes/oplaeg.md"), "--notes", "droeftelser.docx", "--out", withNotes], { cwd: dir }),
      // No --out: the default folder for several files, under REPORTS_DIR.
      runCli(["analyze", ...exports], { cwd: dir, env: { REPORTS_DIR: path.join(dir, "reports") } })
    ])
    without = path.join(dir, "reports", "udsagn-tabel-og-1-anden")
  })

  it("runs, and names the default folder after the first file and how many more", () => {
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/)
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/fra 2 filer/)
    expect(run.stderr).toMatch(/11 afsnit fra oplæg og drøftelser/)
    expect(plain.code).toBe(0)
    expect(plain.stdout.trim().split("\n").pop()).toBe(path.join(without, "report.html"))
  })

  it("gives every statement its event and a unique id in file order", () => {
    const rows = readJson<Array<Row>>(path.join(withNotes, "statements.json"))
    const ledger = readJson<LedgerJson>(path.join(withNotes, "ledger.json"))
    expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => `s${String(i + 1).padStart(4, "0")}`))
    const [first, second] = ledger.files!
    expect(first!.event).toBe("Udsagn tabel")
    expect(second!.event).toBe("Udsagn excel semikolon cp1252")
    expect(rows.slice(0, first!.kept).every((r) => r.event === first!.event)).toBe(true)
    expect(rows.slice(first!.kept).every((r) => r.event === second!.event)).toBe(true)
    const ids = new Set(rows.map((r) => r.id))
    for (const r of rows) if (r.duplicateOf !== undefined) expect(ids.has(r.duplicateOf)).toBe(true)
    // A duplicate points into its own file's statements.
    for (const r of rows) {
      if (r.duplicateOf !== undefined) expect(rows.find((x) => x.id === r.duplicateOf)!.event).toBe(r.event)
    }
  })

  it("accounts per file and in total, and lists the notes apart from what was read and kept", () => {
    const ledger = readJson<LedgerJson>(path.join(withNotes, "ledger.json"))
    const rows = readJson<Array<Row>>(path.join(withNotes, "statements.json"))
    expect(ledger.files).toHaveLength(2)
    for (const f of ledger.files!) expect(f.read).toBe(f.kept + excludedOf(f))
    expect(ledger.read).toBe(ledger.kept + excludedOf(ledger))
    expect(ledger.read).toBe(ledger.files!.reduce((n, f) => n + f.read, 0))
    expect(ledger.kept).toBe(rows.length)
    expect(ledger.notes).toEqual([
      expect.objectContaining({ file: "oplaeg.md", paragraphs: 8 }),
      expect.objectContaining({ file: "droeftelser.docx", paragraphs: 3 })
    ])
    // The notes change nothing the participants' figures are made of.
    const plainLedger = readJson<LedgerJson>(path.join(without, "ledger.json"))
    expect(plainLedger.notes).toBeUndefined()
    expect({ ...ledger, notes: undefined }).toEqual({ ...plainLedger, notes: undefined })
    expect(fs.readFileSync(path.join(withNotes, "statements.json"))).toEqual(fs.readFileSync(path.join(without, "statements.json")))
    expect(readJson(path.join(withNotes, "summary.json"))).toEqual(readJson(path.join(without, "summary.json")))
    for (const chart of fs.readdirSync(path.join(without, "charts")).filter((f) => f.endsWith(".vl.json"))) {
      expect(fs.readFileSync(path.join(withNotes, "charts", chart), "utf8"), chart).toBe(fs.readFileSync(path.join(without, "charts", chart), "utf8"))
    }
  })

  it("shows the notes under each theme and the themes per event in the report", () => {
    const html = fs.readFileSync(path.join(withNotes, "report.html"), "utf8")
    expect(html).toContain("<h3>Fra oplæg og drøftelser</h3>")
    expect(html).toContain("Tolke bør bestilles automatisk")
    expect(html).toContain("Oplæg: Organisatorisk sundhedskompetence i praksis")
    expect(html).toContain("Arrangementer og kilder")
    expect(html).toContain("Temaerne i hvert arrangement")
    expect(html).toContain("Udsagn excel semikolon cp1252")
    const sundhed = html.slice(html.indexOf('id="tema-health-literacy"'))
    expect(sundhed.slice(0, sundhed.indexOf("</section>"))).toContain("Tolke bør bestilles automatisk")
    // The themes per event as a chart too, beside the table.
    expect(html).toContain('aria-label="Temaer fordelt på arrangementer"')
    const spec = readJson<{ data: { values: Array<{ question: string; theme: string; count: number }> } }>(
      path.join(withNotes, "charts", "theme-by-event.vl.json")
    )
    const rows = readJson<Array<Row>>(path.join(withNotes, "statements.json"))
    for (const v of spec.data.values) {
      expect(v.count, `${v.question} ${v.theme}`).toBe(rows.filter((r) => r.event === v.question && r.themes.includes(v.theme)).length)
    }
    const plainHtml = fs.readFileSync(path.join(without, "report.html"), "utf8")
    expect(plainHtml).not.toContain("Fra oplæg og drøftelser")
    expect(plainHtml).toContain("Temaerne i hvert arrangement")
  })

  it("marks the notes behind the recommendations in recommendations.json, .md and .docx", () => {
    const draft = readJson<{ notes?: Array<{ theme: string; notes: Array<{ id: string; source: string; text: string }> }> }>(
      path.join(withNotes, "recommendations.json")
    )
    const literacy = draft.notes!.find((t) => t.theme === "health-literacy")!
    expect(literacy.notes.map((n) => n.id)).toContain("n0003")
    expect(literacy.notes.find((n) => n.id === "n0003")!.source).toBe("oplaeg.md, Oplæg: Organisatorisk sundhedskompetence i praksis")
    expect(readJson<{ notes?: unknown }>(path.join(without, "recommendations.json")).notes).toBeUndefined()
    expect(fs.readFileSync(path.join(withNotes, "recommendations.md"), "utf8")).toMatch(/## Fra oplæg og drøftelser[\s\S]*\(n0003, oplaeg\\\.md/)
    const docx = strFromU8(unzipSync(fs.readFileSync(path.join(withNotes, "recommendations.docx")))["word/document.xml"]!)
    expect(docx).toContain("Fra oplæg og drøftelser")
    expect(docx).toContain("Tolke bør bestilles automatisk")
  })

  it("gives statements.xlsx an event column and the notes a sheet of their own", () => {
    const xlsx = unzipSync(fs.readFileSync(path.join(withNotes, "statements.xlsx")))
    expect(strFromU8(xlsx["xl/workbook.xml"]!)).toContain('name="Oplæg og drøftelser"')
    // Text cells, inline or shared, wherever the writer puts them.
    const strings = Object.entries(xlsx).filter(([name]) => name.startsWith("xl/")).map(([, b]) => strFromU8(b)).join("\n")
    expect(strings).toContain(">arrangement<")
    expect(strings).toContain(">Udsagn excel semikolon cp1252<")
    const plainXlsx = unzipSync(fs.readFileSync(path.join(without, "statements.xlsx")))
    expect(strFromU8(plainXlsx["xl/workbook.xml"]!)).not.toContain("Oplæg og drøftelser")
  })

  it("keeps the notes' personal data out of every output", () => {
    for (const file of fs.readdirSync(withNotes, { recursive: true }) as Array<string>) {
      const full = path.join(withNotes, file)
      if (!fs.statSync(full).isFile()) continue
      const bytes = fs.readFileSync(full)
      const texts = file.endsWith(".docx") || file.endsWith(".xlsx")
        ? Object.values(unzipSync(bytes)).map((b) => strFromU8(b))
        : [bytes.toString("utf8")]
      for (const text of texts) {
        expect(text, file).not.toMatch(/tove\.jensen@rm\.dk|87 28 50 00|23 45 67 89/)
      }
    }
  })
})

describe("bad notes files (real CLI)", () => {
  it.each([
    ["noter.pdf", "%PDF-1.4", /^Fejl: Notatfilen noter\.pdf skal være Markdown \(\.md\), tekst \(\.txt\) eller Word \(\.docx\)/],
    ["tom.md", "", /^Fejl: Notatfilen tom\.md er tom\./],
    ["odelagt.docx", "ikke en zip", /^Fejl: Notatfilen odelagt\.docx er ikke en gyldig Word-fil/]
  ])("%s stops the run in one Danish line, exit 1, nothing written", async (name, content, message) => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, name), content)
    const result = await runCli(["analyze", fixture("udsagn-utf8.csv"), "--notes", name, "--out", "ud"], { cwd: dir })
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(message)])
    expect(fs.existsSync(path.join(dir, "ud"))).toBe(false)
  })
})
