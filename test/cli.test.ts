import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { fixture, fixturesDir, repoRoot, runCli, tempDir } from "./support.js"

const THEMES = ["patient-involvement", "visual-communication", "staff-burnout", "health-literacy", "other"]

interface Row {
  id: string
  question: string
  text: string
  themes: Array<string>
  scores: Record<string, number>
  evidence: Array<unknown>
  confidence: number
  needsReview: boolean
}

const readJson = <A>(file: string): A => JSON.parse(fs.readFileSync(file, "utf8")) as A

describe("udsagn analyze (end to end, real CLI)", () => {
  it("analyzes the bundled sample into a complete, accounted-for report", async () => {
    const out = path.join(tempDir(), "sample")
    const run = await runCli(["analyze", "--out", out])
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/) // no stack trace
    expect(run.code).toBe(0)
    const lines = run.stdout.trim().split("\n")
    expect(lines[lines.length - 1]).toBe(path.join(out, "report.html"))

    for (const f of ["report.html", "statements.json", "ledger.json", "recommendations.md", "recommendations.docx", "recommendations.json", "statements.xlsx"]) {
      expect(fs.existsSync(path.join(out, f)), f).toBe(true)
    }
    const charts = fs.readdirSync(path.join(out, "charts"))
    expect(charts).toContain("theme-overview.vl.json")
    expect(charts).toContain("theme-overview.svg")
    expect(charts).toContain("theme-overview.png")

    const statements = readJson<Array<Row>>(path.join(out, "statements.json"))
    const ledger = readJson<{ read: number; kept: number; excluded: Array<{ count: number; reason: string }> }>(
      path.join(out, "ledger.json")
    )
    expect(statements.length).toBeGreaterThanOrEqual(150)
    expect(ledger.kept).toBe(statements.length)
    expect(ledger.read).toBe(ledger.kept + ledger.excluded.reduce((n, e) => n + e.count, 0))
    for (const s of statements) {
      expect(s.id).toBeTruthy()
      expect(s.question).toBeTruthy()
      expect(s.text).toBeTruthy()
      expect(s.themes.length).toBeGreaterThan(0)
      for (const t of s.themes) expect(THEMES).toContain(t)
      if (s.themes.includes("other")) expect(s.themes).toEqual(["other"])
      expect(typeof s.confidence).toBe("number")
      expect(typeof s.needsReview).toBe("boolean")
      expect(s.scores).toBeTypeOf("object")
    }
    // Every theme is represented in a realistic conference sample.
    for (const t of THEMES) expect(statements.some((s) => s.themes.includes(t)), t).toBe(true)

    const html = fs.readFileSync(path.join(out, "report.html"), "utf8")
    for (const label of ["Patientinvolvering", "Visuel kommunikation", "Medarbejdertrivsel og ildsjæle", "Sundhedskompetence", "Andet"]) {
      expect(html).toContain(label)
    }
    expect(html).toContain("<svg")
  })

  it("gives byte-identical statements.json on a second run of the same input", async () => {
    const dir = tempDir()
    const a = await runCli(["analyze", "--out", path.join(dir, "a")])
    const b = await runCli(["analyze", "--out", path.join(dir, "b")])
    expect(a.code).toBe(0)
    expect(b.code).toBe(0)
    const first = fs.readFileSync(path.join(dir, "a", "statements.json"))
    const second = fs.readFileSync(path.join(dir, "b", "statements.json"))
    expect(first.equals(second)).toBe(true)
  })

  it("resolves relative paths from the folder the user ran it in", async () => {
    const cwd = tempDir()
    fs.copyFileSync(fixture("udsagn-utf8-bom.csv"), path.join(cwd, "mine.csv"))
    const run = await runCli(["analyze", "mine.csv", "--out", "ud"], { cwd })
    expect(run.code).toBe(0)
    expect(run.stdout.trim().split("\n").pop()).toBe(path.join(cwd, "ud", "report.html"))
    expect(fs.existsSync(path.join(cwd, "ud", "statements.json"))).toBe(true)
  })

  for (const name of ["udsagn-excel-semikolon-cp1252.csv", "udsagn-utf8-bom.csv", "udsagn-utf8.csv", "udsagn-tabel.xlsx", "menti-alle-slidetyper.xlsx"]) {
    it(`analyzes the corpus file ${name} with all 175 statements`, async () => {
      const out = path.join(tempDir(), "out")
      const run = await runCli(["analyze", fixture(name), "--out", out])
      expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/)
      expect(run.code).toBe(0)
      const statements = readJson<Array<Row>>(path.join(out, "statements.json"))
      expect(statements).toHaveLength(175)
    })
  }

  // Every bad file of the corpus, an empty file made here, and a missing one; the list is read, never skipped.
  const bad = fs.readdirSync(path.join(fixturesDir, "bad")).map((name) => path.join(fixturesDir, "bad", name))
  it("has bad files to refuse", () => expect(bad.length).toBeGreaterThanOrEqual(5))
  const empty = path.join(tempDir(), "empty.xlsx")
  fs.writeFileSync(empty, new Uint8Array())
  for (const file of [...bad, empty, path.join(fixturesDir, "bad", "does-not-exist.xlsx")]) {
    it(`refuses ${path.basename(file)} with one clear line and a non-zero exit`, async () => {
      const out = path.join(tempDir(), "out")
      const run = await runCli(["analyze", file, "--out", out])
      expect(run.code).not.toBe(0)
      expect(run.code).not.toBeNull()
      const lines = run.stderr.trim().split("\n")
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^Fejl: .{20,}/)
      expect(run.stdout.trim()).toBe("")
      expect(fs.existsSync(path.join(out, "report.html"))).toBe(false)
    })
  }

  it("takes its data locations from the environment (UDSAGN_METRICS_FILE), with the project's files as defaults", async () => {
    const out = path.join(tempDir(), "out")
    const run = await runCli(["analyze", fixture("udsagn-utf8.csv"), "--out", out], { env: { UDSAGN_METRICS_FILE: path.join(tempDir(), "ingen-tal.json") } })
    expect(run.code).toBe(0)
    expect(fs.readFileSync(path.join(out, "report.html"), "utf8")).toContain("Tal for, hvor godt den automatiske sortering rammer, er ikke tilgængelige")
  })

  it("documents every command and option in --help", async () => {
    const run = await runCli(["analyze", "--help"])
    expect(run.code).toBe(0)
    for (const opt of ["--out", "--themes", "--overrides", "--text-column", "--question-column"]) {
      expect(run.stdout).toContain(opt)
    }
    const top = await runCli(["--help"])
    for (const cmd of ["analyze", "evaluate", "learn"]) expect(top.stdout).toContain(cmd)
  })

  it("with no arguments analyzes the bundled sample into reports/<sample-name>/ (the README's command)", async () => {
    const run = await runCli(["analyze"])
    expect(run.code).toBe(0)
    const report = path.join(repoRoot, "reports", "menti-konference-2024-12-05", "report.html")
    expect(run.stdout.trim().split("\n").pop()).toBe(report)
    expect(fs.existsSync(report)).toBe(true)
  })
})
