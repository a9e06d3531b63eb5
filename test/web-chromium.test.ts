import * as fs from "node:fs"
import * as path from "node:path"
import { type Locator, type Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { artifactsDir, chromiumWithServer, fixture, sampleExport } from "./support.js"

// A person who has never seen udsagn: open the page, drop the Menti export, see the report,
// untick a theme on one statement, save, see the count change, download the Word file;
// then restart the server (a new process on the same folder) and find the analysis again.

const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(artifactsDir, `web-${name}.png`), fullPage })

const textOf = async (locator: Locator) => (await locator.textContent())?.replace(/\s+/g, " ").trim()

const env = chromiumWithServer("web")

const newPage = async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: "da-DK" })
  const page = await context.newPage()
  const problems: Array<string> = []
  const origin = new URL(env.server.url).origin
  // Nothing may be fetched from anywhere but this server.
  page.on("request", (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) problems.push(`request to ${r.url()}`)
  })
  page.on("pageerror", (e) => problems.push(String(e)))
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text())
  })
  return { page, problems }
}

describe("the web app in Chromium", () => {
  let analysisUrl = ""

  it("upload by drag and drop, progress, report", async () => {
    const { page, problems } = await newPage()
    await page.goto(env.server.url)
    expect(await textOf(page.locator("h1"))).toBe("Analysér svar fra en konference")
    await shot(page, "1-forside")

    // Drop the file on the upload box, the way a person drags it from the desktop.
    const bytes = fs.readFileSync(sampleExport).toString("base64")
    // Runs in the page (a string, since this file is compiled without DOM types).
    const transfer = await page.evaluateHandle(`(() => {
      const raw = atob(${JSON.stringify(bytes)})
      const data = new Uint8Array(raw.length)
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i)
      const dt = new DataTransfer()
      dt.items.add(new File([data], "menti-konference-2024-12-05.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }))
      return dt
    })()`)
    await page.dispatchEvent("label.dropzone", "dragover", { dataTransfer: transfer })
    await page.dispatchEvent("label.dropzone", "drop", { dataTransfer: transfer })
    expect(await textOf(page.locator("#chosen-file"))).toBe("Valgt fil: menti-konference-2024-12-05.xlsx")
    await shot(page, "2-fil-valgt")

    await page.getByRole("button", { name: "Start analysen" }).click()
    await page.waitForURL(/\/analyser\/[0-9a-f-]{36}$/)
    analysisUrl = page.url()
    const progress = await page.locator("h1").textContent()
    if (progress?.includes("kører")) await shot(page, "3-koerer")

    await page.getByRole("link", { name: "Hent anbefalinger (Word)" }).waitFor({ timeout: 90_000 })
    expect(await textOf(page.locator("h1"))).toBe("Konference 5. december 2024")
    expect(await textOf(page.locator("p.lead"))).toContain("174 udsagn")
    const report = page.frameLocator("iframe.report")
    await report.locator("h2", { hasText: "Sammenfatning" }).waitFor({ timeout: 15_000 })
    await shot(page, "4-analyse")
    expect(problems).toEqual([])
    await page.context().close()
  })

  it("untick a theme on one statement, save, and the count goes down", async () => {
    const { page, problems } = await newPage()
    await page.goto(analysisUrl)
    await page.getByRole("link", { name: "Gennemgå og ret temaer" }).click()
    expect(await textOf(page.locator("h1"))).toBe("Gennemgå temaer")
    await shot(page, "5-gennemgang", false)

    const countOf = async (theme: string) => Number(await page.locator(`td[data-count="${theme}"]`).textContent())
    const before = await countOf("visual-communication")
    // The first statement that has "Visuel kommunikation" ticked.
    const statement = page.locator("fieldset.statement", { has: page.locator('input[value="visual-communication"]:checked') }).first()
    const sid = await statement.getAttribute("data-statement")
    await statement.getByLabel("Visuel kommunikation").uncheck()
    await statement.screenshot({ path: path.join(artifactsDir, "web-6-fjern-flueben.png") })
    await page.getByRole("button", { name: "Gem rettelser" }).first().click()
    await page.locator(".notice", { hasText: "Dine rettelser er gemt" }).waitFor({ timeout: 60_000 })
    const after = await countOf("visual-communication")
    // The shown count is that of the statements now (one fewer, unless the model itself
    // changed between the runs because its training data was being edited).
    const rows = (await (await page.request.get(analysisUrl.replace("/analyser/", "/api/analyses/") + "/statements.json")).json()) as Array<{ themes: Array<string> }>
    expect(after).toBe(rows.filter((r) => r.themes.includes("visual-communication")).length)
    expect(after).not.toBe(before)
    expect(await textOf(page.locator(".notice"))).toContain(`Visuel kommunikation ${before} → ${after}`)
    const saved = page.locator(`fieldset[data-statement="${sid}"]`)
    expect(await saved.getByLabel("Visuel kommunikation").isChecked()).toBe(false)
    expect(await textOf(saved.locator(".tag.fixed"))).toBe("Rettet af dig")
    await shot(page, "7-gemt", false)

    // Filters: only statements the program is unsure of.
    await page.getByLabel("Kun dem, programmet er usikker på").check()
    await page.getByRole("button", { name: "Vis udsagn" }).click()
    expect(await textOf(page.locator("#antal"))).toMatch(/^Viser \d+ af 174 udsagn\.$/)
    const shown = await page.locator("fieldset.statement").count()
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBe(await page.locator("fieldset.statement.review").count())
    expect(problems).toEqual([])
    await page.context().close()
  })

  it("download the Word file", async () => {
    const { page } = await newPage()
    await page.goto(analysisUrl)
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Hent anbefalinger (Word)" }).click()
    ])
    expect(download.suggestedFilename()).toBe("anbefalinger-konference-5-december-2024.docx")
    const file = path.join(env.files, "anbefalinger.docx")
    await download.saveAs(file)
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe("PK")
    await page.context().close()
  })

  it("a broken file gives a clear Danish message; a too big one is stopped before uploading", async () => {
    const { page } = await newPage()
    await page.goto(env.server.url)
    const big = path.join(env.files, "for-stor.csv")
    fs.writeFileSync(big, Buffer.alloc(51 * 1024 * 1024, 97))
    await page.setInputFiles("#file", big)
    await page.getByRole("button", { name: "Start analysen" }).click()
    expect(await textOf(page.locator("#chosen-file"))).toBe("Filen er for stor. Den må højst fylde 50 MB.")
    expect(new URL(page.url()).pathname).toBe("/")
    await page.setInputFiles("#file", fixture("bad/not-a-spreadsheet.xlsx"))
    await page.getByRole("button", { name: "Start analysen" }).click()
    await page.locator("h1", { hasText: "Filen kunne ikke analyseres" }).waitFor({ timeout: 30_000 })
    expect(await textOf(page.locator(".error"))).toContain("not-a-spreadsheet.xlsx")
    await shot(page, "8-fejl")
    await page.context().close()
  })

  it("after a restart the analysis is still listed, and two can be compared", async () => {
    await env.restart()
    const { page, problems } = await newPage()
    await page.goto(env.server.url)
    const id = analysisUrl.split("/").pop()!
    expect(await textOf(page.locator(`tr[data-id="${id}"]`))).toContain("Konference 5. december 2024")
    await shot(page, "9-efter-genstart")

    // A second analysis (the same answers as a semicolon CSV) to compare with.
    await page.setInputFiles("#file", fixture("udsagn-excel-semikolon-cp1252.csv"))
    await page.getByRole("button", { name: "Start analysen" }).click()
    await page.getByRole("link", { name: "Hent anbefalinger (Word)" }).waitFor({ timeout: 90_000 })
    await page.getByRole("link", { name: "Sammenlign analyser" }).click()
    await page.getByRole("button", { name: "Sammenlign" }).click()
    await page.locator("h2", { hasText: "Temaer: A mod B" }).waitFor()
    expect(await textOf(page.locator("table.compare"))).toContain("procentpoint")
    await shot(page, "10-sammenlign")
    expect(problems).toEqual([])
    await page.context().close()
  })

  it("takes two exports and notes (Markdown and Word) in one upload through the form", async () => {
    const { page, problems } = await newPage()
    await page.goto(env.server.url)
    await page.setInputFiles("#file", [fixture("udsagn-tabel.xlsx"), fixture("udsagn-utf8.csv")])
    expect(await textOf(page.locator("#chosen-file"))).toBe("Valgte filer: udsagn-tabel.xlsx, udsagn-utf8.csv")
    await page.getByText("Noter fra oplæg og drøftelser (valgfrit)").click()
    await page.setInputFiles("#notes", [fixture("notes/oplaeg.md"), fixture("notes/droeftelser.docx")])
    await page.getByRole("button", { name: "Start analysen" }).click()
    await page.getByRole("link", { name: "Hent anbefalinger (Word)" }).waitFor({ timeout: 90_000 })
    const report = page.frameLocator("iframe.report")
    await report.locator("h3", { hasText: "Fra oplæg og drøftelser" }).first().waitFor()
    expect(await report.locator("h3", { hasText: "Fra oplæg og drøftelser" }).count()).toBeGreaterThan(0)
    expect(await textOf(report.locator("#kilder"))).toContain("Udsagn utf8")
    await shot(page, "11-flere-filer-og-noter")
    expect(problems).toEqual([])
    await page.context().close()
  })
})
