import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { userMessage } from "../src/Analyses.js"
import { escapeHtml, html } from "../src/Html.js"
import { isAnalysisId, newAnalysisId } from "../src/Ids.js"
import { slug } from "../src/Names.js"
import { AnalysisMeta } from "../src/AnalysisMeta.js"
import { analysisPage, downloadName } from "../src/pages/AnalysisPage.js"
import { reviewPage } from "../src/pages/ReviewPage.js"
import { displayName, inputFileFor } from "../src/Upload.js"

// Pure pieces: escaping, stored names, ids, download names, the pages' text.

describe("html", () => {
  it("escapes every interpolated string", () => {
    expect(html`<p title="${"\" onload=\"x"}">${"<script>alert(1)</script>"}</p>`.html).toBe(
      "<p title=\"&quot; onload=&quot;x\">&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )
    expect(escapeHtml("Æ & ø 'å'")).toBe("Æ &amp; ø &#39;å&#39;")
    expect(escapeHtml("`x`")).toBe("&#96;x&#96;")
  })
})

describe("stored input names", () => {
  it.each([
    ["menti-konference-2024-12-05.xlsx", "menti-konference-2024-12-05.xlsx"],
    ["Svar fra Årsmødet (endelig).XLSX", "svar-fra-aarsmoedet-endelig.xlsx"],
    ["../../etc/passwd.csv", "passwd.csv"],
    ["C:\\Users\\anne\\Skrivebord\\udsagn.csv", "udsagn.csv"],
    ["....xlsx", "konference.xlsx"],
    ["🙂.csv", "konference.csv"]
  ])("%s is stored as %s", (client, stored) => {
    expect(inputFileFor(client)).toBe(stored)
  })

  it("refuses other extensions", () => {
    for (const name of ["a.xls", "a.pdf", "xlsx", "a.xlsx.exe", "a.numbers"]) {
      expect(inputFileFor(name), name).toBeUndefined()
    }
  })

  it("shows the client's name without path or control characters", () => {
    expect(displayName("C:\\x\\y\\svar.xlsx")).toBe("svar.xlsx")
    expect(displayName("a\u0000b\nc.csv")).toBe("abc.csv")
  })

  it("puts the user's file name back into the pipeline's messages", () => {
    const folder = "/srv/reports/.tmp-abc"
    expect(userMessage(`Filen ${folder}/svar.xlsx er tom.`, folder, { inputFile: "svar.xlsx", themesFile: undefined, sourceName: "Svar.xlsx" }))
      .toBe("Filen Svar.xlsx er tom.")
  })
})

describe("ids", () => {
  it("are random v4 UUIDs and nothing else passes", () => {
    const a = newAnalysisId()
    expect(isAnalysisId(a)).toBe(true)
    expect(newAnalysisId()).not.toBe(a)
    for (const bad of ["..", "../x", `${a}/..`, a.toUpperCase(), "", "3f2b8c1e-9a7d-1e6f-8b5a-1c2d3e4f5a6b"]) {
      expect(isAnalysisId(bad), bad).toBe(false)
    }
  })
})

describe("download names", () => {
  it("are Danish, ASCII and carry the conference", () => {
    expect(slug("Årsmøde på Ærø 2024")).toBe("aarsmoede-paa-aeroe-2024")
    expect(slug("🙂")).toBe("analyse")
    const meta = { title: "Konference 5. december 2024" }
    expect(downloadName(meta, "recommendations.docx")).toBe("anbefalinger-konference-5-december-2024.docx")
    expect(downloadName(meta, "statements.xlsx")).toBe("udsagn-konference-5-december-2024.xlsx")
    expect(downloadName(meta, "charts/theme-overview.png")).toBe("theme-overview.png")
  })
})

describe("counts in the page text", () => {
  const meta = (needsReview: number, overrides: number) =>
    Schema.decodeUnknownSync(AnalysisMeta)({
      id: newAnalysisId(), status: "finished", createdAt: "2024-12-05T10:00:00Z", updatedAt: "2024-12-05T10:00:00Z",
      title: "Konference", sourceName: "konference.xlsx", inputFile: "konference.xlsx",
      run: "run-1733392800000-abcdef12", files: ["report.html"], statements: 10, needsReview, overrides,
      themes: [], themeLabels: [{ id: "other", label: "Andet" }]
    })

  it("say what was corrected, and read well for one statement", () => {
    expect(analysisPage(meta(1, 3))).toContain("Du har rettet <strong>3</strong> udsagn (temaer, tekst eller udeladt).")
    const review = reviewPage({ meta: meta(1, 1), rows: [], filter: {} })
    expect(review).toContain("Start med det udsagn, programmet er usikker på")
    expect(review).not.toContain("de 1 udsagn")
    expect(reviewPage({ meta: meta(4, 0), rows: [], filter: {} })).toContain("Start med de 4 udsagn, programmet er usikker på")
  })
})
