import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { repoRoot } from "@udsagn/domain/Paths"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import type { RunningServer } from "../src/Server.js"
import { form, freshDir, sample, start, upload, uuid } from "./helpers.js"

// The theme set new analyses use (GET/PUT/DELETE /api/themes, the page /temaer), the theme file of
// an upload sent as a browser sends it, and re-running an analysis with the current themes; real
// server, real pipeline, a fresh storage folder.

vi.setConfig({ testTimeout: 120_000 })

const cross = "tvaersektorielt-samarbejde"
const defaultText = readFileSync(join(repoRoot, "data/themes/default.json"), "utf8")
/** The default themes plus a new one with three plain words that occur in the sample. */
const withCrossSector = () => {
  const json = JSON.parse(defaultText) as { themes: Array<unknown> }
  json.themes.push({ id: cross, label: "Tværsektorielt samarbejde", terms: ["kommune", "overgange", "sektorer"] })
  return JSON.stringify(json)
}

let dir: string
let server: RunningServer
let before: string

const call = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init)
const put = (body: string, headers: Record<string, string> = {}) =>
  call("/api/themes", { method: "PUT", body, headers: { "content-type": "application/json", ...headers } })
const page = (path: string, body: URLSearchParams | FormData) =>
  call(path, { method: "POST", body, headers: { origin: server.url }, redirect: "manual" })

interface Meta {
  readonly id: string
  readonly statements: number
  readonly themeLabels: ReadonlyArray<{ id: string; label: string }>
  readonly themes: ReadonlyArray<{ theme: string; count: number }>
}
const meta = async (id: string) => (await (await call(`/api/analyses/${id}`)).json()) as Meta
const statementsOf = async (id: string) =>
  (await (await call(`/api/analyses/${id}/statements.json`)).json()) as Array<{ id: string; text: string; themes: Array<string> }>

beforeAll(async () => {
  dir = freshDir("themes")
  server = await start(dir)
  // An analysis made with the default themes, to re-run later.
  const res = await upload(server, form({ path: sample, name: "menti-konference-2024-12-05.xlsx" }))
  expect(res.status).toBe(201)
  before = ((await res.json()) as { id: string }).id
}, 180_000)

afterAll(async () => {
  await server?.close()
})

describe("GET/PUT/DELETE /api/themes", () => {
  it("gives the default theme file until one is saved", async () => {
    const res = await call("/api/themes")
    expect(res.status).toBe(200)
    expect(res.headers.get("x-udsagn-themes")).toBe("default")
    expect(await res.text()).toBe(defaultText)
  })

  it("refuses a wrong theme file with 400 and one Danish line naming the theme, and keeps the old one", async () => {
    const res = await put(JSON.stringify({ themes: [{ id: "a", label: "A" }, { id: "b", label: "B", exclusions: "x" }] }))
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: string }
    expect(error).toBe("Temafilen kan ikke bruges: tema nr. 2 (»B«): ordene der udelukker temaet (exclusions) skal være en liste i [ ].")
    const notJson = (await (await put("{ \"themes\": [")).json()) as { error: string }
    expect(notJson.error).toMatch(/^Temafilen kan ikke bruges: filen er ikke gyldig JSON/)
    expect((await call("/api/themes")).headers.get("x-udsagn-themes")).toBe("default")
    expect(existsSync(join(dir, "temaer.json"))).toBe(false)
  })

  it("refuses a PUT, a form post or a re-run from another site (CSRF), as every state-changing route", async () => {
    const res = await put(withCrossSector(), { origin: "http://evil.example", "sec-fetch-site": "cross-site" })
    expect(res.status).toBe(403)
    const evil = { origin: "http://evil.example", "sec-fetch-site": "cross-site" }
    expect((await call("/temaer", { method: "POST", body: new URLSearchParams({ "label-new": "X", "terms-new": "x" }), headers: evil })).status).toBe(403)
    // A page post needs an origin (the forms send one).
    expect((await call("/temaer/standard", { method: "POST", body: new URLSearchParams({ confirm: "1" }) })).status).toBe(403)
    expect((await call(`/api/analyses/${before}/rerun`, { method: "POST", headers: evil })).status).toBe(403)
    expect(existsSync(join(dir, "temaer.json"))).toBe(false)
  })

  it("saves a theme file with only id, label and three words; new analyses use it and find statements under it", async () => {
    const res = await put(withCrossSector())
    expect(res.status).toBe(200)
    const saved = JSON.parse(await res.text()) as { themes: Array<{ id: string; terms: Array<{ term: string; weight: number }> }> }
    expect(saved.themes.find((t) => t.id === cross)?.terms).toEqual([
      { term: "kommune", weight: 1 },
      { term: "overgange", weight: 1 },
      { term: "sektorer", weight: 1 }
    ])
    // Stored with the server's data, private like the rest of it.
    expect(statSync(join(dir, "temaer.json")).mode & 0o777).toBe(0o600)
    expect((await call("/api/themes")).headers.get("x-udsagn-themes")).toBe("saved")

    const made = await upload(server, form({ path: sample, name: "menti.xlsx" }))
    expect(made.status).toBe(201)
    const { id } = (await made.json()) as { id: string }
    const m = await meta(id)
    expect(m.themeLabels.map((t) => t.label)).toContain("Tværsektorielt samarbejde")
    const under = (await statementsOf(id)).filter((s) => s.themes.includes(cross)).map((s) => s.text)
    expect(under).toEqual(expect.arrayContaining(["Overgangene mellem sygehus, egen læge og kommune"]))
    expect(m.themes.find((t) => t.theme === cross)?.count).toBe(under.length)
    expect(existsSync(join(dir, id, "themes.json"))).toBe(true)
    // The model trained for these themes is kept for the next analysis (model.json fits the default only).
    const cached = readdirSync(join(dir, "laering", "modeller")).filter((n) => /^base-[0-9a-f]{32}\.model\.json$/.test(n))
    expect(cached).toHaveLength(1)
    expect(statSync(join(dir, "laering", "modeller", cached[0]!)).mode & 0o777).toBe(0o600)
  })

  it("survives a restart", async () => {
    await server.close()
    server = await start(dir)
    const res = await call("/api/themes")
    expect(res.headers.get("x-udsagn-themes")).toBe("saved")
    expect(await res.text()).toContain("Tværsektorielt samarbejde")
  })
})

describe("POST /api/analyses/:id/rerun", () => {
  it("makes a new analysis of the same file with the current themes; the old one stays as it was", async () => {
    const models = join(dir, "laering", "modeller")
    const cachedModel = () => readdirSync(models).filter((n) => n.startsWith("base-")).map((n) => `${n} ${statSync(join(models, n)).mtimeMs}`)
    const modelBefore = cachedModel()
    const res = await call(`/api/analyses/${before}/rerun`, { method: "POST" })
    expect(res.status).toBe(201)
    const body = (await res.json()) as { id: string; rerunOf: string; statements: number; url: string }
    expect(body.id).toMatch(uuid)
    expect(body.id).not.toBe(before)
    expect(body.rerunOf).toBe(before)
    expect(body.statements).toBe(174)
    expect((await meta(body.id)).themeLabels.map((t) => t.id)).toContain(cross)
    expect((await meta(before)).themeLabels.map((t) => t.id)).not.toContain(cross)
    // After the restart the model came from the cache, not trained and written again.
    expect(cachedModel()).toEqual(modelBefore)
    expect((await call("/api/analyses/00000000-0000-4000-8000-000000000000/rerun", { method: "POST" })).status).toBe(404)
  })
})

describe("a theme file in an upload, sent as a browser sends it (application/json)", () => {
  const jsonPart = (text: string) => {
    const data = form({ path: sample, name: "menti.xlsx" })
    data.append("themes", new Blob([text], { type: "application/json" }), "mine-temaer.json")
    return data
  }

  it("is used", async () => {
    const own = JSON.stringify({ name: "Egne", themes: [{ id: "tolke", label: "Tolke", terms: ["tolk", "tolke", "tolkning"] }] })
    const res = await upload(server, jsonPart(own))
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    expect((await meta(id)).themeLabels.map((t) => t.label)).toEqual(["Tolke", "Andet"])
  })

  it("is refused with a Danish message naming the file when it is wrong, never ignored", async () => {
    const res = await upload(server, jsonPart(JSON.stringify({ themes: [{ id: "Tolke og sprog" }] })))
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: string }
    expect(error).toContain("Temafilen »mine-temaer.json« kan ikke bruges: tema nr. 1")
    expect(error).toContain("id må kun have små bogstaver")
    expect(error).toContain("navnet (label) mangler")
  })
})

describe("the page /temaer", () => {
  it("shows the themes as a form and saves a renamed theme and a new one", async () => {
    const html = await (await call("/temaer")).text()
    expect(html).toContain("Tværsektorielt samarbejde")
    // Example statements under each theme, from the newest analysis that has it.
    const fieldset = html.slice(html.indexOf(`data-theme="${cross}"`), html.indexOf("</fieldset>", html.indexOf(`data-theme="${cross}"`)))
    expect(fieldset).toContain("Eksempler på udsagn (3)")
    expect(fieldset.match(/<li>[^<]*(kommun|overgang|sektor)/gi)?.length).toBe(3)
    // Words that mean the same, one set per line, the set's words separated by commas.
    expect(html).toMatch(/<textarea id="synonyms-2"[^>]*>tidspres, tid, /)
    const formData = new URLSearchParams()
    const current = JSON.parse(await (await call("/api/themes")).text()) as { themes: Array<{ id: string; label: string; terms: Array<{ term: string }> }> }
    current.themes.forEach((t, i) => {
      formData.set(`id-${i}`, t.id)
      formData.set(`label-${i}`, t.id === "health-literacy" ? "Sundhedskompetence i organisationen" : t.label)
      formData.set(`terms-${i}`, t.terms.map((w) => w.term).join("\n"))
      if (t.id === cross) formData.set(`remove-${i}`, "1")
    })
    formData.set("synonyms-0", "tid, nærvær\n\nspørg, spurgt, spørg")
    formData.set("label-new", "Tolke")
    formData.set("terms-new", "tolk\ntolke, tolkning")
    const res = await page("/temaer", formData)
    expect(res.status).toBe(303)
    expect(res.headers.get("location")).toBe("/temaer?gemt=1")
    const now = JSON.parse(await (await call("/api/themes")).text()) as { themes: Array<{ id: string; label: string; terms: Array<{ term: string; weight: number }> }> }
    expect(now.themes.map((t) => t.id)).toEqual(["patient-involvement", "visual-communication", "staff-burnout", "health-literacy", "tolke"])
    expect(now.themes[3]!.label).toBe("Sundhedskompetence i organisationen")
    // Words kept keep their weight.
    expect(now.themes[3]!.terms[0]).toEqual({ term: "sundhedskompetence", weight: 1.6 })
    expect(now.themes[4]!.terms.map((w) => w.term)).toEqual(["tolk", "tolke", "tolkning"])
    // Each line a set, each word once; empty lines skipped.
    expect((now.themes[0] as unknown as { synonyms: Array<Array<string>> }).synonyms).toEqual([["tid", "nærvær"], ["spørg", "spurgt"]])
    expect(await (await call("/temaer?gemt=1")).text()).toContain("Temaerne er gemt")
  })

  it("keeps what was typed and says what to fix in Danish", async () => {
    const formData = new URLSearchParams({ "id-0": "tolke", "label-0": "", "terms-0": "tolk", "terms-new": "kommune" })
    const res = await page("/temaer", formData)
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain("Temaerne blev ikke gemt")
    expect(html).toContain("det nye tema mangler et navn")
    expect(html).toMatch(/<textarea id="terms-new"[^>]*>kommune<\/textarea>/)
    // A word alone on its line of words that mean the same is named, not dropped.
    const lonely = await page("/temaer", new URLSearchParams({ "id-0": "tolke", "label-0": "Tolke", "terms-0": "tolk", "synonyms-0": "tolk, tolkning\nalene" }))
    expect(lonely.status).toBe(400)
    const text = await lonely.text()
    expect(text).toContain("»alene« står alene på sin linje")
    expect(text).toMatch(/<textarea id="synonyms-0"[^>]*>tolk, tolkning\nalene<\/textarea>/)
  })

  it("downloads and uploads the theme file, and goes back to the default themes", async () => {
    const res = await call("/temaer/temaer.json")
    expect(res.headers.get("content-disposition")).toContain("temaer.json")
    const text = await res.text()
    const wrong = new FormData()
    wrong.append("themes", new Blob(["{ \"themes\": 3 }"], { type: "application/json" }), "forkert.json")
    const refused = await page("/temaer/upload", wrong)
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain("Temafilen »forkert.json« kan ikke bruges: listen af temaer (themes) skal være en liste i [ ]")
    expect(await (await call("/api/themes")).text()).toBe(text)

    expect((await page("/temaer/standard", new URLSearchParams())).headers.get("location")).toBe("/temaer")
    expect(existsSync(join(dir, "temaer.json"))).toBe(true)
    const reset = await page("/temaer/standard", new URLSearchParams({ confirm: "1" }))
    expect(reset.headers.get("location")).toBe("/temaer?standard=1")
    expect(await (await call("/api/themes")).text()).toBe(defaultText)

    const good = new FormData()
    good.append("themes", new Blob([text], { type: "application/json" }), "temaer.json")
    const uploaded = await page("/temaer/upload", good)
    expect(uploaded.headers.get("location")).toBe("/temaer?uploadet=1")
    expect(await (await call("/api/themes")).text()).toBe(text)

    const deleted = await call("/api/themes", { method: "DELETE" })
    expect(deleted.status).toBe(200)
    expect(await deleted.text()).toBe(defaultText)
    expect(existsSync(join(dir, "temaer.json"))).toBe(false)
  })
})
