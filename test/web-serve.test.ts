import { sampleExportPath } from "@udsagn/domain/Paths"
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { cliCommand, repoRoot, servedUrl, serveProcess, tempDir } from "./support.js"

const serve = (args: ReadonlyArray<string>) =>
  spawn(process.execPath, [...cliCommand, "serve", ...args], {
    cwd: repoRoot,
    env: { ...process.env, INIT_CWD: repoRoot },
    stdio: ["ignore", "pipe", "pipe"]
  })

const finish = (child: ReturnType<typeof serve>) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    let stdout = ""
    let stderr = ""
    child.stdout!.on("data", (d) => (stdout += d))
    child.stderr!.on("data", (d) => (stderr += d))
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

describe("udsagn serve (real process)", () => {
  const running: Array<ChildProcess> = []
  afterAll(() => running.forEach((c) => c.kill()))

  it("starts on the asked port, and a second server on the same port fails in one Danish line", async () => {
    const first = serve(["--port", "0", "--reports-dir", tempDir()])
    running.push(first)
    const url = await servedUrl(first)
    expect((await fetch(url)).status).toBe(200)
    const port = new URL(url).port

    const second = await finish(serve(["--port", port, "--reports-dir", tempDir()]))
    expect(second.code).toBe(1)
    expect(second.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Fejl: Kunne ikke starte serveren på 127\.0\.0\.1:\d+ \(EADDRINUSE\)/)])
  })

  it("starts an analysis process ahead that warms up in a temporary folder; an upload then gives what the CLI gives; nothing is left after", async () => {
    const tmp = tempDir()
    const { child: server, url } = await serveProcess(tempDir(), { TMPDIR: tmp })
    running.push(server)
    // The process started ahead analyses the bundled sample in its own folder, then removes it.
    const warmFolders = () => readdirSync(tmp).filter((n) => n.startsWith("udsagn-warm-"))
    const deadline = Date.now() + 60_000
    let seen = false
    while (Date.now() < deadline) {
      if (warmFolders().length > 0) seen = true
      else if (seen) break
      await new Promise((r) => setTimeout(r, 20))
    }
    expect(seen).toBe(true)
    expect(warmFolders()).toEqual([])

    const form = new FormData()
    form.append("file", new Blob([readFileSync(sampleExportPath)]), "menti-konference-2024-12-05.xlsx")
    const res = await fetch(`${url}/api/analyses`, { method: "POST", body: form })
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    const web = (await (await fetch(`${url}/api/analyses/${id}/statements.json`)).json()) as Array<{ id: string; themes: Array<string> }>
    const cliOut = join(tempDir(), "cli")
    expect(spawnSync(process.execPath, [...cliCommand, "analyze", "--out", cliOut], { cwd: repoRoot, env: { ...process.env, INIT_CWD: repoRoot } }).status).toBe(0)
    const cli = JSON.parse(readFileSync(join(cliOut, "statements.json"), "utf8")) as Array<{ id: string; themes: Array<string> }>
    expect(web.map((s) => [s.id, s.themes])).toEqual(cli.map((s) => [s.id, s.themes]))

    // Stopped, the server's next process started ahead goes too, and its folder with it.
    await new Promise<void>((resolve) => {
      server.once("exit", () => resolve())
      server.kill("SIGTERM")
    })
    const until = Date.now() + 10_000
    while (Date.now() < until && warmFolders().length > 0) await new Promise((r) => setTimeout(r, 100))
    expect(warmFolders()).toEqual([])
  }, 180_000)

  it("refuses a port number out of range", async () => {
    const run = await finish(serve(["--port", "70000"]))
    expect(run.code).toBe(1)
    expect(run.stderr.trim()).toMatch(/^Fejl: Ugyldigt portnummer: 70000/)
  })
})
