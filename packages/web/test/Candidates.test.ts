import { repoRoot } from "@udsagn/domain/Paths"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { RunningServer } from "../src/Server.js"
import { form, freshDir, start, upload } from "./helpers.js"

// The analysis page lists the candidate new themes of topics.json: the sample export with a
// slide of cross-sector statements that no theme covers (test/fixtures/menti-tvaers-sektor.xlsx,
// written by test/fixtures/build-fixtures.ts).

let server: RunningServer
beforeAll(async () => {
  server = await start(freshDir("candidates"))
})
afterAll(async () => {
  await server?.close()
})

describe("candidate themes on the analysis page", () => {
  let analysis = ""
  let candidateIndex = 0
  it("lists a group of statements without a theme, with its words, and offers topics.json", async () => {
    const bytes = readFileSync(join(repoRoot, "test/fixtures/menti-tvaers-sektor.xlsx"))
    const res = await upload(server, form({ bytes, name: "menti-tvaers.xlsx" }))
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    const html = await (await fetch(`${server.url}/analyser/${id}`)).text()
    expect(html).toContain("Mulige nye temaer")
    expect(html).toMatch(/<strong>Sektor[^<]*<\/strong> · \d+ udsagn · ord: [^<]*sektor/i)
    expect(html).toContain(`/analyser/${id}/filer/topics.json`)
    const topics = (await (await fetch(`${server.url}/analyser/${id}/filer/topics.json`)).json()) as {
      candidates: Array<{ label: string; statements: Array<string> }>
    }
    expect(topics.candidates.some((c) => /sektor/i.test(c.label) && c.statements.length >= 20)).toBe(true)
    analysis = id
    candidateIndex = topics.candidates.findIndex((c) => /sektor/i.test(c.label)) + 1
    expect(html).toContain(`action="/analyser/${id}/kandidater/${candidateIndex}/tema"`)
  }, 180_000)

  it("turns a candidate into a theme with one request: its words the terms, its statements the examples, and the analysis re-run with it", async () => {
    const res = await fetch(`${server.url}/api/analyses/${analysis}/candidates/${candidateIndex}/theme`, { method: "POST" })
    const body = (await res.json()) as { id: string; rerunOf: string; theme: { id: string; label: string; terms: Array<string>; examples: Array<string> } }
    expect(res.status, JSON.stringify(body)).toBe(201)
    expect(body.rerunOf).toBe(analysis)
    expect(body.theme.label).toMatch(/sektor/i)
    expect(body.theme.examples.length).toBeGreaterThan(0)
    // The current theme set has it, with the candidate's words.
    const themes = (await (await fetch(`${server.url}/api/themes`)).json()) as { themes: Array<{ id: string; terms: Array<unknown> }> }
    expect(themes.themes.map((t) => t.id)).toContain(body.theme.id)
    // The new analysis puts statements under it; the old one is unchanged.
    const rows = (await (await fetch(`${server.url}/api/analyses/${body.id}/statements.json`)).json()) as Array<{ themes: Array<string> }>
    expect(rows.filter((r) => r.themes.includes(body.theme.id)).length).toBeGreaterThanOrEqual(10)
    const old = (await (await fetch(`${server.url}/api/analyses/${analysis}/statements.json`)).json()) as Array<{ themes: Array<string> }>
    expect(old.some((r) => r.themes.includes(body.theme.id))).toBe(false)
    // A candidate the analysis does not have is 404 in Danish.
    const missing = await fetch(`${server.url}/api/analyses/${analysis}/candidates/99/theme`, { method: "POST" })
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: string }).error).toContain("nyt tema")
  }, 300_000)
})
