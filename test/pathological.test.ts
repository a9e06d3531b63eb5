import { strFromU8, unzipSync } from "fflate"
import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { NOT_SECRETS, PERSONAL_SECRETS, pathologicalInputs } from "./fixtures/pathological.js"
import { runCli, tempDir } from "./support.js"

const allFiles = (dir: string): Array<string> =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))

/** A file's text; an Office file (a zip) as the text of its XML parts. PNGs hold no text. */
const readAsText = (file: string): string => {
  const bytes = fs.readFileSync(file)
  if (file.endsWith(".png")) return ""
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return Object.values(unzipSync(bytes)).map((part) => strFromU8(part)).join("\n")
  }
  return bytes.toString("utf8")
}

// Each hostile input through the real CLI with the heap capped at 512 MB: it must end with a
// report (exit 0) or one clear Danish line (exit 1), never a crash, an out-of-memory death or a
// hang (the test's timeout). How fast is the benchmark's business, not this test's.
describe("pathological inputs (built here, test/fixtures/pathological.ts)", () => {
  const dir = tempDir("udsagn-patho-")
  for (const input of pathologicalInputs()) {
    it(`${input.name}: ${input.attack}`, async () => {
      const file = path.join(dir, input.name)
      fs.writeFileSync(file, input.bytes)
      const out = path.join(dir, `${input.name}-out`)
      const run = await runCli(["analyze", file, "--out", out], { env: { NODE_OPTIONS: "--max-old-space-size=512" } })
      const lines = run.stderr.trim().split("\n").filter((l) => l !== "")
      if (run.code === 0) {
        expect(fs.existsSync(path.join(out, "report.html"))).toBe(true)
        const ledger = JSON.parse(fs.readFileSync(path.join(out, "ledger.json"), "utf8")) as { read: number; kept: number; excluded: Array<{ count: number }> }
        expect(ledger.read).toBe(ledger.kept + ledger.excluded.reduce((s, e) => s + e.count, 0))
      } else {
        expect(run.code, run.stderr).toBe(1)
        expect(lines).toHaveLength(1)
        expect(lines[0]).toMatch(/^Fejl: .{20,}/)
      }
    }, 90_000)
  }

  it("personal-data.csv: no spelling of the personal data reaches the statements or the report; dates and ranges stay", async () => {
    const out = path.join(dir, "personal-data.csv-out")
    if (!fs.existsSync(out)) {
      const file = path.join(dir, "personal-data.csv")
      fs.writeFileSync(file, pathologicalInputs().find((i) => i.name === "personal-data.csv")!.bytes)
      expect((await runCli(["analyze", file, "--out", out])).code).toBe(0)
    }
    const statements = JSON.parse(fs.readFileSync(path.join(out, "statements.json"), "utf8")) as Array<{ text: string; rawText?: string }>
    const texts = statements.flatMap((s) => [s.text, s.rawText ?? ""]).join("\n")
    // Every output file as text: the xlsx and docx unpacked, charts (SVG, Vega-Lite JSON) included.
    const outputs = allFiles(out).map((file) => [path.relative(out, file), readAsText(file)] as const)
    expect(outputs.map(([name]) => name)).toEqual(expect.arrayContaining(["report.html", "statements.xlsx", "recommendations.docx", "ledger.json"]))
    for (const secret of PERSONAL_SECRETS) {
      expect(texts, secret).not.toContain(secret)
      for (const [name, text] of outputs) expect(text, `${secret} in ${name}`).not.toContain(secret)
    }
    for (const kept of NOT_SECRETS) expect(texts).toContain(kept)
    const ledger = JSON.parse(fs.readFileSync(path.join(out, "ledger.json"), "utf8")) as { masked: Record<string, number> }
    expect(ledger.masked).toMatchObject({ cpr: 4, phone: 3, email: 2, handle: 1, profile: 1 })
  }, 90_000)
})
