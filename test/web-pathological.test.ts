import { AnalyzerInChild } from "@udsagn/web/AnalyzerLive"
import { type RunningServer, startWebServer } from "@udsagn/web/Server"
import { afterAll, describe, expect, it } from "vitest"
import { pathologicalInputs } from "./fixtures/pathological.js"
import { sampleExport, tempDir } from "./support.js"
import { readFileSync } from "node:fs"

// Issue 16's done-when for the web app: the server answers other requests while each
// pathological input is analyzed (in its child process, with the default limits) and survives
// every one of them; each upload ends as a report or one Danish line. Real HTTP on loopback.

const servers: Array<RunningServer> = []
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
})

describe("the web app against the pathological corpus", () => {
  it("answers other requests within a second during every hostile upload, and survives them all", async () => {
    const server = await startWebServer({ settings: { reportsDir: tempDir("udsagn-web-patho-"), analysisMemoryMb: 512 }, analyzer: AnalyzerInChild })
    servers.push(server)
    const outcomes: Array<string> = []
    for (const input of pathologicalInputs()) {
      const body = new FormData()
      body.append("file", new Blob([input.bytes]), input.name)
      let finished = false
      const upload = fetch(`${server.url}/api/analyses`, { method: "POST", body }).then(async (res) => {
        finished = true
        return { status: res.status, body: (await res.json()) as { id?: string; error?: string } }
      })
      // While it runs: the front page and the list answer quickly.
      while (!finished) {
        const began = performance.now()
        const res = await fetch(`${server.url}/api/analyses`)
        await res.arrayBuffer()
        expect(res.status, input.name).toBe(200)
        expect(performance.now() - began, input.name).toBeLessThan(1_000)
        await new Promise((r) => setTimeout(r, 300))
      }
      const result = await upload
      if (result.status === 201) outcomes.push(`${input.name}: rapport`)
      else {
        expect(result.status, `${input.name}: ${JSON.stringify(result.body)}`).toBe(400)
        expect(result.body.error ?? "", input.name).toMatch(/^[^\n]{20,}$/)
        expect(result.body.error ?? "", input.name).not.toMatch(/Error|undefined|stack/)
        outcomes.push(`${input.name}: ${result.body.error}`)
      }
    }
    expect(outcomes).toHaveLength(pathologicalInputs().length)
    // Still whole: a normal upload works afterwards.
    const body = new FormData()
    body.append("file", new Blob([readFileSync(sampleExport)]), "konference.xlsx")
    expect((await fetch(`${server.url}/api/analyses`, { method: "POST", body })).status).toBe(201)
  }, 600_000)
})
