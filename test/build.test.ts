import { spawn } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cliCommand, repoRoot, runCli, sampleExport, tempDir } from "./support.js"

// The compiled build (scripts/build.mjs, scripts/udsagn.mjs): a build older than its sources
// never runs, and the web app's children run the build's own compiled entries. Each test here
// uses a build of its own (UDSAGN_BUILD_DIR), so the repository's `.build/` is left alone.

interface Manifest {
  readonly id: string
  readonly sources: Array<[string, number, number, string]>
}

const buildDir = tempDir("udsagn-build-")
const env = { UDSAGN_BUILD_DIR: buildDir }
const manifest = (): Manifest => JSON.parse(fs.readFileSync(path.join(buildDir, "current.json"), "utf8")) as Manifest
const setManifest = (m: Manifest) => fs.writeFileSync(path.join(buildDir, "current.json"), JSON.stringify(m))
const rebuildLines = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("udsagn: bygger programmet"))

beforeAll(async () => {
  const run = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "scripts/build.mjs")], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (out += d))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, out }))
  })
  expect(run.code, run.out).toBe(0)
})
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }))

describe("the compiled build", () => {
  it("runs a fresh build as it is, with every source it was made from recorded", async () => {
    const m = manifest()
    const files = m.sources.map(([rel]) => rel)
    for (const f of ["packages/cli/src/bin.ts", "packages/web/src/bin/analyze.ts", "packages/categorize/src/Categorizer.ts", "pnpm-lock.yaml"]) {
      expect(files).toContain(f)
    }
    expect(files.some((f) => f.includes("node_modules"))).toBe(false)
    for (const name of ["udsagn.cjs", "analyze-worker.cjs", "retrain-worker.cjs"]) expect(fs.existsSync(path.join(buildDir, m.id, name)), name).toBe(true)

    const run = await runCli(["--help"], { env })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain("analyze")
    expect(rebuildLines(run.stderr)).toEqual([])
    expect(manifest().id).toBe(m.id)
  })

  it("rebuilds, saying so in one line, when a source differs from what was built; a touched but unchanged file is not a change", async () => {
    const before = manifest()
    // A git checkout gives files a new mtime with the same content: still the same build.
    setManifest({ ...before, sources: before.sources.map(([rel, size, , hash]) => [rel, size, 1, hash]) })
    const touched = await runCli(["--help"], { env })
    expect(touched.code).toBe(0)
    expect(rebuildLines(touched.stderr)).toEqual([])
    expect(manifest().id).toBe(before.id)

    // Cli.ts as built differs from the one on disk now (as after an edit).
    setManifest({
      ...before,
      sources: before.sources.map(([rel, size, mtime, hash]) => (rel === "packages/cli/src/Cli.ts" ? [rel, size + 1, mtime, "0".repeat(40)] : [rel, size, mtime, hash]))
    })
    const stale = await runCli(["--help"], { env })
    expect(stale.code).toBe(0)
    expect(rebuildLines(stale.stderr)).toEqual(["udsagn: bygger programmet (packages/cli/src/Cli.ts er ændret) …"])
    expect(stale.stdout).toContain("analyze")
    const after = manifest()
    expect(after.id).not.toBe(before.id)
    const cli = after.sources.find(([rel]) => rel === "packages/cli/src/Cli.ts")!
    expect(cli[1]).toBe(fs.statSync(path.join(repoRoot, "packages/cli/src/Cli.ts")).size)

    // A source that is gone (renamed, deleted) is a change too.
    setManifest({ ...after, sources: [...after.sources, ["packages/cli/src/Gone.ts", 1, 1, "0".repeat(40)]] })
    const gone = await runCli(["--help"], { env })
    expect(gone.code).toBe(0)
    expect(rebuildLines(gone.stderr)).toEqual(["udsagn: bygger programmet (packages/cli/src/Gone.ts findes ikke længere) …"])
  }, 180_000)

  it("serves with the analyses in the build's compiled child process", async () => {
    const reportsDir = tempDir("udsagn-build-web-")
    const server = spawn(process.execPath, [...cliCommand, "serve", "--port", "0", "--reports-dir", reportsDir], {
      cwd: repoRoot,
      env: { ...process.env, ...env, INIT_CWD: repoRoot },
      stdio: ["ignore", "pipe", "pipe"]
    })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ""
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 60_000)
        server.stdout.on("data", (d) => {
          out += d
          const m = out.match(/http:\/\/127\.0\.0\.1:\d+/)
          if (m) {
            clearTimeout(timer)
            resolve(m[0])
          }
        })
      })
      const upload = () => {
        const form = new FormData()
        form.append("file", new Blob([fs.readFileSync(sampleExport)]), "menti.xlsx")
        return fetch(`${url}/api/analyses`, { method: "POST", body: form })
      }
      const first = await upload()
      expect(first.status).toBe(201)
      const { id, reportUrl, statements } = (await first.json()) as { id: string; reportUrl: string; statements: number }
      expect(statements).toBeGreaterThan(150)
      expect((await fetch(`${url}/api/analyses/${id}`)).status).toBe(200)
      const report = await fetch(new URL(reportUrl, url))
      expect(report.status).toBe(200)
      expect(await report.text()).toContain("Patientinvolvering")

      // Without the build's compiled analysis entry an upload fails: that file is what runs. A
      // child started ahead that had loaded it already may still do one more.
      fs.rmSync(path.join(buildDir, manifest().id, "analyze-worker.cjs"))
      let failed: Response | undefined
      for (let i = 0; i < 2 && failed === undefined; i++) {
        const res = await upload()
        if (res.status !== 201) failed = res
      }
      expect(failed?.status).toBeGreaterThanOrEqual(400)
      expect(((await failed!.json()) as { error: string }).error).toMatch(/Analysen fejlede/)
    } finally {
      server.kill()
      fs.rmSync(reportsDir, { recursive: true, force: true })
    }
  }, 180_000)
})
