import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url))
const fixture = path.resolve(repoRoot, "test/fixtures/udsagn-utf8-bom.csv")

/** The real CLI, as `pnpm analyze` runs it (the compiled build), from a fresh folder. */
const analyze = (cwd: string, ...args: Array<string>) =>
  spawnSync(
    process.execPath,
    [path.join(repoRoot, "scripts/udsagn.mjs"), "analyze", ...args],
    { cwd, env: { ...process.env, INIT_CWD: cwd }, encoding: "utf8" }
  )

describe("udsagn analyze --out", () => {
  it("an --out path under a file is one Danish input error (exit 1), not an internal error", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "udsagn-cli-"))
    fs.writeFileSync(path.join(dir, "noter.txt"), "vigtigt")
    const run = analyze(dir, fixture, "--out", "noter.txt/rapport")
    const lines = run.stderr.trim().split("\n")
    expect(run.status).toBe(1)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Fejl: Kunne ikke skrive resultatet til .*noter\.txt/)
    expect(fs.readFileSync(path.join(dir, "noter.txt"), "utf8")).toBe("vigtigt")
    fs.rmSync(dir, { recursive: true, force: true })
  }, 60_000)
})
