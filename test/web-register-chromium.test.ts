import * as fs from "node:fs"
import * as path from "node:path"
import { strFromU8, unzipSync } from "fflate"
import { type Page } from "playwright-core"
import { describe, expect, it } from "vitest"
import { artifactsDir, chromiumWithServer, fixture, sampleExport } from "./support.js"

// Issue 15, done when: after two uploads the register lists the recommendations of both; a
// status set to `besluttet` with a note, through the pages, survives a restart of the server
// and appears in the exported Word overview; deleting an analysis asks whether its recommendations
// stay. A person in Chromium, `udsagn serve` as a process.

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(artifactsDir, `register-${name}.png`), fullPage: true })

const env = chromiumWithServer("register")
const note = "Udvalgsmøde 24. april 2025, punkt 5"

const newPage = async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: "da-DK" })
  const page = await context.newPage()
  const problems: Array<string> = []
  page.on("pageerror", (e) => problems.push(String(e)))
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text())
  })
  return { page, problems }
}

/** Upload on the front page, wait for the analysis, edit its first recommendation and send the draft. */
const uploadAndSend = async (page: Page, file: string, edit: string) => {
  await page.goto(env.server.url)
  await page.locator("#file").setInputFiles(file)
  await page.getByRole("button", { name: "Start analysen" }).click()
  await page.waitForURL(/\/analyser\/[0-9a-f-]{36}$/)
  const id = /\/analyser\/([0-9a-f-]{36})$/.exec(page.url())![1]!
  const editLink = page.getByRole("link", { name: "Rediger anbefalinger og send til registret" })
  await editLink.waitFor({ timeout: 90_000 }).catch(async (e: unknown) => {
    await shot(page, "fejl-upload")
    throw e
  })
  await editLink.click()
  expect(await page.locator("h1").textContent()).toBe("Rediger anbefalingerne")
  const items = await page.locator("fieldset.draft-item").count()
  expect(items).toBeGreaterThan(0)
  await page.locator("#tekst-0").fill(edit)
  await page.getByRole("button", { name: "Gem og send til registret" }).click()
  await page.locator(".notice", { hasText: `${items} anbefalinger er sendt til registret` }).waitFor()
  return { id, items }
}

describe("the register of recommendations in Chromium", () => {
  it("two uploads, both in the register; besluttet with a note survives a restart and is in the Word overview", async () => {
    const { page, problems } = await newPage()
    const a = await uploadAndSend(page, sampleExport, "Tolke og klare breve til borgere med lav sundhedskompetence")
    await shot(page, "1-rediger")
    const b = await uploadAndSend(page, fixture("udsagn-utf8.csv"), "Flere tolke i almen praksis")

    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Anbefalinger" }).click()
    expect(await page.locator("h1").textContent()).toBe("Anbefalinger på tværs af konferencer")
    expect(await page.locator("article.rec").count()).toBe(a.items + b.items)
    expect(await page.locator(`article.rec a[href="/analyser/${a.id}"]`).count()).toBe(a.items)
    expect(await page.locator(`article.rec a[href="/analyser/${b.id}"]`).count()).toBe(b.items)

    // Set the edited one to "besluttet" with the meeting as its note.
    const card = page.locator("article.rec", { hasText: "Tolke og klare breve til borgere med lav sundhedskompetence" })
    await card.getByText("Ret status, dato, note eller tekst").click()
    await card.getByLabel("Status").selectOption("besluttet")
    await card.getByLabel("Note (fx møde og punkt på dagsordenen)").fill(note)
    await card.getByRole("button", { name: "Gem" }).click()
    await page.locator(".notice", { hasText: "Ændringen er gemt" }).waitFor()
    const saved = page.locator("article.rec", { hasText: "Tolke og klare breve" })
    expect(await saved.getAttribute("data-status")).toBe("besluttet")
    expect(await saved.locator(".note").textContent()).toBe(`Note: ${note}`)

    // The statements behind it.
    await saved.getByText(/Udsagn bag anbefalingen/).click()
    expect(await saved.locator("ul.statements li").count()).toBeGreaterThan(0)

    // The two conferences raised the same: confirm the suggestion.
    const suggestion = page.locator("ul.suggestions li").first()
    await suggestion.getByRole("button", { name: "Det er den samme – kæd sammen" }).click()
    await page.locator(".notice", { hasText: "kædet sammen" }).waitFor()
    expect(await page.locator("strong.raised", { hasText: "rejst på 2 konferencer" }).count()).toBe(2)
    await shot(page, "2-register")
    expect(problems).toEqual([])
    await page.context().close()

    // Restart: a new server process on the same folder.
    await env.restart()
    const again = await newPage()
    await again.page.goto(`${env.server.url}/anbefalinger`)
    expect(await again.page.locator("article.rec").count()).toBe(a.items + b.items)
    await again.page.getByLabel("Status").first().selectOption("besluttet")
    await again.page.getByRole("button", { name: "Vis" }).click()
    await again.page.waitForURL(/status=besluttet/)
    expect(await again.page.locator("article.rec").count()).toBe(1)
    expect(await again.page.locator("article.rec .note").textContent()).toBe(`Note: ${note}`)
    await shot(again.page, "3-efter-genstart")

    const [download] = await Promise.all([
      again.page.waitForEvent("download"),
      again.page.getByRole("link", { name: "Hent oversigten (Word)" }).click()
    ])
    expect(download.suggestedFilename()).toBe("anbefalinger.docx")
    const file = path.join(env.files, "anbefalinger.docx")
    await download.saveAs(file)
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))["word/document.xml"]!)
    expect(xml).toContain("Besluttet (1)")
    expect(xml).toContain("Tolke og klare breve til borgere med lav sundhedskompetence")
    expect(xml).toContain(note)
    expect(xml).toContain("Konference 5. december 2024")
    // Deleting the second analysis asks whether its recommendations stay; they do.
    await again.page.goto(`${env.server.url}/analyser/${b.id}`)
    await again.page.locator("#bekraeft").check()
    await again.page.getByRole("button", { name: "Slet analysen" }).click()
    expect(await again.page.locator("h1").textContent()).toBe("Skal anbefalingerne blive i registret?")
    await again.page.getByLabel(/Behold dem i registret/).check()
    await again.page.getByRole("button", { name: "Slet analysen" }).click()
    await again.page.waitForURL(/\/\?slettet=/)
    await again.page.goto(`${env.server.url}/anbefalinger`)
    expect(await again.page.locator("article.rec").count()).toBe(a.items + b.items)
    expect(await again.page.locator("article.rec", { hasText: "(analysen er slettet)" }).count()).toBe(b.items)

    // No page wider than a phone.
    await again.page.setViewportSize({ width: 400, height: 800 })
    for (const url of ["/anbefalinger", `/analyser/${a.id}/anbefalinger`]) {
      await again.page.goto(`${env.server.url}${url}`)
      expect(await again.page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(400)
    }
    expect(again.problems).toEqual([])
    await again.page.context().close()
  }, 300_000)
})
