import { existsSync, readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"
import { strFromU8, unzipSync } from "fflate"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import type { RunningServer } from "../src/Server.js"
import { textDigest } from "../src/pages/StatementEdits.js"
import { entries, fixtures, freshDir, start, uuid } from "./helpers.js"

// The administration's API contracts and forms, against the real server and pipeline: title and
// date, leaving out and rewriting statements (`exclude`, `redact`), possible person names, and
// deleting an analysis (a finished one and one still running).

vi.setConfig({ testTimeout: 90_000 })

const withName = "Borgeren Jens Peter Nielsen fra Skive forstod ikke brevet om sin KOL"
const csv = readFileSync(join(fixtures, "udsagn-utf8.csv"), "utf8").trimEnd() + `\nHvad tager du med hjem fra i dag?,${withName}\n`

let dir: string
let server: RunningServer

beforeAll(async () => {
  dir = freshDir("admin")
  server = await start(dir)
})
afterAll(async () => {
  await server?.close()
})

const uploadCsv = (fields: Record<string, string> = {}) => {
  const body = new FormData()
  for (const [k, v] of Object.entries(fields)) body.append(k, v)
  body.append("file", new Blob([csv]), "udsagn.csv")
  return fetch(`${server.url}/api/analyses`, { method: "POST", body })
}
const api = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init)
const page = (path: string, form?: Record<string, string> | URLSearchParams) =>
  fetch(`${server.url}${path}`, form === undefined ? {} : {
    method: "POST",
    headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
    redirect: "manual"
  })
const putJson = (path: string, body: unknown) =>
  api(path, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })

interface Row {
  id: string
  text: string
  rawText: string
  redacted?: boolean
}
const statements = async (id: string) => (await (await api(`/api/analyses/${id}/statements.json`)).json()) as Array<Row>
const idOf = (rows: ReadonlyArray<Row>, text: string) => rows.find((r) => r.text === text)!.id
const report = async (id: string) => (await api(`/analyser/${id}/filer/report.html`)).text()
const docxText = async (id: string) =>
  Object.values(unzipSync(new Uint8Array(await (await api(`/analyser/${id}/filer/recommendations.docx`)).arrayBuffer())))
    .map((part) => strFromU8(part)).join("\n")

describe("title and date", () => {
  it("POST /api/analyses takes title and date: the report, the Word draft and the download names carry them", async () => {
    const res = await uploadCsv({ title: "Dialogmøde om lighed", date: "2025-03-04" })
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    const meta = (await (await api(`/api/analyses/${id}`)).json()) as { title: string; date: string }
    expect(meta).toMatchObject({ title: "Dialogmøde om lighed", date: "2025-03-04" })
    expect(await report(id)).toContain("<h1>Dialogmøde om lighed</h1>")
    expect(await docxText(id)).toContain("Dialogmøde om lighed")
    const docx = await api(`/analyser/${id}/filer/recommendations.docx`)
    expect(docx.headers.get("content-disposition")).toContain(`filename="anbefalinger-dialogmoede-om-lighed.docx"`)

    // Editable later, on the page and over the API; a bad date is one Danish line.
    const saved = await page(`/analyser/${id}/detaljer`, { title: "Dialogmøde 2", date: "2025-03-05" })
    expect(saved.status).toBe(303)
    expect(saved.headers.get("location")).toBe(`/analyser/${id}?gemt=titel`)
    const shown = await (await page(`/analyser/${id}?gemt=titel`)).text()
    expect(shown).toContain("Titel og dato er gemt")
    expect(shown).toContain(`value="Dialogmøde 2"`)
    expect(await report(id)).toContain("<h1>Dialogmøde 2</h1>")
    const bad = await putJson(`/api/analyses/${id}/details`, { date: "4/3/2025" })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toBe("Datoen »4/3/2025« kan ikke bruges. Skriv den som ÅÅÅÅ-MM-DD, fx 2024-12-05.")
    const ok = await putJson(`/api/analyses/${id}/details`, { title: "Dialogmøde 3" })
    expect(await ok.json()).toEqual({ id, title: "Dialogmøde 3", date: "2025-03-05" })
    expect((await api(`/analyser/${id}/filer/report.html`)).headers.get("content-disposition")).toContain("rapport-dialogmoede-3.html")
  })

  it("refuses a date that is not YYYY-MM-DD with 400 and keeps nothing", async () => {
    const res = await uploadCsv({ date: "2024-02-30" })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toContain("Datoen »2024-02-30« kan ikke bruges")
    expect(entries(dir).filter((n) => n.startsWith(".tmp-"))).toEqual([])
  })
})

describe("leaving out and rewriting statements", () => {
  it("PUT overrides takes { id, exclude } and { id, redact }; the ledger balances; the review page flags the name", async () => {
    const { id } = (await (await uploadCsv()).json()) as { id: string }
    const rows = await statements(id)
    const named = idOf(rows, withName)
    const gone = idOf(rows, "mange nye ideer")

    // The review page marks the statement with a name, and only that one.
    // Every page of the review (100 statements a page).
    const pages = Math.ceil(rows.length / 100)
    let review = ""
    for (let p = 1; p <= pages; p++) review += await (await page(`/analyser/${id}/gennemgang?side=${p}`)).text()
    expect(review.match(/Mulig person-navn/g)).toHaveLength(1)
    expect(review).toContain("Jens, Peter, Nielsen")

    const redacted = "Borgeren [navn] fra Skive forstod ikke brevet om sin KOL"
    const put = await putJson(`/api/analyses/${id}/overrides`, [{ id: gone, exclude: true }, { id: named, redact: redacted }])
    expect(put.status).toBe(200)
    const after = await statements(id)
    expect(after.find((r) => r.id === gone)).toBeUndefined()
    expect(after.find((r) => r.id === named)).toMatchObject({ text: redacted, rawText: redacted, redacted: true })
    const { ledger } = (await (await api(`/api/analyses/${id}`)).json()) as {
      ledger: { read: number; kept: number; excluded: Array<{ reason: string; count: number }> }
    }
    expect(ledger.kept).toBe(after.length)
    expect(ledger.read).toBe(ledger.kept + ledger.excluded.reduce((n, e) => n + e.count, 0))
    expect(ledger.excluded.find((e) => e.reason === "reviewer-excluded")?.count).toBe(1)
    const html = await report(id)
    expect(html).not.toContain("Nielsen")
    expect(html).not.toContain("mange nye ideer")
    expect(html).toContain("Udeladt af en person ved gennemgangen")

    // The left-out statement is listed on the review page; the saved list can be sent back as it is.
    const again = await (await page(`/analyser/${id}/gennemgang`)).text()
    expect(again).toContain("Udeladte udsagn (1)")
    expect(again).not.toContain("Mulig person-navn")
    const saved = (await (await api(`/api/analyses/${id}/overrides`)).json()) as Array<unknown>
    expect((await putJson(`/api/analyses/${id}/overrides`, saved)).status).toBe(200)
    // Unknown ids and corrections that say nothing are refused in Danish.
    const unknown = await putJson(`/api/analyses/${id}/overrides`, [{ id: "s9999", exclude: true }])
    expect(unknown.status).toBe(400)
    expect(((await unknown.json()) as { error: string }).error).toContain("»s9999«")
    const nothing = await putJson(`/api/analyses/${id}/overrides`, [{ id: named }])
    expect(nothing.status).toBe(400)
    expect(((await nothing.json()) as { error: string }).error).toContain("siger ikke, hvad der skal rettes")

    // Taken back through the form: the statement is in the report again, the rewrite stays.
    const back = await page(`/analyser/${id}/gennemgang`, { medtag: gone })
    expect(back.status).toBe(303)
    const restored = await statements(id)
    expect(restored.some((r) => r.id === gone)).toBe(true)
    expect(restored.find((r) => r.id === named)?.text).toBe(redacted)
    expect(readFileSync(join(dir, id, "left-out.json"), "utf8").trim()).toBe("[]")
  })

  it("the review form leaves out and rewrites: fields udelad and tekst:<id>", async () => {
    const { id } = (await (await uploadCsv()).json()) as { id: string }
    const rows = await statements(id)
    const named = idOf(rows, withName)
    const gone = idOf(rows, "Netværk")
    const form = new URLSearchParams([
      ["vist", named],
      ["vist", gone],
      ["udelad", gone],
      [`tekstfoer:${named}`, textDigest(withName)],
      [`tekst:${named}`, "Borgeren fra Skive forstod ikke brevet om sin KOL"]
    ])
    for (const s of rows.filter((r) => r.id === named || r.id === gone)) {
      const themes = (s as unknown as { themes: Array<string> }).themes
      form.append(`foer:${s.id}`, themes.join(","))
      for (const t of themes) form.append(`tema:${s.id}`, t)
    }
    const res = await page(`/analyser/${id}/gennemgang`, form)
    expect(res.status).toBe(303)
    const after = await statements(id)
    expect(after.some((r) => r.id === gone)).toBe(false)
    expect(after.find((r) => r.id === named)?.text).toBe("Borgeren fra Skive forstod ikke brevet om sin KOL")
    const overrides = (await (await api(`/api/analyses/${id}/overrides`)).json()) as Array<Record<string, unknown>>
    expect(overrides).toEqual(expect.arrayContaining([
      { id: gone, exclude: true },
      { id: named, redact: "Borgeren fra Skive forstod ikke brevet om sin KOL" }
    ]))
    // Nothing from the original text in any served file.
    const meta = (await (await api(`/api/analyses/${id}`)).json()) as { files: Array<string> }
    for (const file of meta.files.filter((f) => !f.endsWith(".png") && !f.endsWith(".xlsx") && !f.endsWith(".docx"))) {
      expect(await (await api(`/analyser/${id}/filer/${file}`)).text(), file).not.toContain("Nielsen")
    }
  })
})

describe("deleting", () => {
  it("DELETE /api/analyses/:id answers 204 and the folder, raw upload included, is gone; then 404", async () => {
    const { id } = (await (await uploadCsv()).json()) as { id: string }
    expect(readdirSync(join(dir, id))).toContain("udsagn.csv")
    const res = await api(`/api/analyses/${id}`, { method: "DELETE" })
    expect(res.status).toBe(204)
    expect(existsSync(join(dir, id))).toBe(false)
    expect(entries(dir).filter((n) => n.includes(id))).toEqual([])
    expect((await api(`/api/analyses/${id}`)).status).toBe(404)
    const page404 = await page(`/analyser/${id}`)
    expect(page404.status).toBe(404)
    expect(await page404.text()).toContain("Analysen findes ikke")
    expect((await api(`/api/analyses/${id}`, { method: "DELETE" })).status).toBe(404)
    expect((await api(`/api/analyses/ikke-et-id`, { method: "DELETE" })).status).toBe(404)
  })

  it("stops an analysis still running and removes it", async () => {
    const body = new FormData()
    body.append("file", new Blob([csv]), "udsagn.csv")
    const started = await fetch(`${server.url}/analyser`, { method: "POST", body, headers: { origin: server.url }, redirect: "manual" })
    expect(started.status).toBe(303)
    const id = started.headers.get("location")!.split("/").pop()!
    expect(id).toMatch(uuid)
    expect((await api(`/api/analyses/${id}`, { method: "DELETE" })).status).toBe(204)
    expect((await api(`/api/analyses/${id}`)).status).toBe(404)
    expect(entries(dir).filter((n) => n.includes(id))).toEqual([])
  })

  it("the page asks for a tick first, then deletes and says so on the front page", async () => {
    const { id } = (await (await uploadCsv({ title: "Skal slettes" })).json()) as { id: string }
    const html = await (await page(`/analyser/${id}`)).text()
    expect(html).toContain("Slet analysen")
    const refused = await page(`/analyser/${id}/slet`, {})
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain("Sæt flueben for at bekræfte")
    expect(existsSync(join(dir, id))).toBe(true)
    const done = await page(`/analyser/${id}/slet`, { bekraeft: "ja" })
    expect(done.status).toBe(303)
    expect(existsSync(join(dir, id))).toBe(false)
    const front = await (await page(done.headers.get("location")!)).text()
    expect(front).toContain("Analysen »Skal slettes« er slettet")
    expect(front).not.toContain(`/analyser/${id}"`)
  })
})
