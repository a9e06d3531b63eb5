import * as fs from "node:fs"
import { AnalyzerLive } from "@udsagn/web/AnalyzerLive"
import { type RunningServer, startWebServer } from "@udsagn/web/Server"
import { type Browser, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launchChromium, sampleExport, tempDir } from "./support.js"

// The review page in Chromium as a reviewer meets it: the save button among the first tab
// stops, unsaved ticks asked about before another page, a filter or closing the tab loses them,
// and no page of the app (nor the report) wider than a 400 px phone screen.

let browser: Browser
let server: RunningServer
let id = ""

beforeAll(async () => {
  browser = await launchChromium()
  server = await startWebServer({ settings: { reportsDir: tempDir("udsagn-review-chromium-") }, analyzer: AnalyzerLive })
  const body = new FormData()
  body.append("file", new Blob([fs.readFileSync(sampleExport)]), "menti-konference-2024-12-05.xlsx")
  const res = await fetch(`${server.url}/api/analyses`, { method: "POST", body })
  expect(res.status).toBe(201)
  id = ((await res.json()) as { id: string }).id
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const newPage = async (width = 1280) => {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: "da-DK" })
  const page = await context.newPage()
  const errors: Array<string> = []
  page.on("pageerror", (e) => errors.push(String(e)))
  return { page, errors }
}

// Strings, since this file is compiled without DOM types.
const activeIsSave = (page: Page) =>
  page.evaluate(`document.activeElement !== null && document.activeElement.matches(".savebar.top button[type=submit]")`)

describe("the review page in Chromium", () => {
  it("reaches the save button within the first tab stops", async () => {
    const { errors, page } = await newPage()
    await page.goto(`${server.url}/analyser/${id}/gennemgang`)
    let stops = 0
    for (; stops < 60; stops++) {
      if (await activeIsSave(page)) break
      await page.keyboard.press("Tab")
    }
    expect(await activeIsSave(page)).toBe(true)
    // Past the menu, the crumbs, the two starting points and the filter: before any statement.
    expect(stops).toBeLessThanOrEqual(20)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it("asks before unsaved ticks are lost to another page, a filter or closing the tab", async () => {
    const { errors, page } = await newPage()
    const start = `${server.url}/analyser/${id}/gennemgang`
    await page.goto(start)
    const dialogs: Array<{ type: string; message: string }> = []
    let accept = false
    page.on("dialog", (d) => {
      dialogs.push({ type: d.type(), message: d.message() })
      void (accept ? d.accept() : d.dismiss())
    })
    const set = page.locator("fieldset.statement").first()
    const value = await set.locator("input[type=checkbox]:not(:checked)").first().getAttribute("value")
    const box = set.locator(`input[type=checkbox][value="${value}"]`)
    await box.check()
    await expect.poll(() => page.locator("[data-unsaved-count]").textContent()).toContain("1 udsagn med rettelser, der ikke er gemt")

    // Another page: asked, and staying keeps the tick.
    await page.locator("nav.pager a[rel=next]").first().click()
    expect(dialogs.at(-1)).toEqual({ type: "confirm", message: expect.stringContaining("ikke er gemt") })
    expect(page.url()).toBe(start)
    expect(await box.isChecked()).toBe(true)

    // A filter: asked too.
    await page.selectOption("#f-tema", "health-literacy")
    await page.locator("form.filters button[type=submit]").click()
    expect(dialogs).toHaveLength(2)
    expect(page.url()).toBe(start)

    // Closing the tab: the browser's own question.
    await page.close({ runBeforeUnload: true })
    await expect.poll(() => dialogs.length).toBe(3)
    expect(dialogs[2]!.type).toBe("beforeunload")

    // Going on anyway, when the reviewer says so.
    accept = true
    await page.locator("nav.pager a[rel=next]").first().click()
    await page.waitForURL(/side=2/)
    expect(errors).toEqual([])
  })

  it("saves the page's ticks without asking", async () => {
    const { page } = await newPage()
    await page.goto(`${server.url}/analyser/${id}/gennemgang?side=2`)
    const dialogs: Array<string> = []
    page.on("dialog", (d) => {
      dialogs.push(d.type())
      void d.dismiss()
    })
    const set = page.locator("fieldset.statement").first()
    const statement = await set.getAttribute("data-statement")
    await set.locator("input[type=checkbox][value=staff-burnout]").check()
    await Promise.all([page.waitForURL(/gemt=1/), page.locator(".savebar.top button[type=submit]").click()])
    expect(page.url()).toContain("side=2")
    expect(dialogs).toEqual([])
    const rows = (await (await fetch(`${server.url}/api/analyses/${id}/statements.json`)).json()) as Array<{ id: string; themes: Array<string> }>
    expect(rows.find((r) => r.id === statement)!.themes).toContain("staff-burnout")
    await page.context().close()
  })
})

describe("every page at 400 px", () => {
  it("is no wider than the screen", async () => {
    const { page } = await newPage(400)
    const paths = [
      "/",
      `/analyser/${id}`,
      `/analyser/${id}/gennemgang`,
      `/analyser/${id}/gennemgang?side=2`,
      `/analyser/${id}/gennemgang?usikre=1`,
      `/analyser/${id}/filer/report.html`,
      `/sammenlign`,
      `/sammenlign?a=${id}&b=${id}`,
      "/rettelser",
      "/temaer",
      "/anbefalinger",
      `/analyser/${id}/anbefalinger`,
      "/findes-ikke"
    ]
    const wide: Array<string> = []
    for (const p of paths) {
      await page.goto(`${server.url}${p}`)
      const width = (await page.evaluate("document.documentElement.scrollWidth")) as number
      if (width > 400) {
        const culprits = await page.evaluate(`[...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > 401 && e.parentElement.getBoundingClientRect().right <= 401).slice(0, 4).map((e) => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right)).join(", ")`)
        wide.push(`${p}: ${width} px (${String(culprits)})`)
      }
    }
    expect(wide).toEqual([])
    await page.context().close()
  })
})
