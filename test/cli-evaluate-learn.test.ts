import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { repoRoot, runCli, tempDir } from "./support.js"

// A small gold file written for this test (never the shared dev set): the codebook's own edge cases.
const GOLD = `id,question,text,themes
x1,Q,Mere tid til den enkelte patient,patient-involvement
x2,Q,Personalet er pressede og brænder ud,staff-burnout
x3,Q,Undgå fagsprog i brevene,health-literacy
x4,Q,Videokonsultationer,other
x5,Q,Videoer der forklarer operationen,visual-communication
x6,Q,Billeder i indkaldelsesbreve så alle kan forstå dem,visual-communication|health-literacy
x7,Q,Inddrag pårørende,patient-involvement
x8,Q,Lighed i sundhed er vigtigt,other
`

describe("udsagn evaluate and learn (real CLI)", () => {
  it("evaluate prints per-label precision, recall, F1, kappa, support, macro/micro-F1 and exact match", async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, "gold.csv"), GOLD)
    const run = await runCli(["evaluate", "--gold", "gold.csv", "--folds", "2"], { cwd: dir })
    expect(run.code).toBe(0)
    for (const label of ["patient-involvement", "visual-communication", "staff-burnout", "health-literacy", "other"]) {
      expect(run.stdout).toContain(`\`${label}\``)
    }
    expect(run.stdout).toMatch(/præcision \| genkaldelse \| F1 \| kappa \| støtte/)
    expect(run.stdout).toMatch(/makro-F1 \d,\d{3} · mikro-F1 \d,\d{3} · helt rigtige temasæt/)
    expect(run.stdout).toContain("Krydsvalidering, 2 fold")
    // Honest confidence and what review buys: the reliability table and the review curve, for the
    // gold file and for the cross-validation.
    expect(run.stdout.match(/Pålidelighed: sikkerhed mod andel helt rigtige temasæt/g)).toHaveLength(2)
    expect(run.stdout).toMatch(/\| sikkerhed \| udsagn \| helt rigtige \| gns\. sikkerhed \|/)
    expect(run.stdout).toMatch(/kalibreringsfejl \(ECE\) \d,\d{3}/)
    expect(run.stdout.match(/Gennemsyn: makro-F1 efter at en person retter/g)).toHaveLength(2)
    for (const fix of ["intet (som kategoriseret)", "de markerede til gennemsyn", "de 10 % mindst sikre", "de 20 % mindst sikre", "de 30 % mindst sikre"]) {
      expect(run.stdout).toContain(`| ${fix} |`)
    }
  })

  it("evaluate refuses a gold file without the expected columns in one line", async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, "bad.csv"), "a,b\n1,2\n")
    const run = await runCli(["evaluate", "--gold", "bad.csv"], { cwd: dir })
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split("\n")).toHaveLength(1)
    expect(run.stderr).toMatch(/^Fejl: /)
  })

  it("learn appends reviewed corrections to the training data once", async () => {
    const dir = tempDir()
    const projectTraining = fs.readFileSync(path.join(repoRoot, "data/training/statements.csv"), "utf8")
    const out = path.join(dir, "rapport")
    expect((await runCli(["analyze", "--out", out])).code).toBe(0)
    const statements = JSON.parse(fs.readFileSync(path.join(out, "statements.json"), "utf8")) as Array<{ id: string; text: string; themes: Array<string> }>
    // The training file is a fresh one-row copy, so any statement's text is new to it.
    const target = statements[0]!
    fs.writeFileSync(path.join(dir, "rettelser.json"), JSON.stringify([{ id: target.id, themes: ["staff-burnout"] }]))
    const training = path.join(dir, "training.csv")
    fs.writeFileSync(training, "id,question,text,themes\nt0001,Q,Noget helt andet,other\n")

    const args = ["learn", "--statements", path.join(out, "statements.json"), "--overrides", "rettelser.json", "--training", "training.csv"]
    // The web app's memory of corrections goes to REPORTS_DIR (here the temp folder, not reports/).
    const env = { REPORTS_DIR: path.join(dir, "reports") }
    const first = await runCli(args, { cwd: dir, env })
    expect(first.code).toBe(0)
    const lines = fs.readFileSync(training, "utf8").trim().split("\n")
    expect(lines).toHaveLength(3)
    expect(lines[2]).toContain("staff-burnout")
    expect(lines[2]).toContain(target.text.slice(0, 20).replace(/"/g, '""'))

    const second = await runCli(args, { cwd: dir, env })
    expect(second.code).toBe(0)
    expect(fs.readFileSync(training, "utf8").trim().split("\n")).toHaveLength(3)
    // Remembered once for the web app, with the corrected themes.
    const memory = JSON.parse(fs.readFileSync(path.join(dir, "reports/laering/corrections.json"), "utf8")) as {
      corrections: Array<{ text: string; themes: Array<string> }>
    }
    expect(memory.corrections).toEqual([expect.objectContaining({ text: target.text, themes: ["staff-burnout"] })])
    // The project's own training data was not touched.
    expect(fs.readFileSync(path.join(repoRoot, "data/training/statements.csv"), "utf8")).toBe(projectTraining)
  })
})
