import * as fs from "node:fs"
import * as path from "node:path"
import { strFromU8, unzipSync } from "fflate"
import { type Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { artifactsDir, chromiumWithServer, sampleExport } from "./support.js"

// Issue 12's done-when, on the pages alone, in Chromium: add the theme "Tværsektorielt
// samarbejde" with three words, upload the sample with a title, see statements under the new
// theme, leave one statement out, rewrite another's text (a name taken out), download the Word
// draft and find the title in it, then delete the analysis and see it gone (list and disk).

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(artifactsDir, `admin-${name}.png`), fullPage: false })
const textOf = async (page: Page, selector: string) => (await page.locator(selector).first().textContent())?.replace(/\s+/g, " ").trim()

const env = chromiumWithServer("admin")

const title = "Lighed i sundhed – konference 2024"

describe("the administration shapes an analysis in Chromium", () => {
  it("new theme, title, statements under the theme, leave out, rewrite, Word draft with the title, delete", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: "da-DK" })
    const page = await context.newPage()
    const problems: Array<string> = []
    page.on("pageerror", (e) => problems.push(String(e)))

    // A new theme with three words, on the page Temaer.
    await page.goto(env.server.url)
    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Temaer" }).click()
    const added = page.locator("fieldset", { has: page.locator("legend", { hasText: "Nyt tema" }) })
    await added.getByLabel("Navn").fill("Tværsektorielt samarbejde")
    await added.getByLabel("Navn").press("Tab")
    await page.keyboard.type("Samarbejde og overgange mellem sygehus, kommune og egen læge")
    await page.keyboard.press("Tab")
    await page.keyboard.type("kommune\novergange\nsektorer")
    await page.getByRole("button", { name: "Gem temaerne" }).click()
    await page.locator(".notice", { hasText: "Temaerne er gemt" }).waitFor()

    // Upload the sample with a title and a date.
    await page.goto(env.server.url)
    await page.setInputFiles("#file", sampleExport)
    await page.getByLabel("Titel på rapporten (valgfrit)").fill(title)
    await page.getByLabel("Konferencens dato (valgfrit)").fill("2024-12-05")
    await page.getByRole("button", { name: "Start analysen" }).click()
    await page.waitForURL(/\/analyser\/[0-9a-f-]{36}$/)
    const id = new URL(page.url()).pathname.split("/").pop()!
    // The first analysis with a changed theme set trains its model once: it takes a while.
    await page.getByRole("link", { name: "Hent anbefalinger (Word)" }).waitFor({ timeout: 180_000 })
    expect(await textOf(page, "h1")).toBe(title)
    const cross = "tvaersektorielt-samarbejde"
    expect(Number(await textOf(page, `td[data-count="${cross}"]`))).toBeGreaterThanOrEqual(3)
    await page.goto(`${env.server.url}/analyser/${id}/gennemgang?tema=${cross}`)
    const underTheme = await page.locator("fieldset.statement legend").allTextContents()
    expect(underTheme.join("\n")).toContain("Overgangene mellem sygehus, egen læge og kommune")
    await page.goto(`${env.server.url}/analyser/${id}`)

    // Review: leave the first statement out, rewrite the second's text.
    await page.getByRole("link", { name: "Gennemgå og ret temaer" }).click()
    const sets = page.locator("fieldset.statement")
    const first = sets.nth(0)
    const second = sets.nth(1)
    const leftOutText = (await first.locator("legend").textContent())!.trim()
    const rewrittenFrom = (await second.locator("legend").textContent())!.trim()
    const rewrittenTo = "[navn] sagde noget klogt om sundhedskompetence"
    await first.getByLabel("Udelad fra rapporten").check()
    await second.getByText("Ret tekst").click()
    await second.getByLabel("Teksten, som den skal stå i rapporten").fill(rewrittenTo)
    await shot(page, "1-udelad-ret-tekst")
    await page.getByRole("button", { name: "Gem rettelser" }).first().click()
    await page.locator(".notice", { hasText: "Dine rettelser er gemt" }).waitFor({ timeout: 90_000 })
    // 173 statements: the first page of two (100 a page).
    expect(await textOf(page, "#antal")).toBe("Viser udsagn 1–100 af 173 · side 1 af 2.")
    expect(await textOf(page, "details.left-out summary")).toBe("Udeladte udsagn (1)")
    const everywhere = async (text: string) => {
      let n = 0
      for (const side of [1, 2]) {
        await page.goto(`${env.server.url}/analyser/${id}/gennemgang?side=${side}`)
        n += await page.locator("fieldset.statement legend", { hasText: text }).count()
      }
      return n
    }
    expect(await everywhere(rewrittenTo)).toBe(1)
    expect(await everywhere(leftOutText)).toBe(0)

    // The report (in the page's frame) has the new text, not the old ones.
    await page.goto(`${env.server.url}/analyser/${id}`)
    const report = page.frameLocator("iframe.report")
    await report.locator("h1").waitFor()
    const reportText = (await report.locator("body").textContent()) ?? ""
    expect(reportText).toContain(title)
    expect(reportText).not.toContain(rewrittenFrom)
    expect(reportText).toContain("Udeladt af en person ved gennemgangen")

    // The Word draft carries the title, in its name and inside.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Hent anbefalinger (Word)" }).click()
    ])
    expect(download.suggestedFilename()).toBe("anbefalinger-lighed-i-sundhed-konference-2024.docx")
    const file = path.join(env.files, "anbefalinger.docx")
    await download.saveAs(file)
    const docx = Object.values(unzipSync(new Uint8Array(fs.readFileSync(file)))).map((p) => strFromU8(p)).join("\n")
    expect(docx).toContain(title)
    expect(docx).not.toContain(rewrittenFrom)

    // Delete: a tick to confirm, then the button; the front page says so and lists it no more.
    expect(fs.existsSync(path.join(env.reportsDir, id))).toBe(true)
    await page.getByLabel(`Ja, slet »${title}«`).check()
    await shot(page, "2-slet")
    await page.getByRole("button", { name: "Slet analysen" }).click()
    await page.waitForURL((url) => url.pathname === "/")
    expect(await textOf(page, ".notice")).toContain(`Analysen »${title}« er slettet`)
    expect(await page.locator(`tr[data-id="${id}"]`).count()).toBe(0)
    expect(fs.existsSync(path.join(env.reportsDir, id))).toBe(false)
    expect(fs.readdirSync(env.reportsDir).filter((n) => n.includes(id))).toEqual([])
    await page.goto(`${env.server.url}/analyser/${id}`)
    expect(await textOf(page, "h1")).toBe("Ikke fundet")
    expect(problems).toEqual([])
    await context.close()
  }, 420_000)
})
