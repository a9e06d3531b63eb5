import * as fs from "node:fs"
import * as path from "node:path"
import { type Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { artifactsDir, chromiumWithServer, sampleExport } from "./support.js"

// The administration shapes the themes in the browser (issue 12): on the page Temaer a person adds
// the theme "Tværsektorielt samarbejde" with three words, uploads the sample and finds statements
// under the new theme; a theme file chosen on the front page is used (Chromium sends it as
// application/json, which the server once dropped), a wrong one is refused in Danish; and an
// analysis is re-run with the default themes again. Real `udsagn serve`, real Chromium.

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(artifactsDir, `themes-${name}.png`), fullPage: true })
const cross = "tvaersektorielt-samarbejde"

const env = chromiumWithServer("web-themes")

const newPage = async (width = 1280) => {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, locale: "da-DK" })
  const page = await context.newPage()
  const problems: Array<string> = []
  page.on("pageerror", (e) => problems.push(String(e)))
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text())
  })
  return { page, problems }
}

/** No page may scroll sideways on a 400 px screen. */
const fitsWidth = (page: Page) => page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

const uploadSample = async (page: Page) => {
  await page.goto(env.server.url)
  await page.setInputFiles("#file", sampleExport)
  await page.getByRole("button", { name: "Start analysen" }).click()
  await page.waitForURL(/\/analyser\/[0-9a-f-]{36}$/)
  await page.getByRole("link", { name: "Hent anbefalinger (Word)" }).waitFor({ timeout: 150_000 })
  return page.url()
}

describe("themes in the web app, in Chromium", () => {
  let analysisUrl = ""

  it("add the theme »Tværsektorielt samarbejde« with three words, upload the sample, see statements under it", async () => {
    const { page, problems } = await newPage(400)
    await page.goto(env.server.url)
    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Temaer" }).click()
    expect(await page.locator("h1").textContent()).toBe("Temaer")
    expect(await fitsWidth(page)).toBe(true)

    const added = page.locator("fieldset", { has: page.locator("legend", { hasText: "Nyt tema" }) })
    // By keyboard, as a person without a mouse: the name field, then Tab to the next fields.
    await added.getByLabel("Navn").focus()
    await page.keyboard.type("Tværsektorielt samarbejde")
    await page.keyboard.press("Tab")
    await page.keyboard.type("Samarbejde og overgange mellem sygehus, kommune og egen læge")
    await page.keyboard.press("Tab")
    await page.keyboard.type("kommune\novergange\nsektorer")
    await shot(page, "1-nyt-tema")
    await page.getByRole("button", { name: "Gem temaerne" }).click()
    await page.locator(".notice", { hasText: "Temaerne er gemt" }).waitFor()
    expect(await fitsWidth(page)).toBe(true)
    expect(await page.locator(`fieldset[data-theme="${cross}"] legend`).textContent()).toBe("Tværsektorielt samarbejde")

    analysisUrl = await uploadSample(page)
    const count = Number(await page.locator(`td[data-count="${cross}"]`).textContent())
    expect(count).toBeGreaterThanOrEqual(3)
    await shot(page, "2-analyse")

    await page.goto(`${analysisUrl}/gennemgang?tema=${cross}`)
    const texts = await page.locator("fieldset.statement legend").allTextContents()
    expect(texts.length).toBeGreaterThanOrEqual(3)
    expect(texts.join("\n")).toContain("Overgangene mellem sygehus, egen læge og kommune")
    expect(await page.locator(`fieldset.statement input[value="${cross}"]:checked`).count()).toBe(texts.length)
    await shot(page, "3-udsagn-under-nyt-tema")
    expect(problems).toEqual([])
    await page.context().close()
  }, 240_000)

  it("the front page's theme file field works from the browser; a wrong file gives a Danish error", async () => {
    const { page, problems } = await newPage()
    const wrong = path.join(env.files, "forkerte-temaer.json")
    fs.writeFileSync(wrong, JSON.stringify({ themes: [{ id: "tolke", terms: ["tolk"] }] }))
    await page.goto(env.server.url)
    await page.setInputFiles("#file", sampleExport)
    await page.locator("summary", { hasText: "Egne temaer" }).click()
    await page.setInputFiles("#themes", wrong)
    await page.getByRole("button", { name: "Start analysen" }).click()
    await page.locator(".error").waitFor()
    expect(await page.locator(".error").textContent()).toContain("Temafilen »forkerte-temaer.json« kan ikke bruges: tema nr. 1: navnet (label) mangler")
    // The refusal is a 400 page; Chromium logs that status, which is no fault of the page.
    expect(problems.splice(0).filter((p) => !p.includes("status of 400"))).toEqual([])

    const own = path.join(env.files, "tolke.json")
    fs.writeFileSync(own, JSON.stringify({ themes: [{ id: "tolke", label: "Tolke og sprog", terms: ["tolk", "tolke", "tolkning", "sprog"] }] }))
    await page.setInputFiles("#file", sampleExport)
    await page.locator("summary", { hasText: "Egne temaer" }).click()
    await page.setInputFiles("#themes", own)
    await page.getByRole("button", { name: "Start analysen" }).click()
    await page.waitForURL(/\/analyser\/[0-9a-f-]{36}$/)
    await page.getByRole("link", { name: "Hent anbefalinger (Word)" }).waitFor({ timeout: 150_000 })
    const themes = await page.locator("table.themes-table tbody th").allTextContents()
    expect(themes.map((t) => t.trim())).toEqual(["Tolke og sprog", "Andet"])
    expect(Number(await page.locator('td[data-count="tolke"]').textContent())).toBeGreaterThan(0)
    expect(problems).toEqual([])
    await page.context().close()
  }, 240_000)

  it("back to the default themes, and the first analysis re-run with them is a new analysis without the new theme", async () => {
    const { page, problems } = await newPage()
    await page.goto(`${env.server.url}/temaer`)
    await page.getByLabel("Ja, slet de gemte temaer og brug standardtemaerne igen").check()
    await page.getByRole("button", { name: "Gå tilbage til standardtemaerne" }).click()
    await page.locator(".notice", { hasText: "Standardtemaerne bruges igen" }).waitFor()
    expect(await page.locator(`fieldset[data-theme="${cross}"]`).count()).toBe(0)

    await page.goto(analysisUrl)
    await page.getByRole("button", { name: "Kør igen med de nuværende temaer" }).click()
    await page.waitForURL((url) => /\/analyser\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== analysisUrl)
    await page.getByRole("link", { name: "Hent anbefalinger (Word)" }).waitFor({ timeout: 150_000 })
    expect(await page.locator(`td[data-count="${cross}"]`).count()).toBe(0)
    expect(await page.locator('td[data-count="health-literacy"]').count()).toBe(1)
    // The first analysis is as it was.
    await page.goto(analysisUrl)
    expect(await page.locator(`td[data-count="${cross}"]`).count()).toBe(1)
    expect(problems).toEqual([])
    await page.context().close()
  }, 240_000)
})
