import { spawn } from "node:child_process"
import * as fs from "node:fs"
import { afterAll, describe, expect, it } from "vitest"
import { cliCommand, repoRoot, servedUrl, tempDir } from "./support.js"

// Issue 16, "a server that survives": a server killed outright (SIGKILL: no chance to stop its
// children) must not leave an analysis running on in the background. Real `udsagn serve`
// process, a real upload, a real kill; the children are found in /proc by the server pid they
// were given.

const serve = (args: ReadonlyArray<string>) =>
  spawn(process.execPath, [...cliCommand, "serve", ...args], {
    cwd: repoRoot,
    env: { ...process.env, INIT_CWD: repoRoot },
    stdio: ["ignore", "pipe", "pipe"]
  })

/** Processes whose environment names `UDSAGN_SERVER_PID`, with that pid. */
const serverChildren = (): Array<{ pid: number; server: number }> =>
  fs.readdirSync("/proc").filter((n) => /^\d+$/.test(n)).flatMap((n) => {
    try {
      const env = fs.readFileSync(`/proc/${n}/environ`, "utf8").split("\0")
      const entry = env.find((e) => e.startsWith("UDSAGN_SERVER_PID="))
      return entry ? [{ pid: Number(n), server: Number(entry.split("=")[1]) }] : []
    } catch {
      return []
    }
  })

const bigCsv = (n: number) => {
  const words = "patienter borgere tid samtale sygeplejerske kommunikation forståelse hospital læge ansvar ildsjæle pårørende".split(" ")
  const lines = ["Spørgsmål,Svar"]
  for (let i = 0; i < n; i++) lines.push(`Hvad tager du med hjem?,${Array.from({ length: 8 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(" ")} ${i}`)
  return new TextEncoder().encode(lines.join("\n") + "\n")
}

describe("a server killed outright", () => {
  const running: Array<ReturnType<typeof serve>> = []
  afterAll(() => running.forEach((c) => c.kill("SIGKILL")))

  it.skipIf(!fs.existsSync("/proc/self/environ"))("takes its running analysis with it (the child ends within seconds)", async () => {
    const server = serve(["--port", "0", "--reports-dir", tempDir("udsagn-orphans-")])
    running.push(server)
    const url = await servedUrl(server)
    const body = new FormData()
    body.append("file", new Blob([bigCsv(40_000)]), "stor.csv")
    // The upload answers when the analysis ends; do not wait for it.
    const upload = fetch(`${url}/api/analyses`, { method: "POST", body }).catch(() => undefined)
    let children: Array<{ pid: number; server: number }> = []
    const until = Date.now() + 30_000
    while (children.length === 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200))
      children = serverChildren().filter((c) => c.pid !== c.server)
    }
    expect(children.length).toBeGreaterThan(0)
    const serverPid = children[0]!.server
    process.kill(serverPid, "SIGKILL")
    const gone = Date.now() + 15_000
    while (serverChildren().some((c) => c.server === serverPid) && Date.now() < gone) await new Promise((r) => setTimeout(r, 200))
    expect(serverChildren().filter((c) => c.server === serverPid)).toEqual([])
    await upload
  }, 120_000)
})

/** A process' nice value (field 19 of /proc/<pid>/stat; 18 after the name is cut off). */
const niceOf = (pid: number): number => Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ")[16])

describe("the analysis process started ahead", () => {
  const running: Array<ReturnType<typeof serve>> = []
  afterAll(() => running.forEach((c) => c.kill("SIGKILL")))

  it.skipIf(!fs.existsSync("/proc/self/stat"))("warms up at a lower priority than the server, which answers first", async () => {
    const server = serve(["--port", "0", "--reports-dir", tempDir("udsagn-priority-")])
    running.push(server)
    await servedUrl(server)
    let spare: number | undefined
    const until = Date.now() + 30_000
    while (spare === undefined && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200))
      spare = serverChildren().find((c) => c.pid !== c.server && c.server === server.pid && niceOf(c.pid) === 10)?.pid
    }
    expect(spare).toBeDefined()
    expect(niceOf(server.pid!)).toBe(niceOf(process.pid))
  }, 60_000)
})
