import type { Correction } from "@udsagn/categorize/Corrections"
import type { ThemeId } from "@udsagn/domain/Theme"
import { describe, expect, it } from "vitest"
import { correctionsPage } from "../src/pages/CorrectionsPage.js"

const correction = (over: Partial<Correction>): Correction => ({
  id: "0123456789ab",
  text: "Vi løber stærkere <og> stærkere",
  key: "vi loeber staerkere og staerkere",
  themes: ["staff-burnout" as ThemeId],
  themeSet: "ts",
  analysis: "11111111-1111-4111-8111-111111111111",
  createdAt: "2026-01-02T10:00:00.000Z",
  ...over
})

describe("correctionsPage", () => {
  it("lists each correction with its themes' labels, its analysis and a remove form, text escaped", () => {
    const page = correctionsPage({ corrections: [correction({})], labels: new Map([["staff-burnout", "Personalets pres"]]), training: true })
    expect(page).toContain("Vi løber stærkere &lt;og&gt; stærkere")
    expect(page).toContain("Personalets pres")
    expect(page).toContain(`action="/rettelser/0123456789ab/fjern"`)
    expect(page).toContain(`href="/analyser/11111111-1111-4111-8111-111111111111"`)
    expect(page).toContain("trænes netop nu")
  })

  it("says so when there are none, and names `udsagn learn` for corrections from the command line", () => {
    expect(correctionsPage({ corrections: [], labels: new Map(), training: false })).toContain("Der er ingen rettelser endnu")
    const { analysis: _, ...fromCli } = correction({})
    expect(correctionsPage({ corrections: [fromCli], labels: new Map(), training: false })).toContain("udsagn learn")
  })
})
