import { AnalyzerLive } from "@udsagn/web/AnalyzerLive"
import { type RunningServer, startWebServer } from "@udsagn/web/Server"
import { readFileSync } from "node:fs"
import { afterAll, describe, expect, it } from "vitest"
import { sampleExport, tempDir } from "./support.js"

// Issue 11 item 3 through the real server and pipeline: corrections saved via the API are
// followed by later uploads of the same statements typed a little differently, survive a
// restart, can be removed on /rettelser, and retraining does not hold up the HTTP loop.

interface Row {
  readonly id: string
  readonly question: string
  readonly text: string
  readonly themes: ReadonlyArray<string>
  readonly evidence: ReadonlyArray<{ readonly term: string; readonly source: string }>
}

const themeIds = ["visual-communication", "health-literacy", "staff-burnout", "patient-involvement"]

/** The same statement typed a little differently: case, punctuation, æøå spelled out, one word added. */
export const perturb = (text: string, i: number): string => {
  const spelled = text.replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa").replace(/Æ/g, "Ae").replace(/Ø/g, "Oe").replace(/Å/g, "Aa")
  const cased = i % 3 === 0 ? spelled.toUpperCase() : i % 3 === 1 ? spelled.toLowerCase() : spelled
  const punctuated = cased.replace(/[.,!?]+/g, i % 2 === 0 ? "" : " -").trim()
  return `${punctuated} altså!`
}

const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`

const upload = async (server: RunningServer, bytes: Uint8Array, name: string) => {
  const body = new FormData()
  body.append("file", new Blob([bytes]), name)
  const res = await fetch(`${server.url}/api/analyses`, { method: "POST", body })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

const statements = async (server: RunningServer, id: string) =>
  (await (await fetch(`${server.url}/api/analyses/${id}/statements.json`)).json()) as ReadonlyArray<Row>

const corrections = async (server: RunningServer) =>
  (await (await fetch(`${server.url}/api/corrections`)).json()) as {
    corrections: ReadonlyArray<{ id: string; text: string; key: string; themes: ReadonlyArray<string> }>
    training: boolean
  }

const followed = (row: Row) => row.evidence.some((e) => e.term === "rettelse" && e.source === "override")

describe("the web app learns from corrections", () => {
  const reportsDir = tempDir("udsagn-learning-")
  const servers: Array<RunningServer> = []
  const start = async () => {
    const server = await startWebServer({ settings: { reportsDir }, analyzer: AnalyzerLive })
    servers.push(server)
    return server
  }
  afterAll(async () => {
    for (const s of servers) await s.close().catch(() => {})
  })

  // Shared between the steps below, which run in order on one storage folder.
  let corrected: Array<{ text: string; themes: Array<string> }> = []
  let perturbedCsv = ""

  const countFollowing = (rows: ReadonlyArray<Row>, skip?: string) => {
    let n = 0
    corrected.forEach((c, i) => {
      if (c.text === skip) return
      const row = rows.find((r) => r.text === perturb(c.text, i))
      if (row && followed(row) && [...row.themes].sort().join() === [...c.themes].sort().join()) n++
    })
    return n
  }

  it("follows at least 32 of 40 corrections in a new upload typed differently, without the upload waiting for retraining", async () => {
    const server = await start()
    const first = await upload(server, readFileSync(sampleExport), "menti-konference-2024-12-05.xlsx")
    const rows = await statements(server, first)
    const seen = new Set<string>()
    const picked = rows.filter((r) => {
      const key = r.text.toLowerCase().trim()
      if (seen.has(key)) return false
      seen.add(key)
      return true
    }).slice(0, 40)
    expect(picked).toHaveLength(40)
    // A theme the model did not give: following the correction is visible in the result.
    corrected = picked.map((r) => ({ text: r.text, themes: [themeIds.find((t) => !r.themes.includes(t)) ?? "other"] }))
    const put = await fetch(`${server.url}/api/analyses/${first}/overrides`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(picked.map((r, i) => ({ id: r.id, themes: corrected[i]!.themes })))
    })
    expect(put.status).toBe(200)

    // Retraining runs in the background: the server answers at once meanwhile.
    const saved = await corrections(server)
    expect(saved.corrections).toHaveLength(40)
    expect(saved.training).toBe(true)
    const t0 = Date.now()
    expect((await fetch(`${server.url}/`)).status).toBe(200)
    expect(Date.now() - t0).toBeLessThan(1000)

    perturbedCsv = "Spørgsmål,Svar\n" + corrected.map((c, i) => `${csvCell("Hvad tager du med hjem?")},${csvCell(perturb(c.text, i))}`).join("\n") + "\n"
    const second = await upload(server, new TextEncoder().encode(perturbedCsv), "igen.csv")
    const again = await statements(server, second)
    expect(countFollowing(again)).toBeGreaterThanOrEqual(32)
    const meta = (await (await fetch(`${server.url}/api/analyses/${second}`)).json()) as {
      corrections: { corrections: number }
      summary: unknown
    }
    expect(meta.corrections.corrections).toBe(40)
    const followedRows = again.filter(followed)
    expect(followedRows.every((r) => !("needsReview" in r) || (r as unknown as { needsReview: boolean }).needsReview === false)).toBe(true)
  })

  it("removing a correction on /rettelser takes it out of the next analysis, and the rest survive a restart", async () => {
    const server = servers[0]!
    const page = await (await fetch(`${server.url}/rettelser`)).text()
    expect(page).toContain("Rettelser, som udsagn har lært af")
    const list = await corrections(server)
    const target = corrected[0]!
    const entry = list.corrections.find((c) => c.text === target.text)!
    expect(page).toContain(`/rettelser/${entry.id}/fjern`)
    const removed = await fetch(`${server.url}/rettelser/${entry.id}/fjern`, { method: "POST", redirect: "manual", headers: { origin: server.url } })
    expect(removed.status).toBe(303)
    // The same form from another site is refused.
    const foreign = await fetch(`${server.url}/rettelser/${list.corrections[1]!.id}/fjern`, { method: "POST", redirect: "manual", headers: { origin: "http://evil.example" } })
    expect(foreign.status).toBe(403)
    expect((await corrections(server)).corrections).toHaveLength(39)

    const third = await upload(server, new TextEncoder().encode(perturbedCsv), "igen.csv")
    const rows = await statements(server, third)
    const row = rows.find((r) => r.text === perturb(target.text, 0))!
    expect(followed(row)).toBe(false)
    expect(countFollowing(rows, target.text)).toBeGreaterThanOrEqual(31)

    await server.close()
    const restarted = await start()
    expect((await corrections(restarted)).corrections).toHaveLength(39)
    const fourth = await upload(restarted, new TextEncoder().encode(perturbedCsv), "igen.csv")
    expect(countFollowing(await statements(restarted, fourth), target.text)).toBeGreaterThanOrEqual(31)
    const api = await fetch(`${restarted.url}/api/corrections/${list.corrections[1]!.id}`, { method: "DELETE" })
    expect(api.status).toBe(200)
    expect((await fetch(`${restarted.url}/api/corrections/000000000000`, { method: "DELETE" })).status).toBe(404)
  })

  it("uses the model retrained with the corrections once it is ready", async () => {
    const server = servers[servers.length - 1]!
    const deadline = Date.now() + 110_000
    while ((await corrections(server)).training && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500))
    expect((await corrections(server)).training).toBe(false)
    const id = await upload(server, new TextEncoder().encode(perturbedCsv), "igen.csv")
    const meta = (await (await fetch(`${server.url}/api/analyses/${id}`)).json()) as {
      corrections: { corrections: number; retrainedWith: number; followedExact: number; followedNear: number }
      summary: { corrections?: unknown }
    }
    expect(meta.corrections.corrections).toBe(38)
    expect(meta.corrections.retrainedWith).toBe(38)
    expect(meta.corrections.followedExact + meta.corrections.followedNear).toBeGreaterThanOrEqual(30)
    // The run's summary.json carries the same figures (for the report's method section).
    const summary = (await (await fetch(`${server.url}/analyser/${id}/filer/summary.json`)).json()) as { corrections: unknown }
    expect(summary.corrections).toEqual(meta.corrections)
  }, 150_000)
})
