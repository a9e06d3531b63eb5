import { NodeContext } from "@effect/platform-node"
import { ChartRenderer } from "@udsagn/charts/ChartRenderer"
import { buildChartSpecs } from "@udsagn/charts/ChartSpecs"
import { ConferenceFeedback } from "@udsagn/conference-feedback/ConferenceFeedback"
import { ReportWriter } from "@udsagn/report/ReportWriter"
import { Effect, Layer } from "effect"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { type Browser, type Page } from "playwright-core"
import { launchChromium } from "./support.js"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Fixture, hostileCsvPath, hostileFixture, sampleFixture, simpleCharts } from "../packages/report/test/fixtures.js"
import { docxParts, xlsxCells } from "../packages/report/test/inspect.js"

// The committee opens report.html in a browser, offline or from an e-mail: render it in real
// headless Chromium and check that it loads nothing, runs nothing, shows every theme and prints on A4.

const artifacts = fileURLToPath(new URL("../test-artifacts/", import.meta.url))

/** Writes the report; with `realCharts` the charts stage draws them (Vega-Lite SVG), else plain stand-ins. */
const writeReport = (fixture: Fixture, outDir: string, realCharts = false) =>
  Effect.gen(function*() {
    const writer = yield* ReportWriter
    const charts = realCharts
      ? yield* (yield* ChartRenderer).writeAll(buildChartSpecs(fixture.summary, fixture.result), outDir)
      : simpleCharts(fixture.summary)
    return yield* writer.write({ ...fixture, charts, outDir })
  }).pipe(
    Effect.provide(Layer.mergeAll(ReportWriter.Default, ChartRenderer.Default).pipe(Layer.provide(NodeContext.layer))),
    Effect.runPromise
  )

interface Visit {
  readonly page: Page
  readonly requests: Array<string>
  readonly consoleErrors: Array<string>
  readonly dialogs: Array<string>
}

let browser: Browser
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "udsagn-chromium-"))

const visit = async (file: string): Promise<Visit> => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } })
  const visit: Visit = { page, requests: [], consoleErrors: [], dialogs: [] }
  page.on("request", (r) => visit.requests.push(r.url()))
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") visit.consoleErrors.push(m.text())
  })
  page.on("pageerror", (e) => visit.consoleErrors.push(String(e)))
  page.on("dialog", (d) => {
    visit.dialogs.push(d.message())
    void d.dismiss()
  })
  // Anything but the file itself would be a request to the network (or another file).
  await page.route("**/*", (route) =>
    route.request().url() === pathToFileURL(file).href ? route.continue() : route.abort()
  )
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" })
  return visit
}

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe("report.html in headless Chromium", () => {
  it("loads nothing, logs no error, shows every theme, and prints on A4", async () => {
    const fixture = sampleFixture()
    const files = await writeReport(fixture, path.join(tmp, "sample"), true)
    const { consoleErrors, dialogs, page, requests } = await visit(files.html)

    expect(requests).toEqual([pathToFileURL(files.html).href])
    expect(consoleErrors).toEqual([])
    expect(dialogs).toEqual([])
    expect(await page.title()).toContain(fixture.result.event.title)

    for (const t of fixture.summary.themes.filter((t) => t.theme !== "other")) {
      const section = page.locator(`section#tema-${t.theme}`)
      await expect(section.locator("h2").textContent()).resolves.toBe(t.label)
      expect(await section.locator("blockquote").count()).toBeGreaterThanOrEqual(3)
    }
    for (const id of ["sammenfatning", "overblik", "spoergsmaal", "til-gennemsyn", "metode"]) {
      expect(await page.locator(`section#${id}`).count()).toBe(1)
    }
    // Overview, theme × question, two closed questions and the key terms of each theme.
    expect(await page.locator("figure.chart svg").count()).toBeGreaterThanOrEqual(4 + fixture.result.closedQuestions.length)
    expect(await page.locator("section#overblik figure.chart svg").count()).toBe(1)

    fs.mkdirSync(artifacts, { recursive: true })
    await page.screenshot({ path: path.join(artifacts, "report.png"), fullPage: true })

    // On screen the full lists are folded; in print (and so in the PDF) every list is open.
    const hidden = page.locator("details.all ol.statements li").first()
    expect(await hidden.isVisible()).toBe(false)
    await page.emulateMedia({ media: "print" })
    expect(await hidden.isVisible()).toBe(true)
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true })
    fs.writeFileSync(path.join(artifacts, "report.pdf"), pdf)
    const text = pdf.toString("latin1")
    expect(text.startsWith("%PDF")).toBe(true)
    const pages = text.match(/\/Type\s*\/Page\b/g) ?? []
    expect(pages.length).toBeGreaterThan(5)
    // A4 is 595 × 842 points.
    expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](?:\.\d+)? 84[12](?:\.\d+)?\s*\]/)
    await page.close()
  })

  it("shows hostile statements as text and runs none of them", async () => {
    const fixture = hostileFixture()
    const files = await writeReport(fixture, path.join(tmp, "hostile"))
    const { consoleErrors, dialogs, page, requests } = await visit(files.html)
    // Give any injected handler a chance to fire.
    await page.mouse.move(200, 300)
    await page.mouse.move(400, 900)
    await page.waitForTimeout(200)

    expect(dialogs).toEqual([])
    expect(requests).toEqual([pathToFileURL(files.html).href])
    expect(consoleErrors).toEqual([])
    expect(await page.locator("img, iframe, object, embed, [onerror], [onmouseover], [onload]").count()).toBe(0)
    expect(await page.locator("script").count()).toBe(1)
    expect(await page.locator("h1").count()).toBe(1)

    const body = (await page.locator("body").textContent()) ?? ""
    expect(body).toContain("<script>alert('xss')</script>Animationer hjælper borgerne")
    expect(body).toContain("<img src=x onerror=alert(1)> billeder i brevene")
    expect(body).toContain("</td></tr></table><h1>Overskrift</h1> for lidt tid til den enkelte")
    expect(body).toContain("<b onmouseover=alert(2)>Spørgsmål</b>")
    expect(body).not.toMatch(/\d{6}-\d{4}|12 34 56 78|23 45 67 89|87 65 43 21|hanne\.holm/)

    for (const t of fixture.summary.themes.filter((t) => t.theme !== "other" && t.count > 0)) {
      expect(await page.locator(`section#tema-${t.theme}`).count()).toBe(1)
    }
    await page.screenshot({ path: path.join(artifacts, "report-hostile.png"), fullPage: false })
    await page.close()
  })

  it("runs the hostile fixture through the whole pipeline: nothing executes, no formula, no personal data", async () => {
    const outDir = path.join(tmp, "hostile-pipeline")
    const output = await ConferenceFeedback.pipe(
      Effect.flatMap((p) => p.analyze({ input: hostileCsvPath, outDir })),
      Effect.provide(ConferenceFeedback.Default.pipe(Layer.provideMerge(NodeContext.layer))),
      Effect.runPromise
    )
    expect(output.result.statements).toHaveLength(13)

    const { consoleErrors, dialogs, page, requests } = await visit(output.reportPath)
    await page.mouse.move(300, 400)
    await page.waitForTimeout(200)
    expect(dialogs).toEqual([])
    expect(consoleErrors).toEqual([])
    expect(requests).toEqual([pathToFileURL(output.reportPath).href])
    expect(await page.locator("img, iframe, object, embed, [onerror], [onmouseover], [onload]").count()).toBe(0)
    expect(await page.locator("script").count()).toBe(1)
    await page.evaluate(`document.querySelectorAll("details").forEach((d) => { d.open = true })`)
    const body = await page.locator("body").innerText()
    expect(body).toContain("<script>alert('xss')</script>Animationer hjælper borgerne")
    await page.close()

    // CPR and phone numbers and the e-mail address are masked in every file the run wrote.
    const personal = /250376-?1239|12 34 56 78|23 45 67 89|87 65 43 21|hanne\.holm|example\.dk/
    for (const name of ["report.html", "recommendations.md", "recommendations.json", "statements.json", "ledger.json"]) {
      expect(fs.readFileSync(path.join(outDir, name), "utf8"), name).not.toMatch(personal)
    }
    for (const [name, xml] of Object.entries(docxParts(path.join(outDir, "recommendations.docx")))) {
      expect(xml, name).not.toMatch(personal)
    }
    const cells = await xlsxCells(path.join(outDir, "statements.xlsx"))
    expect(cells.length).toBeGreaterThan(12 * 3)
    for (const cell of cells) {
      expect(cell.formula).toBeUndefined()
      if (typeof cell.value === "string") {
        expect(cell.value).not.toMatch(/^[=+\-@\t\r]/)
        expect(cell.value).not.toMatch(personal)
      }
    }
  })
})
