import { spawn } from "node:child_process"
import { afterAll, describe, expect, it } from "vitest"
import { cliCommand, repoRoot, tempDir } from "./support.js"

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
  const running: Array<ReturnType<typeof serve>> = []
  afterAll(() => running.forEach((c) => c.kill()))

  it("starts on the asked port, and a second server on the same port fails in one Danish line", async () => {
    const first = serve(["--port", "0", "--reports-dir", tempDir()])
    running.push(first)
    const url = await new Promise<string>((resolve, reject) => {
      let out = ""
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 60_000)
      first.stdout!.on("data", (d) => {
        out += d
        const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)/)
        if (m) {
          clearTimeout(timer)
          resolve(m[0])
        }
      })
    })
    expect((await fetch(url)).status).toBe(200)
    const port = new URL(url).port

    const second = await finish(serve(["--port", port, "--reports-dir", tempDir()]))
    expect(second.code).toBe(1)
    expect(second.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Fejl: Kunne ikke starte serveren på 127\.0\.0\.1:\d+ \(EADDRINUSE\)/)])
  })

  it("refuses a port number out of range", async () => {
    const run = await finish(serve(["--port", "70000"]))
    expect(run.code).toBe(1)
    expect(run.stderr.trim()).toMatch(/^Fejl: Ugyldigt portnummer: 70000/)
  })
})
