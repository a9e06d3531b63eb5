import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { RunningServer } from "../src/Server.js"
import { form, freshDir, start, upload } from "./helpers.js"

// The review page at a size that needs pages: 260 statements, 100 a page, the filters working
// across pages in the query string; and a saved correction applied to the stored
// categorization: the uploaded file is gone before the save, so it cannot have been read again.

const openers = [
  "Brevene fra hospitalet er for svære at forstå",
  "Flere tegninger og video i brevene",
  "Tid til at lytte til patienten og de pårørende",
  "Personalet er pressede og mangler tid",
  "Sundhedskompetence skal styrkes hos borgerne"
]
const rowsCsv = () => {
  const lines = ["Spørgsmål;Svar"]
  for (let i = 0; i < 260; i++) {
    const q = i % 2 === 0 ? "Hvor oplever du de største barrierer?" : "Hvad er lavthængende frugter?"
    lines.push(`${q};${openers[i % openers.length]} (nr. ${i + 1})`)
  }
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n")
}

let server: RunningServer
let dir: string
let id: string
let rows: Array<{ id: string; text: string; themes: Array<string>; overridden?: boolean }>
beforeAll(async () => {
  dir = freshDir("review-paging")
  server = await start(dir)
  const res = await upload(server, form({ bytes: rowsCsv(), name: "mange-udsagn.csv" }))
  expect(res.status).toBe(201)
  id = ((await res.json()) as { id: string }).id
  rows = (await (await fetch(`${server.url}/api/analyses/${id}/statements.json`)).json()) as typeof rows
}, 180_000)
afterAll(async () => {
  await server?.close()
})

const page = async (query: string) => (await fetch(`${server.url}/analyser/${id}/gennemgang${query}`)).text()
const idsOn = (html: string) => [...html.matchAll(/data-statement="([^"]+)"/g)].map((m) => m[1]!)
const textsOn = (html: string) => [...html.matchAll(/<legend>([^<]*)<\/legend>/g)].map((m) => m[1]!)

describe("a paged review page", () => {
  it("shows at most 100 statements a page, and every statement on exactly one page", async () => {
    expect(rows).toHaveLength(260)
    const first = await page("")
    expect(idsOn(first)).toHaveLength(100)
    expect(first).toContain("Viser udsagn 1–100 af 260 · side 1 af 3.")
    expect(first).toMatch(/<a rel="next" href="\/analyser\/[^"]+\/gennemgang\?side=2#udsagn">/)
    const all = [...idsOn(first), ...idsOn(await page("?side=2")), ...idsOn(await page("?side=3"))]
    expect(all).toHaveLength(260)
    expect(new Set(all)).toEqual(new Set(rows.map((r) => r.id)))
    // A page past the end shows the last one; a broken number the first.
    expect(idsOn(await page("?side=99"))).toEqual(idsOn(await page("?side=3")))
    expect(idsOn(await page("?side=abc"))).toEqual(idsOn(first))
  })

  it("filters across pages and keeps the filter in the page links", async () => {
    const wanted = rows.filter((r) => r.text.toLowerCase().includes("brev"))
    expect(wanted.length).toBeGreaterThan(100)
    const one = await page("?soeg=brev")
    const two = await page("?soeg=brev&side=2")
    expect(idsOn(one)).toHaveLength(100)
    expect([...idsOn(one), ...idsOn(two)]).toEqual(wanted.map((r) => r.id))
    for (const text of [...textsOn(one), ...textsOn(two)]) expect(text.toLowerCase()).toContain("brev")
    expect(one).toContain("?soeg=brev&amp;side=2#udsagn")
    // The form saves back to the same filter and page.
    expect(two).toContain(`action="/analyser/${id}/gennemgang?soeg=brev&amp;side=2"`)
    const theme = rows.filter((r) => r.themes.includes("staff-burnout"))
    expect(theme.length).toBeGreaterThan(0)
    expect(theme.length).toBeLessThanOrEqual(100)
    expect(idsOn(await page("?tema=staff-burnout"))).toEqual(theme.map((r) => r.id))
    expect(await page("?tema=staff-burnout")).not.toContain('<nav class="pager"')
  })

  it("puts the save button before the first statement and the page links", async () => {
    const html = await page("?side=2")
    const save = html.indexOf('<button type="submit" class="primary">Gem rettelser</button>')
    expect(save).toBeGreaterThan(html.indexOf("<form method=\"post\""))
    expect(save).toBeLessThan(html.indexOf("data-statement="))
    expect(save).toBeLessThan(html.indexOf('<nav class="pager"'))
  })
})

describe("a saved correction", () => {
  it("is applied to the stored categorization without reading the upload again, and changes every output", async () => {
    const meta = JSON.parse(readFileSync(join(dir, id, "analysis.json"), "utf8")) as { inputFile: string; run: string }
    expect(existsSync(join(dir, id, "categorized.json"))).toBe(true)
    // The upload is gone: a save that read or categorized it again would fail.
    rmSync(join(dir, id, meta.inputFile))
    const target = rows.filter((r) => r.text.toLowerCase().includes("brev"))[150 - 100 + 3]!
    expect(target.themes).not.toContain("staff-burnout")
    const before = (await (await fetch(`${server.url}/api/analyses/${id}`)).json()) as { summary: { themes: Array<{ theme: string; count: number }> } }
    const body = new URLSearchParams()
    body.append("vist", target.id)
    body.append(`foer:${target.id}`, target.themes.join(","))
    body.append(`tema:${target.id}`, "staff-burnout")
    const saved = await fetch(`${server.url}/analyser/${id}/gennemgang?soeg=brev&side=2`, {
      method: "POST", body, redirect: "manual", headers: { origin: server.url }
    })
    expect(saved.status).toBe(303)
    expect(saved.headers.get("location")).toMatch(/\?soeg=brev&side=2&gemt=1/)

    const after = (await (await fetch(`${server.url}/api/analyses/${id}/statements.json`)).json()) as typeof rows
    const changed = after.find((r) => r.id === target.id)!
    expect(changed.themes).toEqual(["staff-burnout"])
    expect(changed.overridden).toBe(true)
    // Nothing else moved: the rest is the stored categorization as it was.
    expect(after.filter((r) => r.id !== target.id)).toEqual(rows.filter((r) => r.id !== target.id))
    const api = (await (await fetch(`${server.url}/api/analyses/${id}`)).json()) as typeof before & { run: string }
    const count = (x: typeof before, theme: string) => x.summary.themes.find((t) => t.theme === theme)?.count ?? 0
    expect(count(api, "staff-burnout")).toBe(count(before, "staff-burnout") + 1)
    expect(api.run).not.toBe(meta.run)
    const report = await (await fetch(`${server.url}/analyser/${id}/filer/report.html`)).text()
    expect(report).toContain(`${count(api, "staff-burnout")} udsagn`)

    // statements.xlsx is made when first downloaded, with the correction in it.
    const runDir = join(dir, id, "runs", api.run)
    expect(existsSync(join(runDir, "statements.xlsx"))).toBe(false)
    const xlsx = await fetch(`${server.url}/analyser/${id}/filer/statements.xlsx`)
    expect(xlsx.status).toBe(200)
    const bytes = new Uint8Array(await xlsx.arrayBuffer())
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe("PK")
    expect(statSync(join(runDir, "statements.xlsx")).size).toBe(bytes.length)
    // A changed chart's PNG waits for its first download too; the zip makes whatever is left.
    const inCharts = (ext: string) => readdirSync(join(runDir, "charts")).filter((f) => f.endsWith(ext)).length
    expect(existsSync(join(runDir, "charts", "theme-overview.png"))).toBe(false)
    const png = new Uint8Array(await (await fetch(`${server.url}/analyser/${id}/filer/charts/theme-overview.png`)).arrayBuffer())
    expect(String.fromCharCode(png[1]!, png[2]!, png[3]!)).toBe("PNG")
    const zip = await fetch(`${server.url}/analyser/${id}/analyse.zip`)
    expect(zip.status).toBe(200)
    expect(inCharts(".png")).toBe(inCharts(".vl.json"))
  }, 120_000)
})
